// Going together: a huisarts with a confirmed practice in the gemeente says they go to a meeting
// (optionally to speak on one agenda item, optionally with their name public); colleagues, the
// kring and admins see who goes; the public sees the count and the consented names. A reminder
// goes out the day before, once per person (record_meeting_reminders claims it with the mail).
import { z } from 'zod';
import { db, oneOf } from '$lib/server/platform/db';
import { publicOrigin } from '$lib/server/platform/env';
import { kickMailWorker } from '$lib/server/platform/mail';
import { escapeHtml } from '$lib/server/platform/html';
import { formatDateTime } from '$lib/format';

export interface Attendee {
	userId: string;
	name: string;
	speaksOn: { id: string; title: string } | null;
	namePublic: boolean;
}

export const ATTEND_REFUSED = {
	not_found: 'Deze vergadering bestaat niet (meer).',
	not_allowed: 'Alleen huisartsen met een bevestigde praktijk in deze gemeente kunnen zich hier aanmelden.',
	past: 'Deze vergadering is al begonnen of gaat niet door.',
	invalid_item: 'Dit agendapunt staat niet op deze vergadering.'
} as const;

export async function setAttendance(userId: string, meetingId: string, choice: { speaksOn: string | null; namePublic: boolean }) {
	if (!z.uuid().safeParse(meetingId).success) return 'not_found' as const;
	if (choice.speaksOn && !z.uuid().safeParse(choice.speaksOn).success) return 'invalid_item' as const;
	const { data, error } = await db().rpc('set_meeting_attendance', {
		p_user_id: userId,
		p_meeting_id: meetingId,
		p_name_public: choice.namePublic,
		...(choice.speaksOn ? { p_speaks_on: choice.speaksOn } : {})
	});
	if (error) throw new Error(`setAttendance: ${error.message}`);
	return oneOf(data, ['saved', 'not_found', 'not_allowed', 'past', 'invalid_item'], 'setAttendance');
}

export async function withdrawAttendance(userId: string, meetingId: string) {
	if (!z.uuid().safeParse(meetingId).success) return 'not_found' as const;
	const { data, error } = await db().rpc('withdraw_meeting_attendance', { p_user_id: userId, p_meeting_id: meetingId });
	if (error) throw new Error(`withdrawAttendance: ${error.message}`);
	return oneOf(data, ['withdrawn', 'not_found'], 'withdrawAttendance');
}

/** Everyone who goes to the meeting, by name (for colleagues; the public gets publicAttendance). */
export async function attendeesOf(meetingId: string): Promise<Attendee[]> {
	const { data, error } = await db()
		.from('meeting_attendance')
		.select('user_id, name_public, speaks_on, users(name, email), agenda_items(id, title)')
		.eq('meeting_id', meetingId)
		.order('created_at');
	if (error) throw new Error(`attendeesOf: ${error.message}`);
	return data.map((row) => ({
		userId: row.user_id,
		name: row.users?.name ?? row.users?.email ?? 'Een huisarts',
		speaksOn: row.agenda_items ? { id: row.agenda_items.id, title: row.agenda_items.title } : null,
		namePublic: row.name_public
	}));
}

/** What the public page may say: how many go and who agreed to be named. */
export function publicAttendance(rows: Array<{ name_public: boolean; users: { name: string | null } | null }>): { count: number; names: string[] } {
	return {
		count: rows.length,
		names: rows.flatMap((row) => (row.name_public && row.users?.name ? [row.users.name] : [])).sort((a, b) => a.localeCompare(b, 'nl'))
	};
}

const DAY_MS = 24 * 60 * 60 * 1000;

