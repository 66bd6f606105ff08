// The embedded local Supabase: PGlite (data directory or memory) + Supabase bootstrap +
// migrations + seed, exposed through pglite-socket to the real PostgREST, served under
// /rest/v1 by a loopback gateway. start() returns what createClient() needs, and stop().
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { join, resolve } from 'node:path';
import { startGateway } from './gateway.ts';
import { generateApiKeys } from './keys.ts';
import { lockDataDirectory } from './lock.ts';
import { migrate, type MigrationResult } from './migrate.ts';
import { freePort } from './ports.ts';
import { supervisePostgrest } from './postgrest.ts';

export interface LocalSupabaseOptions {
	/** Folder for the database files; null keeps everything in memory (tests). */
	dataDir: string | null;
	/** The folder holding bootstrap.sql, migrations/ and seed.sql. */
	supabaseDir?: string;
	/** Load seed.sql into a new database (DEMO_DATA); default true. */
	demoData?: boolean;
}

export interface LocalSupabase {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	migrations: MigrationResult;
	/** PostgREST's watchdog process id now (null while it restarts). */
	postgrestPid(): number | null;
	stop(): Promise<void>;
}

export function defaultSupabaseDir(): string {
	return resolve(process.env.SUPABASE_DIR ?? 'supabase');
}

/** Opens PGlite (taking the data directory lock) and brings its schema up to date. */
export async function openDatabase(options: LocalSupabaseOptions) {
	const release = options.dataDir
		? lockDataDirectory(join(options.dataDir, 'server.pid'))
		: () => {};
	try {
		const db = options.dataDir ? new PGlite(join(options.dataDir, 'pgdata')) : new PGlite();
		await db.waitReady;
		const migrations = await migrate(db, options.supabaseDir ?? defaultSupabaseDir(), {
			demoData: options.demoData
		});
		return {
			db,
			migrations,
			close: async () => {
				await db.close();
				release();
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}

export async function startLocalSupabase(options: LocalSupabaseOptions): Promise<LocalSupabase> {
	const { db, migrations, close } = await openDatabase(options);
	const keys = generateApiKeys();
	const socket = new PGLiteSocketServer({
		db,
		host: '127.0.0.1',
		port: await freePort(),
		maxConnections: 8
	});
	const stops: Array<() => Promise<void>> = [close];
	let url: string;
	let postgrest: Awaited<ReturnType<typeof supervisePostgrest>> | null = null;
	try {
		await socket.start();
		stops.unshift(() => socket.stop());
		const dbPort = Number(new URL(`postgres://${socket.getServerConn()}`).port);
		postgrest = await supervisePostgrest({ dbPort, jwtSecret: keys.jwtSecret });
		stops.unshift(postgrest.stop);
		const gateway = await startGateway({
			postgrestUrl: postgrest.url,
			apiKeys: [keys.anonKey, keys.serviceRoleKey]
		});
		stops.unshift(gateway.stop);
		url = gateway.url;
	} catch (error) {
		for (const stop of stops) await stop().catch(() => {});
		throw error;
	}
	let stopped: Promise<void> | null = null;
	return {
		url,
		anonKey: keys.anonKey,
		serviceRoleKey: keys.serviceRoleKey,
		migrations,
		postgrestPid: () => postgrest?.pid() ?? null,
		stop() {
			stopped ??= (async () => {
				for (const stop of stops) await stop().catch(() => {});
			})();
			return stopped;
		}
	};
}
