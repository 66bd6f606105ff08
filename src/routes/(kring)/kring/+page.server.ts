// The kringen the signed-in user edits (admins: all of them), as the way into each dashboard.
import type { PageServerLoad } from './$types';
import { isAdmin, loadRoles, requireUser } from '$lib/server/auth/permissions';
import { KRING_KINDS, listKringen } from '$lib/server/kringen/kringen';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const roles = await loadRoles(user.id);
	const kringen = await listKringen(roles.admin ? undefined : roles.kringEditorOf);
	return {
		admin: isAdmin(roles),
		kringen: kringen.map((k) => ({ slug: k.slug, name: k.name, kind: KRING_KINDS[k.kind], gemeenten: k.gemeenten.length }))
	};
};
