// The attack that broke trust, step by step, against the real database: a stranger adds a made-up
// practice, starts a letter, slips their own address into a party, gets that party's answer link
// and answers in its name. Each step must now be stopped where it is tried, and every later step
// must still be stopped (or caught and undone) when the earlier ones are forced through anyway.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { campaignReadyToSend, freshGemeente, makeUser, tokensInOutbox, uniqueTag } from '$test/sending-fixtures';
import * as campaigns from './campaigns';
import * as parties from '../gemeenten/parties';
import { createPractice } from '../gemeenten/practices';
import { loadRoles, mayEditPartyList, mayStartLetter } from '../auth/permissions';
import { reviewFor, sendingFingerprint } from './review';
import { sendLetter } from './sending';
import { campaignHistory } from './history';
import { findLink, allowSubmit } from './answer-links';
import * as answers from './answers';
import { publicCampaignsOf } from './public-letter';

const { service } = connectTestDatabase();

const LETTER = '## Onze vragen\n\n1. Reserveer ruimte voor huisartsen.\n';

let stranger: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
	stranger = await makeUser('vreemde', true);
});

describe('the attack on the party list, as the issue told it', () => {
	it('step 1: a made-up practice gives no right to start a letter, so no coordinator rights either', async () => {
		const gemeente = await freshGemeente();
		const agb = `01${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
		expect(await createPractice(stranger.id, { name: 'Nepraktijk', agbCode: agb, address: '', gemeenteCode: gemeente.code })).toHaveProperty('id');
		expect(mayStartLetter(await loadRoles(stranger.id), gemeente.code)).toBe(false);
		const started = await campaigns.startCampaign(
			stranger.id,
			{ gemeenteCode: gemeente.code, occasion: 'coalitieakkoord_2026', customTitle: '', themes: ['wmo'] },
			gemeente.name
		);
		expect(started).toBe('not_allowed');
		expect(mayEditPartyList(await loadRoles(stranger.id), gemeente.code)).toBe(false);
	});

	it('step 2, with step 1 forced: a coordinator who is not a verified huisarts cannot change the party list', async () => {
		const s = await campaignReadyToSend({ parties: [{ name: 'VVD', emails: ['fractie@vvd.example'] }], signers: [{ name: 'dr. Eerlijk', showName: true }] });
		// Forced: the stranger coordinates a letter of their own in the gemeente.
		const own = await service
			.from('campaigns')
			.insert({ gemeente_code: s.gemeente.code, occasion: 'begroting', title: 'Nepbrief', occasion_key: 'begroting' })
			.select('id')
			.single();
		await service.from('memberships').insert({ user_id: stranger.id, role: 'campaign_coordinator', campaign_id: own.data!.id });
		const evil = { email: `vreemde-${uniqueTag()}@evil.example`, role: 'fractie' as const, name: 'Fractievoorzitter VVD' };
		expect(await parties.saveContact(stranger, s.gemeente, s.partyIds.VVD, null, evil)).toBe('not_allowed');
		const [vvd] = await parties.partiesInGemeente(s.gemeente.code);
		expect(vvd.contacts.map((c) => c.email)).toEqual(['fractie@vvd.example']);
	});

	it('step 3, with step 2 forced: the review marks the changed address, says who and when, and sending refuses until she confirms it', async () => {
		const s = await campaignReadyToSend({ parties: [{ name: 'VVD', emails: ['fractie@vvd.example'] }], signers: [{ name: 'dr. Eerlijk', showName: true }] });
		// Forced: the stranger's address is in the list, as if they had been allowed to add it.
		const evilEmail = `vreemde-${uniqueTag()}@evil.example`;
		await service.from('party_contacts').insert({ party_id: s.partyIds.VVD, email: evilEmail, updated_by: stranger.id });
		await service.from('audit_log').insert({
			actor_id: stranger.id,
			action: 'party_contact_added',
			entity: 'gemeente',
			entity_id: s.gemeente.code,
			details: { party_name: 'VVD', email: evilEmail }
		});

		const review = await reviewFor(s.campaign, s.coordinator.id);
		expect(review?.unchecked).toEqual([
			expect.objectContaining({ partyName: 'VVD', email: evilEmail, changedBy: `${stranger.name} (${stranger.email})` })
		]);
		// The change is in her letter's history too.
		const history = await campaignHistory(s.campaign);
		expect(history.entries.map((e) => e.action)).toContain('party_contact_added');

		const fingerprint = await sendingFingerprint(s.campaign.id);
		expect(await sendLetter(s.campaign, s.coordinator.id, fingerprint, { manual: false })).toEqual({ sent: false, reason: 'unchecked' });
		expect(await tokensInOutbox(evilEmail)).toEqual([]);
		// Also a crafted call that skips the app's own check is refused by the database.
		const direct = await service.rpc('send_letter', {
			p_campaign_id: s.campaign.id,
			p_actor_id: s.coordinator.id,
			p_fingerprint: fingerprint,
			p_manual: true,
			p_deliveries: []
		});
		expect(direct.data).toBe('unchecked');
		expect((await campaigns.getCampaign(s.campaign.id))?.status).toBe('ter_ondertekening');
	});

	it('step 4, with steps 1–3 forced: the party gets a copy of the fake answer, disowns it, and it leaves the public page', async () => {
		const s = await campaignReadyToSend({
			letter: LETTER,
			parties: [{ name: 'VVD', emails: ['fractie@vvd.example'] }],
			signers: [{ name: 'dr. Eerlijk', showName: true }]
		});
		const evilEmail = `vreemde-${uniqueTag()}@evil.example`;
		const { data: contact } = await service
			.from('party_contacts')
			.insert({ party_id: s.partyIds.VVD, email: evilEmail, updated_by: stranger.id })
			.select('id')
			.single();
		// Forced: she confirmed the address without looking, and sent.
		const sent = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), {
			manual: false,
			checkedContacts: [contact!.id]
		});
		expect(sent.sent).toBe(true);
		const checked = await service.from('campaign_contact_checks').select('checked_by').eq('contact_id', contact!.id);
		expect(checked.data).toEqual([{ checked_by: s.coordinator.id }]);

		// The letter went to both addresses of VVD, the stranger's among them.
		const letterMail = await service.from('outbox').select('text_body').like('to_address', `%${evilEmail}%`).single();
		const token = letterMail.data!.text_body.match(/\/reageer\/([a-z2-7]{24})/)![1];
		const link = await findLink(token);
		if (link.state !== 'ok') throw new Error(link.state);
		const fake = { responderName: 'Fractievoorzitter VVD', responderRole: '', body: 'Wij zijn tegen.', answers: { '1': 'nee' as const }, explanations: {} };
		expect(await answers.submitViaLink(token, link, fake)).toBe('saved');

		// The copy goes to the party's addresses (those the letter went to) with the link to disown it,
		// and the coordinators hear of the answer.
		const copy = await service.from('outbox').select('to_address, text_body').like('subject', 'Kopie van uw antwoord%').like('to_address', '%fractie@vvd.example%').single();
		expect(copy.data?.text_body).toContain('Fractievoorzitter VVD');
		const disownToken = copy.data!.text_body.match(/\/reageer\/niet-van-ons\/([a-z2-7]{24})/)![1];
		const notice = await service.from('outbox').select('id').eq('to_address', s.coordinator.email).like('subject', 'VVD heeft geantwoord%');
		expect(notice.data).toHaveLength(1);
		let shown = (await publicCampaignsOf(s.gemeente.code))[0].sent!.parties[0];
		expect(shown.response?.responderName).toBe('Fractievoorzitter VVD');
		expect(shown.response?.copySent).toBe(true);

		// VVD says it is not theirs: the answer leaves the public page with a note, the links die,
		// a new one goes to the party's addresses, and the coordinators are told.
		expect(await answers.disownAnswer(disownToken, 'Wij hebben niet geantwoord.')).toBe('disowned');
		expect(await answers.disownAnswer(disownToken, '')).toBe('already');
		shown = (await publicCampaignsOf(s.gemeente.code))[0].sent!.parties[0];
		expect(shown.response).toBeNull();
		expect(shown.disowned).toHaveLength(1);
		expect(await findLink(token)).toEqual({ state: 'revoked' });
		const fresh = await service.from('outbox').select('to_address').like('subject', 'Nieuwe antwoordlink%');
		expect(fresh.data?.some((m) => m.to_address.includes('fractie@vvd.example'))).toBe(true);
		const told = await service.from('outbox').select('id').eq('to_address', s.coordinator.email).like('subject', 'VVD: een antwoord kwam niet van de partij');
		expect(told.data).toHaveLength(1);
		const [recipient] = (await answers.answersOf((await campaigns.getCampaign(s.campaign.id))!)).recipients;
		expect(recipient.responses[0].disowned?.note).toBe('Wij hebben niet geantwoord.');
		expect(answers.countingResponse(recipient.responses)).toBeNull();
	});

	it('an answer through a link the coordinators passed on (no address known) says on the public page that the party got no copy', async () => {
		const s = await campaignReadyToSend({
			letter: LETTER,
			parties: [{ name: 'Stille Partij', emails: [] }],
			signers: [{ name: 'dr. Eerlijk', showName: true }]
		});
		const sent = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: false });
		if (!sent.sent) throw new Error(sent.reason);
		const token = sent.links[0].url.split('/reageer/')[1];
		const link = await findLink(token);
		if (link.state !== 'ok') throw new Error(link.state);
		const posted = { responderName: 'Iemand', responderRole: '', body: 'Wij zijn voor.', answers: { '1': 'ja' as const }, explanations: {} };
		expect(await answers.submitViaLink(token, link, posted)).toBe('saved');
		const shown = (await publicCampaignsOf(s.gemeente.code))[0].sent!.parties[0];
		expect(shown.response).toMatchObject({ responderName: 'Iemand', copySent: false });
	});

	it('answering through a link is limited per link as well as per client', async () => {
		const token = 'a'.repeat(24);
		const results: boolean[] = [];
		for (let i = 0; i < 21; i++) results.push(await allowSubmit(`client-${uniqueTag()}`, token));
		expect(results.filter(Boolean)).toHaveLength(20);
		expect(results[20]).toBe(false);
	});
});

describe('who keeps the list when nobody attacks', () => {
	it('a verified coordinator of a letter there may change it; the others of the gemeente are told', async () => {
		const s = await campaignReadyToSend({ parties: [{ name: 'SP', emails: [] }], signers: [{ name: 'dr. Eerlijk', showName: true }] });
		const verified = await makeUser('geverifieerd', true);
		await service
			.from('users')
			.update({ big_number: '12312312312', big_verified_at: new Date().toISOString(), big_verified_number: '12312312312', big_verified_method: 'hand' })
			.eq('id', verified.id);
		await service.from('memberships').insert({ user_id: verified.id, role: 'campaign_coordinator', campaign_id: s.campaign.id });
		expect(await parties.saveContact(verified, s.gemeente, s.partyIds.SP, null, { email: 'fractie@sp.example', role: 'fractie', name: '' })).toBe('saved');
		const mail = await service.from('outbox').select('text_body').eq('to_address', s.coordinator.email).like('subject', 'De partijenlijst%').single();
		expect(mail.data?.text_body).toContain('SP kreeg een nieuw e-mailadres: fractie@sp.example.');
		// The sending coordinator did not make that change: she must confirm it before sending.
		const review = await reviewFor(s.campaign, s.coordinator.id);
		expect(review?.unchecked.map((a) => a.email)).toEqual(['fractie@sp.example']);
		// The one who made it sees nothing to confirm.
		expect((await reviewFor(s.campaign, verified.id))?.unchecked).toEqual([]);
	});
});
