// A gemeente's party list, for those who keep it (permissions.mayEditPartyList): its kring
// editors, admins and verified coordinators of a letter there. Others see who may change it. The
// recent changes are listed with who made them.
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, mayEditPartyList, requireUser } from '$lib/server/auth/permissions';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import * as parties from '$lib/server/gemeenten/parties';
import { partyListChanges } from '$lib/server/gemeenten/party-list-changes';
import { safeRedirectPath } from '$lib/server/auth/safe-redirect';
import { formatShortDateTime } from '$lib/format';
import { NOT_ALLOWED, partyListActions, type PartyListContext } from '../party-list-actions';

async function gemeenteOf(param: string) {
	const gemeente = param.length <= 100 ? await findGemeente(param) : null;
	if (!gemeente) error(404, 'Deze gemeente kennen we niet.');
	return gemeente;
}

async function listContext(event: RequestEvent): Promise<PartyListContext> {
	const user = requireUser(event.locals, event.url);
	const gemeente = await gemeenteOf(event.params.gemeente);
	const allowed = mayEditPartyList(await loadRoles(user.id), gemeente.code);
	return {
		gemeente: { code: gemeente.code, name: gemeente.name },
		editor: user,
		back: `/partijen/${gemeente.slug}`,
		refusal: allowed ? null : NOT_ALLOWED
	};
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event.locals, event.url);
	const gemeente = await gemeenteOf(event.params.gemeente);
	const [list, roles, changes] = await Promise.all([
		parties.partiesInGemeente(gemeente.code),
		loadRoles(user.id),
		partyListChanges(gemeente.code, 30)
	]);
	const search = event.url.searchParams;
	return {
		gemeente: { name: gemeente.displayName, slug: gemeente.slug },
		editable: mayEditPartyList(roles, gemeente.code),
		parties: list,
		suggestions: [...parties.PARTY_SUGGESTIONS],
		roles: parties.CONTACT_ROLES,
		changes: changes.map((c) => ({ ...c, at: formatShortDateTime(c.at) })),
		back: safeRedirectPath(search.get('terug'), '') || null,
		saved: search.get('opgeslagen'),
		imported:
			search.get('opgeslagen') === 'import'
				? { parties: Number(search.get('partijen') ?? 0), contacts: Number(search.get('adressen') ?? 0) }
				: null
	};
};

export const actions: Actions = partyListActions(listContext);
