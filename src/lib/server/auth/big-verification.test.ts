// Verified huisartsen, end to end against the local stand-in of the BIG-register: signing asks the
// register and a yes verifies the signature at once; any other answer leaves it unverified (and the
// letter signed); a yes on the account page verifies the user and their matching signatures; by
// hand a coordinator verifies, recording how, never their own; everything counts in the review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { BIG_NUMBERS, huisartsNumber, startBigRegisterStub, type BigRegisterStub } from '$test/big-register-stub';
import { emptyGemeente, huisartsen, makeCampaign, makeUser, setStatus } from '$test/signing-fixtures';
import * as signatures from '../letter/signatures';
import { verifyWithRegister } from './big-verification';
import { loadRoles } from './permissions';

const { service } = connectTestDatabase();
let stub: BigRegisterStub;

beforeAll(async () => {
	stub = await startBigRegisterStub({ slowMs: 1500 });
	// env() reads these once, on first use in this file.
	process.env.BIG_REGISTER_URL = stub.url;
	process.env.BIG_REGISTER_TIMEOUT_MS = '400';
});
afterAll(() => stub.close());

async function openLetter() {
	const gemeente = await emptyGemeente();
	const coordinator = await makeUser('coordinator', true);
	const campaign = await setStatus(await makeCampaign(coordinator, gemeente), coordinator.id, 'concept', 'ter_ondertekening');
	return { gemeente, coordinator, campaign };
}

const sign = (campaignId: string, person: { id: string; practiceId: string }, signerName: string, bigNumber: string) =>
	signatures.signAndVerify(campaignId, person, { practiceId: person.practiceId, signerName, bigNumber, showName: true });

describe('signing asks the BIG-register', () => {
	it('verifies a registered huisarts whose name fits, at once, with the name the register gives', async () => {
		const { gemeente, campaign } = await openLetter();
		const [person] = await huisartsen(gemeente.code, 1);
		const { result, check } = await sign(campaign.id, person, 'Anna de Vries', huisartsNumber());
		expect(result).toBe('signed');
		expect(check?.verdict).toBe('verified');
		const mine = await signatures.mySignature(campaign.id, person.id);
		expect(mine?.verification).toMatchObject({ method: 'register', by: null });
		expect(mine?.verification?.registerName).toMatch(/Vries/);
		// The person is now a verified huisarts, with the number they signed with.
		expect((await loadRoles(person.id)).verified).toBe(true);
	});

	it('leaves the signature unverified, but signed, for every other answer', async () => {
		const { gemeente, campaign } = await openLetter();
		const people = await huisartsen(gemeente.code, 6);
		const cases: Array<[string, string, string]> = [
			['Karin Bakker', huisartsNumber(), 'name_mismatch'],
			['K. Bakker', BIG_NUMBERS.cardioloog, 'not_huisarts'],
			['S. Mulder', BIG_NUMBERS.suspended, 'struck_off'],
			['Iemand Onbekend', BIG_NUMBERS.unknown, 'not_found'],
			['Traag Register', BIG_NUMBERS.slow, 'unavailable'],
			['Kapot Register', BIG_NUMBERS.down, 'unavailable']
		];
		for (const [i, [name, number, verdict]] of cases.entries()) {
			const { result, check } = await sign(campaign.id, people[i], name, number);
			expect([name, result, check?.verdict]).toEqual([name, 'signed', verdict]);
			expect((await signatures.mySignature(campaign.id, people[i].id))?.verified).toBe(false);
		}
		const counts = (await signatures.publicSignatories(campaign.id)).verification;
		expect(counts).toEqual({ total: 6, verified: 0, byRegister: 0, byHand: 0 });
	});

	it('a yes on the account page verifies the user and the signatures with that number and name', async () => {
		const { gemeente, campaign } = await openLetter();
		const [person] = await huisartsen(gemeente.code, 1);
		// Signed while the register did not answer.
		await sign(campaign.id, person, 'Anna de Vries', BIG_NUMBERS.down);
		const number = huisartsNumber();
		await service.from('signatures').update({ big_number: number }).eq('user_id', person.id);
		expect((await signatures.mySignature(campaign.id, person.id))?.verified).toBe(false);
		expect(await verifyWithRegister(person.id, number, 'Anna de Vries')).toMatchObject({ state: 'verified' });
		expect((await signatures.mySignature(campaign.id, person.id))?.verification?.method).toBe('register');
		// A wrong name is refused with the register's reason, and verifies nothing.
		const [other] = await huisartsen(gemeente.code, 1);
		const refused = await verifyWithRegister(other.id, huisartsNumber(), 'Piet Puk');
		expect(refused.state === 'refused' && refused.check.message).toMatch(/naam/);
		expect((await loadRoles(other.id)).verified).toBe(false);
	});

	it('a user verified before gets that verification on a new signature without asking again', async () => {
		const { gemeente, campaign } = await openLetter();
		const [person] = await huisartsen(gemeente.code, 1);
		const number = huisartsNumber();
		expect(await verifyWithRegister(person.id, number, 'Anna de Vries')).toMatchObject({ state: 'verified' });
		const asked = stub.requests.length;
		const { result } = await signatures.signAndVerify(campaign.id, person, {
			practiceId: person.practiceId,
			signerName: 'Anna de Vries',
			bigNumber: number,
			showName: true
		});
		expect(result).toBe('signed');
		expect((await signatures.mySignature(campaign.id, person.id))?.verified).toBe(true);
		expect(stub.requests.length).toBe(asked);
	});

	it('one account per number: a second account with a verified number is refused, on the account page and when signing', async () => {
		const { gemeente, campaign } = await openLetter();
		const [owner, impostor] = await huisartsen(gemeente.code, 2);
		const number = huisartsNumber();
		expect(await verifyWithRegister(owner.id, number, 'Anna de Vries')).toMatchObject({ state: 'verified' });
		// The register is public: a stranger who copies the number and name gets no verification.
		const asked = stub.requests.length;
		expect(await verifyWithRegister(impostor.id, number, 'Anna de Vries')).toEqual({ state: 'taken' });
		const { result, outcome } = await sign(campaign.id, impostor, 'Anna de Vries', number);
		expect([result, outcome]).toEqual(['signed', 'taken']);
		expect(stub.requests.length).toBe(asked);
		expect((await signatures.mySignature(campaign.id, impostor.id))?.verified).toBe(false);
		expect((await loadRoles(impostor.id)).verified).toBe(false);
		// Nor does the database let the app record it, nor a hand verification carry it over.
		const direct = await service.rpc('record_register_verification', {
			p_user_id: impostor.id,
			p_big_number: number,
			p_checked_name: 'Anna de Vries',
			p_register_name: 'A.M. Jansen-de Vries'
		});
		expect(direct.data).toBe('taken');
		const mine = await signatures.mySignature(campaign.id, impostor.id);
		const coordinator = (await service.from('memberships').select('user_id').eq('campaign_id', campaign.id).eq('role', 'campaign_coordinator').single()).data!;
		expect(await signatures.verifySignature(campaign.id, mine!.id, coordinator.user_id, true, 'Gebeld')).toBe('verified');
		expect((await loadRoles(impostor.id)).verified).toBe(false);
	});
});
