// What someone holding the anon key (it may leak: Supabase treats it as public) can do through
// the API, tried against the real embedded stack: read the public lists, and nothing else.
// Private rows are made by the service client here and checked by it after each attempt.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signJwt } from '../../src/lib/server/platform/local-supabase/keys.ts';
import { connectTestDatabase } from '$test/test-db';

const { service, anon, url, anonKey, serviceRoleKey } = connectTestDatabase();

const tag = randomUUID().slice(0, 8);
const victimEmail = `slachtoffer-${tag}@example.test`;
const attackerEmail = `aanvaller-${tag}@example.test`;
const victimAgb = `01${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const sessionId = `anon-test-${tag}`;
const rateKey = `anon-test:${tag}`;
const hour = () => new Date(Date.now() + 3600_000).toISOString();

let victimId = '';
let practiceId = '';

/** One private table: a row the service client made, and what an attacker would try on it. */
interface PrivateTable {
	table: string;
	/** Selects the row made in beforeAll. */
	match: () => Record<string, string>;
	/** A row the attacker tries to add, and how to find it if it got in. */
	insert: () => Record<string, unknown>;
	inserted: () => Record<string, string>;
	/** A change the attacker tries on the existing row. */
	update: Record<string, unknown>;
}

const privateTables: PrivateTable[] = [
	{
		table: 'users',
		match: () => ({ id: victimId }),
		insert: () => ({ email: attackerEmail, name: 'Aanvaller' }),
		inserted: () => ({ email: attackerEmail }),
		update: { name: 'Gehackt', big_number: '00000000000' }
	},
	{
		table: 'sessions',
		match: () => ({ id: sessionId }),
		insert: () => ({ id: `${sessionId}-gestolen`, user_id: victimId, secret_hash: '\\x00' }),
		inserted: () => ({ id: `${sessionId}-gestolen` }),
		update: { user_id: randomUUID() }
	},
	{
		table: 'login_codes',
		match: () => ({ email: victimEmail }),
		insert: () => ({ email: attackerEmail, code_hash: '\\x00', browser_hash: '\\x00', expires_at: hour() }),
		inserted: () => ({ email: attackerEmail }),
		update: { attempts: 0, expires_at: hour() }
	},
	{
		table: 'rate_limits',
		match: () => ({ key: rateKey }),
		insert: () => ({ key: `${rateKey}-nieuw`, window_start: new Date().toISOString(), hits: 0 }),
		inserted: () => ({ key: `${rateKey}-nieuw` }),
		update: { hits: 0 }
	},
	{
		table: 'practices',
		match: () => ({ id: practiceId }),
		insert: () => ({ name: `Nepraktijk ${tag}`, agb_code: '01999999', gemeente_code: 'GM0479' }),
		inserted: () => ({ name: `Nepraktijk ${tag}` }),
		update: { name: 'Overgenomen' }
	},
	{
		table: 'practice_members',
		match: () => ({ user_id: victimId }),
		insert: () => ({ practice_id: '30000000-0000-4000-8000-000000000005', user_id: victimId }),
		inserted: () => ({ practice_id: '30000000-0000-4000-8000-000000000005', user_id: victimId }),
		update: { practice_id: '30000000-0000-4000-8000-000000000001' }
	},
	{
		table: 'memberships',
		match: () => ({ user_id: victimId, role: 'kring_editor' }),
		insert: () => ({ user_id: victimId, role: 'admin' }),
		inserted: () => ({ user_id: victimId, role: 'admin' }),
		update: { kring_id: null, role: 'admin' }
	},
	{
		table: 'audit_log',
		match: () => ({ entity_id: `anon-test-${tag}` }),
		insert: () => ({ action: 'vervalst', entity: 'user', entity_id: `anon-test-${tag}-nep` }),
		inserted: () => ({ entity_id: `anon-test-${tag}-nep` }),
		update: { action: 'gewist' }
	},
	{
		table: 'outbox',
		match: () => ({ to_address: victimEmail }),
		insert: () => ({ to_address: attackerEmail, subject: 'Uw code', text_body: 'phishing' }),
		inserted: () => ({ to_address: attackerEmail }),
		update: { to_address: attackerEmail, status: 'queued' }
	}
];

async function rowsAsService(table: string, match: Record<string, string>) {
	const { data, error } = await service.from(table).select('*').match(match);
	if (error) throw new Error(`${table}: ${error.message}`);
	return data;
}

beforeAll(async () => {
	const user = await service
		.from('users')
		.insert({ email: victimEmail, name: 'Slachtoffer Test', big_number: '12345678901' })
		.select('id')
		.single();
	if (user.error) throw user.error;
	victimId = user.data.id;
	const practice = await service
		.from('practices')
		.insert({ name: `Testpraktijk ${tag}`, agb_code: victimAgb, gemeente_code: 'GM0479' })
		.select('id')
		.single();
	if (practice.error) throw practice.error;
	practiceId = practice.data.id;
	const inserts = await Promise.all([
		service.from('sessions').insert({ id: sessionId, user_id: victimId, secret_hash: '\\x0102' }),
		service.from('login_codes').insert({ email: victimEmail, code_hash: '\\x0102', browser_hash: '\\x0304', expires_at: hour() }),
		service.from('rate_limits').insert({ key: rateKey, window_start: new Date().toISOString(), hits: 3 }),
		service.from('practice_members').insert({ practice_id: practiceId, user_id: victimId }),
		service.from('memberships').insert({
			user_id: victimId,
			role: 'kring_editor',
			kring_id: '10000000-0000-4000-8000-000000000001'
		}),
		service.from('audit_log').insert({ action: 'test', entity: 'user', entity_id: `anon-test-${tag}` }),
		// Already 'sent', so no mail worker in another test picks it up.
		service.from('outbox').insert({
			to_address: victimEmail,
			subject: 'Uw inlogcode',
			text_body: 'Uw code is 12345678',
			status: 'sent'
		})
	]);
	for (const result of inserts) if (result.error) throw result.error;
});

afterAll(async () => {
	await service.from('outbox').delete().in('to_address', [victimEmail, attackerEmail]);
	await service.from('audit_log').delete().like('entity_id', `anon-test-${tag}%`);
	await service.from('rate_limits').delete().like('key', `${rateKey}%`);
	await service.from('login_codes').delete().in('email', [victimEmail, attackerEmail]);
	await service.from('practices').delete().eq('id', practiceId);
	await service.from('users').delete().in('email', [victimEmail, attackerEmail]);
});

describe.each(privateTables)('anon key on $table', (spec) => {
	test('cannot read it', async () => {
		const { data, error } = await anon.from(spec.table).select('*').match(spec.match());
		expect(error?.code).toBe('42501');
		expect(data).toBeNull();
		// The row the attacker went for does exist: the refusal is not an empty table.
		expect(await rowsAsService(spec.table, spec.match())).toHaveLength(1);
	});

	test('cannot add a row', async () => {
		const { error } = await anon.from(spec.table).insert(spec.insert());
		expect(error?.code).toBe('42501');
		expect(await rowsAsService(spec.table, spec.inserted())).toHaveLength(0);
	});

	test('cannot change a row', async () => {
		const before = await rowsAsService(spec.table, spec.match());
		const { error } = await anon.from(spec.table).update(spec.update).match(spec.match());
		expect(error?.code).toBe('42501');
		expect(await rowsAsService(spec.table, spec.match())).toEqual(before);
	});

	test('cannot delete a row', async () => {
		const { error } = await anon.from(spec.table).delete().match(spec.match());
		expect(error?.code).toBe('42501');
		expect(await rowsAsService(spec.table, spec.match())).toHaveLength(1);
	});
});

describe('every table the API serves', () => {
	const publicTables = ['gemeenten', 'kringen', 'kring_gemeenten', 'parties', 'themes'];

	// PostgREST describes every table the service role can reach; a table added by a later
	// migration is covered here without anyone having to remember to list it.
	async function tablesKnownToTheApi(): Promise<string[]> {
		const response = await fetch(`${url}/rest/v1/`, {
			headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}` }
		});
		expect(response.status).toBe(200);
		const description = (await response.json()) as { definitions?: Record<string, unknown> };
		return Object.keys(description.definitions ?? {});
	}

	test('are all closed to the anon key, except the public lists', async () => {
		const tables = await tablesKnownToTheApi();
		// The letter's tables are among them, so the sweep below is not over an empty list.
		expect(tables).toEqual(expect.arrayContaining(['campaigns', 'letter_revisions', 'signatures', 'invitations', 'response_links', 'responses', 'deliveries', 'party_contacts']));
		const open: string[] = [];
		for (const table of tables) {
			const { error } = await anon.from(table).select('*').limit(1);
			if (!error) open.push(table);
			else expect(error.code, table).toBe('42501');
		}
		expect(open.sort()).toEqual([...publicTables].sort());
	});
});

