import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { checkLoginCode, codeSchema, emailSchema, sendLoginCode } from './login-code';
import { latestMessages } from '../platform/mail';
import { validateSessionToken, createSession } from './session';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

let client = 0;
/** A fresh client address per test, so per-client limits of one test do not touch another. */
const nextClient = () => `198.51.100.${++client}`;

async function codeSentTo(email: string): Promise<string> {
	const message = (await latestMessages(200)).find((m) => m.to === email);
	const match = message?.text.match(/(\d{4}) (\d{4})/);
	if (!match) throw new Error(`no code mailed to ${email}`);
	return match[1] + match[2];
}

describe('input validation', () => {
	it('accepts and lower-cases a real address, refuses others in Dutch', () => {
		expect(emailSchema.parse('  Anna@Praktijk.NL ')).toBe('anna@praktijk.nl');
		const bad = emailSchema.safeParse('anna@');
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0].message).toMatch(/geen geldig e-mailadres/);
	});

	it('accepts a code typed with spaces or a dash, refuses anything but 8 digits', () => {
		expect(codeSchema.parse('1234 5678')).toBe('12345678');
		expect(codeSchema.parse('1234-5678')).toBe('12345678');
		expect(codeSchema.safeParse('1234567').success).toBe(false);
		expect(codeSchema.safeParse('abcdefgh').success).toBe(false);
	});
});

