// The followers' e-mail: at most one a day per followed gemeente, only when something changed
// since the last one (or since following), listing the changes with links to the timeline, and
// with a one-click unsubscribe link in the body and in the List-Unsubscribe headers. Each mail is
// claimed and queued in one database call (record_follow_digest), so two runs never send two.
import { db } from '../platform/db';
import { escapeHtml } from '../platform/html';
import { kickMailWorker } from '../platform/mail';
import { count } from '$lib/format';
import { outcomeChanges, type Change } from './changes';
import { followerHeaders, unsubscribeUrl } from './follows';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CHANGES = 30;

export function digestMail(to: { email: string; name: string | null }, gemeente: { code: string; name: string }, changes: Change[], unsubscribe: string) {
	const subject = `Nieuw in ${gemeente.name}: ${count(changes.length, 'wijziging', 'wijzigingen')} over zorg en politiek`;
	const greeting = `Beste ${to.name ?? 'lezer'},`;
	const intro = `Dit veranderde er sinds onze vorige e-mail in ${gemeente.name}:`;
	const why = `Je krijgt deze e-mail omdat je ${gemeente.name} volgt op Laat je horen, hoogstens één keer per dag.`;
	const text = [
		greeting,
		'',
		intro,
		'',
		...changes.flatMap((c) => [`- ${c.title}`, `  ${c.summary}`, `  ${c.url}`, '']),
		why,
		`Afmelden met één klik (inloggen is niet nodig): ${unsubscribe}`,
		'',
		'— Laat je horen'
	].join('\n');
	const html = `<!doctype html>
<html lang="nl"><head><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b2430;line-height:1.55;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<ul>${changes.map((c) => `<li><a href="${escapeHtml(c.url)}" style="color:#0d5c63;">${escapeHtml(c.title)}</a><br>${escapeHtml(c.summary)}</li>`).join('')}</ul>
<p style="font-size:0.9em;color:#4a5565;">${escapeHtml(why)} <a href="${escapeHtml(unsubscribe)}" style="color:#0d5c63;">Afmelden met één klik</a></p>
</body></html>`;
	return { to: to.email, subject, text, html, headers: followerHeaders(unsubscribe, gemeente.code) };
}

/** Mails every follower whose day has passed and whose gemeente changed; returns how many. */
export async function sendDueDigests(now = new Date()): Promise<number> {
	const dueBefore = new Date(now.getTime() - DAY_MS).toISOString();
	const { data, error } = await db()
		.from('gemeente_follows')
		.select('id, gemeente_code, created_at, last_digest_at, users(email, name), gemeenten(name)')
		.or(`last_digest_at.is.null,last_digest_at.lte.${dueBefore}`);
	if (error) throw new Error(`sendDueDigests: ${error.message}`);
	let sent = 0;
	for (const follow of data) {
		if (!follow.users || !follow.gemeenten) continue;
		const since = new Date(follow.last_digest_at ?? follow.created_at);
		const changes = await outcomeChanges([follow.gemeente_code], since, MAX_CHANGES);
		if (changes.length === 0) continue;
		const mail = digestMail(follow.users, { code: follow.gemeente_code, name: follow.gemeenten.name }, changes, await unsubscribeUrl(follow.id));
		const claimed = await db().rpc('record_follow_digest', {
			p_follow_id: follow.id,
			p_due_before: dueBefore,
			p_now: now.toISOString(),
			p_mail: mail
		});
		if (claimed.error) throw new Error(`sendDueDigests: ${claimed.error.message}`);
		if (claimed.data === true) sent++;
	}
	if (sent > 0) kickMailWorker();
	return sent;
}
