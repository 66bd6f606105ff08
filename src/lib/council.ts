// The words of council work as people read them (pages and server alike): kinds of meetings,
// motion results, a party's vote and where that vote came from, and the Dutch date/time of a
// meeting for the forms (Europe/Amsterdam, whatever the server's zone).
import { TZDate } from '@date-fns/tz';
export type MeetingKind = 'raadsvergadering' | 'commissievergadering' | 'informatiebijeenkomst' | 'overig';
export type MeetingStatus = 'gepland' | 'geannuleerd' | 'verplaatst' | 'uitgesteld';
export type MotionType = 'motie' | 'amendement';
export type MotionResult = 'aangenomen' | 'verworpen' | 'ingetrokken' | 'aangehouden' | 'overig';
export type PartyVote = 'voor' | 'tegen' | 'verdeeld' | 'onthouden' | 'afwezig' | 'onbekend';
/** aggregated: from per-member votes in imported data; summary: read from the source's free-text
 * vote summary; manual: entered from the besluitenlijst or notulen (link and page). */
export type VoteSource = 'aggregated' | 'summary' | 'manual';
export type SourceDocument = 'besluitenlijst' | 'notulen';


export const MEETING_KINDS: Record<MeetingKind, string> = {
	raadsvergadering: 'Raadsvergadering',
	commissievergadering: 'Commissievergadering',
	informatiebijeenkomst: 'Informatiebijeenkomst',
	overig: 'Overige bijeenkomst'
};

export const MOTION_RESULTS: Record<MotionResult, string> = {
	aangenomen: 'Aangenomen',
	verworpen: 'Verworpen',
	ingetrokken: 'Ingetrokken',
	aangehouden: 'Aangehouden',
	overig: 'Overig'
};

export const PARTY_VOTES: Record<PartyVote, string> = {
	voor: 'Voor',
	tegen: 'Tegen',
	verdeeld: 'Verdeeld',
	onthouden: 'Onthouden',
	afwezig: 'Afwezig',
	onbekend: 'Onbekend'
};

export const VOTE_SOURCES: Record<VoteSource, string> = {
	aggregated: 'Uit de stemmen per raadslid',
	summary: 'Uit de stemverklaring van de bron',
	manual: 'Ingevoerd uit besluitenlijst of notulen'
};

export const MEETING_STATUSES: Record<MeetingStatus, string> = {
	gepland: 'Gepland',
	geannuleerd: 'Gaat niet door',
	verplaatst: 'Verplaatst',
	uitgesteld: 'Uitgesteld'
};

const ZONE = 'Europe/Amsterdam';

/** The instant of a date ("2026-12-10") and time ("19:30") on the clock in the Netherlands, as
 * ISO with offset; null when either is not a real date or time. */
export function amsterdamInstant(date: string, time: string): string | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
	const t = /^(\d{2}):(\d{2})$/.exec(time.trim());
	if (!d || !t) return null;
	const [year, month, day, hours, minutes] = [...d.slice(1), ...t.slice(1)].map(Number);
	if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59) return null;
	const instant = new TZDate(year, month - 1, day, hours, minutes, ZONE);
	// 31 februari would roll over into March: not a real date.
	if (instant.getDate() !== day || instant.getMonth() !== month - 1) return null;
	return instant.toISOString();
}

/** The Dutch date and time ("2026-12-10", "19:30") of an instant, for a form. */
export function amsterdamParts(iso: string): { date: string; time: string } {
	const local = new TZDate(Date.parse(iso), ZONE);
	const two = (n: number) => String(n).padStart(2, '0');
	return { date: `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`, time: `${two(local.getHours())}:${two(local.getMinutes())}` };
}
