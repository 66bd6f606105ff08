// Deleting one's own account, after ticking the box that says so.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { formFailure, isConfirmed } from '$lib/server/platform/forms';
import * as session from '$lib/server/auth/session';
import * as users from '$lib/server/auth/users';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { email: user.email };
};

export const actions: Actions = { default: deleteAccount };

async function deleteAccount({ locals, url, request, cookies }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	if (!isConfirmed(form)) {
		return formFailure(400, 'delete', { message: 'Vink aan dat je je account definitief wilt verwijderen.' });
	}
	await users.deleteAccount(user.id);
	session.deleteSessionTokenCookie(cookies);
	redirect(303, '/account/verwijderen/klaar');
}
