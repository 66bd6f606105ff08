import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import {
	checkLoginCode,
	codeSchema,
	decodePending,
	emailSchema,
	encodePending,
	pendingEmail,
	sendLoginCode,
	type PendingLogin
} from './login-code';
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

/** Asks a code as a browser would; returns what that browser keeps (its pending login). */
async function ask(email: string, ip: string, again?: PendingLogin): Promise<PendingLogin> {
	const sent = await sendLoginCode(email, ip, again);
	if (!sent.ok) throw new Error(`no code sent to ${email}`);
	return sent.pending;
}

describe('sign-in codes against the real database', () => {
	it('signs in with the mailed code once, and creates the user on first sign-in', async () => {
		const email = 'nieuw.huisarts@example.nl';
		const ip = nextClient();
		const browser = await ask(email, ip);
		const code = await codeSentTo(email);
		const stored = await service.from('login_codes').select('code_hash, browser_hash').eq('email', email).single();
		expect(JSON.stringify(stored.data)).not.toContain(code);
		expect(JSON.stringify(stored.data)).not.toContain(browser.secret);
		expect(await pendingEmail(browser)).toBe(email);

		const first = await checkLoginCode(browser, code, ip);
		expect(first.ok).toBe(true);
		const user = await service.from('users').select('id, email').eq('email', email).single();
		expect(first.ok && first.userId).toBe(user.data?.id);

		expect((await checkLoginCode(browser, code, ip)).ok).toBe(false);
	});

	it('only the newest code of a browser works after a resend', async () => {
		const email = 'resend@example.nl';
		const ip = nextClient();
		const first = await ask(email, ip);
		const old = await codeSentTo(email);
		const second = await ask(email, ip, first);
		const fresh = await codeSentTo(email);
		expect((await checkLoginCode(first, old, ip)).ok).toBe(false);
		expect((await checkLoginCode(second, fresh, ip)).ok).toBe(true);
	});

	it('a code is bound to its address and to the browser that asked for it', async () => {
		const ip = nextClient();
		const owner = await ask('eigenaar@example.nl', ip);
		const code = await codeSentTo('eigenaar@example.nl');
		const other = await ask('ander@example.nl', ip);
		// Another browser with the right code, or the right browser id with a made-up secret: no.
		expect(await checkLoginCode(other, code, ip)).toMatchObject({ ok: false });
		expect(await checkLoginCode({ codeId: owner.codeId, secret: other.secret }, code, ip)).toMatchObject({ ok: false });
		expect(decodePending(encodePending(owner))).toEqual(owner);
		expect(decodePending('eigenaar@example.nl')).toBeNull();
		expect((await checkLoginCode(owner, code, ip)).ok).toBe(true);
	});

	it('a stranger cannot lock someone out: not by asking codes for their address, nor by guessing', async () => {
		const victim = 'slachtoffer@example.nl';
		const attacker = nextClient();
		const own = await ask(victim, nextClient());
		const code = await codeSentTo(victim);
		// The attacker asks codes for the victim's address and types wrong codes into their own session.
		for (let i = 0; i < 5; i++) {
			const theirs = await sendLoginCode(victim, attacker);
			if (theirs.ok) for (let j = 0; j < 6; j++) await checkLoginCode(theirs.pending, '00000000', attacker);
		}
		expect((await sendLoginCode(victim, attacker)).ok).toBe(false);
		// The victim's own code, in the victim's own browser, still works; and a new one can be asked.
		expect((await checkLoginCode(own, code, nextClient())).ok).toBe(true);
		expect((await sendLoginCode(victim, nextClient())).ok).toBe(true);
	});

	it('an expired code is refused', async () => {
		const email = 'verlopen@example.nl';
		const ip = nextClient();
		const browser = await ask(email, ip);
		const code = await codeSentTo(email);
		await service
			.from('login_codes')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('email', email);
		expect(await checkLoginCode(browser, code, ip)).toEqual({ ok: false, reason: 'expired' });
	});

	it('a code dies after 5 wrong tries, even when the right one comes next', async () => {
		const email = 'raden@example.nl';
		const ip = nextClient();
		const browser = await ask(email, ip);
		const code = await codeSentTo(email);
		const wrong = code === '00000000' ? '11111111' : '00000000';
		for (let i = 0; i < 5; i++) expect((await checkLoginCode(browser, wrong, ip)).ok).toBe(false);
		expect(await checkLoginCode(browser, code, ip)).toEqual({ ok: false, reason: 'too_many_attempts' });
	});

	it('limits sends per address per client, and per client, with the same answer for every address', async () => {
		const email = 'veel@example.nl';
		const ip = nextClient();
		const results = [];
		for (let i = 0; i < 6; i++) results.push((await sendLoginCode(email, ip)).ok);
		expect(results).toEqual([true, true, true, true, true, false]);
		// Another client is not held back by the first one's sends.
		expect((await sendLoginCode(email, nextClient())).ok).toBe(true);

		const busy = nextClient();
		const perClient = [];
		for (let i = 0; i < 31; i++) perClient.push((await sendLoginCode(`adres${i}@example.nl`, busy)).ok);
		expect(perClient.filter(Boolean)).toHaveLength(30);
		expect(perClient.at(-1)).toBe(false);
	});

	it('answers a known and an unknown address alike, and creates no account before the code is used', async () => {
		const known = 'huisarts@demo.laatjehoren.nl';
		const unknown = `onbekend-${Date.now()}@example.nl`;
		expect((await sendLoginCode(known, nextClient())).ok).toBe(true);
		expect((await sendLoginCode(unknown, nextClient())).ok).toBe(true);
		const messages = await latestMessages(200);
		const shape = (to: string) => {
			const mail = messages.find((m) => m.to === to)!;
			const text = mail.text.replace(/\d{4} \d{4}/, 'CODE').replace(/Kenmerk: [0-9A-F]{6}/, 'Kenmerk: REF');
			return { subject: mail.subject.replace(/\d{4} \d{4}/, 'CODE'), text };
		};
		expect(shape(unknown)).toEqual(shape(known));
		expect((await service.from('users').select('id').eq('email', unknown)).data).toEqual([]);
	});

	it('limits checks per client', async () => {
		const ip = nextClient();
		const browser = await ask('gokker@example.nl', nextClient());
		const outcomes = [];
		for (let i = 0; i < 31; i++) outcomes.push(await checkLoginCode(browser, '12345678', ip));
		expect(outcomes.slice(0, 30).every((o) => !o.ok && o.reason !== 'rate_limited')).toBe(true);
		expect(outcomes[30]).toEqual({ ok: false, reason: 'rate_limited' });
	});

	it('many parallel checks of one right code sign in exactly once', async () => {
		const email = 'parallel@example.nl';
		const browser = await ask(email, nextClient());
		const code = await codeSentTo(email);
		const results = await Promise.all(Array.from({ length: 5 }, () => checkLoginCode(browser, code, nextClient())));
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
