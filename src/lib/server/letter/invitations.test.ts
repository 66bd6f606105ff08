// Invitations against the real local database: only a hash of the token is stored, it expires,
// a new invitation replaces the old link, only the invited address can accept, the hourly limit
// holds, and inviting gives access to read and sign.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { campaignAccess } from '../auth/permissions';
import { fromBytea, hashSecret } from '../platform/crypto';
import * as invitations from './invitations';
import * as signatures from './signatures';
import { emptyGemeente, huisartsen, makeCampaign, makeUser, makeUsers, setStatus, uniqueTag } from '$test/signing-fixtures';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

async function openCampaign() {
	const gemeente = await emptyGemeente();
	const coordinator = await makeUser('coordinator', true);
	const draft = await makeCampaign(coordinator, gemeente);
	const campaign = await setStatus(draft, coordinator.id, 'concept', 'ter_ondertekening');
	return { gemeente, coordinator, campaign };
}

/** The token in the newest invitation e-mail to this address. */
async function tokenMailedTo(email: string): Promise<string> {
	const { data, error } = await service
		.from('outbox')
		.select('text_body, created_at')
		.eq('to_address', email)
		.order('created_at', { ascending: false })
		.limit(1)
		.single();
	if (error) throw error;
	const match = /\/uitnodiging\/([a-z2-7]{24})/.exec(data.text_body);
	if (!match) throw new Error('no invitation link in the e-mail');
	return match[1];
}

describe('the address list', () => {
	it('reads lines and commas, drops doubles and case, and names each bad line in Dutch', () => {
		expect(invitations.parseEmailList('a@example.nl, B@Example.nl\n\n<c@example.nl>;a@example.nl\n')).toEqual({
			ok: true,
			emails: ['a@example.nl', 'b@example.nl', 'c@example.nl']
		});
		expect(invitations.parseEmailList('  \n ')).toEqual({ ok: false, errors: ['Vul minstens één e-mailadres in.'] });
		expect(invitations.parseEmailList('a@example.nl\njan@\nb@example.nl, geen adres')).toEqual({
			ok: false,
			errors: ['Regel 2: "jan@" is geen geldig e-mailadres.', 'Regel 3: "geen adres" is geen geldig e-mailadres.']
		});
		const many = Array.from({ length: 51 }, (_, i) => `collega${i}@example.nl`).join('\n');
		expect(invitations.parseEmailList(many)).toEqual({
			ok: false,
			errors: ['Je kunt hoogstens 50 adressen tegelijk uitnodigen; dit zijn er 51.']
		});
	});
});

