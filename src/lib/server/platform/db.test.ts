// With SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY set, the app uses that project and starts
// nothing local. The run's own local stack stands in for the hosted project here.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db, initDatabase, startDatabase, stopDatabase } from './db';

const scratch = mkdtempSync(join(tmpdir(), 'ljh-hosted-'));
afterAll(async () => {
	await stopDatabase();
	rmSync(scratch, { recursive: true, force: true });
});

describe('a hosted Supabase project', () => {
	it('is used as configured, and no local database is started', async () => {
		const hosted = inject('supabase');
		process.env.SUPABASE_URL = hosted.url;
		process.env.SUPABASE_SERVICE_ROLE_KEY = hosted.serviceRoleKey;
		process.env.DATA_DIR = join(scratch, 'must-not-exist');

		const state = await startDatabase();
		expect(state.local).toBeNull();
		await initDatabase();
		const { count, error } = await db().from('gemeenten').select('code', { count: 'exact', head: true });
		expect(error).toBeNull();
		expect(count).toBe(342);
		expect(existsSync(process.env.DATA_DIR)).toBe(false);
	});
});
