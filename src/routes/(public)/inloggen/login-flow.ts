// The address being signed in is carried between the two steps in a short-lived httpOnly
// cookie, so it never lands in a URL or in browser history.
import type { Cookies } from '@sveltejs/kit';
import { CODE_TTL_SECONDS } from '$lib/server/auth/login-code';

const PENDING_EMAIL_COOKIE = 'login_email';

export function rememberPendingEmail(cookies: Cookies, email: string): void {
	cookies.set(PENDING_EMAIL_COOKIE, email, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/inloggen',
		maxAge: CODE_TTL_SECONDS
	});
}

export function pendingEmail(cookies: Cookies): string | null {
	return cookies.get(PENDING_EMAIL_COOKIE) ?? null;
}

export function forgetPendingEmail(cookies: Cookies): void {
	cookies.delete(PENDING_EMAIL_COOKIE, { path: '/inloggen' });
}

export function withNext(path: string, url: URL): string {
	const next = url.searchParams.get('naar');
	return next ? `${path}?naar=${encodeURIComponent(next)}` : path;
}
