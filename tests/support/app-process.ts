// For the fault, load and shutdown tests: the built app (`node build`) as a separate process on a
// data folder of its own, prepared beforehand with plain SQL (PGlite allows one process at a
// time): huisartsen with sessions, and a letter of Zaanstad open for signing.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src/lib/server/platform/local-supabase/index.ts';

const root = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface Signer {
	userId: string;
	practiceId: string;
	cookie: string;
}

export interface SigningScenario {
	campaignId: string;
	signers: Signer[];
}

/** Opens the data folder, applies the migrations, runs `work` on it and closes it again. */
export async function withDatabase<T>(dataDir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
	const { db, close } = await openDatabase({ dataDir, demoData: false, supabaseDir: join(root, 'supabase') });
	try {
		return await work(db);
	} finally {
		await close();
	}
}

/** `count` huisartsen of Zaanstad, each with a confirmed practice and a session, and a letter open for signing. */
export async function seedSigningScenario(dataDir: string, count: number): Promise<SigningScenario> {
	return withDatabase(dataDir, async (db) => {
		const tag = randomBytes(4).toString('hex');
		const signers: Signer[] = [];
		for (let i = 0; i <= count; i++) {
			const user = await db.query<{ id: string }>(
				'insert into public.users (email, name) values ($1, $2) returning id',
				[`last-${tag}-${i}@example.nl`, `Dokter Last ${i}`]
			);
			const practice = await db.query<{ id: string }>(
				'insert into public.practices (name, agb_code, gemeente_code) values ($1, $2, $3) returning id',
				[`Praktijk Last ${tag} ${i}`, `01${String(900000 + i)}`, 'GM0479']
			);
			const userId = user.rows[0].id;
			const practiceId = practice.rows[0].id;
			// Confirmed, as a kring editor would: only a confirmed practice gives rights in a gemeente.
			await db.query(
				"insert into public.practice_members (practice_id, user_id, confirmed_at, confirmed_how) values ($1, $2, now(), 'admin')",
				[practiceId, userId]
			);
			const id = randomBytes(15).toString('hex');
			const secret = randomBytes(15).toString('hex');
			await db.query('insert into public.sessions (id, user_id, secret_hash) values ($1, $2, $3)', [
				id,
				userId,
				createHash('sha256').update(secret).digest()
			]);
			signers.push({ userId, practiceId, cookie: `session=${id}.${secret}` });
		}
		const coordinator = signers.shift()!;
		const campaign = await db.query<{ id: string }>(
			`select public.start_campaign($1, 'GM0479', 'anders', $2, $3, '{wmo}', 'De brief.', '<p>De brief.</p>') as id`,
			[coordinator.userId, `Lasttest ${tag}`, `anders:lasttest-${tag}`]
		);
		const campaignId = campaign.rows[0].id;
		const revision = await db.query<{ id: string }>('select id from public.letter_revisions where campaign_id = $1', [campaignId]);
		await db.query(`select public.open_for_signing($1, $2, $3, '[]'::jsonb, '[]'::jsonb)`, [
			campaignId,
			coordinator.userId,
			revision.rows[0].id
		]);
		return { campaignId, signers };
	});
}

export interface AppProcess {
	base: string;
	child: ChildProcess;
	/** Everything the server wrote to stdout and stderr so far. */
	log(): string;
	exited: Promise<number | null>;
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const started = new Set<AppProcess>();

/** Stops every app this test file started that still runs (for a test's `finally`, so a failed
 * test leaves no server behind). */
export async function stopStartedApps(): Promise<void> {
	await Promise.all([...started].map((app) => app.stop('SIGKILL')));
}

/** Starts the built app on `dataDir` and waits until /gezond answers 200. */
export async function startApp(dataDir: string, env: Record<string, string> = {}): Promise<AppProcess> {
	const port = env.PORT ? Number(env.PORT) : await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [join(root, 'build')], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), ORIGIN: base, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
	const app: AppProcess = {
		base,
		child,
		log: () => output,
		exited,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			const code = await exited;
			started.delete(app);
			return code;
		}
	};
	started.add(app);
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) {
			started.delete(app);
			throw new Error(`the app stopped while starting:\n${output}`);
		}
		try {
			if ((await fetch(`${base}/gezond`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			await app.stop('SIGKILL');
			throw new Error(`the app did not start within 60 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return app;
}

/** The PostgREST process under the app: a grandchild, below the watchdog shell. */
export function postgrestPid(appPid: number): number | null {
	const childrenOf = (pid: number): number[] =>
		readdirSync(`/proc/${pid}/task`).flatMap((task) => {
			try {
				return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
			} catch {
				return [];
			}
		});
	for (const shell of childrenOf(appPid)) {
		for (const pid of childrenOf(shell)) {
			try {
				// The watchdog's own subshell carries "postgrest" in its arguments too: match the program.
				if (readlinkSync(`/proc/${pid}/exe`).endsWith('/postgrest')) return pid;
			} catch {
				// Gone already.
			}
		}
	}
	return null;
}

/** A form post as a browser without JavaScript sends it (same-origin, with the user's cookie). */
export function postForm(base: string, path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, cookie, accept: 'text/html,application/xhtml+xml', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

export function signFields(signer: Signer, i: number): Record<string, string> {
	return {
		practiceId: signer.practiceId,
		signerName: `Dokter Last ${i}`,
		bigNumber: String(19000000000 + i),
		showName: 'ja'
	};
}

/** How many signatures the letter has, read from the data folder after the app stopped. */
export async function signatureCount(dataDir: string, campaignId: string): Promise<{ total: number; perUser: number }> {
	return withDatabase(dataDir, async (db) => {
		const rows = await db.query<{ total: number; most: number }>(
			`select count(*)::int as total, coalesce(max(n), 0)::int as most
			 from (select user_id, count(*) as n from public.signatures where campaign_id = $1 group by user_id) per_user`,
			[campaignId]
		);
		const total = await db.query<{ n: number }>('select count(*)::int as n from public.signatures where campaign_id = $1', [campaignId]);
		return { total: total.rows[0].n, perUser: rows.rows[0].most };
	});
}

