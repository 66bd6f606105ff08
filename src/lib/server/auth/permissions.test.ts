// Who may do what, role by role, against the real database: letters in a gemeente of their own, and
// one user per role. Each permission function is asked for every role, and where the database
// checks the same rule itself (may_start_campaign, may_edit_party_list, may_confirm_practice_members,
// may_verify_signatures, may_comment_on_draft, may_resolve_draft_comments) its answer must be the app's.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import { emptyGemeente, huisartsen, makeCampaign, makeUser, markSent, setStatus, uniqueTag } from '$test/signing-fixtures';
import type { SessionUser } from './session';
import type { Campaign } from '../letter/campaigns';
import {
	campaignAccess,
	isAdmin,
	loadRoles,
	mayConfirmPracticeMembers,
	mayCommentOnDraft,
	mayCoordinate,
	mayEditKring,
	mayEditPartyList,
	mayEditRecipients,
	mayResolveDraftComments,
	mayStartLetter,
	mayVerifySignatures
} from './permissions';
import { mayApprovePosition, mayCreateKring, mayEditPositions, mayManageThemes, mayViewKringDashboard } from './permissions';
import { mayRecordCommitments, maySetPolicyDates } from './permissions';
import { mayAttendMeeting, mayEditCouncil, maySeeWhoAttends } from './permissions';
import { mayBePressContact, mayChoosePressContact } from './permissions';

const { service } = connectTestDatabase();

const ROLES = [
	'stranger',
	'huisarts here, unconfirmed',
	'huisarts here, confirmed',
	'verified huisarts here, confirmed',
	'huisarts elsewhere',
	'invited',
	'coordinator',
	'verified coordinator',
	'kring editor here',
	'kring editor elsewhere',
	'admin'
] as const;
type Role = (typeof ROLES)[number];

const people = {} as Record<Role, SessionUser>;
let here: { code: string; name: string };
let elsewhere: { code: string; name: string };
let kringHere = '';
let draft: Campaign;
let open: Campaign;
let sent: Campaign;

async function makeKring(gemeenteCode: string, editor: SessionUser): Promise<string> {
	const slug = `rollen-${uniqueTag()}`;
	const kring = await service.from('kringen').insert({ slug, name: `Kring ${slug}` }).select('id').single();
	if (!kring.data) throw new Error(kring.error?.message);
	await service.from('kring_gemeenten').insert({ kring_id: kring.data.id, gemeente_code: gemeenteCode });
	await service.from('memberships').insert({ user_id: editor.id, role: 'kring_editor', kring_id: kring.data.id });
	return kring.data.id;
}

async function confirmMembership(userId: string) {
	const { error } = await service.from('practice_members').update({ confirmed_at: new Date().toISOString(), confirmed_how: 'kring' }).eq('user_id', userId);
	if (error) throw error;
}

async function verify(userId: string) {
	const number = `${Date.now()}`.slice(-9) + String(Math.floor(Math.random() * 90) + 10);
	const { error } = await service
		.from('users')
		.update({ big_number: number, big_verified_at: new Date().toISOString(), big_verified_number: number, big_verified_method: 'hand' })
		.eq('id', userId);
	if (error) throw error;
}

async function coordinate(userId: string, campaign: Campaign) {
	const { error } = await service.from('memberships').insert({ user_id: userId, role: 'campaign_coordinator', campaign_id: campaign.id });
	if (error) throw error;
}

