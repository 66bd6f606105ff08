// Campaigns against the real local database: starting, the one-active-campaign rule, status
// changes, coordinators and who may read a draft.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import { campaignAccess } from '../auth/permissions';
import * as campaigns from './campaigns';
import { extractAsks } from './asks';
import { openForSigning } from './open-for-signing';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

let counter = 0;
async function makeUser() {
	const email = `campagne-${Date.now()}-${++counter}@example.nl`;
	const { data, error } = await service.from('users').insert({ email, name: `Dokter ${counter}` }).select('id, email, name').single();
	if (error) throw error;
	return data as { id: string; email: string; name: string };
}

// Each test uses its own gemeente so the one-active-campaign rule of one test does not touch another.
const GEMEENTEN = ['GM0014', 'GM0034', 'GM0037', 'GM0047', 'GM0050', 'GM0059', 'GM0074'];
let next = 0;
const gemeente = () => GEMEENTEN[next++];

const base = { occasion: 'verkiezingen_2026' as const, customTitle: '', themes: ['wmo', 'huisvesting'] };
const THEME_KEYS = ['wmo', 'jeugdzorg', 'ouderenzorg', 'respijtzorg', 'preventie', 'ggz', 'huisvesting', 'woonzorg', 'sociaal_domein', 'vluchtelingen'];

async function start(userId: string, gemeenteCode: string, input: Partial<campaigns.NewCampaign> = {}) {
	await allowCampaignStart(service, userId, gemeenteCode);
	const result = await campaigns.startCampaign(userId, { ...base, gemeenteCode, ...input }, 'Testgemeente');
	if (typeof result !== 'object' || !('id' in result)) throw new Error('expected a new campaign');
	return result.id;
}

describe('starting a campaign', () => {
	it('makes the starter its coordinator with a first revision holding one ask per theme', async () => {
		const user = await makeUser();
		const id = await start(user.id, gemeente());
		const campaign = await campaigns.getCampaign(id);
		expect(campaign).toMatchObject({ status: 'concept', title: 'Gemeenteraadsverkiezingen 2026', themes: ['wmo', 'huisvesting'] });
		expect(await campaigns.coordinatorsOf(id)).toEqual([{ userId: user.id, name: user.name, email: user.email }]);
		const revision = await service.from('letter_revisions').select('number, body_md, body_html').eq('campaign_id', id).single();
		expect(revision.data?.number).toBe(1);
		expect(revision.data?.body_md).toContain('Testgemeente');
		expect(extractAsks(revision.data!.body_md)).toHaveLength(2);
		expect(revision.data?.body_html).toContain('<ol>');
	});

	it('offers the existing campaign instead of a second one for the same occasion', async () => {
		const code = gemeente();
		const first = await makeUser();
		const id = await start(first.id, code);
		const second = await makeUser();
		const again = await campaigns.startCampaign(second.id, { ...base, gemeenteCode: code }, 'Testgemeente');
		expect(again).toMatchObject({ existing: { id } });
		const count = await service.from('campaigns').select('id', { count: 'exact', head: true }).eq('gemeente_code', code);
		expect(count.count).toBe(1);

		// Another occasion, or a free title, is a campaign of its own.
		expect(await start(second.id, code, { occasion: 'begroting_2028' })).not.toBe(id);
		const free = await start(second.id, code, { occasion: 'anders', customTitle: 'Ruimte in de Zaanoever' });
		const sameFree = await campaigns.startCampaign(first.id, { ...base, gemeenteCode: code, occasion: 'anders', customTitle: 'ruimte in de  zaanoever' }, 'x');
		expect(sameFree).toMatchObject({ existing: { id: free } });
	});

	it('lets only huisartsen of the gemeente (or its kring editors) start a letter there', async () => {
		const stranger = await makeUser();
		const code = gemeente();
		expect(await campaigns.startCampaign(stranger.id, { ...base, gemeenteCode: code }, 'x')).toBe('not_allowed');
		const count = await service.from('campaigns').select('id', { count: 'exact', head: true }).eq('gemeente_code', code);
		expect(count.count).toBe(0);

		const huisarts = await makeUser();
		const practice = await service
			.from('practices')
			.insert({ name: 'Praktijk Starter', agb_code: `01${String(Date.now()).slice(-6)}`, gemeente_code: code })
			.select('id')
			.single();
		// A practice added by oneself gives no rights until someone confirms it.
		await service.from('practice_members').insert({ practice_id: practice.data!.id, user_id: huisarts.id });
		expect(await campaigns.startCampaign(huisarts.id, { ...base, gemeenteCode: code }, 'x')).toBe('not_allowed');
		await service.from('practice_members').update({ confirmed_at: new Date().toISOString(), confirmed_how: 'kring' }).eq('user_id', huisarts.id);
		expect(await campaigns.startCampaign(huisarts.id, { ...base, gemeenteCode: code }, 'x')).toHaveProperty('id');
	});

	it('validates the form in Dutch', () => {
		const bad = campaigns.newCampaignSchema(THEME_KEYS, [base.occasion]).safeParse({ gemeenteCode: 'x', occasion: 'anders', customTitle: '', themes: [] });
		const messages = bad.error?.issues.map((i) => i.message) ?? [];
		expect(messages).toContain('Kies de gemeente.');
		expect(messages).toContain('Kies minstens één thema.');
		expect(messages).toContain('Geef de brief een titel van minstens 3 tekens.');
		expect(campaigns.newCampaignSchema(THEME_KEYS, [base.occasion]).safeParse({ ...base, gemeenteCode: 'GM0363', themes: ['onzin'] }).success).toBe(false);
		const repeated = campaigns.newCampaignSchema(THEME_KEYS, [base.occasion]).parse({ ...base, gemeenteCode: 'GM0363', themes: Array(30).fill('wmo') });
		expect(repeated.themes).toEqual(['wmo']);
	});
});

