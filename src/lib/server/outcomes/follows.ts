// Following a gemeente by e-mail (opt-in, signed-in users) and leaving it again, from the account
// or with one click from any mail. The unsubscribe link /volgen/uit/<follow id>.<signature> names
// one follow and carries an HMAC-SHA256 of it under a key only the server reads (app_keys), so it
// works without signing in, for years, and cannot be made for someone else's follow. Mail
// clients get the same address in List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).
import { z } from 'zod';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { fromBytea } from '../platform/crypto';
import type { MailHeaders } from '../platform/mail';

export interface Follow {
	id: string;
	gemeenteCode: string;
	gemeenteName: string;
	slug: string;
	since: string;
	lastMailAt: string | null;
}

export async function followsOf(userId: string): Promise<Follow[]> {
	const { data, error } = await db()
		.from('gemeente_follows')
		.select('id, gemeente_code, created_at, last_digest_at, gemeenten(name, slug)')
		.eq('user_id', userId)
		.order('created_at');
	if (error) throw new Error(`followsOf: ${error.message}`);
	return data.map((row) => ({
		id: row.id,
		gemeenteCode: row.gemeente_code,
		gemeenteName: row.gemeenten?.name ?? row.gemeente_code,
		slug: row.gemeenten?.slug ?? '',
		since: row.created_at,
		lastMailAt: row.last_digest_at
	}));
}

export async function followGemeente(userId: string, gemeenteCode: string): Promise<'followed' | 'already'> {
	const { data, error } = await db().rpc('follow_gemeente', { p_user_id: userId, p_gemeente_code: gemeenteCode });
	if (error) throw new Error(`followGemeente: ${error.message}`);
	return oneOf(data, ['followed', 'already'], 'followGemeente');
}

/** The user stops following, from their own account page. False when it was not theirs. */
export async function unfollow(userId: string, followId: string): Promise<boolean> {
	if (!z.uuid().safeParse(followId).success) return false;
	const { data, error } = await db().rpc('end_follow', { p_follow_id: followId, p_how: 'account', p_user_id: userId });
	if (error) throw new Error(`unfollow: ${error.message}`);
	return data === true;
}

// The signing key, read once per process (it never changes).
let key: Promise<Uint8Array> | null = null;

function signingKey(): Promise<Uint8Array> {
	key ??= (async () => {
		const { data, error } = await db().from('app_keys').select('key').eq('name', 'unsubscribe').single();
		if (error) throw new Error(`unsubscribe key: ${error.message}`);
		return fromBytea(data.key);
	})().catch((failure: unknown) => {
		key = null;
		throw failure;
	});
	return key;
}

function signature(secret: Uint8Array, followId: string): Uint8Array {
	return hmac(SHA256, secret, new TextEncoder().encode(`unsubscribe:${followId}`));
}

export async function unsubscribeToken(followId: string): Promise<string> {
	return `${followId}.${encodeBase32LowerCaseNoPadding(signature(await signingKey(), followId))}`;
}

export async function unsubscribeUrl(followId: string): Promise<string> {
	return `${publicOrigin()}/volgen/uit/${await unsubscribeToken(followId)}`;
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z2-7]{52})$/;

/** The follow a token names, when its signature is right; null otherwise. */
export async function verifiedFollowId(token: string): Promise<string | null> {
	const match = TOKEN.exec(token);
	if (!match) return null;
	let given: Uint8Array;
	try {
		given = decodeBase32IgnorePadding(match[2].toUpperCase());
	} catch {
		return null;
	}
	// One spelling per signature: the last character's spare bits must be zero, as we write them.
	if (encodeBase32LowerCaseNoPadding(given) !== match[2]) return null;
	const expected = signature(await signingKey(), match[1]);
	return given.length === expected.length && constantTimeEqual(given, expected) ? match[1] : null;
}

export type UnsubscribeLookup = { state: 'ok'; gemeente: string; slug: string } | { state: 'gone' | 'invalid' };

/** What an unsubscribe link is about, for its page (the address itself is not shown). */
export async function findUnsubscribe(token: string): Promise<UnsubscribeLookup> {
	const followId = await verifiedFollowId(token);
	if (!followId) return { state: 'invalid' };
	const { data, error } = await db().from('gemeente_follows').select('gemeenten(name, slug)').eq('id', followId).maybeSingle();
	if (error) throw new Error(`findUnsubscribe: ${error.message}`);
	if (!data?.gemeenten) return { state: 'gone' };
	return { state: 'ok', gemeente: data.gemeenten.name, slug: data.gemeenten.slug };
}

/** Ends the follow a signed link names: 'removed', 'gone' (it had ended already) or 'invalid'. */
export async function unsubscribeWithToken(token: string, how: 'link' | 'one_click'): Promise<'removed' | 'gone' | 'invalid'> {
	const followId = await verifiedFollowId(token);
	if (!followId) return 'invalid';
	const { data, error } = await db().rpc('end_follow', { p_follow_id: followId, p_how: how });
	if (error) throw new Error(`unsubscribeWithToken: ${error.message}`);
	return data === true ? 'removed' : 'gone';
}

/** The list headers of a follower's mail: one-click unsubscribe (RFC 8058) and the list's id. */
export function followerHeaders(unsubscribe: string, gemeenteCode: string): MailHeaders {
	const host = new URL(publicOrigin()).hostname;
	return {
		'List-Unsubscribe': `<${unsubscribe}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		'List-Id': `Laat je horen ${gemeenteCode} <${gemeenteCode.toLowerCase()}.volgen.${host}>`
	};
}
