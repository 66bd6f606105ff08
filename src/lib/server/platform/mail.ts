// Outgoing mail goes through a queue: enqueueMail() stores the message in the outbox and the
// worker sends it with nodemailer, retrying failures with back-off (nothing is lost; after
// MAX_ATTEMPTS a message is marked failed and stays readable). Without SMTP_URL the transport
// is nodemailer's JSON transport: the message is built as for real, printed as one console
// line, and read at /dev/mail on a developer's machine (see devMailboxAllows). A message may
// carry a few list headers of its own (List-Unsubscribe, RFC 8058's List-Unsubscribe-Post).
// Stopping (SIGTERM) neither loses, delays nor doubles mail: the message being handed to the mail
// server is finished and marked sent, the rest of the claimed batch is released at once.
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import { db } from './db';
import { env, isLoopbackHost, publicOrigin } from './env';
import { logWorkerError } from './database-health';

export const MAX_ATTEMPTS = 8;
const BATCH_SIZE = 20;

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	replyTo?: string;
	headers?: MailHeaders;
}

// One line each: a line break in a value would start a header of its own.
const headerValue = z.string().min(1).max(2000).regex(/^[^\r\n]*$/);

/** The only headers a message may add: a mailing list's own (RFC 2369, RFC 8058). */
const headersSchema = z
	.object({
		'List-Unsubscribe': headerValue.optional(),
		'List-Unsubscribe-Post': headerValue.optional(),
		'List-Id': headerValue.optional()
	})
	.strict();

export type MailHeaders = z.infer<typeof headersSchema>;

/** The headers stored with a message, checked where they leave the database. */
export function mailHeaders(value: unknown): MailHeaders {
	return headersSchema.parse(value ?? {});
}

export interface OutboxMessage {
	id: string;
	to: string;
	subject: string;
	text: string;
	html: string | null;
	replyTo: string | null;
	headers: MailHeaders;
	status: 'queued' | 'sending' | 'sent' | 'failed';
	attempts: number;
	lastError: string | null;
	createdAt: string;
	sentAt: string | null;
}

interface OutboxRow {
	id: string;
	to_address: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	reply_to: string | null;
	headers: unknown;
	status: OutboxMessage['status'];
	attempts: number;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
}

function toMessage(row: OutboxRow): OutboxMessage {
	return {
		id: row.id,
		to: row.to_address,
		subject: row.subject,
		text: row.text_body,
		html: row.html_body,
		replyTo: row.reply_to,
		headers: mailHeaders(row.headers),
		status: row.status,
		attempts: row.attempts,
		lastError: row.last_error,
		createdAt: row.created_at,
		sentAt: row.sent_at
	};
}

/** What decides whether the development mailbox exists; read from the environment by default. */
export interface MailSettings {
	smtpUrl: string | undefined;
	origin: string;
}

function mailSettings(): MailSettings {
	return { smtpUrl: env().SMTP_URL, origin: publicOrigin() };
}

// The development mailbox shows sign-in codes, so it must never face the internet. Behind a
// reverse proxy on the same host every visitor looks like 127.0.0.1, so the client address alone
// proves nothing: the app's own address must be this machine too, and proxied requests are refused.
// A loopback Host also keeps out pages that rebind their DNS name to 127.0.0.1.
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

function isLoopbackAddress(address: string): boolean {
	return address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(address);
}

/** Without SMTP_URL and with a loopback ORIGIN (localhost, 127.x, [::1]) mail goes to /dev/mail. */
export function usesDevMailbox(settings: MailSettings = mailSettings()): boolean {
	return !settings.smtpUrl && isLoopbackHost(new URL(settings.origin).hostname);
}

/** Whether this request may read /dev/mail: the mailbox exists and the request comes straight
 * from this machine, addressed to this machine, not through a proxy. */
export function devMailboxAllows(
	event: { request: Request; getClientAddress(): string },
	settings: MailSettings = mailSettings()
): boolean {
	const { headers } = event.request;
	return (
		usesDevMailbox(settings) &&
		!PROXY_HEADERS.some((name) => headers.has(name)) &&
		isLoopbackHost((headers.get('host') ?? '').replace(/:\d+$/, '')) &&
		// Asked last: with adapter-node's ADDRESS_HEADER set it throws when that header is absent.
		isLoopbackAddress(event.getClientAddress())
	);
}

let transporter: Transporter | null = null;

function transport(): Transporter {
	transporter ??= env().SMTP_URL
		? nodemailer.createTransport(env().SMTP_URL)
		: nodemailer.createTransport({ jsonTransport: true });
	return transporter;
}

/** For tests: send through this transport instead of the configured one. */
export function useTransport(next: Transporter | null): void {
	transporter = next;
}

export async function enqueueMail(mail: OutgoingMail): Promise<string> {
	const [id] = await enqueueMails([mail]);
	return id;
}

