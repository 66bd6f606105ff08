// Following up: fourteen days after sending, the coordinators get one e-mail listing the parties
// that have not answered, with a link to the answers page where one button reminds those
// parties. The digest is claimed and queued in one database call (record_reminder_digest), so
// two servers or two runs never send it twice. A party reminder carries a fresh answer link (tokens
// are not kept, so an old link cannot be sent again); earlier links keep working. Coordinators may
// remind the parties once a day; a round that failed or sent nothing does not count.
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { consume, release, type Limit } from '../platform/rate-limit';
import { coordinatorsOf, type Campaign } from './campaigns';
import { escapeHtml } from '../platform/html';
import { formatDate } from '$lib/format';
import { letterSubject, publicPageUrl } from './letter-mail';
import { newAnswerLink } from './answer-links';
import { logWorkerError } from '../platform/database-health';

export const REMINDER_AFTER_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
const WORKER_INTERVAL_MS = 60 * 60 * 1000;

export interface UnansweredParty {
	partyId: string;
	name: string;
	emails: string[];
}

/** Parties the letter went to that have not answered in any way, by name. */
export async function unansweredParties(campaignId: string): Promise<UnansweredParty[]> {
	const [deliveries, responses] = await Promise.all([
		db()
			.from('deliveries')
			.select('party_id, addresses, parties(name, party_contacts(email))')
			.eq('campaign_id', campaignId),
		db().from('responses').select('party_id').eq('campaign_id', campaignId)
	]);
	if (deliveries.error) throw new Error(`unansweredParties: ${deliveries.error.message}`);
	if (responses.error) throw new Error(`unansweredParties: ${responses.error.message}`);
	const answered = new Set(responses.data.map((r) => r.party_id));
	return deliveries.data
		.filter((row) => !answered.has(row.party_id))
		.map((row) => {
			// Today's addresses (a coordinator may have corrected one), else those the letter went to.
			const current = row.parties?.party_contacts.map((c) => c.email) ?? [];
			return {
				partyId: row.party_id,
				name: row.parties?.name ?? '(verwijderde partij)',
				emails: current.length > 0 ? current : row.addresses
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** When the coordinators last reminded parties (from the audit log), or null. */
export async function lastPartyReminder(campaignId: string): Promise<string | null> {
	const { data, error } = await db()
		.from('audit_log')
		.select('at')
		.eq('entity', 'campaign')
		.eq('entity_id', campaignId)
		.eq('action', 'parties_reminded')
		.order('at', { ascending: false })
		.limit(1);
	if (error) throw new Error(`lastPartyReminder: ${error.message}`);
	return data[0]?.at ?? null;
}

function answersPageUrl(campaignId: string): string {
	return `${publicOrigin()}/campagnes/${campaignId}/reacties#herinneren`;
}

function digestMail(
	campaign: Pick<Campaign, 'id' | 'title' | 'gemeenteName'>,
	coordinator: { name: string | null; email: string },
	parties: UnansweredParty[]
) {
	const count = parties.length === 1 ? '1 partij' : `${parties.length} partijen`;
	const subject = `Nog geen antwoord van ${count} op jullie brief in ${campaign.gemeenteName}`;
	const link = answersPageUrl(campaign.id);
	const intro = `Twee weken geleden ging jullie brief "${campaign.title}" naar de partijen in ${campaign.gemeenteName}. Deze partijen hebben nog niet geantwoord:`;
	const action = 'Stuur ze met één klik een herinnering, met een nieuwe antwoordlink:';
	const also = 'Kwam er een antwoord per e-mail of telefoon binnen? Voer het op dezelfde pagina in, dan telt het mee.';
	const greeting = `Beste ${coordinator.name ?? 'coördinator'},`;
	const text = [greeting, '', intro, ...parties.map((p) => `- ${p.name}`), '', action, link, '', also, '', '— Laat je horen'].join('\n');
	const html = `<!doctype html>
<html lang="nl"><head><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b2430;line-height:1.55;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<ul>${parties.map((p) => `<li>${escapeHtml(p.name)}</li>`).join('')}</ul>
<p>${escapeHtml(action)}</p>
<p><a href="${escapeHtml(link)}" style="color:#0d5c63;">Herinnering sturen</a></p>
<p>${escapeHtml(also)}</p>
<p>— Laat je horen</p>
</body></html>`;
	return { to: coordinator.email, subject, text, html };
}

/** Sends the fourteen-day digest for every campaign that is due; returns how many campaigns. */
export async function sendDueReminders(now = new Date()): Promise<number> {
	const sentBefore = new Date(now.getTime() - REMINDER_AFTER_DAYS * DAY_MS);
	const { data, error } = await db()
		.from('campaigns')
		.select('id, title, gemeenten(name)')
		.eq('status', 'verstuurd')
		.is('reminder_sent_at', null)
		.lte('sent_at', sentBefore.toISOString());
	if (error) throw new Error(`sendDueReminders: ${error.message}`);
	let done = 0;
	let mails = 0;
	for (const row of data) {
		const campaign = { id: row.id, title: row.title, gemeenteName: row.gemeenten?.name ?? '' };
		const [parties, coordinators] = await Promise.all([unansweredParties(row.id), coordinatorsOf(row.id)]);
		const digest =
			parties.length === 0
				? []
				: coordinators.filter((c) => c.email !== '').map((c) => digestMail(campaign, c, parties));
		const claimed = await db().rpc('record_reminder_digest', {
			p_campaign_id: row.id,
			p_sent_before: sentBefore.toISOString(),
			p_now: now.toISOString(),
			p_mails: digest
		});
		if (claimed.error) throw new Error(`sendDueReminders: ${claimed.error.message}`);
		if (claimed.data === true) {
			done++;
			mails += digest.length;
		}
	}
	if (mails > 0) kickMailWorker();
	return done;
}

/** Reminds every unanswered party that has an e-mail address; returns how many, or null when
 * the letter is not (or no longer) in the sent state. */
export async function remindParties(campaign: Campaign, actorId: string): Promise<number | null> {
	if (campaign.status !== 'verstuurd' || !campaign.sentAt) return null;
	const [parties, coordinators] = await Promise.all([unansweredParties(campaign.id), coordinatorsOf(campaign.id)]);
	const reachable = parties.filter((p) => p.emails.length > 0);
	if (reachable.length === 0) return 0;
	const replyTo = coordinators.map((c) => c.email).filter((email) => email !== '').join(', ');
	const items = reachable.map((party) => {
		const link = newAnswerLink();
		const mail = partyReminderMail(campaign, party, link.url, link.expiresAt);
		return { party_id: party.partyId, token_hash: link.tokenHashHex, mail: { ...mail, reply_to: replyTo || null } };
	});
	const { data, error } = await db().rpc('send_party_reminders', {
		p_campaign_id: campaign.id,
		p_actor_id: actorId,
		p_items: items
	});
	if (error) throw new Error(`remindParties: ${error.message}`);
	if (data > 0) kickMailWorker();
	return data === 0 ? null : data;
}

const ONCE_A_DAY: Limit = { name: 'remind-parties', max: 1, windowSeconds: 24 * 60 * 60 };

/** remindParties, at most once a day per campaign: 'already_today' when a round went out (or is
 * going out) in the last 24 hours. The day's one hit is taken before sending, so two clicks at
 * once cannot both send, and handed back when nothing went out, so a failure can be retried. */
export async function remindPartiesOnceADay(campaign: Campaign, actorId: string): Promise<number | null | 'already_today'> {
	if (!(await consume(ONCE_A_DAY, campaign.id))) return 'already_today';
	let count: number | null = null;
	try {
		count = await remindParties(campaign, actorId);
	} finally {
		if (!count) await release(ONCE_A_DAY, campaign.id);
	}
	return count;
}

function partyReminderMail(campaign: Campaign, party: UnansweredParty, answerUrl: string, expiresAt: Date) {
	const subject = `Herinnering: ${letterSubject(campaign)}`;
	const sent = `Op ${formatDate(campaign.sentAt!)} stuurden de huisartsen in ${campaign.gemeenteName} u hun brief "${campaign.title}". Wij hebben nog geen antwoord van uw partij ontvangen en horen graag hoe u over onze vragen denkt.`;
	const how = `U kunt antwoorden via deze persoonlijke link (geldig tot ${formatDate(expiresAt)}; eerdere links werken niet meer):`;
	const letterAt = `De brief staat op ${publicPageUrl(campaign)}.`;
	const reply = 'U kunt ook op deze e-mail antwoorden; dan komt uw reactie bij de coördinatoren van de brief.';
	const signOff = `De huisartsen van ${campaign.gemeenteName}`;
	const text = [`Aan: ${party.name}`, '', 'Geachte fractie,', '', sent, '', how, answerUrl, '', letterAt, reply, '', 'Met vriendelijke groet,', '', signOff].join('\n');
	const link = (url: string) => `<a href="${escapeHtml(url)}" style="color:#0d5c63;">${escapeHtml(url)}</a>`;
	const html = `<!doctype html>
<html lang="nl"><head><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Georgia,'Times New Roman',Times,serif;color:#1b2430;line-height:1.6;">
<p>Aan: ${escapeHtml(party.name)}</p>
<p>Geachte fractie,</p>
<p>${escapeHtml(sent)}</p>
<p>${escapeHtml(how)}<br>${link(answerUrl)}</p>
<p>De brief staat op ${link(publicPageUrl(campaign))}. ${escapeHtml(reply)}</p>
<p>Met vriendelijke groet,</p>
<p>${escapeHtml(signOff)}</p>
</body></html>`;
	return { to: party.emails.join(', '), subject, text, html };
}

// The worker: once an hour per process (the database call keeps it to one digest per campaign
// even with several processes).
let timer: ReturnType<typeof setInterval> | null = null;
let running = false;

async function runOnce(): Promise<void> {
	if (running) return;
	running = true;
	try {
		const count = await sendDueReminders();
		if (count > 0) console.log(`[herinneringen] ${count} overzicht(en) aan coördinatoren verstuurd`);
	} catch (error) {
		logWorkerError('[herinneringen] kon niet worden verwerkt:', error);
	} finally {
		running = false;
	}
}

export function startReminderWorker(): void {
	if (timer) return;
	timer = setInterval(() => void runOnce(), WORKER_INTERVAL_MS);
	timer.unref();
	void runOnce();
}

export function stopReminderWorker(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
