// Signing against the real local database: many huisartsen at once, one signature per person,
// withdrawing, closed states, the reconfirmation after a reopen, public names only with consent,
// coordinators verifying, and who may sign or read at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { campaignAccess } from '../auth/permissions';
import { getCampaign } from './campaigns';
import * as signatures from './signatures';
import { openForSigning } from './open-for-signing';
import { deleteAccount } from '../auth/users';
import {
	emptyGemeente,
	huisartsen,
	makeCampaign,
	makePractices,
	joinPractices,
	makeUser,
	markSent,
	saveRevision,
	setStatus
} from '$test/signing-fixtures';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

const big = (i: number) => String(10_000_000_000 + i);

function input(practiceId: string, i = 0, showName = false) {
	return { practiceId, signerName: `Dokter ${i}`, bigNumber: big(i), showName };
}

async function openCampaign() {
	const gemeente = await emptyGemeente();
	const coordinator = await makeUser('coordinator', true);
	const draft = await makeCampaign(coordinator, gemeente);
	const campaign = await setStatus(draft, coordinator.id, 'concept', 'ter_ondertekening');
	return { gemeente, coordinator, campaign };
}

async function liveSignatures(campaignId: string): Promise<number> {
	const { count, error } = await service
		.from('signatures')
		.select('id', { count: 'exact', head: true })
		.eq('campaign_id', campaignId)
		.is('withdrawn_at', null);
	if (error) throw error;
	return count ?? 0;
}

describe('signing at the same moment', () => {
	it('200 different huisartsen signing at once give exactly 200 signatures and no error', async () => {
		const { gemeente, campaign } = await openCampaign();
		const people = await huisartsen(gemeente.code, 200, 5);
		const results = await Promise.all(
			people.map((person, i) => signatures.signLetter(campaign.id, person, input(person.practiceId, i)))
		);
		expect(results.filter((r) => r === 'signed')).toHaveLength(200);
		expect(await liveSignatures(campaign.id)).toBe(200);
		const audit = await service
			.from('audit_log')
			.select('id', { count: 'exact', head: true })
			.eq('entity_id', campaign.id)
			.eq('action', 'letter_signed');
		expect(audit.count).toBe(200);
	});

	it('50 huisartsen each trying 10 times at once give exactly 50', async () => {
		const { gemeente, campaign } = await openCampaign();
		const people = await huisartsen(gemeente.code, 50, 2);
		const attempts = people.flatMap((person, i) =>
			Array.from({ length: 10 }, () => signatures.signLetter(campaign.id, person, input(person.practiceId, i)))
		);
		const results = await Promise.all(attempts);
		expect(results.filter((r) => r === 'signed')).toHaveLength(50);
		expect(results.filter((r) => r === 'already_signed')).toHaveLength(450);
		expect(await liveSignatures(campaign.id)).toBe(50);
	});
});