describe('sign-in codes against the real database', () => {
	it('signs in with the mailed code once, and creates the user on first sign-in', async () => {
		const email = 'nieuw.huisarts@example.nl';
		const ip = nextClient();
		expect(await sendLoginCode(email, ip)).toEqual({ ok: true });
		const code = await codeSentTo(email);
		const stored = await service.from('login_codes').select('code_hash').eq('email', email).single();
		expect(stored.data?.code_hash).not.toContain(code);

		const first = await checkLoginCode(email, code, ip);
		expect(first.ok).toBe(true);
		const user = await service.from('users').select('id, email').eq('email', email).single();
		expect(first.ok && first.userId).toBe(user.data?.id);

		expect(await checkLoginCode(email, code, ip)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('only the newest code works after a resend', async () => {
		const email = 'resend@example.nl';
		const ip = nextClient();
		await sendLoginCode(email, ip);
		const old = await codeSentTo(email);
		await sendLoginCode(email, ip);
		const fresh = await codeSentTo(email);
		if (old !== fresh) expect((await checkLoginCode(email, old, ip)).ok).toBe(false);
		expect((await checkLoginCode(email, fresh, ip)).ok).toBe(true);
	});

	it('a code is bound to its address', async () => {
		const ip = nextClient();
		await sendLoginCode('eigenaar@example.nl', ip);
		const code = await codeSentTo('eigenaar@example.nl');
		await sendLoginCode('ander@example.nl', ip);
		expect(await checkLoginCode('ander@example.nl', code, ip)).toMatchObject({ ok: false });
		expect((await checkLoginCode('eigenaar@example.nl', code, ip)).ok).toBe(true);
	});

	it('an expired code is refused', async () => {
		const email = 'verlopen@example.nl';
		const ip = nextClient();
		await sendLoginCode(email, ip);
		const code = await codeSentTo(email);
		await service
			.from('login_codes')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('email', email);
		expect(await checkLoginCode(email, code, ip)).toEqual({ ok: false, reason: 'expired' });
	});

	it('a code dies after 5 wrong tries, even when the right one comes next', async () => {
		const email = 'raden@example.nl';
		const ip = nextClient();
		await sendLoginCode(email, ip);
		const code = await codeSentTo(email);
		const wrong = code === '00000000' ? '11111111' : '00000000';
		for (let i = 0; i < 5; i++) expect((await checkLoginCode(email, wrong, ip)).ok).toBe(false);
		expect(await checkLoginCode(email, code, ip)).toEqual({ ok: false, reason: 'too_many_attempts' });
	});

	it('limits sends per address and per client, with the same answer for every address', async () => {
		const email = 'veel@example.nl';
		const results = [];
		for (let i = 0; i < 6; i++) results.push((await sendLoginCode(email, nextClient())).ok);
		expect(results).toEqual([true, true, true, true, true, false]);

		const ip = nextClient();
		const perClient = [];
		for (let i = 0; i < 31; i++) perClient.push((await sendLoginCode(`adres${i}@example.nl`, ip)).ok);
		expect(perClient.filter(Boolean)).toHaveLength(30);
		expect(perClient.at(-1)).toBe(false);
	});

	it('answers a known and an unknown address alike, and creates no account before the code is used', async () => {
		const known = 'huisarts@demo.laatjehoren.nl';
		const unknown = `onbekend-${Date.now()}@example.nl`;
		expect(await sendLoginCode(known, nextClient())).toEqual({ ok: true });
		expect(await sendLoginCode(unknown, nextClient())).toEqual({ ok: true });
		const messages = await latestMessages(200);
		const shape = (to: string) => {
			const mail = messages.find((m) => m.to === to)!;
			return { subject: mail.subject.replace(/\d{4} \d{4}/, 'CODE'), text: mail.text.replace(/\d{4} \d{4}/, 'CODE') };
		};
		expect(shape(unknown)).toEqual(shape(known));
		expect((await service.from('users').select('id').eq('email', unknown)).data).toEqual([]);
	});

	it('limits checks per client across addresses', async () => {
		const ip = nextClient();
		const outcomes = [];
		for (let i = 0; i < 31; i++) outcomes.push(await checkLoginCode(`gok${i}@example.nl`, '12345678', ip));
		expect(outcomes.slice(0, 30).every((o) => !o.ok && o.reason === 'invalid')).toBe(true);
		expect(outcomes[30]).toEqual({ ok: false, reason: 'rate_limited' });
	});

	it('many parallel checks of one right code sign in exactly once', async () => {
		const email = 'parallel@example.nl';
		await sendLoginCode(email, nextClient());
		const code = await codeSentTo(email);
		const results = await Promise.all(Array.from({ length: 5 }, () => checkLoginCode(email, code, nextClient())));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});
});

describe('sessions', () => {
	it('accepts the issued token and refuses a tampered or revoked one', async () => {
		const user = await service.from('users').insert({ email: 'sessie@example.nl' }).select('id').single();
		const userId = user.data!.id as string;
		const { token } = await createSession(userId);
		const valid = await validateSessionToken(token);
		expect(valid.user?.email).toBe('sessie@example.nl');

		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect((await validateSessionToken(`${id}.${flipped}`)).user).toBeNull();
		expect((await validateSessionToken(`${id}`)).user).toBeNull();

		const stored = await service.from('sessions').select('secret_hash').eq('id', id).single();
		expect(JSON.stringify(stored.data)).not.toContain(secret);

		await service.from('sessions').delete().eq('id', id);
		expect((await validateSessionToken(token)).user).toBeNull();
	});

	it('ends a session after 7 days without use and after 30 days in any case', async () => {
		const user = await service.from('users').insert({ email: 'verloop@example.nl' }).select('id').single();
		const userId = user.data!.id as string;
		const day = 24 * 3600 * 1000;

		const idle = await createSession(userId);
		await service
			.from('sessions')
			.update({ last_seen_at: new Date(Date.now() - 8 * day).toISOString() })
			.eq('id', idle.session.id);
		expect((await validateSessionToken(idle.token)).user).toBeNull();
		expect((await service.from('sessions').select('id').eq('id', idle.session.id)).data).toHaveLength(0);

		const old = await createSession(userId);
		await service
			.from('sessions')
			.update({ created_at: new Date(Date.now() - 31 * day).toISOString(), last_seen_at: new Date().toISOString() })
			.eq('id', old.session.id);
		expect((await validateSessionToken(old.token)).user).toBeNull();
	});
});