describe('anon key and the database functions', () => {
	test('cannot count against a rate limit (it could lock people out)', async () => {
		const { data, error } = await anon.rpc('consume_rate_limit', {
			p_key: rateKey,
			p_limit: 0,
			p_window_seconds: 3600
		});
		expect(error).not.toBeNull();
		expect(data).toBeNull();
		expect((await rowsAsService('rate_limits', { key: rateKey }))[0].hits).toBe(3);
	});

	test('cannot issue or check a login code', async () => {
		const issue = await anon.rpc('issue_login_code', {
			p_email: victimEmail,
			p_code_hash: '\\x00',
			p_ttl_seconds: 600
		});
		expect(issue.error).not.toBeNull();
		const check = await anon.rpc('begin_login_code_check', { p_email: victimEmail });
		expect(check.error).not.toBeNull();
		expect(check.data).toBeNull();
		// The victim's own code is untouched: same hash, no attempt counted.
		const [code] = await rowsAsService('login_codes', { email: victimEmail });
		expect(code).toMatchObject({ code_hash: '\\x0102', attempts: 0 });
	});

	test('cannot redeem a login code to become a user', async () => {
		const [code] = await rowsAsService('login_codes', { email: victimEmail });
		const { data, error } = await anon.rpc('redeem_login_code', { p_code_id: code.id });
		expect(error).not.toBeNull();
		expect(data).toBeNull();
		expect((await rowsAsService('login_codes', { id: code.id }))[0].used_at).toBeNull();
	});

	test('cannot create a practice in someone else’s name', async () => {
		const { error } = await anon.rpc('create_practice_with_member', {
			p_user_id: victimId,
			p_name: `Nepraktijk ${tag}`,
			p_agb_code: '01999997',
			p_gemeente_code: 'GM0479',
			p_address: null
		});
		expect(error).not.toBeNull();
		expect(await rowsAsService('practices', { name: `Nepraktijk ${tag}` })).toHaveLength(0);
	});

	test('cannot delete an account', async () => {
		const { error } = await anon.rpc('delete_user_account', { p_user_id: victimId });
		expect(error).not.toBeNull();
		expect(await rowsAsService('users', { id: victimId })).toHaveLength(1);
	});

	test('cannot claim the outbox to read queued mail', async () => {
		const { data, error } = await anon.rpc('claim_outbox', { p_limit: 100 });
		expect(error).not.toBeNull();
		expect(data).toBeNull();
	});
});