describe('status changes', () => {
	it('follows concept → ter ondertekening ⇄ concept, refuses skipping, and frees the occasion once closed', async () => {
		const user = await makeUser();
		const code = gemeente();
		const id = await start(user.id, code);
		expect(await campaigns.changeStatus(id, user.id, 'ter_ondertekening', 'concept')).toBe(false);
		await expect(campaigns.changeStatus(id, user.id, 'concept', 'verstuurd')).rejects.toThrow(/not allowed/);
		// Opening has its own step, which fixes the asks; the plain status change refuses it.
		await expect(campaigns.changeStatus(id, user.id, 'concept', 'ter_ondertekening')).rejects.toThrow(/not allowed/);
		expect(await openForSigning(id, user.id)).toBe(0);
		const opened = await campaigns.getCampaign(id);
		expect(opened?.signingRevisionId).toBeTruthy();
		expect(await openForSigning(id, user.id)).toBeNull();

		// Sending has its own step; pretend it happened, then close.
		await service.from('campaigns').update({ status: 'verstuurd', sent_at: new Date().toISOString() }).eq('id', id);
		expect(await campaigns.changeStatus(id, user.id, 'verstuurd', 'afgerond')).toBe(true);
		expect(await start(user.id, code)).not.toBe(id);

		const history = await service.from('audit_log').select('action, details').eq('entity_id', id).order('id');
		expect(history.data?.map((h) => h.action)).toEqual(['campaign_started', 'status_changed', 'status_changed']);
	});
});

describe('coordinators and access', () => {
	it('adds a co-coordinator by e-mail once, creating the account when needed', async () => {
		const user = await makeUser();
		const id = await start(user.id, gemeente());
		const campaign = (await campaigns.getCampaign(id))!;
		const email = `nieuwe-coordinator-${Date.now()}@example.nl`;
		expect(await campaigns.addCoordinator(campaign, user, email)).toBe('added');
		expect(await campaigns.addCoordinator(campaign, user, email)).toBe('already');
		expect((await campaigns.coordinatorsOf(id)).map((c) => c.email)).toContain(email);
		// The membership, its audit entry and one mail land together; the second add writes nothing.
		const [audit, mail] = await Promise.all([
			service.from('audit_log').select('action').eq('entity_id', id).eq('action', 'coordinator_added'),
			service.from('outbox').select('subject, text_body').eq('to_address', email)
		]);
		expect(audit.data).toHaveLength(1);
		expect(mail.data).toHaveLength(1);
		expect(mail.data![0].text_body).toContain(`/campagnes/${id}`);
	});

	it('keeps a draft from a coordinator of another gemeente and from strangers', async () => {
		const owner = await makeUser();
		const id = await start(owner.id, gemeente());
		const campaign = (await campaigns.getCampaign(id))!;
		const otherCoordinator = await makeUser();
		await start(otherCoordinator.id, gemeente());

		expect(await campaignAccess(owner, campaign)).toEqual({ see: true, coordinate: true, readLetter: true, sign: false, comment: true });
		expect(await campaignAccess(otherCoordinator, campaign)).toEqual({ see: false, coordinate: false, readLetter: false, sign: false, comment: false });
		expect(await campaignAccess(null, campaign)).toEqual({ see: false, coordinate: false, readLetter: false, sign: false, comment: false });
	});
});
