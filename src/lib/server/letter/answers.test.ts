// Party answers: a link answers for its own party and campaign only; expired, revoked and
// unknown links refuse; answers are kept (the newest counts) and hostile Markdown comes out
// inert; coordinators enter answers that came another way; lookups and answers are limited.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import * as responses from './answers';
import * as links from './answer-links';
import { sendLetter } from './sending';
import { sendingFingerprint } from './review';
import { getCampaign } from './campaigns';
import { randomToken } from '../platform/crypto';
import { campaignReadyToSend, uniqueTag } from '$test/sending-fixtures';
import { XSS_PAYLOADS, assertInert } from '$test/xss-payloads';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

const LETTER = `Geachte fractie,

## Onze vragen aan u

1. Reserveer ruimte voor huisartsen.
2. Geef ons een vast aanspreekpunt.
`;

/** A campaign sent by hand to the given parties; returns the answer token per party name. */
async function sentCampaign(partyNames: string[]) {
	const s = await campaignReadyToSend({
		letter: LETTER,
		parties: partyNames.map((name) => ({ name, emails: [] })),
		signers: [{ name: 'dr. Antwoord', showName: true }]
	});
	const result = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: true });
	if (!result.sent) throw new Error(result.reason);
	const tokens = Object.fromEntries(result.links.map((l) => [l.partyName, l.url.split('/reageer/')[1]]));
	return { ...s, campaign: (await getCampaign(s.campaign.id))!, tokens };
}

function answer(overrides: Partial<responses.ResponseInput> = {}): responses.ResponseInput {
	return {
		responderName: 'Els Fractie',
		responderRole: 'fractievoorzitter',
		body: 'Wij steunen dit.',
		answers: { '1': 'ja', '2': 'deels' },
		explanations: {},
		...overrides
	};
}

/** Answers through the link as the answer page does: with the asks the link opens. */
async function submit(token: string, input: responses.ResponseInput) {
	const found = await links.findLink(token);
	if (found.state !== 'ok') return found.state;
	return responses.submitViaLink(token, found, input);
}

