// For integration tests: the run's local Supabase (see tests/support/vitest-setup.ts) as the
// app's service-role client, plus an anon client that sees only what the public API exposes.
import { createClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import { useTestDatabase } from '$lib/server/platform/db';

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