describe('one signature per person', () => {
	it('withdraws and signs again on the same row; fills an empty profile but never overwrites it', async () => {
		const { gemeente, campaign } = await openCampaign();
		const [person] = await huisartsen(gemeente.code, 1);
		expect(await signatures.signLetter(campaign.id, person, input(person.practiceId, 7, true))).toBe('signed');
		const profile = await service.from('users').select('name, big_number').eq('id', person.id).single();
		expect(profile.data).toEqual({ name: 'Dokter 7', big_number: big(7) });

		expect(await signatures.withdrawSignature(campaign.id, person.id)).toBe('withdrawn');
		expect(await signatures.withdrawSignature(campaign.id, person.id)).toBe('not_signed');
		expect((await signatures.mySignature(campaign.id, person.id))?.withdrawn).toBe(true);

		const again = { practiceId: person.practiceId, signerName: 'dr. Nieuwe Naam', bigNumber: '109 876 543 21' };
		expect(await signatures.signLetter(campaign.id, person, again)).toBe('signed');
		const mine = await signatures.mySignature(campaign.id, person.id);
		expect(mine).toMatchObject({ withdrawn: false, signerName: 'dr. Nieuwe Naam', bigNumber: '10987654321', showName: false });
		expect(await signatures.signaturesOf(campaign.id)).toHaveLength(1);
		const kept = await service.from('users').select('name, big_number').eq('id', person.id).single();
		expect(kept.data).toEqual({ name: 'Dokter 7', big_number: big(7) });
	});

	it('only through one of the signer’s own practices in the campaign’s gemeente', async () => {
		const { gemeente, campaign } = await openCampaign();
		const [person] = await huisartsen(gemeente.code, 1);
		const [elsewhere] = await makePractices((await emptyGemeente()).code, 1);
		const [notMine] = await makePractices(gemeente.code, 1);
		await joinPractices([{ practiceId: elsewhere, userId: person.id }]);
		expect(await signatures.signLetter(campaign.id, person, input(elsewhere))).toBe('practice_not_allowed');
		expect(await signatures.signLetter(campaign.id, person, input(notMine))).toBe('practice_not_allowed');
		expect(await liveSignatures(campaign.id)).toBe(0);
	});

	it('validates the form in Dutch', () => {
		const bad = signatures.signSchema.safeParse({ practiceId: '', signerName: 'A', bigNumber: '123' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([
			'Kies de praktijk waarvoor je ondertekent.',
			'Vul je naam in zoals die onder de brief komt (minstens 2 tekens).',
			'Een BIG-nummer bestaat uit 11 cijfers.'
		]);
		const good = signatures.signSchema.parse({
			practiceId: '30000000-0000-4000-8000-000000000001',
			signerName: '  A. de Vries ',
			bigNumber: '123.456.789-01'
		});
		expect(good).toEqual({
			practiceId: '30000000-0000-4000-8000-000000000001',
			signerName: 'A. de Vries',
			bigNumber: '12345678901',
			showName: false
		});
	});
});

describe('closed states', () => {
	it('cannot sign a draft, nor sign or withdraw once the letter is sent', async () => {
		const gemeente = await emptyGemeente();
		const coordinator = await makeUser('coordinator');
		const draft = await makeCampaign(coordinator, gemeente);
		const [a, b] = await huisartsen(gemeente.code, 2);
		expect(await signatures.signLetter(draft.id, a, input(a.practiceId))).toBe('closed');

		const open = await setStatus(draft, coordinator.id, 'concept', 'ter_ondertekening');
		expect(await signatures.signLetter(open.id, a, input(a.practiceId))).toBe('signed');
		await markSent(open, coordinator.id);
		expect(await signatures.signLetter(open.id, b, input(b.practiceId))).toBe('closed');
		expect(await signatures.withdrawSignature(open.id, a.id)).toBe('closed');
		expect(await signatures.confirmSignature(open.id, a.id)).toBe('closed');
		// Verifying changes no text: it stays possible after sending.
		const mine = await signatures.mySignature(open.id, a.id);
		expect(await signatures.verifySignature(open.id, mine!.id, coordinator.id, true, 'BIG-register bekeken')).toBe('verified');
		expect(await liveSignatures(open.id)).toBe(1);
	});
});

describe('reopening with a new text', () => {
	it('keeps signatures on the old revision, mails exactly the outdated live signers, and re-pins on confirm', async () => {
		const { gemeente, coordinator, campaign } = await openCampaign();
		const [a, b, c, d] = await huisartsen(gemeente.code, 4);
		for (const [i, person] of [a, b, c].entries()) {
			expect(await signatures.signLetter(campaign.id, person, input(person.practiceId, i))).toBe('signed');
		}
		expect(await signatures.withdrawSignature(campaign.id, c.id)).toBe('withdrawn');

		// Reopen: signatures stay, and may still be withdrawn; confirming is not possible.
		await setStatus(campaign, coordinator.id, 'ter_ondertekening', 'concept');
		expect(await signatures.confirmSignature(campaign.id, a.id)).toBe('closed');
		expect(await saveRevision(campaign.id, coordinator.id, 'Versie twee van de brief.')).toBe(2);
		expect(await openForSigning(campaign.id, coordinator.id)).toBe(2);
		expect(await openForSigning(campaign.id, coordinator.id)).toBeNull();
		expect(await signatures.signLetter(campaign.id, d, input(d.practiceId, 3))).toBe('signed');

		const before = await signatures.mySignature(campaign.id, a.id);
		expect(before).toMatchObject({ revisionNumber: 1, current: false });

		const mails = await service
			.from('outbox')
			.select('to_address, subject, text_body')
			.in('to_address', [a.email, b.email, c.email, d.email]);
		expect(mails.data?.map((m) => m.to_address).sort()).toEqual([a.email, b.email].sort());
		expect(mails.data?.[0].text_body).toContain(`/campagnes/${campaign.id}/ondertekenen`);
		expect(mails.data?.[0].text_body).toContain('getekend voor versie 1');

		expect(await signatures.confirmSignature(campaign.id, a.id)).toBe('confirmed');
		expect(await signatures.confirmSignature(campaign.id, a.id)).toBe('current');
		expect(await signatures.confirmSignature(campaign.id, c.id)).toBe('not_signed');
		expect(await signatures.mySignature(campaign.id, a.id)).toMatchObject({ revisionNumber: 2, current: true });

		const list = await signatures.signaturesOf(campaign.id);
		const byName = Object.fromEntries(list.map((s) => [s.signerName, s]));
		expect(byName['Dokter 1']).toMatchObject({ revisionNumber: 1, current: false, withdrawn: false });
		expect(byName['Dokter 2']).toMatchObject({ withdrawn: true });
		expect(byName['Dokter 3']).toMatchObject({ revisionNumber: 2, current: true });

		const audit = await service
			.from('audit_log')
			.select('action, details')
			.eq('entity_id', campaign.id)
			.in('action', ['reconfirmation_requested', 'signature_confirmed', 'signature_withdrawn']);
		expect(audit.data?.map((row) => row.action).sort()).toEqual([
			'reconfirmation_requested',
			'signature_confirmed',
			'signature_withdrawn'
		]);
	});

	it('mails nobody when signing reopens on the same text', async () => {
		const { gemeente, coordinator, campaign } = await openCampaign();
		const [a] = await huisartsen(gemeente.code, 1);
		await signatures.signLetter(campaign.id, a, input(a.practiceId));
		await setStatus(campaign, coordinator.id, 'ter_ondertekening', 'concept');
		expect(await openForSigning(campaign.id, coordinator.id)).toBe(0);
		expect((await getCampaign(campaign.id))!.status).toBe('ter_ondertekening');
	});

	it('does not open when a newer text was saved than the one the mails name', async () => {
		const { coordinator, campaign } = await openCampaign();
		await setStatus(campaign, coordinator.id, 'ter_ondertekening', 'concept');
		// A save that lands between reading the newest text and opening makes the opening refuse.
		const { data, error } = await service.rpc('open_for_signing', {
			p_campaign_id: campaign.id,
			p_actor_id: coordinator.id,
			p_revision_id: campaign.signingRevisionId ?? '',
			p_mails: [],
			p_asks: []
		});
		expect(error).toBeNull();
		expect(data).toBe(0);
		await setStatus((await getCampaign(campaign.id))!, coordinator.id, 'ter_ondertekening', 'concept');
		expect(await saveRevision(campaign.id, coordinator.id, 'Nog een versie.')).toBe(2);
		const stale = await service.rpc('open_for_signing', {
			p_campaign_id: campaign.id,
			p_actor_id: coordinator.id,
			p_revision_id: campaign.signingRevisionId ?? '',
			p_mails: [],
			p_asks: []
		});
		expect(stale.data).toBeNull();
		expect((await getCampaign(campaign.id))!.status).toBe('concept');
	});
});

describe('public names and verification', () => {
	it('shows names only with consent, counts everyone live, and marks verified signers', async () => {
		const { gemeente, coordinator, campaign } = await openCampaign();
		const [a, b, c, d] = await huisartsen(gemeente.code, 4, 2);
		await signatures.signLetter(campaign.id, a, { ...input(a.practiceId, 1, true), signerName: 'Zwart' });
		await signatures.signLetter(campaign.id, b, { ...input(b.practiceId, 2, false), signerName: 'Verborgen' });
		await signatures.signLetter(campaign.id, c, { ...input(c.practiceId, 3, true), signerName: 'Appel' });
		await signatures.signLetter(campaign.id, d, { ...input(d.practiceId, 4, true), signerName: 'Ingetrokken' });
		await signatures.withdrawSignature(campaign.id, d.id);

		const mineC = await signatures.mySignature(campaign.id, c.id);
		// By hand it needs a word on how; never one's own; never by someone who may not.
		expect(await signatures.verifySignature(campaign.id, mineC!.id, coordinator.id)).toBe('note_missing');
		expect(await signatures.verifySignature(campaign.id, mineC!.id, c.id, true, 'Ik ben het zelf')).toBe('not_allowed');
		expect(await signatures.verifySignature(campaign.id, mineC!.id, coordinator.id, true, 'BIG-register bekeken op 2 december')).toBe('verified');
		expect((await signatures.mySignature(campaign.id, c.id))?.verification).toMatchObject({
			method: 'hand',
			note: 'BIG-register bekeken op 2 december',
			by: coordinator.name
		});

		const shown = await signatures.publicSignatories(campaign.id);
		expect(shown.total).toBe(3);
		expect(shown.hidden).toBe(1);
		expect(shown.shown.map((s) => [s.name, s.verified, s.verifiedBy])).toEqual([
			['Appel', true, 'hand'],
			['Zwart', false, null]
		]);
		expect(shown.verification).toEqual({ total: 3, verified: 1, byRegister: 0, byHand: 1 });
		expect(JSON.stringify(shown)).not.toContain('Verborgen');
		expect(JSON.stringify(shown)).not.toContain(big(1));

		expect(await signatures.verifySignature(campaign.id, mineC!.id, coordinator.id, false)).toBe('unverified');
		expect((await signatures.mySignature(campaign.id, c.id))?.verified).toBe(false);
		const mineD = await signatures.mySignature(campaign.id, d.id);
		expect(await signatures.verifySignature(campaign.id, mineD!.id, coordinator.id, true, 'gezien')).toBe('not_found');
		expect(await signatures.verifySignature(campaign.id, 'geen-uuid', coordinator.id, true, 'gezien')).toBe('not_found');

		// A signature of another campaign cannot be verified through this one.
		const other = await openCampaign();
		expect(await signatures.verifySignature(other.campaign.id, mineC!.id, other.coordinator.id, true, 'gezien')).toBe('not_found');
	});
});

describe('deleting an account', () => {
	it('keeps the signature in the count but drops its name, BIG number and consent', async () => {
		const { gemeente, campaign } = await openCampaign();
		const [person] = await huisartsen(gemeente.code, 1);
		await signatures.signLetter(campaign.id, person, { ...input(person.practiceId, 5, true), signerName: 'Weg Straks' });
		await deleteAccount(person.id);
		const shown = await signatures.publicSignatories(campaign.id);
		expect(shown).toMatchObject({ total: 1, hidden: 1, shown: [] });
		const [row] = await signatures.signaturesOf(campaign.id);
		expect(row).toMatchObject({ signerName: null, bigNumber: null, showName: false, withdrawn: false });
	});
});

describe('who may sign and read', () => {
	it('refuses a user without a practice in the gemeente or an invitation, and a coordinator of another gemeente', async () => {
		const { gemeente, coordinator, campaign } = await openCampaign();
		const [member] = await huisartsen(gemeente.code, 1);
		const stranger = await makeUser('vreemde');
		const [elsewhere] = await huisartsen((await emptyGemeente()).code, 1);

		expect(await campaignAccess(member, campaign)).toMatchObject({ sign: true, readLetter: true, coordinate: false });
		expect(await campaignAccess(stranger, campaign)).toEqual({ see: true, sign: false, readLetter: false, coordinate: false, comment: false });
		expect(await campaignAccess(elsewhere, campaign)).toEqual({ see: true, sign: false, readLetter: false, coordinate: false, comment: false });

		// The coordinator of a campaign in another gemeente cannot read this one's unsent draft.
		const otherGemeente = await emptyGemeente();
		const otherCoordinator = await makeUser('coordinator');
		await makeCampaign(otherCoordinator, otherGemeente);
		const draft = await setStatus(campaign, coordinator.id, 'ter_ondertekening', 'concept');
		expect(await campaignAccess(otherCoordinator, draft)).toEqual({ see: false, sign: false, readLetter: false, coordinate: false, comment: false });
		expect(await campaignAccess(otherCoordinator, campaign)).toEqual({ see: true, sign: false, readLetter: false, coordinate: false, comment: false });
		expect(await campaignAccess(coordinator, draft)).toMatchObject({ coordinate: true, readLetter: true, sign: false });
	});
});
