// Vitest global setup: one in-memory local Supabase for the whole run (migrations and demo seed
// applied); test files reach it through inject('supabase') and tests/support/test-db.ts. Test files
// run in parallel on that one database, so a gemeente a test makes its own (emptyGemeente,
// freshGemeente) comes from one allocator here: each is handed out once per run.
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import type { TestProject } from 'vitest/node';
import { startLocalSupabase, type LocalSupabase } from '../../src/lib/server/platform/local-supabase/index.ts';

let stack: LocalSupabase | null = null;
let allocator: Server | null = null;

/** Every gemeente code the code or its tests name (GM0392 for Haarlem's council import, say):
 * tests make parties and sources there, so the allocator never hands such a gemeente out. */
async function codesNamedByTests(): Promise<Set<string>> {
	const codes = new Set<string>();
	for (const dir of ['src', 'tests']) {
		const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.ts'));
		for (const file of files) {
			for (const match of (await readFile(`${dir}/${file}`, 'utf8')).matchAll(/GM\d{4}/g)) codes.add(match[0]);
		}
	}
	return codes;
}

/** The gemeenten nothing in the seed touches and no test names, in random order; codes below
 * GM0100 are left to tests that name their gemeente themselves. */
async function freeGemeenten(url: string, serviceRoleKey: string): Promise<Array<{ code: string; name: string }>> {
	const db = createClient(url, serviceRoleKey, { auth: { persistSession: false } });
	const [all, practices, parties, campaigns, kringen] = await Promise.all([
		db.from('gemeenten').select('code, name'),
		db.from('practices').select('gemeente_code'),
		db.from('parties').select('gemeente_code'),
		db.from('campaigns').select('gemeente_code'),
		db.from('kring_gemeenten').select('gemeente_code')
	]);
	for (const result of [all, practices, parties, campaigns, kringen]) {
		if (result.error) throw new Error(`freeGemeenten: ${result.error.message}`);
	}
	const busy = new Set([practices, parties, campaigns, kringen].flatMap((result) => (result.data ?? []).map((row) => row.gemeente_code as string)));
	for (const code of await codesNamedByTests()) busy.add(code);
	const free = (all.data ?? []).filter((g) => g.code > 'GM0100' && !busy.has(g.code));
	for (let i = free.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[free[i], free[j]] = [free[j], free[i]];
	}
	return free;
}

export async function setup(project: TestProject) {
	stack = await startLocalSupabase({ dataDir: null });
	const free = await freeGemeenten(stack.url, stack.serviceRoleKey);
	allocator = createServer((request, response) => {
		const next = request.method === 'POST' ? free.pop() : undefined;
		response.writeHead(next ? 200 : 409, { 'content-type': 'application/json' });
		response.end(JSON.stringify(next ?? { error: 'no free gemeente left for this run' }));
	});
	await new Promise<void>((resolve) => allocator!.listen(0, '127.0.0.1', resolve));
	project.provide('supabase', {
		url: stack.url,
		anonKey: stack.anonKey,
		serviceRoleKey: stack.serviceRoleKey
	});
	project.provide('gemeenteAllocator', `http://127.0.0.1:${(allocator.address() as AddressInfo).port}/`);
}

export async function teardown() {
	await new Promise<void>((resolve) => (allocator ? allocator.close(() => resolve()) : resolve()));
	await stack?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		supabase: { url: string; anonKey: string; serviceRoleKey: string };
		gemeenteAllocator: string;
	}
}
