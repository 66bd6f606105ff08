// The mail worker looks at the queue every few seconds. An idle look must be a read: a write
// makes every public page wait for the versions of the public data to be read again
// (public-cache.ts). What is due is found and sent as before, including the batch of a server
// that stopped while sending. On a local Supabase of its own, so no other test queues mail here.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSupabase, type LocalSupabase } from './local-supabase/index.ts';
import { useTestDatabase } from './db';
import { onDatabaseWrite } from './db-traffic';
import { enqueueMail, processOutbox, useTransport } from './mail';

let stack: LocalSupabase;
let service: ReturnType<typeof useTestDatabase>;
let calls: string[] = [];
let writes = 0;

beforeAll(async () => {
	stack = await startLocalSupabase({ dataDir: null, demoData: false });
	service = useTestDatabase(stack.url, stack.serviceRoleKey, (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		calls.push(`${init?.method ?? 'GET'} ${url.pathname.replace('/rest/v1', '')}`);
		return fetch(input, init);
	});
	onDatabaseWrite(() => writes++);
	useTransport(nodemailer.createTransport({ jsonTransport: true }));
}, 120_000);

afterAll(async () => {
	useTransport(null);
	await stack?.stop();
});

beforeEach(() => {
	calls = [];
	writes = 0;
});

async function statusOf(id: string) {
	const { data } = await service.from('outbox').select('status').eq('id', id).single();
	return data?.status;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('the mail worker’s look at the queue', () => {
	it('is one read and no write while nothing is due', async () => {
		expect(await processOutbox()).toBe(0);
		expect(calls).toEqual(['GET /rpc/outbox_has_work']);
		expect(writes).toBe(0);
	});

	it('finds a due message and sends it', async () => {
		const id = await enqueueMail({ to: 'nu@example.nl', subject: 'Nu', text: 'Verstuur mij nu.' });
		expect(await processOutbox()).toBe(1);
		expect(await statusOf(id)).toBe('sent');
	});

	it('leaves a message that is not due yet, without writing', async () => {
		const id = await enqueueMail({ to: 'later@example.nl', subject: 'Later', text: 'Nog niet.' });
		await service.from('outbox').update({ next_attempt_at: new Date(Date.now() + 3_600_000).toISOString() }).eq('id', id);
		calls = [];
		writes = 0;
		expect(await processOutbox()).toBe(0);
		expect(writes).toBe(0);
		expect(await statusOf(id)).toBe('queued');
		await service.from('outbox').delete().eq('id', id);
	});

	it('takes over a batch left sending for over ten minutes, not one sent a moment ago', async () => {
		const recent = await enqueueMail({ to: 'bezig@example.nl', subject: 'Bezig', text: 'Wordt nu verstuurd.' });
		await service.from('outbox').update({ status: 'sending', next_attempt_at: minutesAgo(5) }).eq('id', recent);
		calls = [];
		writes = 0;
		expect(await processOutbox()).toBe(0);
		expect(writes).toBe(0);

		const stranded = await enqueueMail({ to: 'blijven@example.nl', subject: 'Blijven liggen', text: 'Van een server die stopte.' });
		await service.from('outbox').update({ status: 'sending', next_attempt_at: minutesAgo(11) }).eq('id', stranded);
		expect(await processOutbox()).toBe(1);
		expect(await statusOf(stranded)).toBe('sent');
		expect(await statusOf(recent)).toBe('sending');
	});
});
