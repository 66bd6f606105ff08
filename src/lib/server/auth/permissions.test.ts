// Who may do what, role by role, against the real database: one letter in a gemeente of its own,
// and one user per role. Each permission function is asked for every role, and the database's own
// check on starting a letter (may_start_campaign) must agree with the app's.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import {
	emptyGemeente,
	huisartsen,
	makeCampaign,
	makeUser,
	markSent,
	setStatus,
	uniqueTag
} from '$test/signing-fixtures';
import type { SessionUser } from './session';
import type { Campaign } from '../letter/campaigns';
import { campaignAccess, isAdmin, loadRoles, mayCoordinate, mayEditKring, mayEditPartyList, mayStartLetter } from './permissions';
import { mayApprovePosition, mayCreateKring, mayEditPositions, mayManageThemes, mayViewKringDashboard } from './permissions';

const { service } = connectTestDatabase();

type Role =
	| 'stranger'
	| 'huisarts here'
	| 'huisarts elsewhere'
	| 'invited'
	| 'coordinator'
	| 'kring editor here'
	| 'kring editor elsewhere'
	| 'admin';

const people = {} as Record<Role, SessionUser>;
let here: { code: string; name: string };
let elsewhere: { code: string; name: string };
let kringHere = '';
let kringElsewhere = '';
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

