// Sending the letter: one queued e-mail per party with an address, with the letter, only the
// names that may be shown, a plain-text part, Reply-To the coordinators and the party's own
// answer link; everything frozen afterwards; failed deliveries visible and retryable.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import * as deliveries from './deliveries';
import { sendLetter } from './sending';
import { letterToSend, sendingFingerprint } from './review';
import { coordinatorsOf, getCampaign } from './campaigns';
import { findLink } from './answer-links';
import { signLetter, withdrawSignature } from './signatures';
import { campaignReadyToSend, makeUser, tokensInOutbox } from '$test/sending-fixtures';
import { XSS_PAYLOADS, assertInert } from '$test/xss-payloads';

// Links in e-mails are absolute; production runs on https.
process.env.ORIGIN = 'https://laatjehoren.example';
// A public address needs SMTP (env.ts); nothing listens here, so the queue keeps every message.
process.env.SMTP_URL = 'smtp://127.0.0.1:9';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

async function outboxOf(campaignId: string) {
	const { data, error } = await service
		.from('deliveries')
		.select('party_id, channel, addresses, outbox(to_address, subject, text_body, html_body, reply_to, status)')
		.eq('campaign_id', campaignId);
	if (error) throw error;
	return data;
}

describe('sending the letter by e-mail', () => {
	it('queues one e-mail per party with an address, with the letter, consenting names, text part and Reply-To', async () => {
		const s = await campaignReadyToSend({
			coCoordinator: true,
			parties: [
				{ name: 'Partij Twee Adressen', emails: ['fractie@twee.example', 'lijsttrekker@twee.example'] },
				{ name: 'Partij Een Adres', emails: ['fractie@een.example'] },
				{ name: 'Partij Zonder Adres', emails: [] }
			],
			signers: [
				{ name: 'dr. Openbaar Geverifieerd', showName: true, verified: true },
				{ name: 'dr. Openbaar Gewoon', showName: true },
				{ name: 'dr. Geheim Verborgen', showName: false }
			]
		});
		const letter = await letterToSend(s.campaign);
		expect(letter).toMatchObject({ total: 3, hidden: 1, practices: 3 });
		expect(letter!.signatories.map((x) => [x.name, x.verified])).toEqual([
			['dr. Openbaar Geverifieerd', true],
			['dr. Openbaar Gewoon', false]
		]);

		expect(await sendLetter(s.campaign, s.coordinator.id, 'not-what-was-reviewed', { manual: false })).toEqual({
			sent: false,
			reason: 'changed'
		});

		const result = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false });
		if (!result.sent) throw new Error(result.reason);
		expect(result.emails).toBe(2);
		expect(result.links.map((l) => l.partyName)).toEqual(['Partij Zonder Adres']);
		expect(result.links[0].url).toMatch(/\/reageer\/[a-z2-7]{24}$/);

		const rows = await outboxOf(s.campaign.id);
		expect(rows).toHaveLength(3);
		const byParty = (name: string) => rows.find((r) => r.party_id === s.partyIds[name])!;
		expect(byParty('Partij Zonder Adres')).toMatchObject({ channel: 'handmatig', addresses: [], outbox: null });
		const two = byParty('Partij Twee Adressen');
		expect(two.channel).toBe('email');
		expect(two.outbox!.to_address).toBe('fractie@twee.example, lijsttrekker@twee.example');
		expect(byParty('Partij Een Adres').outbox!.to_address).toBe('fractie@een.example');

		const coordinators = await coordinatorsOf(s.campaign.id);
		expect(coordinators).toHaveLength(2);
		for (const row of [two, byParty('Partij Een Adres')]) {
			const mail = row.outbox!;
			expect(mail.subject).toBe(`Brief van de huisartsen in ${s.gemeente.name}: ${s.campaign.title}`);
			expect(mail.reply_to?.split(', ').sort()).toEqual(coordinators.map((c) => c.email).sort());
			expect(mail.html_body).toContain(letter!.revision.bodyHtml);
			expect(mail.html_body).toContain('dr. Openbaar Geverifieerd, ');
			expect(mail.html_body).toContain('(geverifieerd)');
			expect(mail.html_body).toContain('dr. Openbaar Gewoon');
			expect(mail.html_body).toContain('en 1 andere huisarts');
			expect(mail.html_body).not.toContain('Geheim');
			expect(mail.text_body).toContain(letter!.revision.bodyMd.trim());
			expect(mail.text_body).toContain('- dr. Openbaar Gewoon');
			expect(mail.text_body).not.toContain('Geheim');
			assertInert(mail.html_body ?? '', { document: true });
		}

		// Each e-mail carries the link of its own party, and only that one.
		const [twoToken] = await tokensInOutbox('fractie@twee.example, lijsttrekker@twee.example');
		const [oneToken] = await tokensInOutbox('fractie@een.example');
		const twoLink = await findLink(twoToken);
		const oneLink = await findLink(oneToken);
		expect(twoLink.state === 'ok' && twoLink.party.name).toBe('Partij Twee Adressen');
		expect(oneLink.state === 'ok' && oneLink.party.name).toBe('Partij Een Adres');
		const stored = await service.from('response_links').select('token_hash, expires_at').eq('campaign_id', s.campaign.id);
		expect(stored.data).toHaveLength(3);
		expect(JSON.stringify(stored.data)).not.toContain(twoToken);
		const days = (new Date(stored.data![0].expires_at).getTime() - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(360);

		const audit = await service.from('audit_log').select('details').eq('action', 'letter_sent').eq('entity_id', s.campaign.id);
		expect(audit.data).toEqual([{ details: { deliveries: 3, emails: 2, revision: letter!.revision.id } }]);
	});

	it('sends nothing when a signature or a recipient changed after the review', async () => {
		const s = await campaignReadyToSend({
			parties: [{ name: 'Partij Gezien', emails: ['gezien@partij.example'] }],
			signers: [
				{ name: 'dr. Blijft', showName: true },
				{ name: 'dr. Trekt In', showName: true }
			]
		});
		const reviewed = await sendingFingerprint(s.campaign.id);
		const leaving = await service
			.from('signatures')
			.select('user_id')
			.eq('campaign_id', s.campaign.id)
			.eq('signer_name', 'dr. Trekt In')
			.single();
		expect(await withdrawSignature(s.campaign.id, leaving.data!.user_id!)).toBe('withdrawn');
		expect(await sendLetter(s.campaign, s.coordinator.id, reviewed, { manual: false })).toEqual({
			sent: false,
			reason: 'changed'
		});
		expect(await outboxOf(s.campaign.id)).toHaveLength(0);
		expect((await getCampaign(s.campaign.id))!.status).toBe('ter_ondertekening');

		// A new review shows the withdrawal; a party added after it stops the send again.
		const second = await sendingFingerprint(s.campaign.id);
		expect(second).not.toBe(reviewed);
		await service.from('parties').insert({ gemeente_code: s.gemeente.code, name: 'Partij Ongezien' });
		expect((await sendLetter(s.campaign, s.coordinator.id, second, { manual: true })).sent).toBe(false);

		const third = await sendingFingerprint(s.campaign.id);
		const result = await sendLetter(s.campaign, s.coordinator.id, third, { manual: false });
		if (!result.sent) throw new Error(result.reason);
		const mails = (await outboxOf(s.campaign.id)).flatMap((d) => (d.outbox ? [d.outbox.text_body] : []));
		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain('dr. Blijft');
		expect(mails[0]).not.toContain('dr. Trekt In');
	});

	it('freezes the letter and its signatures once sent, and refuses a second send', async () => {
		const s = await campaignReadyToSend({
			parties: [{ name: 'Enige Partij', emails: ['enige@partij.example'] }],
			signers: [{ name: 'dr. Vroeg', showName: true }]
		});
		const signer = await service.from('signatures').select('user_id').eq('campaign_id', s.campaign.id).single();
		const result = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false });
		expect(result.sent).toBe(true);
		const sent = (await getCampaign(s.campaign.id))!;
		expect(sent.status).toBe('verstuurd');
		expect(sent.sentAt).not.toBeNull();

		const late = await makeUser('laat');
		const practice = await service.from('practices').select('id').eq('gemeente_code', s.gemeente.code).limit(1).single();
		await service.from('practice_members').insert({ practice_id: practice.data!.id, user_id: late.id });
		expect(
			await signLetter(s.campaign.id, late, { practiceId: practice.data!.id, signerName: 'dr. Te Laat', bigNumber: '12345678901', showName: true })
		).toBe('closed');
		expect(await withdrawSignature(s.campaign.id, signer.data!.user_id!)).toBe('closed');
		const revision = await service.rpc('save_letter_revision', {
			p_campaign_id: s.campaign.id,
			p_author_id: s.coordinator.id,
			p_body_md: 'Nieuwe tekst',
			p_body_html: '<p>Nieuwe tekst</p>'
		});
		expect(revision.data).toBeNull();
		const reopen = await service.rpc('change_campaign_status', {
			p_campaign_id: s.campaign.id,
			p_actor_id: s.coordinator.id,
			p_from: 'verstuurd',
			p_to: 'concept'
		});
		expect(reopen.error?.code).toBe('22023');

		expect(await sendLetter(sent, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false })).toEqual({
			sent: false,
			reason: 'not_open'
		});
		expect(await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false })).toEqual({
			sent: false,
			reason: 'not_open'
		});
		expect(await outboxOf(s.campaign.id)).toHaveLength(1);
	});

	it('refuses to send without signatures or without parties', async () => {
		const unsigned = await campaignReadyToSend({ parties: [{ name: 'P', emails: ['p@p.example'] }], signers: [] });
		expect(
			await sendLetter(unsigned.campaign, unsigned.coordinator.id, await sendingFingerprint(unsigned.campaign.id), { manual: false })
		).toEqual({ sent: false, reason: 'no_signatures' });
		const noParties = await campaignReadyToSend({ parties: [], signers: [{ name: 'dr. A', showName: true }] });
		expect(
			await sendLetter(noParties.campaign, noParties.coordinator.id, await sendingFingerprint(noParties.campaign.id), { manual: true })
		).toEqual({ sent: false, reason: 'no_parties' });
		expect((await getCampaign(noParties.campaign.id))!.status).toBe('ter_ondertekening');
	});
});

