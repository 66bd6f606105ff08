// For integration tests: the run's local Supabase (see local-supabase/vitest-setup.ts) as the
// app's service-role client, plus an anon client that sees only what the public API exposes.
import { createClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import { useTestDatabase } from './db';

export function connectTestDatabase() {
	const { url, anonKey, serviceRoleKey } = inject('supabase');
	const service = useTestDatabase(url, serviceRoleKey);
	const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
	return { service, anon, url, anonKey, serviceRoleKey };
}