beforeAll(async () => {
	here = await emptyGemeente();
	elsewhere = await emptyGemeente();
	const [unconfirmed, confirmed, verifiedHere] = await huisartsen(here.code, 3);
	const [remote] = await huisartsen(elsewhere.code, 1);
	people['huisarts here, unconfirmed'] = unconfirmed;
	people['huisarts here, confirmed'] = confirmed;
	people['verified huisarts here, confirmed'] = verifiedHere;
	people['huisarts elsewhere'] = remote;
	await Promise.all([confirmMembership(confirmed.id), confirmMembership(verifiedHere.id), confirmMembership(remote.id)]);
	await verify(verifiedHere.id);
	people.stranger = await makeUser('vreemde');
	people.invited = await makeUser('uitgenodigd');
	people.coordinator = await makeUser('coordinator', true);
	people['verified coordinator'] = await makeUser('geverifieerd', true);
	await verify(people['verified coordinator'].id);
	people['kring editor here'] = await makeUser('kring-hier');
	people['kring editor elsewhere'] = await makeUser('kring-elders');
	people.admin = await makeUser('beheerder');
	await service.from('memberships').insert({ user_id: people.admin.id, role: 'admin' });
	kringHere = await makeKring(here.code, people['kring editor here']);
	await makeKring(elsewhere.code, people['kring editor elsewhere']);

	// The letters are started by someone else (as editor of another kring covering the gemeente);
	// the two coordinators are only that: coordinators.
	const starter = await makeUser('starter', true);
	await allowCampaignStart(service, starter.id, here.code);
	draft = await makeCampaign(starter, here);
	open = await setStatus(await makeCampaign(starter, here), starter.id, 'concept', 'ter_ondertekening');
	sent = await setStatus(await makeCampaign(starter, here), starter.id, 'concept', 'ter_ondertekening');
	await markSent(sent, starter.id);
	sent = { ...sent, status: 'verstuurd' };
	for (const campaign of [draft, open, sent]) {
		await coordinate(people.coordinator.id, campaign);
		await coordinate(people['verified coordinator'].id, campaign);
	}
	for (const campaign of [open, sent]) {
		await service.from('invitations').insert({
			campaign_id: campaign.id,
			email: people.invited.email,
			token_hash: `\\x${Buffer.from(uniqueTag()).toString('hex')}`,
			expires_at: new Date(Date.now() + 86_400_000).toISOString()
		});
	}
});

async function each<T>(ask: (user: SessionUser, role: Role) => Promise<T> | T): Promise<Record<Role, T>> {
	const entries = await Promise.all(ROLES.map(async (role) => [role, await ask(people[role], role)] as const));
	return Object.fromEntries(entries) as Record<Role, T>;
}

/** Expected answers, given as the roles for which the answer is yes. */
function allowedFor(...yes: Role[]): Record<Role, boolean> {
	return Object.fromEntries(ROLES.map((role) => [role, yes.includes(role)])) as Record<Role, boolean>;
}

async function database(rpc: string, args: (user: SessionUser) => Record<string, string>): Promise<Record<Role, unknown>> {
	return each(async (user) => {
		const { data, error } = await service.rpc(rpc as 'may_start_campaign', args(user) as { p_user_id: string; p_gemeente_code: string });
		if (error) throw error;
		return data;
	});
}