describe('marking the letter as sent by hand', () => {
	it('records every party as reached by hand, queues nothing, and hands out each answer link once', async () => {
		const s = await campaignReadyToSend({
			parties: [
				{ name: 'Handpartij Een', emails: ['een@hand.example'] },
				{ name: 'Handpartij Twee', emails: [] }
			],
			signers: [{ name: 'dr. Zelf', showName: false }]
		});
		const result = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: true });
		if (!result.sent) throw new Error(result.reason);
		expect(result.emails).toBe(0);
		expect(result.links.map((l) => l.partyName).sort()).toEqual(['Handpartij Een', 'Handpartij Twee']);
		expect(result.links.find((l) => l.partyName === 'Handpartij Een')!.mailto).toMatch(/^mailto:een@hand\.example\?subject=/);
		const rows = await outboxOf(s.campaign.id);
		expect(rows.map((r) => [r.channel, r.outbox])).toEqual([
			['handmatig', null],
			['handmatig', null]
		]);
		expect((await getCampaign(s.campaign.id))!.sentManually).toBe(true);
		for (const link of result.links) {
			const found = await findLink(link.url.split('/').pop()!);
			expect(found.state === 'ok' && found.party.name).toBe(link.partyName);
		}
	});
});

describe('delivery status and retry', () => {
	it('shows a failed e-mail with its error, and puts it back in the queue on retry', async () => {
		const s = await campaignReadyToSend({
			parties: [{ name: 'Foutpartij', emails: ['kapot@fout.example'] }],
			signers: [{ name: 'dr. Retry', showName: true }]
		});
		await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false });
		const [delivery] = await deliveries.deliveriesOf(s.campaign.id);
		const outboxId = (await service.from('deliveries').select('outbox_id').eq('id', delivery.id).single()).data!.outbox_id!;
		// What the mail worker does after its last attempt.
		await service
			.from('outbox')
			.update({ status: 'failed', attempts: 8, last_error: '550 mailbox unavailable' })
			.eq('id', outboxId);

		const [failed] = await deliveries.deliveriesOf(s.campaign.id);
		expect(failed).toMatchObject({ partyName: 'Foutpartij', state: 'failed', lastError: '550 mailbox unavailable', attempts: 8 });

		const elsewhere = await campaignReadyToSend({ parties: [], signers: [] });
		expect(await deliveries.retryDelivery(elsewhere.campaign.id, delivery.id, s.coordinator.id)).toBe(false);
		expect(await deliveries.retryDelivery(s.campaign.id, delivery.id, s.coordinator.id)).toBe(true);
		const row = await service.from('outbox').select('status, attempts, next_attempt_at').eq('id', outboxId).single();
		// Another test file may already be working the queue; either way it is no longer failed.
		expect(row.data!.status).not.toBe('failed');
		expect(new Date(row.data!.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
		expect(await deliveries.retryDelivery(s.campaign.id, delivery.id, s.coordinator.id)).toBe(false);
		const audit = await service.from('audit_log').select('details').eq('action', 'delivery_retried').eq('entity_id', s.campaign.id);
		expect(audit.data).toHaveLength(1);
	});
});

describe('hostile text in the letter, names and party names', () => {
	it('comes out inert in the e-mail', async () => {
		const letter = ['Geachte fractie,', ...XSS_PAYLOADS.map((p) => p.markdown), '## Onze vragen', '1. Eerste vraag'].join('\n\n');
		const s = await campaignReadyToSend({
			letter,
			parties: [{ name: '<img src=x onerror=alert(1)>Partij', emails: ['xss@partij.example'] }],
			signers: [{ name: '<script>alert(1)</script> dr. Kwaad', showName: true }]
		});
		const result = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false });
		expect(result.sent).toBe(true);
		const [row] = await outboxOf(s.campaign.id);
		assertInert(row.outbox!.html_body ?? '', { document: true });
		expect(row.outbox!.html_body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; dr. Kwaad');
		expect(row.outbox!.html_body).toContain('Aan: &lt;img src=x onerror=alert(1)&gt;Partij');
	});
});
