// Sign-in by e-mailed one-time code: 8 digits, valid 10 minutes, single use, bound to one address
// AND to the browser that asked for it (a random secret in an httpOnly cookie; only its hash is
// stored with the code), at most 5 checks per code. So a stranger who asks a code for someone
// else's address, or types codes for it, touches only their own code: they can neither spend nor
// replace that person's, and cannot lock them out. Sends and checks are rate-limited per client
// (and sends per address and client). Any address may ask: a first sign-in creates the account, so
// answers never reveal whether an address is known.
import { z } from 'zod';
import { db } from '../platform/db';
import { fromBytea, hashSecret, randomDigits, randomToken, secretMatches, toBytea } from '../platform/crypto';
import { enqueueMail } from '../platform/mail';
import { LIMITS, consume } from '../platform/rate-limit';

export const CODE_LENGTH = 8;
export const CODE_TTL_SECONDS = 10 * 60;
export const MAX_CHECKS_PER_CODE = 5;

export const emailSchema = z
	.string({ message: 'Vul je e-mailadres in.' })
	.trim()
	.min(1, 'Vul je e-mailadres in.')
	.max(254, 'Dit e-mailadres is te lang.')
	.pipe(z.email({ message: 'Dit is geen geldig e-mailadres. Voorbeeld: naam@praktijk.nl' }))
	.transform((email) => email.toLowerCase());

export const codeSchema = z
	.string({ message: 'Vul de code uit de e-mail in.' })
	.transform((code) => code.replace(/[\s-]/g, ''))
	.pipe(z.string().regex(/^\d{8}$/, 'De code bestaat uit 8 cijfers.'));

/** What the browser keeps between the two steps: which code, and the secret that proves it asked. */
export interface PendingLogin {
	codeId: string;
	secret: string;
}

export function encodePending(pending: PendingLogin): string {
	return `${pending.codeId}.${pending.secret}`;
}

export function decodePending(value: string | undefined): PendingLogin | null {
	const match = value?.match(/^([0-9a-f-]{36})\.([a-z2-7]{24})$/);
	return match ? { codeId: match[1], secret: match[2] } : null;
}

/** A short reference of one code request, shown on the sign-in page and in its mail, so that
 * someone who asked twice (or in two browsers) picks the mail that belongs to this page. Not a
 * secret: the code id is only half of what a check needs. */
export function requestReference(codeId: string): string {
	return codeId.replace(/-/g, '').slice(0, 6).toUpperCase();
}

export type SendResult = { ok: true; pending: PendingLogin } | { ok: false; reason: 'rate_limited' };

/** Mails a new code. A browser asking again (`again`: its pending login) keeps its secret, so its
 * earlier code is replaced: only the newest works. */
export async function sendLoginCode(email: string, client: string, again?: PendingLogin): Promise<SendResult> {
	if (!(await consume(LIMITS.codeSendPerClient, client))) return { ok: false, reason: 'rate_limited' };
	if (!(await consume(LIMITS.codeSendPerEmailAndClient, `${email}:${client}`))) return { ok: false, reason: 'rate_limited' };
	const code = randomDigits(CODE_LENGTH);
	const secret = again?.secret ?? randomToken();
	const { data: codeId, error } = await db().rpc('issue_login_code', {
		p_email: email,
		p_code_hash: toBytea(hashSecret(code)),
		p_ttl_seconds: CODE_TTL_SECONDS,
		p_browser_hash: toBytea(hashSecret(secret))
	});
	if (error) throw new Error(`issue_login_code: ${error.message}`);
	const spaced = `${code.slice(0, 4)} ${code.slice(4)}`;
	await enqueueMail({
		to: email,
		subject: `Je inlogcode: ${spaced}`,
		text: [
			'Hallo,',
			'',
			`Je inlogcode voor Laat je horen is: ${spaced}`,
			'',
			`Kenmerk: ${requestReference(codeId)} (hetzelfde kenmerk staat op de pagina waar je de code invult)`,
			'',
			'De code is 10 minuten geldig, werkt één keer en alleen in de browser waarin je hem aanvroeg.',
			'Heb je deze code niet aangevraagd? Dan kun je deze e-mail negeren.',
			'',
			'Laat je horen'
		].join('\n')
	});
	return { ok: true, pending: { codeId, secret } };
}

/** The address this browser is signing in with, or null when its code is gone. */
export async function pendingEmail(pending: PendingLogin): Promise<string | null> {
	const { data, error } = await db().rpc('pending_login_email', {
		p_code_id: pending.codeId,
		p_browser_hash: toBytea(hashSecret(pending.secret))
	});
	if (error) throw new Error(`pending_login_email: ${error.message}`);
	return data;
}

export type CheckResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'rate_limited' | 'invalid' | 'expired' | 'too_many_attempts' };

export async function checkLoginCode(pending: PendingLogin, code: string, client: string): Promise<CheckResult> {
	if (!(await consume(LIMITS.codeCheckPerClient, client))) return { ok: false, reason: 'rate_limited' };
	const { data, error } = await db().rpc('begin_login_code_check', {
		p_code_id: pending.codeId,
		p_browser_hash: toBytea(hashSecret(pending.secret))
	});
	if (error) throw new Error(`begin_login_code_check: ${error.message}`);
	const row = data[0];
	if (!row) return { ok: false, reason: 'expired' };
	if (row.attempts > MAX_CHECKS_PER_CODE) return { ok: false, reason: 'too_many_attempts' };
	if (row.expired) return { ok: false, reason: 'expired' };
	if (!secretMatches(code, fromBytea(row.code_hash))) return { ok: false, reason: 'invalid' };
	const redeemed = await db().rpc('redeem_login_code', { p_code_id: row.id });
	if (redeemed.error) throw new Error(`redeem_login_code: ${redeemed.error.message}`);
	// Null when a parallel request used the code first: single use holds.
	if (!redeemed.data) return { ok: false, reason: 'invalid' };
	return { ok: true, userId: redeemed.data };
}

export const CHECK_MESSAGES: Record<Exclude<CheckResult, { ok: true }>['reason'], string> = {
	rate_limited: 'Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.',
	invalid: 'Deze code klopt niet. Controleer de cijfers of vraag een nieuwe code aan.',
	expired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
	too_many_attempts: 'Deze code is te vaak verkeerd ingevuld en werkt niet meer. Vraag een nieuwe code aan.'
};