describe('answer links', () => {
	it('open the letter and asks for their own party, and an answer lands with that party only', async () => {
		const a = await sentCampaign(['Partij A', 'Partij B']);
		const other = await sentCampaign(['Partij X']);

		const found = await links.findLink(a.tokens['Partij A']);
		if (found.state !== 'ok') throw new Error(found.state);
		expect(found.party.name).toBe('Partij A');
		expect(found.campaign.id).toBe(a.campaign.id);
		expect(found.asks.map((ask) => [ask.number, ask.body])).toEqual([
			[1, 'Reserveer ruimte voor huisartsen.'],
			[2, 'Geef ons een vast aanspreekpunt.']
		]);
		expect(found.letterHtml).toContain('<ol>');
		expect(await responses.latestResponse(a.campaign.id, found.party.id)).toBeNull();

		expect(await submit(a.tokens['Partij A'], answer())).toBe('saved');
		expect(await submit(other.tokens['Partij X'], answer({ responderName: 'Xander' }))).toBe('saved');

		const rows = await service
			.from('responses')
			.select('campaign_id, party_id, channel, responder_name, response_answers(answer, letter_asks!response_answers_campaign_id_ask_id_fkey(number))')
			.in('campaign_id', [a.campaign.id, other.campaign.id]);
		expect(rows.data).toHaveLength(2);
		expect(rows.data).toContainEqual({
			campaign_id: a.campaign.id,
			party_id: a.partyIds['Partij A'],
			channel: 'link',
			responder_name: 'Els Fractie',
			response_answers: expect.arrayContaining([
				{ answer: 'ja', letter_asks: { number: 1 } },
				{ answer: 'deels', letter_asks: { number: 2 } }
			])
		});
		expect(rows.data).toContainEqual(
			expect.objectContaining({ campaign_id: other.campaign.id, party_id: other.partyIds['Partij X'], responder_name: 'Xander' })
		);

		// Party B has not answered; the link of A did not answer for it.
		const overview = await responses.answersOf(a.campaign);
		expect(overview.asks).toHaveLength(2);
		expect(overview.recipients.map((r) => [r.partyName, r.responses.length])).toEqual([
			['Partij A', 1],
			['Partij B', 0]
		]);
		const audit = await service.from('audit_log').select('actor_id, details').eq('action', 'response_received').eq('entity_id', a.campaign.id);
		expect(audit.data).toEqual([
			{ actor_id: null, details: expect.objectContaining({ party: a.partyIds['Partij A'], channel: 'link' }) }
		]);
	});

	it('keeps every answer and shows the newest as the one that counts', async () => {
		const a = await sentCampaign(['Partij Vaker']);
		const token = a.tokens['Partij Vaker'];
		expect(await submit(token, answer({ body: 'Eerste antwoord' }))).toBe('saved');
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(await submit(token, answer({ body: 'Tweede antwoord', answers: { '1': 'nee' } }))).toBe('saved');
		const latest = await responses.latestResponse(a.campaign.id, a.partyIds['Partij Vaker']);
		expect(latest?.bodyMd).toBe('Tweede antwoord');
		const [recipient] = (await responses.answersOf(a.campaign)).recipients;
		expect(recipient.responses.map((r) => r.bodyMd)).toEqual(['Tweede antwoord', 'Eerste antwoord']);
		expect(recipient.responses[0].answers).toEqual({ 1: 'nee' });
	});

	it('refuse when unknown, expired or revoked, and a new link replaces the old one', async () => {
		const a = await sentCampaign(['Partij Oud', 'Partij Verlopen']);
		expect(await links.findLink(randomToken())).toEqual({ state: 'unknown' });
		expect(await links.findLink('geen-geldig-token')).toEqual({ state: 'unknown' });
		expect(await submit(randomToken(), answer())).toBe('unknown');

		const expired = a.tokens['Partij Verlopen'];
		await service
			.from('response_links')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('token_hash', `\\x${links.tokenHashHex(expired)}`);
		expect(await links.findLink(expired)).toEqual({ state: 'expired' });
		expect(await submit(expired, answer())).toBe('expired');

		const old = a.tokens['Partij Oud'];
		const renewed = await links.renewLink(a.campaign.id, a.partyIds['Partij Oud'], a.coordinator.id);
		if (!renewed) throw new Error('no new link');
		expect(await links.findLink(old)).toEqual({ state: 'revoked' });
		expect(await submit(old, answer())).toBe('revoked');
		const fresh = await links.findLink(renewed.token);
		expect(fresh.state === 'ok' && fresh.party.name).toBe('Partij Oud');

		expect(await links.revokeLinks(a.campaign.id, a.partyIds['Partij Oud'], a.coordinator.id)).toBe(true);
		expect(await links.findLink(renewed.token)).toEqual({ state: 'revoked' });
		expect((await responses.answersOf(a.campaign)).recipients.every((r) => r.activeLink === null)).toBe(true);

		// Only for parties the letter went to.
		const stranger = await sentCampaign(['Partij Elders']);
		expect(await links.renewLink(a.campaign.id, stranger.partyIds['Partij Elders'], a.coordinator.id)).toBeNull();
		const actions = await service.from('audit_log').select('action').eq('entity_id', a.campaign.id).like('action', 'response_link_%').order('id');
		expect(actions.data?.map((r) => r.action)).toEqual(['response_link_renewed', 'response_link_revoked']);
	});
});

