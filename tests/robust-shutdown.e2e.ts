// SIGTERM while 150 letters are going out through SMTP: the server finishes the message it is
// handing over, marks it sent, releases the rest of what it claimed, and stops. Started again, it
// sends the rest at once (not ten minutes later), and no message arrives twice.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startApp, withDatabase, stopStartedApps } from './support/app-process';

test('a restart during a 150-mail send neither doubles nor delays a message', async () => {
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'ljh-shutdown-'));
	const received: string[] = [];
	// A real SMTP server on loopback that takes 20 ms per message, like a busy mail server.
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, callback) {
			let body = '';
			stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
			stream.on('end', () => {
				setTimeout(() => {
					received.push(body.match(/Subject: (Brief \d+)/)?.[1] ?? 'onbekend');
					callback();
				}, 20);
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
	try {
		await withDatabase(dataDir, async (db) => {
			await db.query(
				`insert into public.outbox (to_address, subject, text_body, created_at)
				 select 'partij' || i || '@example.nl', 'Brief ' || i, 'De brief van de huisartsen.', now() + i * interval '1 millisecond'
				 from generate_series(1, 150) i`
			);
		});
		const env = { SMTP_URL: smtpUrl, MAIL_WORKER_INTERVAL_MS: '200' };
		const first = await startApp(dataDir, env);
		await expect.poll(() => received.length, { timeout: 60_000, intervals: [20] }).toBeGreaterThanOrEqual(30);
		const code = await first.stop('SIGTERM');
		expect(code).toBe(0);
		const beforeRestart = received.length;
		expect(beforeRestart).toBeLessThan(150);

		const states = await withDatabase(dataDir, async (db) =>
			(await db.query<{ status: string; n: number }>('select status, count(*)::int as n from public.outbox group by status order by status')).rows
		);
		// What arrived is marked sent; nothing is left claimed ("sending" would wait 10 minutes).
		expect(states).toEqual([
			{ status: 'queued', n: 150 - beforeRestart },
			{ status: 'sent', n: beforeRestart }
		]);

		const restartedAt = Date.now();
		const second = await startApp(dataDir, env);
		await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(150);
		const seconds = (Date.now() - restartedAt) / 1000;
		await new Promise((r) => setTimeout(r, 500));
		await second.stop();

		expect(received).toHaveLength(150);
		expect(new Set(received).size).toBe(150);
		expect(seconds).toBeLessThan(60);
		console.log(`shutdown test: ${beforeRestart} sent before SIGTERM, the other ${150 - beforeRestart} within ${seconds.toFixed(1)} s of the restart, none twice`);
	} finally {
		await stopStartedApps();
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
		rmSync(dataDir, { recursive: true, force: true });
	}
});
