// The hourly tidy-up: stored mail loses its private links an hour after sending, and rows that
// can no longer be used go; everything still in use stays.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { tidyUp } from './housekeeping';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

describe('the hourly tidy-up', () => {
	it('cuts answer and invitation links from mail sent over an hour ago, and keeps the rest', async () => {
		const tag = Date.now();
		const answer = `https://laatjehoren.nl/reageer/abcdefghijklmnopqrstuvwx`;
		const invite = `https://laatjehoren.nl/uitnodiging/234567abcdefghijklmnopqr`;
		const { error } = await service.from('outbox').insert([
			{ to_address: `oud-${tag}@example.nl`, subject: 'Brief', text_body: `Antwoord via ${answer}`, html_body: `<a href="${answer}">${answer}</a>`, status: 'sent', sent_at: hoursAgo(2) },
			{ to_address: `uitnodiging-${tag}@example.nl`, subject: 'Uitnodiging', text_body: `Teken via ${invite}`, status: 'sent', sent_at: hoursAgo(3) },
			{ to_address: `vers-${tag}@example.nl`, subject: 'Brief', text_body: `Antwoord via ${answer}`, status: 'sent', sent_at: hoursAgo(0.1) },
			{ to_address: `wacht-${tag}@example.nl`, subject: 'Brief', text_body: `Antwoord via ${answer}`, status: 'queued' }
		]);
		expect(error).toBeNull();

		expect((await tidyUp()).scrubbed).toBeGreaterThanOrEqual(2);
		const rows = await service.from('outbox').select('to_address, text_body, html_body').like('to_address', `%-${tag}@example.nl`);
		const body = Object.fromEntries(rows.data!.map((r) => [r.to_address.split('-')[0], r]));
		expect(body.oud.text_body).toBe('Antwoord via https://laatjehoren.nl/reageer/[verwijderd]');
		expect(body.oud.html_body).not.toContain('abcdefghijklmnopqrstuvwx');
		expect(body.uitnodiging.text_body).toBe('Teken via https://laatjehoren.nl/uitnodiging/[verwijderd]');
		// Just sent, or still waiting in the queue: the recipient still needs the link.
		expect(body.vers.text_body).toContain(answer);
		expect(body.wacht.text_body).toContain(answer);
	});

	it('removes old rate-limit windows, long-expired codes and ended sessions, and nothing live', async () => {
		const tag = `tidy-${Date.now()}`;
		const user = await service.from('users').insert({ email: `${tag}@example.nl` }).select('id').single();
		const userId = user.data!.id as string;
		const inserts = await Promise.all([
			service.from('rate_limits').insert([
				{ key: `${tag}:old`, window_start: hoursAgo(72), hits: 5 },
				{ key: `${tag}:today`, window_start: hoursAgo(20), hits: 5 }
			]),
			service.from('login_codes').insert([
				{ email: `${tag}-oud@example.nl`, code_hash: '\\x01', browser_hash: '\\x01', expires_at: hoursAgo(30) },
				{ email: `${tag}-nu@example.nl`, code_hash: '\\x02', browser_hash: '\\x02', expires_at: new Date(Date.now() + 600_000).toISOString() }
			]),
			service.from('sessions').insert([
				{ id: `${tag}-idle`, user_id: userId, secret_hash: '\\x01', created_at: hoursAgo(24 * 10), last_seen_at: hoursAgo(24 * 8) },
				{ id: `${tag}-old`, user_id: userId, secret_hash: '\\x02', created_at: hoursAgo(24 * 31), last_seen_at: hoursAgo(1) },
				{ id: `${tag}-live`, user_id: userId, secret_hash: '\\x03', created_at: hoursAgo(24 * 20), last_seen_at: hoursAgo(24 * 2) }
			])
		]);
		for (const result of inserts) expect(result.error).toBeNull();

		await tidyUp();
		const [limits, codes, sessions] = await Promise.all([
			service.from('rate_limits').select('key').like('key', `${tag}:%`),
			service.from('login_codes').select('email').like('email', `${tag}-%`),
			service.from('sessions').select('id').like('id', `${tag}-%`)
		]);
		expect(limits.data!.map((r) => r.key)).toEqual([`${tag}:today`]);
		expect(codes.data!.map((r) => r.email)).toEqual([`${tag}-nu@example.nl`]);
		expect(sessions.data!.map((r) => r.id)).toEqual([`${tag}-live`]);
	});
});
