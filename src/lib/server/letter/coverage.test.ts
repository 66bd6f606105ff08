// Coverage against the real local database: huisartsen, practices with a signer, all practices
// of the gemeente, and the ones still to reach.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { coverage } from './coverage';
import * as signatures from './signatures';
import { emptyGemeente, huisartsen, makeCampaign, makePractices, makeUser, setStatus } from '$test/signing-fixtures';

beforeAll(() => {
	connectTestDatabase();
});

describe('coverage', () => {
	it('counts live signers and the practices they sign for, and lists the practices still to reach', async () => {
		const gemeente = await emptyGemeente();
		const coordinator = await makeUser('coordinator');
		const campaign = await setStatus(await makeCampaign(coordinator, gemeente), coordinator.id, 'concept', 'ter_ondertekening');
		expect(await coverage(campaign.id, gemeente.code)).toEqual({
			signers: 0,
			practicesSigned: 0,
			practicesTotal: 0,
			unsignedPractices: []
		});

		// Two huisartsen in practice 1, two in practice 2 (one withdraws), one in practice 3
		// who does not sign, and a practice without anyone yet.
		const people = await huisartsen(gemeente.code, 6, 2);
		const [empty] = await makePractices(gemeente.code, 1);
		const [a, b, c, d] = people;
		for (const [i, person] of [a, b, c, d].entries()) {
			await signatures.signLetter(campaign.id, person, {
				practiceId: person.practiceId,
				signerName: `Dokter ${i}`,
				bigNumber: String(20_000_000_000 + i)
			});
		}
		await signatures.withdrawSignature(campaign.id, d.id);

		const result = await coverage(campaign.id, gemeente.code);
		expect(result.signers).toBe(3);
		expect(result.practicesSigned).toBe(2);
		expect(result.practicesTotal).toBe(4);
		expect(result.unsignedPractices.map((p) => p.id).sort()).toEqual([people[4].practiceId, empty].sort());
		expect(result.unsignedPractices[0]).toHaveProperty('name');

		// Another campaign in the same gemeente starts from zero.
		const other = await makeCampaign(coordinator, gemeente);
		expect((await coverage(other.id, gemeente.code)).signers).toBe(0);
	});
});
