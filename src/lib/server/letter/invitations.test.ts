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
			errors: ['"jan@" (regel 2) is geen geldig e-mailadres.', '"geen adres" (regel 3) is geen geldig e-mailadres.']
		});
		// On one line, the address is named without a line number that would point at the wrong one.
		expect(invitations.parseEmailList('a@example.nl, collega@praktijk')).toEqual({
			ok: false,
			errors: ['"collega@praktijk" is geen geldig e-mailadres.']
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

	it('sends at most 60 invitations per coordinator per day', async () => {
		const { coordinator, campaign } = await openCampaign();
		const batch = (n: number) => Array.from({ length: n }, (_, i) => `limiet-${uniqueTag()}-${i}@example.nl`);
		const first = await invitations.inviteColleagues(campaign, coordinator, batch(50));
		const second = await invitations.inviteColleagues(campaign, coordinator, batch(15));
		if (!Array.isArray(first) || !Array.isArray(second)) throw new Error('unexpected');
		expect(first.every((r) => r.status === 'invited')).toBe(true);
		expect(second.filter((r) => r.status === 'invited')).toHaveLength(10);
		expect(second.filter((r) => r.status === 'rate_limited')).toHaveLength(5);
		const count = await service.from('invitations').select('id', { count: 'exact', head: true }).eq('campaign_id', campaign.id);
		expect(count.count).toBe(60);
	});

	it('refuses more than 300 invitations for one letter, whoever sends them', async () => {
		const { campaign } = await openCampaign();
		const addresses = Array.from({ length: 295 }, (_, i) => `vol-${uniqueTag()}-${i}@example.nl`);
		const rows = addresses.map((email, i) => ({
			campaign_id: campaign.id,
			email,
			token_hash: `\\x${Buffer.from(`vol-${i}-${uniqueTag()}`).toString('hex')}`,
			expires_at: new Date(Date.now() + 86_400_000).toISOString()
		}));
		expect((await service.from('invitations').insert(rows)).error).toBeNull();
		const other = await makeUser('mede', true);
		await service.from('memberships').insert({ user_id: other.id, role: 'campaign_coordinator', campaign_id: campaign.id });
		const batch = Array.from({ length: 6 }, (_, i) => `teveel-${uniqueTag()}-${i}@example.nl`);
		expect(await invitations.inviteColleagues(campaign, other, batch)).toBe('too_many');
		expect((await service.from('outbox').select('id').in('to_address', batch)).data).toEqual([]);
	});

	it('keeps a name that reads like a link out of the invitation mail', async () => {
		const { coordinator, campaign } = await openCampaign();
		const fresh = `schoon-${uniqueTag()}@example.nl`;
		const sneaky = { ...coordinator, name: 'Dr. Jan https://evil.example/inloggen' };
		expect(await invitations.inviteColleagues(campaign, sneaky, [fresh])).toEqual([{ email: fresh, status: 'invited' }]);
		const mail = await service.from('outbox').select('text_body').eq('to_address', fresh).single();
		expect(mail.data?.text_body).toContain('Dr. Jan (');
		expect(mail.data?.text_body).not.toContain('evil.example');
	});
});
