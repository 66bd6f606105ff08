// For integration tests: the run's local Supabase (see tests/support/vitest-setup.ts) as the
// app's service-role client, plus an anon client that sees only what the public API exposes.
import { createClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import { db, useTestDatabase } from '$lib/server/platform/db';

export function connectTestDatabase() {
	const { url, anonKey, serviceRoleKey } = inject('supabase');
	const service = useTestDatabase(url, serviceRoleKey);
	const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
	return { service, anon, url, anonKey, serviceRoleKey };
}

/** Lets a test user start campaigns in a gemeente without adding a practice there (which would
 * change the gemeente's practice counts): as the editor of a kring that covers it. */
export async function allowCampaignStart(
	service: ReturnType<typeof useTestDatabase>,
	userId: string,
	gemeenteCode: string
): Promise<void> {
	const slug = `testkring-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
	const kring = await service.from('kringen').insert({ slug, name: `Testkring ${slug}` }).select('id').single();
	if (kring.error) throw new Error(`allowCampaignStart: ${kring.error.message}`);
	const area = await service.from('kring_gemeenten').insert({ kring_id: kring.data.id, gemeente_code: gemeenteCode });
	if (area.error) throw new Error(`allowCampaignStart: ${area.error.message}`);
	const role = await service.from('memberships').insert({ user_id: userId, role: 'kring_editor', kring_id: kring.data.id });
	if (role.error) throw new Error(`allowCampaignStart: ${role.error.message}`);
}

const takenHere = new Set<string>();

/** Without the test run's allocator (the benchmark's data step runs alone, in one process): the
 * first gemeente at or above GM0100 nothing uses yet. */
async function localFreeGemeente(): Promise<{ code: string; name: string }> {
	const [all, practices, parties] = await Promise.all([
		db().from('gemeenten').select('code, name').order('code'),
		db().from('practices').select('gemeente_code'),
		db().from('parties').select('gemeente_code')
	]);
	const busy = new Set([...(practices.data ?? []), ...(parties.data ?? [])].map((row) => row.gemeente_code));
	const free = (all.data ?? []).find((g) => g.code > 'GM0100' && !busy.has(g.code) && !takenHere.has(g.code));
	if (!free) throw new Error('allocateGemeente: no free gemeente left');
	takenHere.add(free.code);
	return free;
}

/** A gemeente no other test of this run gets and the seed does not touch: for a test that makes
 * its practices, parties and letters there. */
export async function allocateGemeente(): Promise<{ code: string; name: string }> {
	const allocator = inject('gemeenteAllocator');
	if (!allocator) return localFreeGemeente();
	const response = await fetch(allocator, { method: 'POST' });
	const body: unknown = await response.json();
	if (!response.ok || typeof body !== 'object' || body === null || !('code' in body) || !('name' in body)) {
		throw new Error(`allocateGemeente: ${JSON.stringify(body)}`);
	}
	return { code: String(body.code), name: String(body.name) };
}
