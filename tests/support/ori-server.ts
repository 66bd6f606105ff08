// Test support: a local HTTP server (node:http, port 0) that answers as OpenBesluitvorming's
// export API does: /api/export/snapshot and /api/export/changes as NDJSON with X-Next-Cursor,
// X-Has-More and X-Changes-Cursor; a token bucket of `capacity` units a minute with RateLimit-*
// headers and 429 + Retry-After; 500s with a request_id; stalls. Its clock can be the test's fake
// clock, so a client that does not wait as told really gets refused. Bodies stream line by line,
// each record labelled with the source that was asked for.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/lib/server/council/ori/http';
import { fixtureLines, type Rewrite } from './ori-fixtures';

export interface FixturePage {
	lines: Iterable<string>;
	nextCursor: string;
	hasMore: boolean;
	changesCursor?: string;
}

/** What the server holds for a source: pages of the snapshot and of the changes feed. */
export interface FixtureFeed {
	snapshot(cursor: string | null, limit: number): FixturePage;
	changes(cursor: string | null, limit: number): FixturePage;
}

export interface LoggedRequest {
	endpoint: string;
	source: string | null;
	cursor: string | null;
	limit: number | null;
	status: number;
	at: number;
}

export type Fault =
	| { kind: 'server-error'; requestId: string }
	| { kind: 'stall' }
	| { kind: 'bad-request'; code: string; error: string };

export interface OriServerOptions {
	feed: FixtureFeed;
	clock?: Clock;
	/** Token bucket: units per minute, and how many are in it at the start (default: full). */
	rateLimit?: { capacity: number; tokens?: number };
	/** A fault for the n-th request (1-based), or null to answer normally. */
	fault?: (request: LoggedRequest, n: number) => Fault | null;
}

export interface OriServer {
	url: string;
	requests: LoggedRequest[];
	close(): Promise<void>;
}

export async function startOriServer(options: OriServerOptions): Promise<OriServer> {
	const clock = options.clock ?? { now: () => Date.now(), sleep: async () => undefined };
	const capacity = options.rateLimit?.capacity ?? 60;
	let tokens = options.rateLimit?.tokens ?? capacity;
	let refilledAt = clock.now();
	const requests: LoggedRequest[] = [];
	const stalled = new Set<ServerResponse>();

	const server = createServer((req, res) => {
		void answer(req, res).catch((error) => {
			if (!res.headersSent) res.writeHead(500);
			res.end();
			console.error('ori-server:', error);
		});
	});

	async function answer(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const endpoint = url.pathname.replace(/^\/api\/export\//, '');
		const logged: LoggedRequest = {
			endpoint,
			source: url.searchParams.get('source'),
			cursor: url.searchParams.get('cursor'),
			limit: url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : null,
			status: 200,
			at: clock.now()
		};
		requests.push(logged);
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			logged.status = status;
			res.writeHead(status, { 'content-type': 'application/json', ...headers, ...rateHeaders() });
			res.end(JSON.stringify(body));
		};

		// The bucket refills continuously: capacity units per minute.
		const now = clock.now();
		tokens = Math.min(capacity, tokens + ((now - refilledAt) * capacity) / 60_000);
		refilledAt = now;
		if (tokens < 1) {
			const seconds = Math.ceil(((1 - tokens) * 60) / capacity);
			return send(
				429,
				{ code: 'rate_limited', error: `Te veel verzoeken. Probeer het over ${seconds} seconde(n) opnieuw.`, limit_per_minute: capacity, retry_after_seconds: seconds },
				{ 'retry-after': String(seconds) }
			);
		}
		tokens -= 1;

		const fault = options.fault?.(logged, requests.length) ?? null;
		if (fault?.kind === 'server-error') {
			return send(500, { code: 'export_failed', error: 'Exportpagina kon niet worden gelezen.', request_id: fault.requestId });
		}
		if (fault?.kind === 'bad-request') return send(400, { code: fault.code, error: fault.error });
		if (fault?.kind === 'stall') {
			stalled.add(res);
			return;
		}
		if (!logged.source) return send(400, { code: 'missing_export_source', error: 'Geef een bron op met ?source=.' });
		const limit = Math.max(1, Math.min(1000, logged.limit ?? 500));
		let page: FixturePage;
		if (endpoint === 'snapshot') page = options.feed.snapshot(logged.cursor, limit);
		else if (endpoint === 'changes') page = options.feed.changes(logged.cursor, limit);
		else return send(404, { code: 'not_found', error: 'Onbekend pad.' });

		res.writeHead(200, {
			'content-type': 'application/x-ndjson',
			'x-next-cursor': page.nextCursor,
			'x-has-more': String(page.hasMore),
			...(page.changesCursor !== undefined ? { 'x-changes-cursor': page.changesCursor } : {}),
			...rateHeaders()
		});
		for (const line of page.lines) {
			if (!res.write(`${forSource(line, logged.source)}\n`)) await once(res, 'drain');
		}
		res.end();
	}

	function rateHeaders(): Record<string, string> {
		return {
			'ratelimit-limit': String(capacity),
			'ratelimit-remaining': String(Math.floor(tokens)),
			'ratelimit-reset': String(Math.ceil(((capacity - tokens) * 60) / capacity))
		};
	}

	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			for (const res of stalled) res.destroy();
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		}
	};
}

/** The records of whichever source was asked for (a malformed fixture line stays as it is). */
function forSource(line: string, source: string): string {
	try {
		const record = JSON.parse(line) as Record<string, unknown>;
		return record.source_key === source ? line : JSON.stringify({ ...record, source_key: source });
	} catch {
		return line;
	}
}

function entityId(line: string): string | null {
	try {
		return (JSON.parse(line) as { entity_id?: string }).entity_id ?? null;
	} catch {
		return null;
	}
}

/**
 * A feed from fixture files: each snapshot file is one snapshot page (its cursor: the last
 * entity id of the page before, as the real API uses), the changes files together are the change
 * log, paged by seq from X-Changes-Cursor.
 */
export function fileFeed(files: { snapshot: string[]; changes?: string[]; changesCursor?: string }, rewrite: Rewrite): FixtureFeed {
	const pages = files.snapshot.map((file) => fixtureLines(file, rewrite));
	const cursors = pages.map((lines) => lines.map(entityId).filter((id): id is string => id !== null).at(-1) ?? '');
	const changes = (files.changes ?? []).flatMap((file) => fixtureLines(file, rewrite)).map((line) => ({ line, seq: (JSON.parse(line) as { seq: number }).seq }));
	return {
		snapshot(cursor) {
			const index = cursor ? cursors.indexOf(cursor) + 1 : 0;
			if (cursor && index === 0) throw new Error(`unknown snapshot cursor ${cursor}`);
			return {
				lines: pages[index] ?? [],
				nextCursor: cursors[index] ?? cursor ?? '',
				hasMore: index < pages.length - 1,
				...(index === 0 ? { changesCursor: files.changesCursor ?? '0' } : {})
			};
		},
		changes(cursor, limit) {
			const from = Number(cursor ?? 0);
			const due = changes.filter((change) => change.seq >= from);
			const page = due.slice(0, limit);
			return {
				lines: page.map((change) => change.line),
				nextCursor: String(page.length > 0 ? page[page.length - 1].seq + 1 : from),
				hasMore: due.length > page.length
			};
		}
	};
}