function reminderMail(input: {
	to: string;
	name: string | null;
	meeting: { id: string; name: string; startsAt: string; location: string | null; url: string | null; gemeenteName: string; gemeenteSlug: string };
	speaksOn: string | null;
	others: string[];
}) {
	const when = formatDateTime(input.meeting.startsAt);
	const subject = `Morgen: ${input.meeting.name} in ${input.meeting.gemeenteName}`;
	const page = `${publicOrigin()}/g/${input.meeting.gemeenteSlug}/raad/vergaderingen/${input.meeting.id}`;
	const lines = [
		`Beste ${input.name ?? 'collega'},`,
		'',
		`Je hebt gezegd dat je naar deze vergadering gaat: ${input.meeting.name}, ${when}${input.meeting.location ? `, ${input.meeting.location}` : ''}.`,
		input.speaksOn ? `Je wilt inspreken bij: ${input.speaksOn}. Meld je op tijd bij de griffie, als dat nog niet is gebeurd.` : '',
		input.others.length > 0 ? `Ook aangemeld: ${input.others.join(', ')}.` : 'Je bent tot nu toe de enige huisarts die zich aanmeldde.',
		'',
		`De agenda en wie er gaan: ${page}`,
		input.meeting.url ? `De vergadering bij de gemeente: ${input.meeting.url}` : '',
		'',
		'— Laat je horen'
	].filter((line, index, all) => line !== '' || all[index - 1] !== '');
	const html = `<!doctype html>
<html lang="nl"><head><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b2430;line-height:1.55;">
${lines
	.filter((line) => line !== '')
	.map((line) => `<p>${escapeHtml(line).replace(/(https?:\/\/\S+)/g, '<a href="$1" style="color:#0d5c63;">$1</a>')}</p>`)
	.join('\n')}
</body></html>`;
	return { to: input.to, subject, text: lines.join('\n'), html };
}

/** Queues the reminder for everyone going to a meeting that starts within a day; each person gets
 * it once, however often this runs. Returns how many were queued. */
export async function sendMeetingReminders(now = new Date()): Promise<number> {
	const { data, error } = await db()
		.from('meeting_attendance')
		.select('meeting_id, user_id, speaks_on, users(name, email), agenda_items(title), meetings!inner(id, name, starts_at, location, url, status, gemeenten(name, slug))')
		.is('reminded_at', null)
		.gt('meetings.starts_at', now.toISOString())
		.lte('meetings.starts_at', new Date(now.getTime() + DAY_MS).toISOString())
		.neq('meetings.status', 'geannuleerd');
	if (error) throw new Error(`sendMeetingReminders: ${error.message}`);
	if (data.length === 0) return 0;
	const { data: all, error: allError } = await db()
		.from('meeting_attendance')
		.select('meeting_id, user_id, users(name)')
		.in('meeting_id', [...new Set(data.map((row) => row.meeting_id))]);
	if (allError) throw new Error(`sendMeetingReminders: ${allError.message}`);
	const items = data.flatMap((row) => {
		if (!row.users?.email) return [];
		const m = row.meetings;
		const others = all.filter((a) => a.meeting_id === row.meeting_id && a.user_id !== row.user_id).map((a) => a.users?.name ?? 'een collega');
		const mail = reminderMail({
			to: row.users.email,
			name: row.users.name,
			meeting: { id: m.id, name: m.name, startsAt: m.starts_at, location: m.location, url: m.url, gemeenteName: m.gemeenten?.name ?? '', gemeenteSlug: m.gemeenten?.slug ?? '' },
			speaksOn: row.agenda_items?.title ?? null,
			others
		});
		return [{ meeting_id: row.meeting_id, user_id: row.user_id, mail }];
	});
	const { data: queued, error: queueError } = await db().rpc('record_meeting_reminders', { p_items: items });
	if (queueError) throw new Error(`sendMeetingReminders: ${queueError.message}`);
	if (queued > 0) kickMailWorker();
	return queued;
}

let timer: ReturnType<typeof setInterval> | null = null;
let running = false;

async function runOnce(): Promise<void> {
	if (running) return;
	running = true;
	try {
		const count = await sendMeetingReminders();
		if (count > 0) console.log(`[vergaderingen] ${count} herinnering(en) voor morgen verstuurd`);
	} catch (error) {
		console.error('[vergaderingen] herinneringen konden niet worden verwerkt:', error);
	} finally {
		running = false;
	}
}

/** Checks every intervalMs (default: hourly) for meetings within a day. */
export function startMeetingReminders(intervalMs = 60 * 60 * 1000): void {
	if (timer) return;
	timer = setInterval(() => void runOnce(), intervalMs);
	timer.unref();
	void runOnce();
}

export function stopMeetingReminders(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