describe('permissions per role', () => {
	it('admin: only the admin', async () => {
		expect(await each(async (user) => isAdmin(await loadRoles(user.id)))).toEqual(allowedFor('admin'));
	});

	it('start a letter in the gemeente: huisartsen with a confirmed practice there, its kring editors and admins; the database agrees', async () => {
		const app = await each(async (user) => mayStartLetter(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('huisarts here, confirmed', 'verified huisarts here, confirmed', 'kring editor here', 'admin'));
		expect(await database('may_start_campaign', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }))).toEqual(app);
	});

	it('confirm colleagues in the gemeente: its kring editors, admins and verified huisartsen with a confirmed practice there', async () => {
		const app = await each(async (user) => mayConfirmPracticeMembers(await loadRoles(user.id), here.code) ?? false);
		expect(app).toEqual({
			...allowedFor(),
			'verified huisarts here, confirmed': 'collega',
			'kring editor here': 'kring',
			admin: 'admin'
		});
		const db = await database('may_confirm_practice_members', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }));
		expect(Object.fromEntries(Object.entries(db).map(([role, how]) => [role, how ?? false]))).toEqual(app);
	});

	it("change the gemeente's party list: its kring editors, admins and verified coordinators of a letter there; the database agrees", async () => {
		const app = await each(async (user) => mayEditPartyList(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('verified coordinator', 'kring editor here', 'admin'));
		expect(await database('may_edit_party_list', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }))).toEqual(app);
		// From a letter's own page: the same people, until that letter is sent.
		expect(await each(async (user) => mayEditRecipients(await loadRoles(user.id), open))).toEqual(app);
		expect(await each(async (user) => mayEditRecipients(await loadRoles(user.id), sent))).toEqual(allowedFor());
	});

	it('verify signatures by hand: the letter\'s coordinators, its kring editors and admins; the database agrees', async () => {
		const app = await each(async (user) => mayVerifySignatures(await loadRoles(user.id), open));
		expect(app).toEqual(allowedFor('coordinator', 'verified coordinator', 'kring editor here', 'admin'));
		expect(await database('may_verify_signatures', (user) => ({ p_user_id: user.id, p_campaign_id: open.id }))).toEqual(app);
	});

	it('enter, import and theme council work in the gemeente: its kring editors and admins; the database agrees', async () => {
		const app = await each(async (user) => mayEditCouncil(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('kring editor here', 'admin'));
		expect(await database('may_edit_council', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }))).toEqual(app);
	});

	it('say you go to a council meeting of the gemeente: huisartsen with a confirmed practice there; the database agrees', async () => {
		const app = await each(async (user) => mayAttendMeeting(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('huisarts here, confirmed', 'verified huisarts here, confirmed'));
		expect(await database('may_attend_meeting', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }))).toEqual(app);
	});

	it('see by name who goes to a council meeting: confirmed huisartsen of the gemeente, its kring editors and admins', async () => {
		expect(await each(async (user) => maySeeWhoAttends(await loadRoles(user.id), here.code))).toEqual(
			allowedFor('huisarts here, confirmed', 'verified huisarts here, confirmed', 'kring editor here', 'admin')
		);
	});

	it('edit a kring: its editors and admins', async () => {
		expect(await each(async (user) => mayEditKring(await loadRoles(user.id), kringHere))).toEqual(allowedFor('kring editor here', 'admin'));
	});

	it('coordinate a letter: its coordinators and admins', async () => {
		expect(await each(async (user) => mayCoordinate(await loadRoles(user.id), draft.id))).toEqual(
			allowedFor('coordinator', 'verified coordinator', 'admin')
		);
	});

	it("choose a letter's press contact: its coordinators and admins; be it: its coordinators only; the database agrees", async () => {
		const choose = await each(async (user) => mayChoosePressContact(await loadRoles(user.id), sent.id));
		expect(choose).toEqual(allowedFor('coordinator', 'verified coordinator', 'admin'));
		const be = await each(async (user) => mayBePressContact(await loadRoles(user.id), sent.id));
		expect(be).toEqual(allowedFor('coordinator', 'verified coordinator'));
		// The database: choosing the coordinator as the contact works for exactly those who may choose,
		// and consenting (with the details shown) works for exactly those who may be the contact.
		const chosen = await each(async (user) => {
			const { data, error } = await service.rpc('choose_press_contact', { p_campaign_id: open.id, p_actor_id: user.id, p_user_id: people.coordinator.id });
			if (error) throw error;
			return data === 'chosen';
		});
		expect(chosen).toEqual(choose);
		const consented = await each(async (user) => {
			const { data, error } = await service.rpc('consent_press_contact', { p_campaign_id: draft.id, p_user_id: user.id, p_name: 'Dr. Pers', p_email: 'pers@example.nl' });
			if (error) throw error;
			return data === 'consented';
		});
		expect(consented).toEqual(be);
	});

	it('a draft: known to and read by its coordinators, confirmed huisartsen of the gemeente, its kring editors and admins', async () => {
		const access = await each((user) => campaignAccess(user, draft));
		const readers = allowedFor('huisarts here, confirmed', 'verified huisarts here, confirmed', 'coordinator', 'verified coordinator', 'kring editor here', 'admin');
		expect(Object.fromEntries(Object.entries(access).map(([role, a]) => [role, a.see]))).toEqual(readers);
		expect(Object.fromEntries(Object.entries(access).map(([role, a]) => [role, a.readLetter]))).toEqual(readers);
		expect(Object.fromEntries(Object.entries(access).map(([role, a]) => [role, a.comment]))).toEqual(readers);
		expect(Object.values(access).every((a) => !a.sign)).toBe(true);
		expect(await campaignAccess(null, draft)).toEqual({ see: false, coordinate: false, readLetter: false, sign: false, comment: false });
	});

	it('comment on a draft: the same readers, only while it is a concept; the database agrees', async () => {
		const app = await each(async (user) => mayCommentOnDraft(await loadRoles(user.id), draft));
		expect(app).toEqual(
			allowedFor('huisarts here, confirmed', 'verified huisarts here, confirmed', 'coordinator', 'verified coordinator', 'kring editor here', 'admin')
		);
		expect(await database('may_comment_on_draft', (user) => ({ p_user_id: user.id, p_campaign_id: draft.id }))).toEqual(app);
		// Once open for signing (or sent) nobody comments any more, in the app nor in the database.
		for (const frozen of [open, sent]) {
			expect(await each(async (user) => mayCommentOnDraft(await loadRoles(user.id), frozen))).toEqual(allowedFor());
			expect(await database('may_comment_on_draft', (user) => ({ p_user_id: user.id, p_campaign_id: frozen.id }))).toEqual(allowedFor());
			expect(Object.values(await each((user) => campaignAccess(user, frozen))).every((a) => !a.comment)).toBe(true);
		}
	});

	it("resolve remarks on a draft: the letter's coordinators and admins, in every status; the database agrees", async () => {
		for (const campaign of [draft, open, sent]) {
			const app = await each(async (user) => mayResolveDraftComments(await loadRoles(user.id), campaign.id));
			expect(app).toEqual(allowedFor('coordinator', 'verified coordinator', 'admin'));
			expect(await database('may_resolve_draft_comments', (user) => ({ p_user_id: user.id, p_campaign_id: campaign.id }))).toEqual(app);
		}
	});

	it('a letter open for signing: read and signed by its huisartsen (confirmed or not), the invited and the coordinators', async () => {
		const access = await each((user) => campaignAccess(user, open));
		const signers = allowedFor(
			'huisarts here, unconfirmed',
			'huisarts here, confirmed',
			'verified huisarts here, confirmed',
			'invited',
			'coordinator',
			'verified coordinator',
			'admin'
		);
		expect(Object.fromEntries(Object.entries(access).map(([role, a]) => [role, a.sign]))).toEqual(signers);
		expect(Object.fromEntries(Object.entries(access).map(([role, a]) => [role, a.readLetter]))).toEqual(signers);
		expect(Object.values(access).every((a) => a.see)).toBe(true);
		expect(await campaignAccess(null, open)).toEqual({ see: true, coordinate: false, readLetter: false, sign: false, comment: false });
	});

	it('a sent letter: everyone reads it, nobody signs it any more', async () => {
		const access = await each((user) => campaignAccess(user, sent));
		for (const [role, got] of Object.entries(access)) {
			const coordinates = ['coordinator', 'verified coordinator', 'admin'].includes(role);
			expect({ role, ...got }).toEqual({ role, see: true, coordinate: coordinates, readLetter: true, sign: false, comment: false });
		}
		expect(await campaignAccess(null, sent)).toEqual({ see: true, coordinate: false, readLetter: true, sign: false, comment: false });
	});

	it('assess party positions in the gemeente: editors of a kring covering it and admins; the database agrees', async () => {
		const app = await each(async (user) => mayEditPositions(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('kring editor here', 'admin'));
		const database = await each(async (user) => {
			const { data } = await service.rpc('may_edit_positions', { p_user_id: user.id, p_gemeente_code: here.code });
			return data;
		});
		expect(database).toEqual(app);
		expect(mayEditPositions(await loadRoles(people['kring editor here'].id), elsewhere.code)).toBe(false);
	});

	it('approve an assessment: an editor there who did not make it', async () => {
		const position = { gemeenteCode: here.code, assessedById: people['kring editor here'].id };
		expect(await each(async (user) => mayApprovePosition(await loadRoles(user.id), position))).toEqual(allowedFor('admin'));
	});

	it('manage themes and create kringen: admins only; a kring dashboard: its editors and admins', async () => {
		const adminOnly = allowedFor('admin');
		expect(await each(async (user) => mayManageThemes(await loadRoles(user.id)))).toEqual(adminOnly);
		expect(await each(async (user) => mayCreateKring(await loadRoles(user.id)))).toEqual(adminOnly);
		expect(await each(async (user) => mayViewKringDashboard(await loadRoles(user.id), kringHere))).toEqual({ ...adminOnly, 'kring editor here': true });
	});

	it('record commitments and their status in the gemeente: editors of a kring covering it and admins; the database agrees', async () => {
		const app = await each(async (user) => mayRecordCommitments(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('kring editor here', 'admin'));
		expect(await database('may_record_commitments', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }))).toEqual(app);
		expect(mayRecordCommitments(await loadRoles(people['kring editor here'].id), elsewhere.code)).toBe(false);
	});

	it("set the policy cycle's dates in the gemeente: its kring editors, admins and the verified coordinators of a letter there; the database agrees", async () => {
		const app = await each(async (user) => maySetPolicyDates(await loadRoles(user.id), here.code));
		expect(app).toEqual(allowedFor('verified coordinator', 'kring editor here', 'admin'));
		expect(await database('may_set_policy_dates', (user) => ({ p_user_id: user.id, p_gemeente_code: here.code }))).toEqual(app);
		expect(maySetPolicyDates(await loadRoles(people['verified coordinator'].id), elsewhere.code)).toBe(false);
	});
});
