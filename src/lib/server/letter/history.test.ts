// A campaign's history, read back from the audit log as coordinators see it.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import * as campaigns from './campaigns';
import { openForSigning } from './open-for-signing';
import { actionLabel, campaignHistory, detailText } from './history';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

describe('campaign history', () => {
	it('lists who did what, newest first, in Dutch', async () => {
		const { data: user } = await service
			.from('users')
			.insert({ email: `historie-${Date.now()}@example.nl`, name: 'Dr. Historie' })
			.select('id')
			.single();
		await allowCampaignStart(service, user!.id, 'GM0072');
		const started = await campaigns.startCampaign(
			user!.id,
			{ gemeenteCode: 'GM0072', occasion: 'begroting_2028', customTitle: '', themes: ['ggz'] },
			'Harlingen'
		);
		const id = (started as { id: string }).id;
		await openForSigning(id, user!.id);

		const campaign = (await campaigns.getCampaign(id))!;
		const { entries, olderBefore } = await campaignHistory(campaign);
		expect(olderBefore).toBeNull();
		expect(entries.map((e) => [e.action, e.actor])).toEqual([
			['status_changed', 'Dr. Historie'],
			['campaign_started', 'Dr. Historie']
		]);
		expect(actionLabel(entries[0].action)).toBe('Status veranderd');
		expect(detailText(entries[0].action, entries[0].details)).toBe('van concept naar ter ondertekening');
		expect(actionLabel('letter_sent')).toBe('Brief verstuurd aan de partijen');

		// Paging back loses nothing and repeats nothing.
		const first = await campaignHistory(campaign, { pageSize: 1 });
		expect(first.entries.map((e) => e.action)).toEqual(['status_changed']);
		expect(first.olderBefore).toBe(first.entries[0].id);
		const second = await campaignHistory(campaign, { before: first.olderBefore!, pageSize: 1 });
		expect(second.entries.map((e) => e.action)).toEqual(['campaign_started']);
		expect(second.olderBefore).toBeNull();
	});
});
