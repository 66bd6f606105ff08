// The public view of a gemeente's campaigns: counts before sending, the letter, consenting names
// (marked when they signed an earlier version only), recipients and answers after; nothing of a
// bare draft.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import PublicCampaign from '$lib/components/PublicCampaign.svelte';
import { connectTestDatabase } from '$test/test-db';
import * as campaigns from './campaigns';
import { openForSigning } from './open-for-signing';
import { publicCampaignsOf } from './public-letter';
import { confirmSignature, signLetter } from './signatures';
import { emptyGemeente, huisartsen, makeCampaign, makeUser, markSent, saveRevision, setStatus } from '$test/signing-fixtures';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

const GEMEENTE = 'GM0060'; // Ameland: no other test file uses it.
let counter = 0;

async function huisarts(practiceId: string, name: string) {
	const { data, error } = await service
		.from('users')
		.insert({ email: `publiek-${Date.now()}-${++counter}@example.nl`, name })
		.select('id')
		.single();
	if (error) throw error;
	await service.from('practice_members').insert({ practice_id: practiceId, user_id: data.id, confirmed_at: new Date().toISOString(), confirmed_how: 'kring' });
	return data.id as string;
}

describe('public campaigns of a gemeente', () => {
	it('shows counts while signing, then the letter, consenting names, recipients and answers', async () => {
		const practice = await service
			.from('practices')
			.insert({ name: 'Praktijk Ameland (test)', agb_code: '01987654', gemeente_code: GEMEENTE })
			.select('id')
			.single();
		const practiceId = practice.data!.id as string;
		const coordinator = await huisarts(practiceId, 'Coördinator Test');
		const start = await campaigns.startCampaign(
			coordinator,
			{ gemeenteCode: GEMEENTE, occasion: 'coalitieakkoord_2026', customTitle: '', themes: ['wmo', 'jeugdzorg'] },
			'Ameland'
		);
		const id = (start as { id: string }).id;
		expect(await publicCampaignsOf(GEMEENTE)).toEqual([]);

		await openForSigning(id, coordinator);
		const sign = (userId: string, name: string, show: boolean) =>
			service.rpc('sign_letter', {
				p_campaign_id: id,
				p_user_id: userId,
				p_practice_id: practiceId,
				p_signer_name: name,
				p_big_number: '12345678901',
				p_show_name: show
			});
		const anna = await huisarts(practiceId, 'Anna Openbaar');
		const bert = await huisarts(practiceId, 'Bert Verborgen');
		const carla = await huisarts(practiceId, 'Carla Ingetrokken');
		await sign(anna, 'dr. Anna Openbaar', true);
		await sign(bert, 'dr. Bert Verborgen', false);
		await sign(carla, 'dr. Carla Ingetrokken', true);
		await service.from('signatures').update({ withdrawn_at: new Date().toISOString() }).eq('user_id', carla);

		const during = await publicCampaignsOf(GEMEENTE);
		expect(during).toEqual([
			expect.objectContaining({ id, status: 'ter_ondertekening', signerCount: 2, practiceCount: 1, sent: null })
		]);
		expect(JSON.stringify(during)).not.toContain('Anna');

		const parties = await service
			.from('parties')
			.insert([
				{ gemeente_code: GEMEENTE, name: 'Partij Antwoordt' },
				{ gemeente_code: GEMEENTE, name: 'Partij Zwijgt' }
			])
			.select('id, name');
		const [answers, silent] = parties.data!;
		const fingerprint = await service.rpc('sending_fingerprint', { p_campaign_id: id });
		const token = () => randomBytes(15).toString('hex');
		const sent = await service.rpc('send_letter', {
			p_campaign_id: id,
			p_actor_id: coordinator,
			p_fingerprint: fingerprint.data ?? '',
			p_manual: true,
			p_deliveries: [
				{ party_id: answers.id, token_hash: token() },
				{ party_id: silent.id, token_hash: token() }
			]
		});
		expect(sent.data).toBe('sent');
		await service.from('campaigns').update({ sent_at: new Date(Date.now() - 3 * 86400000).toISOString() }).eq('id', id);
		const response = await service
			.from('responses')
			.insert({
				campaign_id: id,
				party_id: answers.id,
				channel: 'link',
				responder_name: 'Fractievoorzitter X',
				body_md: 'Wij steunen dit.',
				body_html: '<p>Wij steunen dit.</p>'
			})
			.select('id')
			.single();
		const asks = await service.from('letter_asks').select('id, number').eq('campaign_id', id).order('number');
		await service.from('response_answers').insert([
			{ response_id: response.data!.id, campaign_id: id, ask_id: asks.data![0].id, answer: 'ja' },
			{ response_id: response.data!.id, campaign_id: id, ask_id: asks.data![1].id, answer: 'deels', explanation: 'Eerst de begroting.' }
		]);

		const [after] = await publicCampaignsOf(GEMEENTE);
		expect(after.signerCount).toBe(2);
		expect(after.sent?.asks).toHaveLength(2);
		expect(after.sent?.letterHtml).toContain('Ameland');
		expect(after.sent?.signatories).toEqual([
			{ name: 'dr. Anna Openbaar', practice: 'Praktijk Ameland (test)', verified: false, current: true, revisionNumber: 1 }
		]);
		expect(after.sent?.unnamedCount).toBe(1);
		expect(JSON.stringify(after)).not.toContain('Bert');
		expect(JSON.stringify(after)).not.toContain('Carla');
		const byName = Object.fromEntries(after.sent!.parties.map((p) => [p.name, p]));
		expect(byName['Partij Antwoordt'].response?.answers).toEqual({ 1: 'ja', 2: 'deels' });
		expect(byName['Partij Antwoordt'].response?.explanations).toEqual({ 2: 'Eerst de begroting.' });
		expect(after.sent?.asks.map((ask) => ask.number)).toEqual([1, 2]);
		expect(byName['Partij Zwijgt']).toMatchObject({ response: null, daysWaiting: 3, byEmail: false });
	});

	it('marks a signer of an earlier version who did not confirm the text that was sent', async () => {
		const gemeente = await emptyGemeente();
		const coordinator = await makeUser('coordinator', true);
		let campaign = await makeCampaign(coordinator, gemeente);
		campaign = await setStatus(campaign, coordinator.id, 'concept', 'ter_ondertekening');
		const [early, confirmer] = await huisartsen(gemeente.code, 2);
		for (const [i, [person, name]] of ([
			[early, 'dr. Eva Eerder'],
			[confirmer, 'dr. Bas Bevestigd']
		] as const).entries()) {
			const input = { practiceId: person.practiceId, signerName: name, bigNumber: String(19_000_000_000 + i), showName: true };
			expect(await signLetter(campaign.id, person, input)).toBe('signed');
		}

		// Reopened with a new text; only one of the two confirms it before sending.
		campaign = await setStatus(campaign, coordinator.id, 'ter_ondertekening', 'concept');
		expect(await saveRevision(campaign.id, coordinator.id, 'Versie twee van de brief.')).toBe(2);
		campaign = await setStatus(campaign, coordinator.id, 'concept', 'ter_ondertekening');
		expect(await confirmSignature(campaign.id, confirmer.id)).toBe('confirmed');
		await markSent(campaign, coordinator.id);

		const shown = (await publicCampaignsOf(gemeente.code)).find((c) => c.id === campaign.id)!;
		expect(shown.signerCount).toBe(2);
		expect(shown.sent?.signatories).toEqual([
			expect.objectContaining({ name: 'dr. Bas Bevestigd', current: true, revisionNumber: 2 }),
			expect.objectContaining({ name: 'dr. Eva Eerder', current: false, revisionNumber: 1 })
		]);

		const { body } = render(PublicCampaign, { props: { campaign: shown, gemeenteName: gemeente.name, gemeenteSlug: 'test' } });
		const items = [...body.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
		expect(items.find((text) => text.startsWith('dr. Eva Eerder'))).toMatch(/\(tekende versie 1\)$/);
		expect(items.find((text) => text.startsWith('dr. Bas Bevestigd'))).not.toContain('tekende versie');
	});
});
