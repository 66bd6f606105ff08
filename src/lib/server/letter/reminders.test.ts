// Follow-up: the coordinators' digest goes out once, fourteen days after sending (not before, not
// twice, not even when two runs race), listing the parties without an answer; the one-click
// reminder e-mails those parties a fresh link and keeps the old one working, at most once a day.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import * as reminders from './reminders';
import { sendLetter } from './sending';
import { sendingFingerprint } from './review';
import { coordinatorsOf, getCampaign } from './campaigns';
import { findLink } from './answer-links';
import { submitViaLink } from './answers';
import { campaignReadyToSend, tokensInOutbox, uniqueTag } from '$test/sending-fixtures';
import { assertInert } from '$test/xss-payloads';

process.env.ORIGIN = 'https://laatjehoren.example';
// A public address needs SMTP (env.ts); nothing listens here, so the queue keeps every message.
process.env.SMTP_URL = 'smtp://127.0.0.1:9';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

const DAY = 24 * 60 * 60 * 1000;

async function sentByEmail() {
	const tag = uniqueTag();
	const s = await campaignReadyToSend({
		coCoordinator: true,
		parties: [
			{ name: 'Heeft Geantwoord', emails: [`ja-${tag}@partij.example`] },
			{ name: 'Zwijgt Nog', emails: [`stil-${tag}@partij.example`] },
			{ name: 'Zonder Adres', emails: [] }
		],
		signers: [{ name: 'dr. Herinner', showName: true }]
	});
	const result = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false });
	if (!result.sent) throw new Error(result.reason);
	const [answeredToken] = await tokensInOutbox(`ja-${tag}@partij.example`);
	const link = await findLink(answeredToken);
	if (link.state !== 'ok') throw new Error(link.state);
	expect(
		await submitViaLink(answeredToken, link, { responderName: 'Anne', responderRole: '', body: 'Ja.', answers: {}, explanations: {} })
	).toBe('saved');
	return { ...s, tag, campaign: (await getCampaign(s.campaign.id))! };
}

async function backdate(campaignId: string, days: number) {
	const sentAt = new Date(Date.now() - days * DAY).toISOString();
	const { error } = await service.from('campaigns').update({ sent_at: sentAt }).eq('id', campaignId);
	if (error) throw error;
}

async function digestsFor(campaignId: string, gemeenteName: string) {
	const coordinators = await coordinatorsOf(campaignId);
	const { data, error } = await service
		.from('outbox')
		.select('to_address, subject, text_body, html_body')
		.in('to_address', coordinators.map((c) => c.email))
		.like('subject', `Nog geen antwoord%${gemeenteName}`);
	if (error) throw error;
	return data;
}

async function reminderState(campaignId: string) {
	return (await service.from('campaigns').select('reminder_sent_at').eq('id', campaignId).single()).data!.reminder_sent_at;
}

describe('the fourteen-day digest', () => {
	it('waits fourteen days, then mails each coordinator once with the parties that have not answered', async () => {
		const s = await sentByEmail();
		await backdate(s.campaign.id, 13);
		await reminders.sendDueReminders();
		expect(await reminderState(s.campaign.id)).toBeNull();
		expect(await digestsFor(s.campaign.id, s.gemeente.name)).toEqual([]);

		await backdate(s.campaign.id, 15);
		await reminders.sendDueReminders();
		expect(await reminderState(s.campaign.id)).not.toBeNull();
		const digests = await digestsFor(s.campaign.id, s.gemeente.name);
		expect(digests.map((d) => d.to_address).sort()).toEqual((await coordinatorsOf(s.campaign.id)).map((c) => c.email).sort());
		for (const digest of digests) {
			expect(digest.subject).toBe(`Nog geen antwoord van 2 partijen op jullie brief in ${s.gemeente.name}`);
			expect(digest.text_body).toContain('- Zwijgt Nog');
			expect(digest.text_body).toContain('- Zonder Adres');
			expect(digest.text_body).not.toContain('Heeft Geantwoord');
			expect(digest.text_body).toContain(`https://laatjehoren.example/campagnes/${s.campaign.id}/reacties#herinneren`);
			assertInert(digest.html_body ?? '', { document: true });
		}

		await reminders.sendDueReminders();
		expect(await digestsFor(s.campaign.id, s.gemeente.name)).toHaveLength(2);
	});

	it('is sent once when two runs race', async () => {
		const s = await sentByEmail();
		await backdate(s.campaign.id, 20);
		await Promise.all([reminders.sendDueReminders(), reminders.sendDueReminders(), reminders.sendDueReminders()]);
		expect(await digestsFor(s.campaign.id, s.gemeente.name)).toHaveLength(2);
		const audit = await service.from('audit_log').select('id').eq('action', 'reminder_digest_sent').eq('entity_id', s.campaign.id);
		expect(audit.data).toHaveLength(1);
	});
});

