// iCalendar feeds of upcoming meetings on the care themes (per gemeente, per kring), made with
// ical-generator. Every time is written with TZID=Europe/Amsterdam and a VTIMEZONE block: each
// start and end is handed over as a TZDate in that zone (@date-fns/tz), because a plain Date with a
// time zone is printed in the server's own local time (and a calendar-level zone alone has been
// seen to give floating times). UIDs are stable, so calendar apps update instead of duplicating.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TZDate } from '@date-fns/tz';
import type { CareMeeting } from './public-council';
import { MEETING_KINDS } from './types';

export const ZONE = 'Europe/Amsterdam';
const DEFAULT_LENGTH_MS = 3 * 60 * 60 * 1000;

export interface CalendarInfo {
	name: string;
	description: string;
	/** The page the feed belongs to (absolute). */
	url: string;
	/** Host name for stable UIDs. */
	host: string;
	/** Theme key → label, for the descriptions. */
	themeLabels: Record<string, string>;
}

export function meetingsCalendar(info: CalendarInfo, meetings: CareMeeting[], origin: string): string {
	const calendar = ical({
		name: info.name,
		description: info.description,
		url: info.url,
		prodId: { company: 'Laat je horen', product: 'raadsvergaderingen', language: 'NL' },
		method: ICalCalendarMethod.PUBLISH,
		ttl: 60 * 60
	});
	calendar.timezone({ name: ZONE, generator: getVtimezoneComponent });
	for (const meeting of meetings) {
		const start = new TZDate(Date.parse(meeting.startsAt), ZONE);
		const end = new TZDate(meeting.endsAt ? Date.parse(meeting.endsAt) : Date.parse(meeting.startsAt) + DEFAULT_LENGTH_MS, ZONE);
		const page = `${origin}/g/${meeting.gemeenteSlug}/raad/vergaderingen/${meeting.id}`;
		const themes = meeting.themes.map((key) => info.themeLabels[key] ?? key).join(', ');
		const lines = [
			`${MEETING_KINDS[meeting.kind]} van ${meeting.gemeenteName}.`,
			`Zorgthema's: ${themes}.`,
			...meeting.careItems.map((item) => `- ${item.number ? `${item.number}. ` : ''}${item.title}`),
			meeting.attendance.count > 0 ? `${meeting.attendance.count === 1 ? '1 huisarts komt' : `${meeting.attendance.count} huisartsen komen`} naar deze vergadering.` : '',
			`Meer en aanmelden: ${page}`
		].filter(Boolean);
		calendar.createEvent({
			id: `${meeting.id}@${info.host}`,
			start,
			end,
			timezone: ZONE,
			summary: `${meeting.name} (${meeting.gemeenteName})`,
			description: lines.join('\n'),
			location: meeting.location ?? undefined,
			url: page,
			status: meeting.status === 'geannuleerd' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}

export function calendarHeaders(filename: string): Record<string, string> {
	return {
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': `inline; filename="${filename}.ics"`,
		'cache-control': 'public, max-age=300'
	};
}
