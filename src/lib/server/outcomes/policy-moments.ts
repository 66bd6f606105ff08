// The real dates of a gemeente's policy cycle (set by its kring editors and letter coordinators,
// see permissions.maySetPolicyDates) and the reminder two weeks before each: a short e-mail to the
// gemeente's followers with the suggestion and a link to start a letter for it. A reminder goes
// out only for a real date (an estimate may be weeks off), once: it is claimed and queued in one
// database call (record_policy_reminder); a moved date gets a new one.
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { escapeHtml } from '../platform/html';
import { kickMailWorker } from '../platform/mail';
import { formatDate } from '$lib/format';
import { POLICY_KINDS, addDays, dutchDay, moment, upcomingMoments, settableMoments, type Moment, type PolicyKind, type StoredMoment } from './policy-cycle';
import { followerHeaders, unsubscribeUrl } from './follows';

export const REMIND_DAYS_BEFORE = 14;

export async function storedMoments(gemeenteCode: string): Promise<StoredMoment[]> {
	const { data, error } = await db()
		.from('policy_moments')
		.select('kind, year, on_date, note, users(name)')
		.eq('gemeente_code', gemeenteCode);
	if (error) throw new Error(`storedMoments: ${error.message}`);
	return data.map((row) => ({
		kind: POLICY_KINDS.find((k) => k === row.kind) ?? 'begroting',
		year: row.year,
		onDate: row.on_date,
		note: row.note,
		setBy: row.users?.name ?? null
	}));
}

export async function policyCycle(gemeenteCode: string, today = dutchDay(new Date())): Promise<{ upcoming: Moment[]; settable: Moment[] }> {
	const stored = await storedMoments(gemeenteCode);
	return { upcoming: upcomingMoments(today, stored), settable: settableMoments(today, stored) };
}

/** The link that starts a letter for this moment (the page asks to sign in first). */
export function letterLink(gemeenteCode: string, moment: Pick<Moment, 'occasionKey'>): string {
	return `/campagnes/nieuw?${new URLSearchParams({ gemeente: gemeenteCode, aanleiding: moment.occasionKey })}`;
}

export const momentSchema = z.object({
	kind: z.enum(POLICY_KINDS, { message: 'Kies het moment.' }),
	year: z.coerce.number().int().min(2026).max(2100),
	onDate: z.union([z.literal(''), z.iso.date({ message: 'Geef een geldige datum.' })]),
	note: z.string().trim().max(500, 'Hoogstens 500 tekens.')
});

export type MomentInput = z.infer<typeof momentSchema>;

/** Sets the real date of a moment (or, with an empty date, goes back to the estimate). */
export async function setMoment(actorId: string, gemeenteCode: string, input: MomentInput) {
	const { data, error } = await db().rpc('set_policy_moment', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_kind: input.kind,
		p_year: input.year,
		...(input.onDate ? { p_on_date: input.onDate } : {}),
		...(input.note ? { p_note: input.note } : {})
	});
	if (error) throw new Error(`setMoment: ${error.message}`);
	return oneOf(data, ['saved', 'cleared', 'unchanged', 'not_allowed'], 'setMoment');
}

function reminderMail(
	to: { email: string; name: string | null },
	gemeente: { code: string; name: string },
	moment: Moment,
	unsubscribe: string
) {
	const start = `${publicOrigin()}${letterLink(gemeente.code, moment)}`;
	const subject = `Over twee weken in ${gemeente.name}: ${moment.label.toLowerCase()}`;
	const lines = [
		`Beste ${to.name ?? 'lezer'},`,
		'',
		`Op ${formatDate(moment.date)} staat in ${gemeente.name} ${moment.label.toLowerCase()} op de agenda.${moment.note ? ` ${moment.note}` : ''}`,
		'',
		moment.suggestion,
		'',
		`Begin hier samen een brief voor dit moment: ${start}`,
		'',
		`Je krijgt deze e-mail omdat je ${gemeente.name} volgt op Laat je horen.`,
		`Afmelden met één klik (inloggen is niet nodig): ${unsubscribe}`
	];
	const html = `<!doctype html>
<html lang="nl"><head><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b2430;line-height:1.55;">
<p>${escapeHtml(lines[0])}</p>
<p>${escapeHtml(lines[2])}</p>
<p><strong>${escapeHtml(moment.suggestion)}</strong></p>
<p><a href="${escapeHtml(start)}" style="color:#0d5c63;">Begin samen een brief voor dit moment</a></p>
<p style="font-size:0.9em;color:#4a5565;">${escapeHtml(lines[8])} <a href="${escapeHtml(unsubscribe)}" style="color:#0d5c63;">Afmelden met één klik</a></p>
</body></html>`;
	return { to: to.email, subject, text: lines.join('\n'), html, headers: followerHeaders(unsubscribe, gemeente.code) };
}

/** A reminder counts for every date up to four weeks after it went out, so a date moved back and
 * forth or cleared and set again is not reminded twice; a real postponement is (the database's
 * policy_reminder_stale says the same). */
export function reminderDue(sentAt: string | null, onDate: string): boolean {
	return sentAt === null || dutchDay(new Date(sentAt)) < addDays(onDate, -REMINDER_COUNTS_DAYS);
}
const REMINDER_COUNTS_DAYS = 28;

/** Reminds the followers of every real moment due within REMIND_DAYS_BEFORE days; returns how many
 * moments were reminded. */
export async function sendDuePolicyReminders(now = new Date()): Promise<number> {
	const today = dutchDay(now);
	const { data, error } = await db()
		.from('policy_moments')
		.select('id, gemeente_code, kind, year, on_date, note, reminder_sent_at, gemeenten(name, gemeente_follows(id, users(email, name)))')
		.gte('on_date', today)
		.lte('on_date', addDays(today, REMIND_DAYS_BEFORE));
	if (error) throw new Error(`sendDuePolicyReminders: ${error.message}`);
	let done = 0;
	for (const row of data.filter((r) => reminderDue(r.reminder_sent_at, r.on_date))) {
		if (!row.gemeenten) continue;
		const kind: PolicyKind = POLICY_KINDS.find((k) => k === row.kind) ?? 'begroting';
		const stored = [{ kind, year: row.year, onDate: row.on_date, note: row.note, setBy: null }];
		// This moment, even when its date moved into the next year.
		const due = moment(kind, row.year, stored);
		const gemeente = { code: row.gemeente_code, name: row.gemeenten.name };
		const mails = [];
		for (const follow of row.gemeenten.gemeente_follows) {
			if (follow.users) mails.push(reminderMail(follow.users, gemeente, due, await unsubscribeUrl(follow.id)));
		}
		const claimed = await db().rpc('record_policy_reminder', {
			p_moment_id: row.id,
			p_on_date: row.on_date,
			p_now: now.toISOString(),
			p_mails: mails
		});
		if (claimed.error) throw new Error(`sendDuePolicyReminders: ${claimed.error.message}`);
		if (claimed.data === true) {
			done++;
			if (mails.length > 0) kickMailWorker();
		}
	}
	return done;
}