describe('reminding parties', () => {
	it('mails each silent party with an address a fresh link, and the link in the first e-mail still works', async () => {
		const s = await sentByEmail();
		const silent = `stil-${s.tag}@partij.example`;
		const [oldToken] = await tokensInOutbox(silent);
		expect((await findLink(oldToken)).state).toBe('ok');

		expect(await reminders.remindParties(s.campaign, s.coordinator.id)).toBe(1);
		const tokens = await tokensInOutbox(silent);
		expect(tokens).toHaveLength(2);
		const newToken = tokens[1];
		const first = await findLink(oldToken);
		expect(first.state === 'ok' && first.party.name).toBe('Zwijgt Nog');
		const fresh = await findLink(newToken);
		expect(fresh.state === 'ok' && fresh.party.name).toBe('Zwijgt Nog');

		const mail = await service.from('outbox').select('subject, reply_to, html_body').eq('to_address', silent).like('subject', 'Herinnering:%').single();
		expect(mail.data!.subject).toBe(`Herinnering: Brief van de huisartsen in ${s.gemeente.name}: ${s.campaign.title}`);
		expect(mail.data!.reply_to?.split(', ')).toHaveLength(2);
		assertInert(mail.data!.html_body ?? '', { document: true });

		const answered = await tokensInOutbox(`ja-${s.tag}@partij.example`);
		expect(answered).toHaveLength(1);
		const audit = await service.from('audit_log').select('details').eq('action', 'parties_reminded').eq('entity_id', s.campaign.id);
		expect(audit.data).toEqual([{ details: { parties: [s.partyIds['Zwijgt Nog']] } }]);
		expect(await reminders.lastPartyReminder(s.campaign.id)).not.toBeNull();
	});

	it('counts once a day only when a round went out, and two clicks at once send one round', async () => {
		const s = await sentByEmail();
		const silent = `stil-${s.tag}@partij.example`;
		// A round that fails in the database (an actor that does not exist) sends nothing and can be retried.
		await expect(reminders.remindPartiesOnceADay(s.campaign, randomUUID())).rejects.toThrow();
		expect(await tokensInOutbox(silent)).toHaveLength(1);
		expect(await reminders.remindPartiesOnceADay(s.campaign, s.coordinator.id)).toBe(1);
		expect(await reminders.remindPartiesOnceADay(s.campaign, s.coordinator.id)).toBe('already_today');
		expect(await tokensInOutbox(silent)).toHaveLength(2);

		const other = await sentByEmail();
		const results = await Promise.all([
			reminders.remindPartiesOnceADay(other.campaign, other.coordinator.id),
			reminders.remindPartiesOnceADay(other.campaign, other.coordinator.id)
		]);
		expect(results.sort()).toEqual([1, 'already_today']);
		expect(await tokensInOutbox(`stil-${other.tag}@partij.example`)).toHaveLength(2);
	});

	it('does nothing once the campaign is closed', async () => {
		const s = await sentByEmail();
		await service.rpc('change_campaign_status', { p_campaign_id: s.campaign.id, p_actor_id: s.coordinator.id, p_from: 'verstuurd', p_to: 'afgerond' });
		const closed = (await getCampaign(s.campaign.id))!;
		expect(await reminders.remindParties(closed, s.coordinator.id)).toBeNull();
		await backdate(s.campaign.id, 20);
		await reminders.sendDueReminders();
		expect(await reminderState(s.campaign.id)).toBeNull();
	});
});
