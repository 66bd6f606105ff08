// Council data reaches the public only through the app's pages (server-side, with its own
// checks): someone holding the anon key can read none of it and run none of its functions,
// through the real PostgREST. Who goes to a meeting is personal data and stays closed too.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';

const TABLES = [
	'council_sources',
	'council_sync_state',
	'meetings',
	'agenda_items',
	'agenda_item_documents',
	'motions',
	'motion_submitters',
	'motion_party_votes',
	'council_party_names',
	'council_pending_party_refs',
	'council_import_staging',
	'agenda_item_themes',
	'motion_themes',
	'council_import_jobs',
	'meeting_attendance'
];

let anon: ReturnType<typeof connectTestDatabase>['anon'];
let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	({ anon, service } = connectTestDatabase());
});

describe('council data and the anon key', () => {
	it.each(TABLES)('cannot read or write %s', async (table) => {
		const read = await anon.from(table).select('*').limit(1);
		expect(read.error?.code).toBe('42501');
		const write = await anon.from(table).insert({});
		expect(write.error?.code).toBe('42501');
	});

	it('cannot run the import or the manual-entry functions', async () => {
		const calls = [
			anon.rpc('apply_council_import', { p_batch_id: crypto.randomUUID(), p_gemeente_code: 'GM0361', p_source_key: 'alkmaar' }),
			anon.rpc('resolve_council_party_name', { p_actor_id: crypto.randomUUID(), p_gemeente_code: 'GM0361', p_name: 'x', p_name_key: 'x' }),
			anon.rpc('save_manual_meeting', { p_actor_id: crypto.randomUUID(), p_gemeente_code: 'GM0361', p_meeting: {} }),
			anon.rpc('reset_council_sync', { p_actor_id: crypto.randomUUID(), p_source_key: 'alkmaar' }),
			anon.rpc('set_council_themes', { p_actor_id: crypto.randomUUID(), p_gemeente_code: 'GM0361', p_kind: 'motion', p_id: crypto.randomUUID(), p_theme_keys: [] }),
			anon.rpc('set_meeting_attendance', { p_user_id: crypto.randomUUID(), p_meeting_id: crypto.randomUUID(), p_name_public: true }),
			anon.rpc('council_care_meetings', { p_gemeente_codes: ['GM0361'] }),
			anon.rpc('record_meeting_reminders', { p_items: [] }),
			anon.rpc('delete_manual_meeting', { p_actor_id: crypto.randomUUID(), p_gemeente_code: 'GM0361', p_meeting_id: crypto.randomUUID() })
		];
		for (const call of await Promise.all(calls)) expect(call.error?.code).toBe('42501');
		// The catalog row the calls aimed at is untouched.
		const { data } = await service.from('council_sources').select('source_key').eq('source_key', 'alkmaar');
		expect(data).toEqual([{ source_key: 'alkmaar' }]);
	});
});