describe('inviting colleagues', () => {
	it('stores only the hash of the token, mails a personal link naming gemeente, letter and coordinator', async () => {
		const { gemeente, coordinator, campaign } = await openCampaign();
		const email = `collega-${uniqueTag()}@example.nl`;
		const result = await invitations.inviteColleagues(campaign, coordinator, [email]);
		expect(result).toEqual([{ email, status: 'invited' }]);

		const token = await tokenMailedTo(email);
		const mail = await service.from('outbox').select('subject, text_body, reply_to').eq('to_address', email).single();
		expect(mail.data?.subject).toContain(gemeente.name);
		expect(mail.data?.text_body).toContain(campaign.title);
		expect(mail.data?.text_body).toContain(coordinator.name!);
		expect(mail.data?.reply_to).toBe(coordinator.email);

		const row = await service.from('invitations').select('*').eq('campaign_id', campaign.id).eq('email', email).single();
		if (!row.data) throw new Error('no invitation row');
		expect(JSON.stringify(row.data)).not.toContain(token);
		expect(fromBytea(row.data.token_hash)).toEqual(hashSecret(token));
		const days = (new Date(row.data.expires_at).getTime() - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(29.9);
		expect(days).toBeLessThanOrEqual(30);

		const found = await invitations.findInvitation(token);
		expect(found).toMatchObject({ email, expired: false, campaign: { id: campaign.id, gemeenteName: gemeente.name } });
		expect(await invitations.findInvitation('a'.repeat(24))).toBeNull();
		expect(await invitations.findInvitation('../etc')).toBeNull();
	});

	it('replaces the old link when the same address is invited again', async () => {
		const { coordinator, campaign } = await openCampaign();
		const email = `opnieuw-${uniqueTag()}@example.nl`;
		await invitations.inviteColleagues(campaign, coordinator, [email]);
		const first = await tokenMailedTo(email);
		await new Promise((resolve) => setTimeout(resolve, 5));
		await invitations.inviteColleagues(campaign, coordinator, [email.toUpperCase().toLowerCase()]);
		const second = await tokenMailedTo(email);
		expect(second).not.toBe(first);
		expect(await invitations.findInvitation(first)).toBeNull();
		expect(await invitations.findInvitation(second)).toMatchObject({ email });
		const count = await service.from('invitations').select('id', { count: 'exact', head: true }).eq('campaign_id', campaign.id);
		expect(count.count).toBe(1);
	});

	it('expires after 30 days: the link is then refused', async () => {
		const { coordinator, campaign } = await openCampaign();
		const invitee = await makeUser('verlopen');
		await invitations.inviteColleagues(campaign, coordinator, [invitee.email]);
		const token = await tokenMailedTo(invitee.email);
		await service
			.from('invitations')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('campaign_id', campaign.id)
			.eq('email', invitee.email);
		const found = await invitations.findInvitation(token);
		expect(found?.expired).toBe(true);
		expect(await invitations.acceptInvitation(found!.id, invitee.id)).toBe('invalid');
	});

	it('can be accepted only by the invited address, and lets the invited person read and sign', async () => {
		const { coordinator, campaign } = await openCampaign();
		const [invitee, other] = await makeUsers(2, 'uitgenodigd');
		expect(await campaignAccess(invitee, campaign)).toMatchObject({ sign: false, readLetter: false });
		await invitations.inviteColleagues(campaign, coordinator, [invitee.email]);
		const found = await invitations.findInvitation(await tokenMailedTo(invitee.email));

		expect(await invitations.acceptInvitation(found!.id, other.id)).toBe('other_email');
		expect(await campaignAccess(other, campaign)).toMatchObject({ sign: false, readLetter: false });
		expect(await invitations.acceptInvitation(found!.id, invitee.id)).toBe('accepted');
		expect(await invitations.acceptInvitation(found!.id, invitee.id)).toBe('accepted');
		expect(await campaignAccess(invitee, campaign)).toMatchObject({ sign: true, readLetter: true });

		const listed = await invitations.invitationsOf(campaign.id);
		expect(listed).toHaveLength(1);
		expect(listed[0].acceptedAt).not.toBeNull();
		const audit = await service
			.from('audit_log')
			.select('action')
			.eq('entity_id', campaign.id)
			.in('action', ['colleagues_invited', 'invitation_accepted']);
		expect(audit.data?.map((row) => row.action).sort()).toEqual(['colleagues_invited', 'invitation_accepted']);
	});

	it('skips colleagues who already signed, and is closed unless the letter is open for signing', async () => {
		const { gemeente, coordinator, campaign } = await openCampaign();
		const [signer] = await huisartsen(gemeente.code, 1);
		await signatures.signLetter(campaign.id, signer, {
			practiceId: signer.practiceId,
			signerName: 'Al Getekend',
			bigNumber: '12345678901'
		});
		const fresh = `nieuw-${uniqueTag()}@example.nl`;
		expect(await invitations.inviteColleagues(campaign, coordinator, [signer.email, fresh])).toEqual([
			{ email: signer.email, status: 'already_signed' },
			{ email: fresh, status: 'invited' }
		]);
		const mailed = await service.from('outbox').select('id').eq('to_address', signer.email);
		expect(mailed.data).toEqual([]);

		const draft = await setStatus(campaign, coordinator.id, 'ter_ondertekening', 'concept');
		expect(await invitations.inviteColleagues(draft, coordinator, [`x-${uniqueTag()}@example.nl`])).toBe('closed');
	});

	it('sends at most 100 invitations per coordinator per hour', async () => {
		const { coordinator, campaign } = await openCampaign();
		const batch = (n: number) => Array.from({ length: n }, (_, i) => `limiet-${uniqueTag()}-${i}@example.nl`);
		const first = await invitations.inviteColleagues(campaign, coordinator, batch(50));
		const second = await invitations.inviteColleagues(campaign, coordinator, batch(45));
		const third = await invitations.inviteColleagues(campaign, coordinator, batch(10));
		expect(first !== 'closed' && first.every((r) => r.status === 'invited')).toBe(true);
		expect(second !== 'closed' && second.every((r) => r.status === 'invited')).toBe(true);
		if (third === 'closed') throw new Error('unexpected');
		expect(third.filter((r) => r.status === 'invited')).toHaveLength(5);
		expect(third.filter((r) => r.status === 'rate_limited')).toHaveLength(5);
		const count = await service.from('invitations').select('id', { count: 'exact', head: true }).eq('campaign_id', campaign.id);
		expect(count.count).toBe(100);
	});
});
