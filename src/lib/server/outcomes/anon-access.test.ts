// Outcomes are public only through the server's pages: someone holding the anon key reads none of
// the tables (not the commitments, not who follows what, not the signing key) and runs none of the
// functions, through the real PostgREST. The demo commitments exist, so a read would find rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';

const TABLES = [
	'commitments',
	'commitment_updates',
	'commitment_reply_links',
	'commitment_reactions',
	'gemeente_follows',
	'app_keys',
	'policy_moments',
	'motion_themes',
	'agenda_item_themes'
];

let anon: ReturnType<typeof connectTestDatabase>['anon'];
let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	({ anon, service } = connectTestDatabase());
});

describe('outcomes and the anon key', () => {
	it.each(TABLES)('cannot read or write %s', async (table) => {
		const read = await anon.from(table).select('*').limit(1);
		expect(read.error?.code).toBe('42501');
		const write = await anon.from(table).insert({});
		expect(write.error?.code).toBe('42501');
	});

	it('cannot run the outcome functions, not even the reading ones', async () => {
		const someone = crypto.randomUUID();
		const calls = [
			anon.rpc('record_commitment', { p_actor_id: someone, p_gemeente_code: 'GM0479', p_commitment: {}, p_token_hash: '00', p_link_days: 1 }),
			anon.rpc('update_commitment_status', { p_actor_id: someone, p_commitment_id: someone, p_status: 'gerealiseerd', p_happened_on: '2026-01-01', p_note: 'x', p_token_hash: '00', p_link_days: 1 }),
			anon.rpc('submit_commitment_reaction', { p_token_hash: '00', p_responder_name: 'x', p_body: 'x', p_disown_token_hash: '00' }),
			anon.rpc('end_follow', { p_follow_id: someone, p_how: 'one_click' }),
			anon.rpc('gemeente_timeline', { p_gemeente_code: 'GM0479', p_limit: 10 }),
			anon.rpc('party_said_and_did', { p_party_id: '50000000-0000-4000-8000-000000000009' }),
			anon.rpc('outcome_changes', { p_gemeente_codes: ['GM0479'], p_since: '2000-01-01', p_limit: 10 })
		];
		for (const call of await Promise.all(calls)) expect(call.error?.code).toBe('42501');
		const { count } = await service.from('commitments').select('*', { count: 'exact', head: true }).eq('gemeente_code', 'GM0479');
		expect(count).toBeGreaterThan(0);
	});
});
