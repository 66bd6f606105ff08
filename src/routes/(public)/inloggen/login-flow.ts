// Between the two sign-in steps the browser keeps which code it asked for and the secret that
// proves it asked (login-code.ts), in a short-lived httpOnly cookie: never in a URL, and never the
// address itself (a cookie the client controls must not decide whose code is checked).
import type { Cookies } from '@sveltejs/kit';
import { CODE_TTL_SECONDS, decodePending, encodePending, type PendingLogin } from '$lib/server/auth/login-code';

const PENDING_COOKIE = 'login_pending';

export function rememberPendingLogin(cookies: Cookies, pending: PendingLogin): void {
	cookies.set(PENDING_COOKIE, encodePending(pending), {
		httpOnly: true,
		sameSite: 'lax',
		path: '/inloggen',
		maxAge: CODE_TTL_SECONDS
	});
}

export function pendingLogin(cookies: Cookies): PendingLogin | null {
	return decodePending(cookies.get(PENDING_COOKIE));
}

export function forgetPendingLogin(cookies: Cookies): void {
	cookies.delete(PENDING_COOKIE, { path: '/inloggen' });
}

export function withNext(path: string, url: URL): string {
	const next = url.searchParams.get('naar');
	return next ? `${path}?naar=${encodeURIComponent(next)}` : path;
}
