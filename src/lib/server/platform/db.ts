// The one server-side supabase-js client, with the service role: the browser never holds a key.
// Against a hosted project when SUPABASE_URL is set; otherwise against the embedded local
// Supabase, started once per process (vite dev may run the init hook again after edits).
// Typed with the generated Database (npm run db:types), so queries and their rows are checked.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';
import { env } from './env';
import { configureTraffic, createTrafficFetch } from './db-traffic';
import { startLocalSupabase, type LocalSupabase } from './local-supabase/index.ts';

export type Db = SupabaseClient<Database>;

interface DatabaseState {
	client: Db;
	local: LocalSupabase | null;
}

const holder = globalThis as typeof globalThis & {
	__ljhDatabase?: Promise<DatabaseState>;
	__ljhClient?: Db | null;
};

// Every call goes through the traffic fetch: bounded concurrency and queue, outage and write
// notices, counted calls (db-traffic.ts). A test's own fetch (to see every request) sits below it.
const trafficFetch = createTrafficFetch();

function clientFor(url: string, key: string, fetchWith?: typeof fetch): Db {
	return createClient<Database>(url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: fetchWith ? createTrafficFetch(fetchWith) : trafficFetch }
	});
}

async function connect(): Promise<DatabaseState> {
	const config = env();
	const hosted = Boolean(config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY);
	configureTraffic({
		// The embedded PostgREST has one connection to a single-session PGlite: a few calls in flight
		// keep it busy; more only wait inside PostgREST, where they time out as errors.
		maxConcurrent: config.DB_MAX_CONCURRENT ?? (hosted ? 16 : 4),
		maxQueue: config.DB_MAX_QUEUE,
		queueTimeoutMs: config.DB_QUEUE_TIMEOUT_MS
	});
	if (config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY) {
		return { client: clientFor(config.SUPABASE_URL, config.SUPABASE_SERVICE_ROLE_KEY), local: null };
	}
	const local = await startLocalSupabase({
		dataDir: config.DATA_DIR === ':memory:' ? null : config.DATA_DIR,
		demoData: config.DEMO_DATA
	});
	console.log(
		`[db] lokale Supabase gestart (${config.DATA_DIR === ':memory:' ? 'in het geheugen' : config.DATA_DIR})` +
			(local.migrations.applied.length ? `, migraties: ${local.migrations.applied.join(', ')}` : '') +
			(local.migrations.seeded ? ', demodata geladen' : '')
	);
	return { client: clientFor(local.url, local.serviceRoleKey), local };
}

export function startDatabase(): Promise<DatabaseState> {
	holder.__ljhDatabase ??= connect().catch((error) => {
		holder.__ljhDatabase = undefined;
		throw error;
	});
	return holder.__ljhDatabase;
}

/** The service-role client. startDatabase() must have finished (the init hook awaits it). */
export function db(): Db {
	const client = holder.__ljhClient;
	if (!client) throw new Error('De database is nog niet gestart.');
	return client;
}

export async function initDatabase(): Promise<void> {
	holder.__ljhClient = (await startDatabase()).client;
}

export async function stopDatabase(): Promise<void> {
	const state = await holder.__ljhDatabase;
	holder.__ljhDatabase = undefined;
	holder.__ljhClient = null;
	await state?.local?.stop();
}

/** Points the module at a stack the test run started itself (see tests/support/vitest-setup.ts);
 * `fetchWith` lets a test see every request (to count database calls). */
export function useTestDatabase(url: string, serviceRoleKey: string, fetchWith?: typeof fetch): Db {
	holder.__ljhClient = clientFor(url, serviceRoleKey, fetchWith);
	return holder.__ljhClient;
}

/** A database function's text answer narrowed to the values it may give; anything else is a bug
 * in the function and fails loudly here rather than being trusted. */
export function oneOf<const T extends string>(value: unknown, allowed: readonly T[], where: string): T {
	const found = allowed.find((known) => known === value);
	if (found === undefined) throw new Error(`${where}: unexpected answer ${JSON.stringify(value)}`);
	return found;
}
