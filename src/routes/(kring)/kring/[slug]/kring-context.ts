// Every page and action under /kring/[slug] starts here: the signed-in user (else to /inloggen),
// the kring (404 when unknown) and the check that the user edits it (its editors and admins; 403
// in Dutch for others). Pages about one gemeente also check that the kring covers it.
import { error } from '@sveltejs/kit';
import { loadRoles, mayEditPositions, mayViewKringDashboard, requireUser, type Roles } from '$lib/server/auth/permissions';
import { kringBySlug, type Kring } from '$lib/server/kringen/kringen';
import type { SessionUser } from '$lib/server/auth/session';

export interface KringContext {
	kring: Kring;
	user: SessionUser;
	roles: Roles;
}

export async function kringContext(event: { params: { slug: string }; locals: App.Locals; url: URL }): Promise<KringContext> {
	const user = requireUser(event.locals, event.url);
	const [kring, roles] = await Promise.all([kringBySlug(event.params.slug), loadRoles(user.id)]);
	if (!kring) error(404, 'Deze kring bestaat niet (meer).');
	if (!mayViewKringDashboard(roles, kring.id)) error(403, 'Alleen de redacteuren van deze kring kunnen dit zien.');
	return { kring, user, roles };
}

/** The kring context plus one gemeente it covers, where the user may assess positions. */
export async function kringGemeenteContext(event: { params: { slug: string; gemeente: string }; locals: App.Locals; url: URL }) {
	const context = await kringContext(event);
	const gemeente = context.kring.gemeenten.find((g) => g.slug === event.params.gemeente || g.code === event.params.gemeente);
	if (!gemeente) error(404, 'Deze gemeente hoort niet (meer) bij de kring.');
	if (!mayEditPositions(context.roles, gemeente.code)) error(403, 'Je kunt in deze gemeente geen standpunten beoordelen.');
	return { ...context, gemeente };
}
