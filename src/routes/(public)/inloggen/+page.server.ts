import { redirect } from '@sveltejs/kit';
import { formFailure, formString } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { safeRedirectPath } from '$lib/server/auth/safe-redirect';
import * as loginCode from '$lib/server/auth/login-code';
import { rememberPendingLogin, withNext } from './login-flow';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('naar')));
	return {};
};

export const actions: Actions = { default: sendCode };

async function sendCode({ request, cookies, url, getClientAddress }: RequestEvent) {
	const form = await request.formData();
	const values = { email: formString(form, 'email') };
	const parsed = loginCode.emailSchema.safeParse(values.email);
	if (!parsed.success) return formFailure(400, 'sendCode', { values, errors: { email: parsed.error.issues[0].message } });
	const result = await loginCode.sendLoginCode(parsed.data, getClientAddress());
	if (!result.ok) {
		return formFailure(429, 'sendCode', {
			values,
			message: 'Er zijn te veel codes aangevraagd. Wacht een uur en probeer het dan opnieuw.'
		});
	}
	rememberPendingLogin(cookies, result.pending);
	redirect(303, withNext('/inloggen/code', url));
}
