// Admin pages start here: the signed-in user (else to /inloggen) who must be an admin (else 403).
import { error } from '@sveltejs/kit';
import { loadRoles, mayCreateKring, requireUser } from '$lib/server/auth/permissions';

export async function adminContext(event: { locals: App.Locals; url: URL }) {
	const user = requireUser(event.locals, event.url);
	const roles = await loadRoles(user.id);
	if (!mayCreateKring(roles)) error(403, 'Alleen beheerders kunnen dit doen.');
	return { user, roles };
}
