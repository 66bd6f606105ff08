// Confirming colleagues: the memberships of practices, in the gemeenten where this user may vouch
// (permissions.mayConfirmPracticeMembers), that nobody has confirmed yet. Confirming gives that
// huisarts the rights of a huisarts of the gemeente, so each needs a ticked box.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, requireUser } from '$lib/server/auth/permissions';
import { formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { formatShortDate } from '$lib/format';
import * as confirmation from '$lib/server/gemeenten/practice-confirmation';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const roles = await loadRoles(user.id);
	const pending = await confirmation.pendingConfirmations(roles);
	return {
		pending: pending.map((p) => ({ ...p, joinedOn: formatShortDate(p.joinedAt) })),
		// Whether this user may confirm anywhere at all (else the page explains who can).
		mayConfirm: roles.admin || roles.kringGemeenten.length > 0 || (roles.verified && roles.confirmedPracticeGemeenten.length > 0),
		done: url.searchParams.get('bevestigd')
	};
};

export const actions: Actions = { confirm };

const REFUSED = {
	already: 'Iemand anders heeft dit intussen al bevestigd.',
	not_found: 'Deze koppeling bestaat niet (meer); misschien heeft de huisarts de praktijk ontkoppeld.',
	self: 'Je eigen praktijk laat je door een ander bevestigen.',
	not_allowed:
		'Je kunt dit niet bevestigen: dat kunnen de kring, beheerders en geverifieerde huisartsen met een bevestigde praktijk in dezelfde gemeente.'
} as const;

async function confirm({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const values = { practiceId: formString(form, 'practiceId'), userId: formString(form, 'userId') };
	if (!isConfirmed(form)) {
		return formFailure(400, 'confirm', { values, errors: { confirm: 'Vink aan dat je weet dat deze huisarts hier werkt.' } });
	}
	const result = await confirmation.confirmMember(user.id, values.practiceId, values.userId);
	if (result !== 'confirmed') return formFailure(result === 'not_found' ? 404 : 409, 'confirm', { values, message: REFUSED[result] });
	redirect(303, '/bevestigen?bevestigd=1');
}
