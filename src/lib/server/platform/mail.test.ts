import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { enqueueMail, processOutbox, useTransport } from './mail';
import { freePort } from './local-supabase/ports';

let service: ReturnType<typeof connectTestDatabase>['service'];

/** Other test files share this database and queue mail too: work the queue until it is idle. */
async function drainOutbox(): Promise<void> {
	while ((await processOutbox()) > 0);
}
const received: string[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

beforeAll(async () => {
	service = connectTestDatabase().service;
	// A real SMTP server on loopback stands in for the outside mail server.
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, callback) {
			let body = '';
			stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
			stream.on('end', () => {
				received.push(body);
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
	useTransport(null);
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('the mail queue', () => {
	it('keeps a message whose send failed and delivers it on a later try', async () => {
		const closedPort = await freePort();
		useTransport(nodemailer.createTransport({ host: '127.0.0.1', port: closedPort, secure: false }));
		const id = await enqueueMail({
			to: 'wachtrij@example.nl',
			subject: 'Proefbericht wachtrij',
			text: 'Dit bericht moet aankomen.'
		});
		await drainOutbox();
		const failed = await service.from('outbox').select('status, attempts, last_error, next_attempt_at').eq('id', id).single();
		expect(failed.data).toMatchObject({ status: 'queued', attempts: 1 });
		expect(failed.data?.last_error).toMatch(/ECONNREFUSED|connect/i);
		expect(new Date(failed.data!.next_attempt_at).getTime()).toBeGreaterThan(Date.now());

		// The retry is due later; make it due now, as the clock would, with a working server.
		await service.from('outbox').update({ next_attempt_at: new Date().toISOString() }).eq('id', id);
		useTransport(
			nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true })
		);
		await drainOutbox();
		const sent = await service.from('outbox').select('status, attempts, sent_at').eq('id', id).single();
		expect(sent.data).toMatchObject({ status: 'sent', attempts: 2 });
		expect(received.some((body) => body.includes('Proefbericht wachtrij') && body.includes('wachtrij@example.nl'))).toBe(true);
	});

	it('marks a message failed after 8 tries but keeps it in the outbox', async () => {
		const closedPort = await freePort();
		useTransport(nodemailer.createTransport({ host: '127.0.0.1', port: closedPort, secure: false }));
		const id = await enqueueMail({ to: 'kapot@example.nl', subject: 'Gaat mis', text: 'x' });
		for (let attempt = 1; attempt <= 8; attempt++) {
			await service.from('outbox').update({ next_attempt_at: new Date().toISOString() }).eq('id', id);
			await drainOutbox();
		}
		const row = await service.from('outbox').select('status, attempts, subject').eq('id', id).single();
		expect(row.data).toEqual({ status: 'failed', attempts: 8, subject: 'Gaat mis' });
	});
});
