// Vitest global setup: one in-memory local Supabase for the whole run (migrations and demo seed
// applied); test files reach it through inject('supabase') and tests/support/test-db.ts.
import type { TestProject } from 'vitest/node';
import { startLocalSupabase, type LocalSupabase } from '../../src/lib/server/platform/local-supabase/index.ts';

let stack: LocalSupabase | null = null;

export async function setup(project: TestProject) {
	stack = await startLocalSupabase({ dataDir: null });
	project.provide('supabase', {
		url: stack.url,
		anonKey: stack.anonKey,
		serviceRoleKey: stack.serviceRoleKey
	});
}

export async function teardown() {
	await stack?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		supabase: { url: string; anonKey: string; serviceRoleKey: string };
	}
}
