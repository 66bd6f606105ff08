// Sessions after Lucia's current design: the cookie holds "<id>.<secret>" (two random 120-bit
// values); the database keeps the id and a SHA-256 of the secret, compared in constant time.
// A session ends after 7 days without use or 30 days after sign-in, whichever comes first.
import type { Cookies } from '@sveltejs/kit';
import { db } from '../platform/db';
import { fromBytea, hashSecret, randomToken, secretMatches, toBytea } from '../platform/crypto';

export const SESSION_COOKIE = 'session';
export const INACTIVITY_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	name: string | null;
}

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
}

interface SessionRow {
	id: string;
	user_id: string;
	secret_hash: string;
	created_at: string;
	last_seen_at: string;
	users: { id: string; email: string; name: string | null } | null;
}

function expiryOf(createdAt: Date, lastSeenAt: Date): Date {
	return new Date(
		Math.min(createdAt.getTime() + ABSOLUTE_LIFETIME_MS, lastSeenAt.getTime() + INACTIVITY_TIMEOUT_MS)
	);
}

export async function createSession(userId: string): Promise<{ token: string; session: Session }> {
	const id = randomToken();
	const secret = randomToken();
	const now = new Date();
	const { error } = await db()
		.from('sessions')
		.insert({ id, user_id: userId, secret_hash: toBytea(hashSecret(secret)), created_at: now.toISOString(), last_seen_at: now.toISOString() });
	if (error) throw new Error(`createSession: ${error.message}`);
	return {
		token: `${id}.${secret}`,
		session: { id, userId, createdAt: now, expiresAt: expiryOf(now, now) }
	};
}

/** The session and user for a cookie token, or nulls when it is unknown, wrong or expired. */
export async function validateSessionToken(
	token: string
): Promise<{ session: Session; user: SessionUser } | { session: null; user: null }> {
	const none = { session: null, user: null } as const;
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return none;
	const { data, error } = await db()
		.from('sessions')
		.select('id, user_id, secret_hash, created_at, last_seen_at, users(id, email, name)')
		.eq('id', id)
		.maybeSingle<SessionRow>();
	if (error) throw new Error(`validateSessionToken: ${error.message}`);
	if (!data || !data.users || !secretMatches(secret, fromBytea(data.secret_hash))) return none;
	const createdAt = new Date(data.created_at);
	const lastSeenAt = new Date(data.last_seen_at);
	const now = Date.now();
	if (expiryOf(createdAt, lastSeenAt).getTime() <= now) {
		await invalidateSession(id);
		return none;
	}
	let seen = lastSeenAt;
	if (now - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
		seen = new Date(now);
		await db().from('sessions').update({ last_seen_at: seen.toISOString() }).eq('id', id);
	}
	return {
		session: { id, userId: data.user_id, createdAt, expiresAt: expiryOf(createdAt, seen) },
		user: { id: data.users.id, email: data.users.email, name: data.users.name }
	};
}

export async function invalidateSession(sessionId: string): Promise<void> {
	const { error } = await db().from('sessions').delete().eq('id', sessionId);
	if (error) throw new Error(`invalidateSession: ${error.message}`);
}

export async function invalidateUserSessions(userId: string): Promise<void> {
	const { error } = await db().from('sessions').delete().eq('user_id', userId);
	if (error) throw new Error(`invalidateUserSessions: ${error.message}`);
}

export function setSessionTokenCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', expires: expiresAt });
}

export function deleteSessionTokenCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}