describe('keys and tokens', () => {
	const gemeenten = `${url}/rest/v1/gemeenten?select=code&limit=1`;
	const users = `${url}/rest/v1/users?select=email`;

	test('the gateway turns away a request without an API key', async () => {
		const response = await fetch(gemeenten);
		expect(response.status).toBe(401);
	});

	test('the gateway turns away an unknown API key, even a well-formed JWT', async () => {
		const forged = signJwt({ role: 'service_role' }, 'niet-het-geheim');
		for (const apikey of ['onzin', forged]) {
			const response = await fetch(gemeenten, { headers: { apikey } });
			expect(response.status).toBe(401);
		}
		// The real anon key does get through, so the 401s above are about the key.
		expect((await fetch(gemeenten, { headers: { apikey: anonKey } })).status).toBe(200);
	});

	test.each(['authenticated', 'service_role'])(
		'a %s token signed with the wrong secret is rejected',
		async (role) => {
			const now = Math.floor(Date.now() / 1000);
			const token = signJwt(
				{ role, sub: victimId, iat: now, exp: now + 600 },
				'een-geheim-dat-de-server-niet-kent'
			);
			const response = await fetch(users, {
				headers: { apikey: anonKey, authorization: `Bearer ${token}` }
			});
			expect(response.status).toBe(401);
			expect(await response.text()).not.toContain(victimEmail);
		}
	);
});

describe('what is public', () => {
	test('the anon key lists all 342 gemeenten, with their CBS names and slugs', async () => {
		const { data, error } = await anon.from('gemeenten').select('code, name, province, slug');
		expect(error).toBeNull();
		expect(data).toHaveLength(342);
		expect(data).toContainEqual({
			code: 'GM0363',
			name: 'Amsterdam',
			province: 'Noord-Holland',
			slug: 'amsterdam'
		});
		expect(data).toContainEqual({
			code: 'GM0518',
			name: "'s-Gravenhage",
			province: 'Zuid-Holland',
			slug: 's-gravenhage'
		});
	});

	test('the anon key lists the parties of Zaanstad from the demo seed', async () => {
		const { data, error } = await anon
			.from('parties')
			.select('name, abbreviation')
			.eq('gemeente_code', 'GM0479');
		expect(error).toBeNull();
		expect(data).toContainEqual({ name: 'GroenLinks-PvdA', abbreviation: 'GL-PvdA' });
		expect(data).toContainEqual({ name: 'Lokaal Zaans Belang (demo)', abbreviation: 'LZB' });
	});

	test('the demo seed is there: Anna de Vries works in a Zaanstad practice', async () => {
		const { data: practices } = await service
			.from('practices')
			.select('name, agb_code')
			.eq('gemeente_code', 'GM0479')
			.like('name', '%(demo)');
		expect(practices?.length).toBeGreaterThanOrEqual(4);
		const { data: anna, error } = await service
			.from('users')
			.select('name, practice_members!practice_members_user_id_fkey(practices(name, gemeente_code))')
			.eq('email', 'huisarts@demo.laatjehoren.nl')
			.single();
		expect(error).toBeNull();
		expect(anna).toMatchObject({
			name: 'Anna de Vries',
			practice_members: [
				{ practices: { name: 'Huisartsenpraktijk De Zaanoever (demo)', gemeente_code: 'GM0479' } }
			]
		});
	});
});
