import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { safeRedirectPath } from '$lib/server/auth/permissions';
import * as loginCode from '$lib/server/auth/login-code';
import { rememberPendingEmail, withNext } from './login-flow';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('naar')));
	return {};
};

export const actions: Actions = { default: sendCode };

async function sendCode({ request, cookies, url, getClientAddress }: RequestEvent) {
	const form = await request.formData();
	const raw = String(form.get('email') ?? '');
	const parsed = loginCode.emailSchema.safeParse(raw);
	if (!parsed.success) {
		return fail(400, { email: raw, message: parsed.error.issues[0].message });
	}
	const result = await loginCode.sendLoginCode(parsed.data, getClientAddress());
	if (!result.ok) {
		return fail(429, {
			email: raw,
			message: 'Er zijn te veel codes aangevraagd. Wacht een uur en probeer het dan opnieuw.'
		});
	}
	rememberPendingEmail(cookies, parsed.data);
	redirect(303, withNext('/inloggen/code', url));
}