beforeAll(async () => {
	here = await emptyGemeente();
	elsewhere = await emptyGemeente();
	const [local] = await huisartsen(here.code, 1);
	const [remote] = await huisartsen(elsewhere.code, 1);
	people['huisarts here'] = local;
	people['huisarts elsewhere'] = remote;
	people.stranger = await makeUser('vreemde');
	people.invited = await makeUser('uitgenodigd');
	people.coordinator = await makeUser('coordinator', true);
	people['kring editor here'] = await makeUser('kring-hier');
	people['kring editor elsewhere'] = await makeUser('kring-elders');
	people.admin = await makeUser('beheerder');
	await service.from('memberships').insert({ user_id: people.admin.id, role: 'admin' });
	kringHere = await makeKring(here.code, people['kring editor here']);
	kringElsewhere = await makeKring(elsewhere.code, people['kring editor elsewhere']);

	// makeCampaign lets the coordinator start it as a kring editor of the gemeente; that kring is
	// another one than kringHere, and the coordinator is tested as coordinator only.
	draft = await makeCampaign(people.coordinator, here);
	open = await setStatus(await makeCampaign(people.coordinator, here), people.coordinator.id, 'concept', 'ter_ondertekening');
	sent = await setStatus(await makeCampaign(people.coordinator, here), people.coordinator.id, 'concept', 'ter_ondertekening');
	await markSent(sent, people.coordinator.id);
	sent = { ...sent, status: 'verstuurd' };
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
	const entries = await Promise.all(
		(Object.keys(people) as Role[]).map(async (role) => [role, await ask(people[role], role)] as const)
	);
	return Object.fromEntries(entries) as Record<Role, T>;
}

describe('permissions per role', () => {
	it('admin: only the admin', async () => {
		expect(await each(async (user) => isAdmin(await loadRoles(user.id)))).toEqual({
			stranger: false,
			'huisarts here': false,
			'huisarts elsewhere': false,
			invited: false,
			coordinator: false,
			'kring editor here': false,
			'kring editor elsewhere': false,
			admin: true
		});
	});

	it('start a letter in the gemeente: its huisartsen, its kring editors and admins; the database agrees', async () => {
		const app = await each(async (user) => mayStartLetter(await loadRoles(user.id), here.code));
		expect(app).toEqual({
			stranger: false,
			'huisarts here': true,
			'huisarts elsewhere': false,
			invited: false,
			// Started the letters as editor of a kring covering the gemeente (see makeCampaign).
			coordinator: true,
			'kring editor here': true,
			'kring editor elsewhere': false,
			admin: true
		});
		const database = await each(async (user) => {
			const { data } = await service.rpc('may_start_campaign', { p_user_id: user.id, p_gemeente_code: here.code });
			return data;
		});
		expect(database).toEqual(app);
	});

	it('edit a kring: its editors and admins', async () => {
		expect(await each(async (user) => mayEditKring(await loadRoles(user.id), kringHere))).toEqual({
			stranger: false,
			'huisarts here': false,
			'huisarts elsewhere': false,
			invited: false,
			coordinator: false,
			'kring editor here': true,
			'kring editor elsewhere': false,
			admin: true
		});
		expect(mayEditKring(await loadRoles(people['kring editor here'].id), kringElsewhere)).toBe(false);
	});

	it('coordinate a letter, and change its party list until it is sent: its coordinators and admins', async () => {
		const coordinate = await each(async (user) => mayCoordinate(await loadRoles(user.id), draft.id));
		expect(coordinate).toEqual({
			stranger: false,
			'huisarts here': false,
			'huisarts elsewhere': false,
			invited: false,
			coordinator: true,
			'kring editor here': false,
			'kring editor elsewhere': false,
			admin: true
		});
		expect(await each(async (user) => mayEditPartyList(await loadRoles(user.id), open))).toEqual(coordinate);
		const afterSending = await each(async (user) => mayEditPartyList(await loadRoles(user.id), sent));
		expect(Object.values(afterSending).every((allowed) => !allowed)).toBe(true);
	});

	it('read and sign a draft: coordinators only (admins read it too)', async () => {
		expect(await each((user) => campaignAccess(user, draft))).toEqual({
			stranger: { coordinate: false, readLetter: false, sign: false },
			'huisarts here': { coordinate: false, readLetter: false, sign: false },
			'huisarts elsewhere': { coordinate: false, readLetter: false, sign: false },
			invited: { coordinate: false, readLetter: false, sign: false },
			coordinator: { coordinate: true, readLetter: true, sign: false },
			'kring editor here': { coordinate: false, readLetter: false, sign: false },
			'kring editor elsewhere': { coordinate: false, readLetter: false, sign: false },
			admin: { coordinate: true, readLetter: true, sign: false }
		});
		expect(await campaignAccess(null, draft)).toEqual({ coordinate: false, readLetter: false, sign: false });
	});

	it('read and sign a letter open for signing: its huisartsen, the invited and the coordinators', async () => {
		expect(await each((user) => campaignAccess(user, open))).toEqual({
			stranger: { coordinate: false, readLetter: false, sign: false },
			'huisarts here': { coordinate: false, readLetter: true, sign: true },
			'huisarts elsewhere': { coordinate: false, readLetter: false, sign: false },
			invited: { coordinate: false, readLetter: true, sign: true },
			coordinator: { coordinate: true, readLetter: true, sign: true },
			'kring editor here': { coordinate: false, readLetter: false, sign: false },
			'kring editor elsewhere': { coordinate: false, readLetter: false, sign: false },
			admin: { coordinate: true, readLetter: true, sign: true }
		});
		expect(await campaignAccess(null, open)).toEqual({ coordinate: false, readLetter: false, sign: false });
	});

	it('a sent letter: everyone reads it, nobody signs it any more', async () => {
		const access = await each((user) => campaignAccess(user, sent));
		for (const [role, got] of Object.entries(access)) {
			expect({ role, ...got }).toEqual({ role, coordinate: role === 'coordinator' || role === 'admin', readLetter: true, sign: false });
		}
		expect(await campaignAccess(null, sent)).toEqual({ coordinate: false, readLetter: true, sign: false });
	});

	it('assess party positions in the gemeente: editors of a kring covering it and admins; the database agrees', async () => {
		const app = await each(async (user) => mayEditPositions(await loadRoles(user.id), here.code));
		expect(app).toEqual({
			stranger: false,
			'huisarts here': false,
			'huisarts elsewhere': false,
			invited: false,
			// Started the letters as editor of a kring covering the gemeente (see makeCampaign).
			coordinator: true,
			'kring editor here': true,
			'kring editor elsewhere': false,
			admin: true
		});
		const database = await each(async (user) => {
			const { data } = await service.rpc('may_edit_positions', { p_user_id: user.id, p_gemeente_code: here.code });
			return data;
		});
		expect(database).toEqual(app);
		expect(mayEditPositions(await loadRoles(people['kring editor here'].id), elsewhere.code)).toBe(false);
	});

	it('approve an assessment: an editor there who did not make it', async () => {
		const position = { gemeenteCode: here.code, assessedById: people['kring editor here'].id };
		expect(await each(async (user) => mayApprovePosition(await loadRoles(user.id), position))).toEqual({
			stranger: false,
			'huisarts here': false,
			'huisarts elsewhere': false,
			invited: false,
			coordinator: true,
			'kring editor here': false,
			'kring editor elsewhere': false,
			admin: true
		});
	});

	it('manage themes and create kringen: admins only; a kring dashboard: its editors and admins', async () => {
		const adminOnly = {
			stranger: false,
			'huisarts here': false,
			'huisarts elsewhere': false,
			invited: false,
			coordinator: false,
			'kring editor here': false,
			'kring editor elsewhere': false,
			admin: true
		};
		expect(await each(async (user) => mayManageThemes(await loadRoles(user.id)))).toEqual(adminOnly);
		expect(await each(async (user) => mayCreateKring(await loadRoles(user.id)))).toEqual(adminOnly);
		expect(await each(async (user) => mayViewKringDashboard(await loadRoles(user.id), kringHere))).toEqual({ ...adminOnly, 'kring editor here': true });
	});
});