describe('answer content', () => {
	it('comes out inert whatever hostile Markdown a party sends', async () => {
		const a = await sentCampaign(['Partij Xss']);
		const token = a.tokens['Partij Xss'];
		for (const payload of XSS_PAYLOADS) {
			expect(await submit(token, answer({ body: payload.markdown }))).toBe('saved');
		}
		const stored = await service.from('responses').select('body_md, body_html').eq('campaign_id', a.campaign.id);
		expect(stored.data).toHaveLength(XSS_PAYLOADS.length);
		for (const row of stored.data!) {
			try {
				assertInert(row.body_html);
			} catch (error) {
				throw new Error(`${row.body_md}: ${(error as Error).message}`);
			}
		}
	});

	it('validates the form in Dutch, with a stance per numbered ask', () => {
		const asks = [{ number: 1 }, { number: 2 }];
		const schema = responses.responseSchema(asks);
		const form = new FormData();
		form.set('responderName', 'E');
		form.set('responderRole', '');
		form.set('body', '');
		form.set('vraag-1', 'misschien');
		form.set('vraag-3', 'ja');
		const values = responses.readResponseForm(form, asks);
		expect(values.answers).toEqual({ '1': 'misschien' });
		const issues = schema.safeParse(values).error!.issues.map((i) => [i.path[0], i.message]);
		expect(issues).toEqual([
			['responderName', 'Vul uw naam in (minstens 2 tekens).'],
			['answers', 'Kies ja, deels, nee of geen standpunt.']
		]);
		expect(schema.safeParse({ ...values, responderName: 'Els', answers: {} }).error!.issues[0].message).toBe(
			'Schrijf uw antwoord, of kies bij minstens één vraag een standpunt.'
		);
		expect(schema.safeParse({ ...values, responderName: 'Els', answers: { '3': 'ja' } }).success).toBe(false);
		expect(schema.safeParse({ ...values, responderName: 'Els', body: 'x'.repeat(30001), answers: {} }).success).toBe(false);
		expect(schema.safeParse({ ...values, responderName: 'Els', answers: { '2': 'geen_standpunt' } }).success).toBe(true);
	});
});

describe('stances per ask', () => {
	it('keep an explanation per ask, and point at the asks of the letter that was sent', async () => {
		const a = await sentCampaign(['Partij Uitleg']);
		const token = a.tokens['Partij Uitleg'];
		expect(await submit(token, answer({ explanations: { '2': 'Pas na de kadernota.' } }))).toBe('saved');
		const latest = await responses.latestResponse(a.campaign.id, a.partyIds['Partij Uitleg']);
		expect(latest?.answers).toEqual({ 1: 'ja', 2: 'deels' });
		expect(latest?.explanations).toEqual({ 2: 'Pas na de kadernota.' });
	});

	it('refuses, and writes nothing, when an answer names an ask of another letter', async () => {
		const a = await sentCampaign(['Partij Eerlijk']);
		const other = await sentCampaign(['Partij Ander']);
		const foreign = await links.findLink(other.tokens['Partij Ander']);
		if (foreign.state !== 'ok') throw new Error(foreign.state);
		const { error } = await service.rpc('submit_party_response', {
			p_token_hash: links.tokenHashHex(a.tokens['Partij Eerlijk']),
			p_responder_name: 'Sluw',
			p_responder_role: '',
			p_body_md: '',
			p_body_html: '',
			p_answers: [{ ask_id: foreign.asks[0].id, answer: 'ja' }],
			p_disown_token_hash: links.tokenHashHex('x'.repeat(24)),
			p_mails: [],
			p_copy_sent: false
		});
		expect(error?.code).toBe('22023');
		const stored = await service.from('responses').select('id').eq('campaign_id', a.campaign.id);
		expect(stored.data).toEqual([]);
	});
});

describe('answers entered by coordinators', () => {
	it('are stored with their channel and who entered them, for recipients only', async () => {
		const a = await sentCampaign(['Partij Telefoon']);
		const partyId = a.partyIds['Partij Telefoon'];
		expect(await responses.enterResponse(a.campaign, partyId, a.coordinator.id, 'telefoon', answer({ body: 'Belde ons: **ja**.' }))).toBe(true);
		const [recipient] = (await responses.answersOf(a.campaign)).recipients;
		expect(recipient.responses[0]).toMatchObject({ channel: 'telefoon', bodyHtml: '<p>Belde ons: <strong>ja</strong>.</p>\n' });
		expect(recipient.responses[0].enteredBy).toBe(a.coordinator.name);
		expect(responses.CHANNEL_LABELS.telefoon).toBe('telefonisch, ingevoerd door de coördinatoren');

		const elsewhere = await sentCampaign(['Partij Ergens Anders']);
		expect(
			await responses.enterResponse(a.campaign, elsewhere.partyIds['Partij Ergens Anders'], a.coordinator.id, 'email', answer())
		).toBe(false);
	});
});

describe('rate limits', () => {
	it('allow ten answers per client per hour', async () => {
		const client = `test-${uniqueTag()}`;
		const token = randomToken();
		const results: boolean[] = [];
		for (let i = 0; i < 11; i++) results.push(await links.allowSubmit(client, token));
		expect(results.filter(Boolean)).toHaveLength(10);
		expect(results[10]).toBe(false);
	});
});