/** Queues several messages in one insert: all of them or none. */
export async function enqueueMails(mails: OutgoingMail[]): Promise<string[]> {
	if (mails.length === 0) return [];
	const { data, error } = await db()
		.from('outbox')
		.insert(
			mails.map((mail) => ({
				to_address: mail.to,
				subject: mail.subject,
				text_body: mail.text,
				html_body: mail.html ?? null,
				reply_to: mail.replyTo ?? null,
				headers: mailHeaders(mail.headers ?? {})
			}))
		)
		.select('id');
	if (error) throw new Error(`enqueueMail: ${error.message}`);
	kickMailWorker();
	return (data as Array<{ id: string }>).map((row) => row.id);
}

function retryDelaySeconds(attempts: number): number {
	return Math.min(60 * 60, 30 * 2 ** (attempts - 1));
}

/** Marks a message the mail server accepted. Retried a few times: left in 'sending' it would be
 * sent a second time after 10 minutes. */
async function markSent(id: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		const { error } = await db()
			.from('outbox')
			.update({ status: 'sent', sent_at: new Date().toISOString(), last_error: null })
			.eq('id', id);
		if (!error) return;
		if (attempt >= 5) {
			console.error(`[mail] bericht ${id} is verstuurd maar kon niet als verstuurd worden gemarkeerd: ${error.message}`);
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
	}
}

async function deliver(row: OutboxRow): Promise<void> {
	let handedOver = false;
	try {
		await transport().sendMail({
			from: env().MAIL_FROM,
			to: row.to_address,
			replyTo: row.reply_to ?? undefined,
			subject: row.subject,
			text: row.text_body,
			html: row.html_body ?? undefined,
			headers: mailHeaders(row.headers)
		});
		handedOver = true;
		if (!env().SMTP_URL) {
			const where = usesDevMailbox() ? 'lees op /dev/mail' : 'niet afgeleverd: SMTP_URL ontbreekt';
			console.log(`[mail] aan ${row.to_address}: ${row.subject} (${where})`);
		}
		await markSent(row.id);
	} catch (error) {
		if (handedOver) return;
		const message = error instanceof Error ? error.message : String(error);
		const giveUp = row.attempts >= MAX_ATTEMPTS;
		console.error(`[mail] verzenden aan ${row.to_address} mislukt (poging ${row.attempts}): ${message}`);
		await db()
			.from('outbox')
			.update({
				status: giveUp ? 'failed' : 'queued',
				last_error: message.slice(0, 1000),
				next_attempt_at: new Date(Date.now() + retryDelaySeconds(row.attempts) * 1000).toISOString()
			})
			.eq('id', row.id);
	}
}

let stopping = false;

/** Gives claimed messages back to the queue, due at once (used when stopping). */
async function release(rows: OutboxRow[]): Promise<void> {
	if (rows.length === 0) return;
	const { error } = await db().rpc('release_outbox', { p_ids: rows.map((row) => row.id) });
	if (error) console.error(`[mail] ${rows.length} berichten konden niet worden teruggezet: ${error.message}`);
}

/** Whether any mail is due, asked with a read: an idle look is then no write, after which every
 * public page would wait for the versions to be read again (public-cache.ts). */
async function outboxHasWork(): Promise<boolean> {
	const { data, error } = await db().rpc('outbox_has_work', undefined, { get: true });
	if (error) throw new Error(`outbox_has_work: ${error.message}`);
	return data === true;
}

/** Sends what is due; returns how many messages were tried. Stops between two messages when the
 * worker is being stopped, and releases what it claimed but did not send. */
export async function processOutbox(): Promise<number> {
	if (stopping || !(await outboxHasWork())) return 0;
	const { data, error } = await db().rpc('claim_outbox', { p_limit: BATCH_SIZE });
	if (error) throw new Error(`claim_outbox: ${error.message}`);
	const rows = data as OutboxRow[];
	for (const [index, row] of rows.entries()) {
		if (stopping) {
			await release(rows.slice(index));
			return index;
		}
		await deliver(row);
	}
	return rows.length;
}

export async function latestMessages(limit = 50): Promise<OutboxMessage[]> {
	const { data, error } = await db()
		.from('outbox')
		.select('*')
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) throw new Error(`latestMessages: ${error.message}`);
	return (data as OutboxRow[]).map(toMessage);
}

// The worker: a timer per process, plus an immediate run after each enqueue.
let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<void> | null = null;
let again = false;

function runWorker(): void {
	if (running) {
		again = true;
		return;
	}
	running = (async () => {
		try {
			do {
				again = false;
				while ((await processOutbox()) > 0);
			} while (again);
		} catch (error) {
			logWorkerError('[mail] wachtrij kon niet worden verwerkt:', error);
		} finally {
			running = null;
		}
	})();
}

export function kickMailWorker(): void {
	if (timer) setImmediate(runWorker);
}

export function startMailWorker(): void {
	if (timer) return;
	timer = setInterval(runWorker, env().MAIL_WORKER_INTERVAL_MS);
	timer.unref();
	runWorker();
}

/** Stops the worker: the message being handed over is finished, the rest of its batch released.
 * Resolves when nothing is being sent any more. */
export async function stopMailWorker(): Promise<void> {
	if (timer) clearInterval(timer);
	timer = null;
	stopping = true;
	try {
		await running;
	} finally {
		stopping = false;
	}
}
