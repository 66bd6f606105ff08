// Sign-in by e-mailed one-time code: 8 digits, valid 10 minutes, single use, bound to one
// address, replaced by a new code on every request, at most 5 checks per code. Sends and checks
// are rate-limited per address and per client. Any address may ask: a first sign-in creates the
// account, so answers never reveal whether an address is known.
import { z } from 'zod';
import { db } from '../platform/db';
import { fromBytea, hashSecret, randomDigits, secretMatches, toBytea } from '../platform/crypto';
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

export type SendResult = { ok: true } | { ok: false; reason: 'rate_limited' };

export async function sendLoginCode(email: string, client: string): Promise<SendResult> {
	if (!(await consume(LIMITS.codeSendPerClient, client))) return { ok: false, reason: 'rate_limited' };
	if (!(await consume(LIMITS.codeSendPerEmail, email))) return { ok: false, reason: 'rate_limited' };
	const code = randomDigits(CODE_LENGTH);
	const { error } = await db().rpc('issue_login_code', {
		p_email: email,
		p_code_hash: toBytea(hashSecret(code)),
		p_ttl_seconds: CODE_TTL_SECONDS
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
			'De code is 10 minuten geldig en werkt één keer.',
			'Heb je deze code niet aangevraagd? Dan kun je deze e-mail negeren.',
			'',
			'Laat je horen'
		].join('\n')
	});
	return { ok: true };
}

export type CheckResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'rate_limited' | 'invalid' | 'expired' | 'too_many_attempts' };

export async function checkLoginCode(email: string, code: string, client: string): Promise<CheckResult> {
	if (!(await consume(LIMITS.codeCheckPerClient, client))) return { ok: false, reason: 'rate_limited' };
	if (!(await consume(LIMITS.codeCheckPerEmail, email))) return { ok: false, reason: 'rate_limited' };
	const { data, error } = await db().rpc('begin_login_code_check', { p_email: email });
	if (error) throw new Error(`begin_login_code_check: ${error.message}`);
	const row = (data as Array<{ id: string; code_hash: string; attempts: number; expired: boolean }>)[0];
	if (!row) return { ok: false, reason: 'invalid' };
	if (row.attempts > MAX_CHECKS_PER_CODE) return { ok: false, reason: 'too_many_attempts' };
	if (row.expired) return { ok: false, reason: 'expired' };
	if (!secretMatches(code, fromBytea(row.code_hash))) return { ok: false, reason: 'invalid' };
	const redeemed = await db().rpc('redeem_login_code', { p_code_id: row.id });
	if (redeemed.error) throw new Error(`redeem_login_code: ${redeemed.error.message}`);
	// Null when a parallel request used the code first: single use holds.
	if (!redeemed.data) return { ok: false, reason: 'invalid' };
	return { ok: true, userId: redeemed.data as string };
}

export const CHECK_MESSAGES: Record<Exclude<CheckResult, { ok: true }>['reason'], string> = {
	rate_limited: 'Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.',
	invalid: 'Deze code klopt niet. Controleer de cijfers of vraag een nieuwe code aan.',
	expired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
	too_many_attempts: 'Deze code is te vaak verkeerd ingevuld en werkt niet meer. Vraag een nieuwe code aan.'
};
