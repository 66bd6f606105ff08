// Step two of signing in: the code from the mail. Which code is checked comes from this browser's
// pending-login cookie (login-flow.ts), never from a field the visitor fills in.
import { redirect } from '@sveltejs/kit';
import { formFailure, formString } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { safeRedirectPath } from '$lib/server/auth/safe-redirect';
import * as loginCode from '$lib/server/auth/login-code';
import { practicesOfUser } from '$lib/server/gemeenten/practices';
import * as session from '$lib/server/auth/session';
import { forgetPendingLogin, pendingLogin, rememberPendingLogin, withNext } from '../login-flow';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('naar')));
	const pending = pendingLogin(cookies);
	const email = pending && (await loginCode.pendingEmail(pending));
	if (!email) redirect(303, withNext('/inloggen', url));
	return { email, reference: loginCode.requestReference(pending.codeId) };
};

export const actions: Actions = { verify, resend };

async function verify({ request, cookies, url, getClientAddress }: RequestEvent) {
	const pending = pendingLogin(cookies);
	if (!pending) redirect(303, withNext('/inloggen', url));
	const form = await request.formData();
	const values = { code: formString(form, 'code') };
	const parsed = loginCode.codeSchema.safeParse(values.code);
	if (!parsed.success) return formFailure(400, 'verify', { values, errors: { code: parsed.error.issues[0].message } });

	const result = await loginCode.checkLoginCode(pending, parsed.data, getClientAddress());
	if (!result.ok) {
		const status = result.reason === 'rate_limited' ? 429 : 400;
		return formFailure(status, 'verify', { values, errors: { code: loginCode.CHECK_MESSAGES[result.reason] } });
	}
	const created = await session.createSession(result.userId);
	session.setSessionTokenCookie(cookies, created.token, created.session.expiresAt);
	forgetPendingLogin(cookies);
	// Without a page to return to: a huisarts with a practice goes to their letters, anyone else
	// first to the account page to link one.
	const home = (await practicesOfUser(result.userId)).length > 0 ? '/campagnes' : '/account';
	redirect(303, safeRedirectPath(url.searchParams.get('naar'), home));
}

async function resend({ cookies, url, getClientAddress }: RequestEvent) {
	const pending = pendingLogin(cookies);
	const email = pending && (await loginCode.pendingEmail(pending));
	if (!email) redirect(303, withNext('/inloggen', url));
	const result = await loginCode.sendLoginCode(email, getClientAddress(), pending);
	if (!result.ok) {
		return formFailure(429, 'resend', { message: 'Er zijn te veel codes aangevraagd. Wacht een uur en probeer het dan opnieuw.' });
	}
	rememberPendingLogin(cookies, result.pending);
	return { action: 'resend' as const, resent: true };
}
