// The public list of letters across gemeenten, as the home page and /brieven show it: letters being
// signed and sent, never a draft nobody signed; newest first (sent ones by their send date);
// counts of signers, practices, parties and answers, where a disowned answer does not count.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { sentLetter } from '$test/public-page-data';
import { emptyGemeente, makeCampaign, makeUser, setStatus } from '$test/signing-fixtures';
import { publicLetters } from './letter-index';
import { clearPublicCache } from '../platform/public-cache';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

describe('the public letter index', () => {
	it('lists letters being signed and sent with their counts, and never a bare draft', async () => {
		const coordinator = await makeUser('index', true);
		const draft = await makeCampaign(coordinator, await emptyGemeente());
		const open = await setStatus(await makeCampaign(coordinator, await emptyGemeente()), coordinator.id, 'concept', 'ter_ondertekening');
		const sent = await sentLetter(3, 2, 2);
		// One of the two answers is disowned by the party: it no longer counts.
		await service.from('responses').update({ disowned_at: new Date().toISOString() }).eq('campaign_id', sent.campaign.id).eq('party_id', sent.partyIds['Partij 1']);
		clearPublicCache();

		const index = await publicLetters();
		const byId = new Map(index.letters.map((l) => [l.id, l]));
		expect(byId.has(draft.id)).toBe(false);
		expect(byId.get(open.id)).toMatchObject({ status: 'ter_ondertekening', sent: false, signers: 0, parties: 0, answered: 0, title: open.title });
		expect(byId.get(sent.campaign.id)).toMatchObject({
			status: 'verstuurd',
			sent: true,
			signers: 3,
			practicesSigned: 3,
			practicesTotal: 3,
			parties: 2,
			answered: 1,
			gemeente: { code: sent.gemeente.code, name: sent.gemeente.name }
		});
		expect(index.total).toBe(index.letters.length);
		expect(index.gemeenten).toBeLessThanOrEqual(index.total);
		// Newest first: by the send date, else by when the letter began.
		const times = index.letters.map((l) => new Date(l.at).getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('gives at most the asked number, with the total of all', async () => {
		await sentLetter(1, 1, 0);
		await sentLetter(1, 1, 0);
		const all = await publicLetters();
		const two = await publicLetters(2);
		expect(two.letters).toHaveLength(2);
		expect(two.total).toBeGreaterThanOrEqual(all.total);
		// The newest two: none of the full list is newer than the second of them.
		const second = new Date(two.letters[1].at).getTime();
		expect(new Date(two.letters[0].at).getTime()).toBeGreaterThanOrEqual(second);
		expect(all.letters.filter((l) => !two.letters.some((t) => t.id === l.id) && new Date(l.at).getTime() > second)).toEqual([]);
	});
});
