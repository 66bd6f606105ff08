// The one home for how dates and counts read in Dutch, on the server and in pages alike. Times are
// always shown in Dutch time (Europe/Amsterdam), whatever the server's or the browser's zone.
const ZONE = 'Europe/Amsterdam';

const LONG_DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: ZONE });
const SHORT_DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: ZONE });
const LONG_DATE_TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });
const SHORT_DATE_TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
const STAMP = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: ZONE });

type When = Date | string;

/** "22 november 2026" */
export function formatDate(value: When): string {
	return LONG_DATE.format(new Date(value));
}

/** "22 nov 2026" */
export function formatShortDate(value: When): string {
	return SHORT_DATE.format(new Date(value));
}

/** "22 november 2026 om 14:05" */
export function formatDateTime(value: When): string {
	return LONG_DATE_TIME.format(new Date(value));
}

/** "22 nov 2026, 14:05" */
export function formatShortDateTime(value: When): string {
	return SHORT_DATE_TIME.format(new Date(value));
}

/** "22-11-2026 14:05:09", for logs and mailboxes where the second matters. */
export function formatTimestamp(value: When): string {
	return STAMP.format(new Date(value));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `since` to `now` (never negative). */
export function daysSince(since: When, now: Date = new Date()): number {
	return Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS));
}

/** "vandaag", "1 dag", "12 dagen": how long ago, for "nog geen reactie (…)". */
export function daysAgo(days: number): string {
	if (days === 0) return 'vandaag verstuurd';
	return days === 1 ? '1 dag' : `${days} dagen`;
}

/** "1.234": a number as Dutch readers write it. */
export function formatNumber(n: number): string {
	return n.toLocaleString('nl-NL');
}

/** "1 huisarts", "3 huisartsen" */
export function count(n: number, one: string, many: string): string {
	return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "41 %" of part in whole, rounded; null when there is no whole. */
export function share(part: number, whole: number): string | null {
	if (whole <= 0) return null;
	return `${Math.round((part / whole) * 100)} %`;
}
