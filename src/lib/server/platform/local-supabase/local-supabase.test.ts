// The embedded stack as a process sees it: data survives a restart, a second process is refused,
// and PostgREST never outlives the Node process that started it, even after SIGKILL.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, startLocalSupabase } from './index.ts';

const run = promisify(execFile);
const node = process.execPath;
const here = resolve('src/lib/server/platform/local-supabase');
const scratch = mkdtempSync(join(tmpdir(), 'ljh-local-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('the embedded local Supabase', () => {
	it('keeps data across a restart and refuses a second process on the same folder', async () => {
		const dataDir = join(scratch, 'persist');
		const first = await startLocalSupabase({ dataDir });
		expect(first.migrations.seeded).toBe(true);
		const client = createClient(first.url, first.serviceRoleKey, { auth: { persistSession: false } });
		const inserted = await client.from('users').insert({ email: 'blijft@example.nl' });
		expect(inserted.error).toBeNull();

		const second = await run(node, [join(here, 'reset-cli.ts')], {
			env: { ...process.env, DATA_DIR: dataDir }
		}).catch((error: { code: number; stderr: string }) => error);
		expect('code' in second && second.code).toBe(1);
		expect(second.stderr).toMatch(/in gebruik door een ander proces/);
		await first.stop();

		const again = await startLocalSupabase({ dataDir });
		expect(again.migrations).toEqual({ applied: [], seeded: false });
		const reread = createClient(again.url, again.serviceRoleKey, { auth: { persistSession: false } });
		const { data } = await reread.from('users').select('email').eq('email', 'blijft@example.nl');
		expect(data).toEqual([{ email: 'blijft@example.nl' }]);
		await again.stop();
	});

	it('leaves the demo accounts out with DEMO_DATA=false, but has every gemeente', async () => {
		const { db, migrations, close } = await openDatabase({ dataDir: null, demoData: false });
		try {
			expect(migrations.seeded).toBe(false);
			expect(migrations.applied.length).toBeGreaterThan(0);
			const demo = await db.query<{ email: string }>(
				"select email from public.users where email like '%@demo.laatjehoren.nl'"
			);
			expect(demo.rows).toEqual([]);
			const admins = await db.query("select 1 from public.memberships where role = 'admin'");
			expect(admins.rows).toEqual([]);
			const gemeenten = await db.query<{ count: number }>('select count(*)::int as count from public.gemeenten');
			expect(gemeenten.rows[0].count).toBe(342);
		} finally {
			await close();
		}
	});

	it('takes PostgREST down with a Node process that is killed outright', async () => {
		const script = join(scratch, 'start.ts');
		writeFileSync(
			script,
			`import { startLocalSupabase } from ${JSON.stringify(join(here, 'index.ts'))};\n` +
				`await startLocalSupabase({ dataDir: null, supabaseDir: ${JSON.stringify(resolve('supabase'))} });\n` +
				`console.log('ready');\nsetInterval(() => {}, 1000);\n`
		);
		const child = spawn(node, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
			child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
		});
		const { stdout } = await run('pgrep', ['-P', String(child.pid)]);
		const watchdog = Number(stdout.trim().split('\n')[0]);
		const postgrest = Number((await run('pgrep', ['-P', String(watchdog), '-x', 'postgrest'])).stdout.trim());
		expect(isRunning(postgrest)).toBe(true);

		child.kill('SIGKILL');
		const deadline = Date.now() + 5000;
		while (isRunning(postgrest) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		expect(isRunning(postgrest)).toBe(false);
	});

	it('starts PostgREST again when it dies, answering 503 meanwhile', async () => {
		const stack = await startLocalSupabase({ dataDir: null, demoData: false });
		try {
			const client = createClient(stack.url, stack.serviceRoleKey, { auth: { persistSession: false }, db: { retry: false } });
			const watchdog = stack.postgrestPid()!;
			const postgrest = Number(readFileSync(`/proc/${watchdog}/task/${watchdog}/children`, 'utf8').trim().split(/\s+/)[0]);
			process.kill(postgrest, 'SIGKILL');
			const during = await client.from('gemeenten').select('code').limit(1);
			expect(during.status).toBe(503);
			let after = during;
			for (let i = 0; i < 100 && after.status !== 200; i++) {
				await new Promise((r) => setTimeout(r, 100));
				after = await client.from('gemeenten').select('code').limit(1);
			}
			expect(after.status).toBe(200);
			expect(stack.postgrestPid()).not.toBe(watchdog);
		} finally {
			await stack.stop();
		}
	});
});
