// Public data of a gemeente, cached per process and never stale for longer than CACHE_CHECK_MS.
// How it stays right: database triggers bump a per-gemeente version (public_page_versions) inside
// every transaction that writes a table a public page reads, whatever code made the write, so no
// write path can forget to clear the cache. This process re-reads the versions (one small call
// for all gemeenten) right after any write it made itself and otherwise at most every
// CACHE_CHECK_MS, so its own changes show at once and other instances' (hosted Supabase with
// several app processes) within that interval. A cached value is used while its gemeente's
// version is unchanged (and for at most MAX_AGE_MS, for texts like "3 dagen geleden").
// A new domain hooks in with one trigger line in its migration and one call here:
//   const positions = await cachedPublic(code, 'positions', () => loadPositions(code));
// Data across all gemeenten uses ALL_GEMEENTEN as its code: it is loaded again after any change.
// Each call also records the version it used on the request, so the page cache (page-cache.ts)
// can keep the whole page and its ETag exactly as long as the data it was built from.
import { db } from './db';
import { onDatabaseWrite } from './db-traffic';
import { env } from './env';
import { currentRequestState } from './request-context';

const MAX_AGE_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 2000;

let versions = new Map<string, number>();
let checkedAt = -Infinity;
let checkedEpoch = -1;
let writeEpoch = 0;
let sync: { epoch: number; promise: Promise<Map<string, number>> } | null = null;

onDatabaseWrite(() => {
	writeEpoch++;
});

let intervalOverride: number | null = null;

/** How often versions are re-read, instead of CACHE_CHECK_MS (null: back to it). For a test that
 * must not depend on how fast a loaded machine is. */
export function setCacheCheckInterval(ms: number | null): void {
	intervalOverride = ms;
}

function checkIntervalMs(): number {
	return intervalOverride ?? env().CACHE_CHECK_MS;
}

async function readVersions(): Promise<Map<string, number>> {
	const { data, error } = await db().from('public_page_versions').select('gemeente_code, version');
	if (error) throw new Error(`public_page_versions: ${error.message}`);
	return new Map(data.map((row) => [row.gemeente_code, row.version]));
}

/** Every gemeente's current version (absent: 0). Callers wait for a read when this process wrote
 * since the last one, or when the last one is older than CACHE_CHECK_MS; past half that, the
 * read starts in the background while callers get what is known, so under steady traffic no page
 * waits for it. Concurrent callers share one read. */
export async function currentVersions(): Promise<Map<string, number>> {
	const age = performance.now() - checkedAt;
	const interval = checkIntervalMs();
	if (checkedEpoch === writeEpoch && age < interval) {
		if (age >= interval / 2 && !sync) startRead().catch(() => {});
		return versions;
	}
	if (sync && sync.epoch === writeEpoch) return sync.promise;
	return startRead();
}

function startRead(): Promise<Map<string, number>> {
	const epoch = writeEpoch;
	const startedAt = performance.now();
	const promise = readVersions().then((read) => {
		// A newer read may have finished first; keep the newest.
		if (epoch >= checkedEpoch) {
			versions = read;
			checkedAt = startedAt;
			checkedEpoch = epoch;
		}
		return read;
	});
	sync = { epoch, promise };
	promise.finally(() => {
		if (sync?.promise === promise) sync = null;
	}).catch(() => {});
	return promise;
}

/** Stands for all gemeenten at once (lists across gemeenten, like the letters on the home page):
 * its version is the newest of all, so it changes whenever any gemeente's public data changes
 * (every bump takes a new, higher number from one sequence). */
export const ALL_GEMEENTEN = '\u0000all';

function versionIn(known: Map<string, number>, code: string): number {
	if (code !== ALL_GEMEENTEN) return known.get(code) ?? 0;
	let newest = 0;
	for (const version of known.values()) if (version > newest) newest = version;
	return newest;
}

export async function publicVersion(gemeenteCode: string): Promise<number> {
	return versionIn(await currentVersions(), gemeenteCode);
}

/** The dependency a page records for parts read without a version (see `tracked` below). */
export const LOCAL_WRITES = '\u0000writes';

/** This process's write count: a part without version triggers is current while it is unchanged. */
export function localWriteEpoch(): number {
	return writeEpoch;
}

interface Entry {
	version: number;
	value: Promise<unknown>;
	expiresAt: number;
}

const entries = new Map<string, Entry>();

/** The request's page may be cached as a whole (see page-cache.ts), as long as this gemeente's
 * version stays `version`. Pages without gemeente data (the home page) use markCacheable(). */
function recordDependency(gemeenteCode: string, version: number): void {
	const state = currentRequestState();
	if (!state) return;
	state.cacheable = true;
	state.dependsOn.set(gemeenteCode, version);
}

/** Marks the current request's page as public and built from reference data only. */
export function markCacheable(): void {
	const state = currentRequestState();
	if (state) state.cacheable = true;
}

/** `load()`'s result for this gemeente and part, loaded again only after the gemeente's public
 * data changed (or after MAX_AGE_MS). Concurrent callers share one load.
 * `tracked: false` is for a part whose tables have no version trigger yet: it is then kept only
 * while this process made no write and for at most CACHE_CHECK_MS (so another instance's change
 * shows within that time too), and so is a page built from it. */
export async function cachedPublic<T>(
	gemeenteCode: string,
	part: string,
	load: () => Promise<T>,
	options: { tracked?: boolean } = {}
): Promise<T> {
	const tracked = options.tracked ?? true;
	const version = tracked ? await publicVersion(gemeenteCode) : writeEpoch;
	const now = Date.now();
	const maxAge = tracked ? MAX_AGE_MS : checkIntervalMs();
	if (tracked) recordDependency(gemeenteCode, version);
	const key = `${gemeenteCode}\u0000${part}\u0000${tracked ? 'v' : 'w'}`;
	const known = entries.get(key);
	if (known && known.version === version && known.expiresAt > now) {
		// Refresh its place: the oldest-used entries go first when the cache is full.
		entries.delete(key);
		entries.set(key, known);
		if (!tracked) recordUntracked(version, known.expiresAt);
		return known.value as Promise<T>;
	}
	const value = load();
	const entry: Entry = { version, value, expiresAt: now + maxAge };
	if (!tracked) recordUntracked(version, entry.expiresAt);
	entries.set(key, entry);
	value.catch(() => {
		if (entries.get(key) === entry) entries.delete(key);
	});
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

function recordUntracked(epoch: number, expiresAt: number): void {
	const state = currentRequestState();
	if (!state) return;
	state.cacheable = true;
	state.dependsOn.set(LOCAL_WRITES, epoch);
	state.expiresAt = Math.min(state.expiresAt ?? Infinity, expiresAt);
}

/** Whether data recorded as `dependsOn` is still current. */
export async function stillCurrent(dependsOn: ReadonlyMap<string, number>): Promise<boolean> {
	if (dependsOn.size === 0) return true;
	const now = await currentVersions();
	for (const [code, version] of dependsOn) {
		const current = code === LOCAL_WRITES ? writeEpoch : versionIn(now, code);
		if (current !== version) return false;
	}
	return true;
}

/** For tests: forget every cached value and version. */
export function clearPublicCache(): void {
	entries.clear();
	versions = new Map();
	checkedAt = -Infinity;
	checkedEpoch = -1;
}
