import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { isConfirmed } from '$lib/server/platform/forms';
import * as session from '$lib/server/auth/session';
import * as users from '$lib/server/auth/users';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { email: user.email };
};

export const actions: Actions = {
	default: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		if (!isConfirmed(form)) {
			return fail(400, { message: 'Vink aan dat je je account definitief wilt verwijderen.' });
		}
		await users.deleteAccount(user.id);
		session.deleteSessionTokenCookie(cookies);
		redirect(303, '/account/verwijderen/klaar');
	}
};
