import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as session from '$lib/server/auth/session';

// Signing out changes state, so it is a POST (the header's button); a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.session) await session.invalidateSession(locals.session.id);
		session.deleteSessionTokenCookie(cookies);
		redirect(303, '/?uitgelogd=1');
	}
};
