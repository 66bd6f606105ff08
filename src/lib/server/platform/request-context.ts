// What one request learned about the database on its way (AsyncLocalStorage, set by the handle
// hook): whether a call found it unreachable or too busy, and how many calls it made. The hook
// turns an error page caused by an unreachable or overloaded database into a calm 503.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestDatabaseState {
	/** Database calls made for this request. */
	calls: number;
	/** A call could not reach the database (network error, 502/503/504). */
	unavailable: boolean;
	/** A call was refused because too many were waiting (see db-traffic.ts). */
	busy: boolean;
	/** The page is public: the same for every visitor without a session (see page-cache.ts). */
	cacheable: boolean;
	/** Versioned public data this response was built from (see public-cache.ts). */
	dependsOn: Map<string, number>;
	/** When the shortest-lived data in this response goes stale (untracked public parts). */
	expiresAt?: number;
}

const storage = new AsyncLocalStorage<RequestDatabaseState>();

export function newRequestState(): RequestDatabaseState {
	return { calls: 0, unavailable: false, busy: false, cacheable: false, dependsOn: new Map() };
}

export function runWithRequestState<T>(state: RequestDatabaseState, work: () => T): T {
	return storage.run(state, work);
}

/** The current request's state, or undefined outside a request (workers, tests). */
export function currentRequestState(): RequestDatabaseState | undefined {
	return storage.getStore();
}
