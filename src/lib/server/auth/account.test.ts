// Profiles, practices, export and deletion against the real local database.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { safeRedirectPath } from './safe-redirect';
import * as practices from '../gemeenten/practices';
import { createSession, validateSessionToken } from './session';
import * as users from './users';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

let counter = 0;
async function makeUser(): Promise<string> {
	const email = `account-${Date.now()}-${++counter}@example.nl`;
	const { data, error } = await service.from('users').insert({ email }).select('id').single();
	if (error) throw error;
	return data.id as string;
}

function randomAgb(): string {
	return `01${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

describe('profile validation', () => {
	it('accepts a BIG number with spaces and an empty one, refuses other lengths in Dutch', () => {
		expect(users.profileSchema.parse({ name: ' Anna ', bigNumber: '123 456 789 01' })).toEqual({
			name: 'Anna',
			bigNumber: '12345678901'
		});
		expect(users.profileSchema.parse({ name: 'Anna', bigNumber: '' }).bigNumber).toBeNull();
		const bad = users.profileSchema.safeParse({ name: 'A', bigNumber: '123' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([
			'Vul je naam in (minstens 2 tekens).',
			'Een BIG-nummer bestaat uit 11 cijfers.'
		]);
	});

	it('accepts only GP practice AGB codes', () => {
		const base = { name: 'Praktijk', address: '', gemeenteCode: 'gm0479' };
		expect(practices.newPracticeSchema.parse({ ...base, agbCode: '0123 4567' })).toMatchObject({
			agbCode: '01234567',
			gemeenteCode: 'GM0479'
		});
		expect(practices.newPracticeSchema.safeParse({ ...base, agbCode: '02123456' }).error?.issues[0].message).toBe(
			'De AGB-code van een huisartsenpraktijk begint met 01.'
		);
		expect(practices.newPracticeSchema.safeParse({ ...base, agbCode: '0112345' }).success).toBe(false);
	});

	it('only follows redirects to paths on this site', () => {
		expect(safeRedirectPath('/account')).toBe('/account');
		expect(safeRedirectPath('//evil.example/x')).toBe('/account');
		expect(safeRedirectPath('/\\evil.example')).toBe('/account');
		expect(safeRedirectPath('https://evil.example')).toBe('/account');
		expect(safeRedirectPath(null)).toBe('/account');
		expect(safeRedirectPath('/%09/evil.example/x')).toBe('/%09/evil.example/x');
		expect(safeRedirectPath('/\t/evil.example/x')).toBe('/account');
		expect(safeRedirectPath('/\n/evil.example')).toBe('/account');
		expect(safeRedirectPath('/campagnes/1/ondertekenen?x=1#praktijk')).toBe('/campagnes/1/ondertekenen?x=1#praktijk');
		// Dot segments and encoded dots that collapse to "//host" (a protocol-relative Location).
		for (const sneaky of ['/.//evil.example', '/..//x', '/%2e//x', '/%2E%2E//x', '/a/../..//evil', '/%2f%2fevil.example']) {
			expect(safeRedirectPath(sneaky), sneaky).toBe('/account');
		}
		expect(safeRedirectPath('/a/../b')).toBe('/b');
	});
});

describe('practices', () => {
	it('creates a practice and its membership together, and refuses a taken AGB code without a half record', async () => {
		const userId = await makeUser();
		const agbCode = randomAgb();
		const created = await practices.createPractice(userId, {
			name: 'Huisartsenpraktijk Proef',
			agbCode,
			address: 'Dam 1, Zaandam',
			gemeenteCode: 'GM0479'
		});
		expect(created).toHaveProperty('id');
		expect((await practices.practicesOfUser(userId)).map((p) => p.agbCode)).toEqual([agbCode]);

		const other = await makeUser();
		const again = await practices.createPractice(other, {
			name: 'Dubbel',
			agbCode,
			address: '',
			gemeenteCode: 'GM0479'
		});
		expect(again).toBe('agb_taken');
		expect(await practices.practicesOfUser(other)).toEqual([]);
		const count = await service.from('practices').select('id', { count: 'exact', head: true }).eq('agb_code', agbCode);
		expect(count.count).toBe(1);
	});

	it('joins and leaves a practice; joining twice is harmless; an unknown practice is reported', async () => {
		const userId = await makeUser();
		const [first] = await practices.practicesInGemeente('GM0479');
		expect(first).toBeDefined();
		expect(await practices.joinPractice(userId, first.id)).toBe('joined');
		expect(await practices.joinPractice(userId, first.id)).toBe('joined');
		expect(await practices.practicesOfUser(userId)).toHaveLength(1);
		expect(await practices.joinPractice(userId, '00000000-0000-0000-0000-000000000000')).toBe('not_found');
		expect(await practices.joinPractice(userId, 'geen-uuid')).toBe('not_found');
		await practices.leavePractice(userId, first.id);
		expect(await practices.practicesOfUser(userId)).toEqual([]);
	});
});

describe('export and delete', () => {
	it('exports the user, their practices and their history, without secrets', async () => {
		const userId = await makeUser();
		await users.updateProfile(userId, { name: 'Dr. Export', bigNumber: '12345678901' });
		const [practice] = await practices.practicesInGemeente('GM0479');
		await practices.joinPractice(userId, practice.id);
		await createSession(userId);
		const exported = JSON.stringify(await users.exportUserData(userId));
		expect(exported).toContain('Dr. Export');
		expect(exported).toContain('12345678901');
		expect(exported).toContain(practice.agbCode);
		expect(exported).not.toContain('secret_hash');
		expect(exported).not.toContain('code_hash');
	});

	it('deletes the account, its sessions and links, and keeps the audit trail without a name', async () => {
		const userId = await makeUser();
		const agbCode = randomAgb();
		await practices.createPractice(userId, { name: 'Blijft bestaan', agbCode, address: '', gemeenteCode: 'GM0479' });
		const { token } = await createSession(userId);
		await users.deleteAccount(userId);

		expect((await validateSessionToken(token)).user).toBeNull();
		expect((await service.from('users').select('id').eq('id', userId)).data).toEqual([]);
		expect((await service.from('practice_members').select('user_id').eq('user_id', userId)).data).toEqual([]);
		const practice = await service.from('practices').select('name, created_by').eq('agb_code', agbCode).single();
		expect(practice.data).toEqual({ name: 'Blijft bestaan', created_by: null });
		const history = await service.from('audit_log').select('action, actor_id').eq('entity_id', userId);
		expect(history.data?.map((row) => row.action)).toContain('account_deleted');
		expect(history.data?.every((row) => row.actor_id === null)).toBe(true);
	});

	it('leaves no mail to the address and no rate-limit counter that names it', async () => {
		const email = `dokter_weg-${Date.now()}@example.nl`;
		const { data: user } = await service.from('users').insert({ email }).select('id').single();
		const userId = user!.id as string;
		const bystander = `omstander_${Date.now()}@example.nl`;
		await service.from('outbox').insert([
			{ to_address: email, subject: 'Je inlogcode', text_body: '1234 5678' },
			{ to_address: bystander, subject: 'Blijft', text_body: 'Blijft staan' }
		]);
		// An underscore in an address must not act as a wildcard for other people's counters.
		const lookalike = email.replace('_', 'x');
		await service.from('rate_limits').insert([
			{ key: `login-send:email:${email}`, window_start: new Date().toISOString(), hits: 1 },
			{ key: `login-send:email:${lookalike}`, window_start: new Date().toISOString(), hits: 1 }
		]);
		await users.deleteAccount(userId);

		expect((await service.from('outbox').select('id').eq('to_address', email)).data).toEqual([]);
		expect((await service.from('outbox').select('id').eq('to_address', bystander)).data).toHaveLength(1);
		const counters = await service.from('rate_limits').select('key').like('key', 'login-send:email:%');
		const keys = counters.data!.map((row) => row.key as string);
		expect(keys).not.toContain(`login-send:email:${email}`);
		expect(keys).toContain(`login-send:email:${lookalike}`);
	});
});
