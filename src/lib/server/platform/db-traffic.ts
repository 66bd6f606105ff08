// Every call from the app to the database (supabase-js → PostgREST) passes through the fetch made
// here. At most `maxConcurrent` calls run at once; the others wait in a queue bounded in length
// and in time, and beyond it a call is refused at once (DatabaseBusyError) so the page can say
// "druk, probeer zo opnieuw" (503) instead of timing out inside PostgREST (a 500). Calls that find
// the database unreachable are flagged for the request and for /gezond; writes are announced
// (the public cache then re-reads its versions); calls are counted (tests count them per page).
import { currentRequestState } from './request-context';
import { isDatabaseDown, reportDatabaseFailure, reportDatabaseSuccess } from './database-health';

export class DatabaseBusyError extends Error {
	override name = 'DatabaseBusyError';
}

export interface TrafficLimits {
	/** Calls in flight at once. */
	maxConcurrent: number;
	/** Calls waiting for a turn; one more is refused. */
	maxQueue: number;
	/** How long a call may wait for its turn before it is refused. */
	queueTimeoutMs: number;
}

let limits: TrafficLimits = { maxConcurrent: 4, maxQueue: 1000, queueTimeoutMs: 5000 };
let active = 0;
const queue: Array<{ start: () => void; timer: ReturnType<typeof setTimeout> }> = [];
let calls = 0;
const writeListeners = new Set<() => void>();

export function configureTraffic(next: Partial<TrafficLimits>): void {
	limits = { ...limits, ...next };
}

/** Database calls made by this process so far. */
export function databaseCallCount(): number {
	return calls;
}

/** Called after every write (any call that is not GET or HEAD) has been answered. */
export function onDatabaseWrite(listener: () => void): () => void {
	writeListeners.add(listener);
	return () => writeListeners.delete(listener);
}

function refuse(): never {
	const state = currentRequestState();
	if (state) state.busy = true;
	throw new DatabaseBusyError('Te veel databaseverzoeken tegelijk; dit verzoek is geweigerd.');
}

async function turn(): Promise<void> {
	if (active < limits.maxConcurrent) {
		active++;
		return;
	}
	if (queue.length >= limits.maxQueue) refuse();
	await new Promise<void>((resolve, reject) => {
		const entry = {
			start: () => {
				clearTimeout(entry.timer);
				resolve();
			},
			timer: setTimeout(() => {
				queue.splice(queue.indexOf(entry), 1);
				try {
					refuse();
				} catch (error) {
					reject(error);
				}
			}, limits.queueTimeoutMs)
		};
		queue.push(entry);
	});
	// The slot was handed over by done(): active already counts this call.
}

function done(): void {
	const next = queue.shift();
	if (next) next.start();
	else active--;
}

const UNAVAILABLE = new Set([502, 503, 504]);

function markUnavailable(reason: string): void {
	const state = currentRequestState();
	if (state) state.unavailable = true;
	reportDatabaseFailure(reason);
}

/** The fetch supabase-js uses (createClient's global.fetch). */
export function createTrafficFetch(base: typeof fetch = fetch): typeof fetch {
	return async (input, init) => {
		// supabase-js retries a failed read up to three times, seconds apart. While the database is
		// known to be away that only keeps the visitor waiting for the same 503: the first try goes
		// through (it notices the recovery), the retries stop here.
		if (isDatabaseDown() && new Headers(init?.headers).has('x-retry-count')) {
			const state = currentRequestState();
			if (state) state.unavailable = true;
			throw new DOMException('De database is niet bereikbaar; niet opnieuw geprobeerd.', 'AbortError');
		}
		await turn();
		const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		const write = method !== 'GET' && method !== 'HEAD';
		calls++;
		const state = currentRequestState();
		if (state) state.calls++;
		try {
			const response = await base(input, init);
			if (UNAVAILABLE.has(response.status)) markUnavailable(`HTTP ${response.status}`);
			else reportDatabaseSuccess();
			return response;
		} catch (error) {
			// An abort is the caller's choice, not an outage.
			if (!(error instanceof Error && error.name === 'AbortError')) {
				markUnavailable(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
			}
			throw error;
		} finally {
			done();
			if (write) for (const listener of writeListeners) listener();
		}
	};
}
