// npm run bench (not part of npm test): builds the app when needed, makes realistic data (one
// gemeente with 15 parties, 500 signatures and 15 answers; three smaller letters; the demo data)
// in a scratch embedded database, starts the built app on it, and runs wrk against a static file
// and each public page in one run, side by side. Prints req/s, p50 and p99, and each page's rate
// as a share of the static file's. Goal: every page >= 50 % of the static rate, p99 < 50 ms.
// Then the same again with the database in a process of its own behind a round trip of
// BENCH_REMOTE_RTT_MS (20), as with a hosted Supabase: the app runs with SUPABASE_URL.
// Needs wrk (Debian: apt-get install wrk). BENCH_SECONDS (10) and BENCH_CONNECTIONS (20) tune it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuild } from '../../src/lib/server/platform/start/build-freshness.ts';

const root = resolve(import.meta.dirname, '../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const remoteRtt = Number(process.env.BENCH_REMOTE_RTT_MS ?? 20);

if (spawnSync('wrk', ['--version']).error) {
	console.error('wrk ontbreekt. Installeer het eerst (Debian/Ubuntu: apt-get install wrk) en start npm run bench opnieuw.');
	process.exit(1);
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

ensureBuild(root);

const dataDir = mkdtempSync(join(tmpdir(), 'ljh-bench-'));
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
console.log('Gegevens maken (500 handtekeningen, 15 partijen, 15 antwoorden; drie kleinere brieven)…');
const seeded = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'tests/bench/seed.vitest.config.ts'], {
	cwd: root,
	env: { ...process.env, BENCH_DATA_DIR: dataDir },
	encoding: 'utf8'
});
if (seeded.status !== 0) {
	console.error(seeded.stdout, seeded.stderr);
	cleanup();
	process.exit(1);
}
const data: { big: string; small: string[] } = JSON.parse(readFileSync(join(dataDir, 'bench.json'), 'utf8'));

const targets: Array<[string, string]> = [
	['statisch bestand', '/favicon.svg'],
	['startpagina', '/'],
	['startpagina, zoeken', '/?q=zaan'],
	['gemeenten.json', '/gemeenten.json'],
	[`/g/${data.big} (500 handtekeningen)`, `/g/${data.big}`],
	[`/g/${data.small[0]} (40 handtekeningen)`, `/g/${data.small[0]}`],
	['/g/zaanstad (demo)', '/g/zaanstad']
];
// For comparison, not a goal: the big page built anew for every request (a new ?v= each time, so
// the page cache never has it; its data still comes from the data cache). What a change costs.
const uncachedLabel = `/g/${data.big}, elke keer opgebouwd`;
const uncachedScript = join(dataDir, 'uncached.lua');
writeFileSync(uncachedScript, `counter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format(nil, "/g/${data.big}?v=" .. math.random(1, 1000000000) .. "-" .. counter)\nend\n`);

function toMs(value: string, unit: string): number {
	const n = Number(value);
	return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n;
}

interface Result {
	label: string;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	bytes: number;
}

async function measure(base: string, label: string, path: string, script?: string): Promise<Result> {
	const url = `${base}${path}`;
	const args = ['-t2', `-c${connections}`, '--latency', '-H', 'Accept-Encoding: gzip, br', ...(script ? ['-s', script] : []), url];
	spawnSync('wrk', ['-t2', `-c${connections}`, '-d2s', '-H', 'Accept-Encoding: gzip, br', ...(script ? ['-s', script] : []), url]);
	const run = spawnSync('wrk', [...args.slice(0, 2), `-d${seconds}s`, ...args.slice(2)], { encoding: 'utf8' });
	const out = run.stdout;
	const latency = (pct: string) => {
		const match = out.match(new RegExp(`\\s${pct}%\\s+([\\d.]+)(us|ms|s)`));
		return match ? toMs(match[1], match[2]) : NaN;
	};
	const head = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } });
	return {
		label,
		rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
		p50: latency('50'),
		p99: latency('99'),
		errors: Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0) + Number(out.match(/Socket errors:.*timeout (\d+)/)?.[1] ?? 0),
		bytes: Number(head.headers.get('content-length') ?? (await head.arrayBuffer()).byteLength)
	};
}

/** Waits for a process's first line of output on stdout. */
function firstLine(child: ChildProcess): Promise<string> {
	return new Promise((resolveLine, reject) => {
		let buffered = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			buffered += chunk.toString();
			const end = buffered.indexOf('\n');
			if (end >= 0) resolveLine(buffered.slice(0, end));
		});
		child.once('exit', (code) => reject(new Error(`stopped before it answered (exit ${code})`)));
	});
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
});
async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode === null) {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}
	running.delete(child);
}

/** Starts the built app with this environment, runs every target against it, stops it. */
async function round(title: string, appEnv: Record<string, string>): Promise<boolean> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, [join(root, 'build')], {
		cwd: root,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: base, ...appEnv },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	running.add(server);
	for (let tries = 0; ; tries++) {
		try {
			if ((await fetch(`${base}/gezond`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (tries > 300) throw new Error('De server startte niet binnen 30 seconden.');
		await new Promise((r) => setTimeout(r, 100));
	}

	console.log(`\n${title}\nwrk, ${connections} verbindingen, ${seconds} s per adres (na 2 s opwarmen), Accept-Encoding: gzip, br\n`);
	const results: Result[] = [];
	for (const [label, path] of targets) results.push(await measure(base, label, path));
	const uncached = await measure(base, uncachedLabel, `/g/${data.big}`, uncachedScript);
	const plainBytes = (await (await fetch(`${base}/g/${data.big}`)).arrayBuffer()).byteLength;
	await stop(server);

	const staticRps = results[0].rps;
	const pad = (text: string, width: number) => text.padEnd(width);
	const num = (n: number, digits = 0) => n.toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: digits });
	console.log(`${pad('adres', 40)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('t.o.v. statisch', 24)}${pad('bytes', 9)}fouten`);
	let allMet = true;
	for (const result of results) {
		const share = result.rps / staticRps;
		const isStatic = result === results[0];
		const met = isStatic || (share >= 0.5 && result.p99 < 50 && result.errors === 0);
		allMet &&= met;
		console.log(
			`${pad(result.label, 40)}${pad(num(result.rps), 10)}${pad(num(result.p50, 2), 9)}${pad(num(result.p99, 2), 9)}` +
				`${pad(isStatic ? '—' : `${num(share * 100)} %${met ? '' : ' (niet gehaald)'}`, 24)}${pad(String(result.bytes), 9)}${result.errors}`
		);
	}
	console.log(
		`\nTer vergelijking: ${uncached.label}: ${num(uncached.rps)} req/s, p50 ${num(uncached.p50, 2)} ms, p99 ${num(uncached.p99, 2)} ms` +
			` (${num(plainBytes / 1024)} kB HTML, ${num(results[4].bytes / 1024, 1)} kB met brotli).`
	);
	console.log(allMet ? 'Doel gehaald: elke pagina >= 50 % van het statische bestand, p99 < 50 ms.' : 'Doel NIET gehaald voor de gemarkeerde pagina’s.');
	return allMet;
}

let met = await round('Ingebedde database (in het proces van de app)', { DATA_DIR: dataDir });

// The same with the database elsewhere, as with a hosted Supabase: the data in a process of its
// own, behind a proxy that adds the round trip (tests/bench/remote-supabase.ts).
const remote = spawn(process.execPath, [join(root, 'tests/bench/remote-supabase.ts'), dataDir, String(remoteRtt)], {
	cwd: root,
	stdio: ['ignore', 'pipe', 'inherit']
});
running.add(remote);
const hosted: { url: string; serviceRoleKey: string } = JSON.parse(await firstLine(remote));
met = (await round(`Database op afstand, zoals een gehoste Supabase (${remoteRtt} ms heen en terug per databaseverzoek)`, {
	SUPABASE_URL: hosted.url,
	SUPABASE_SERVICE_ROLE_KEY: hosted.serviceRoleKey
})) && met;
await stop(remote);
cleanup();
console.log(met ? '\nDoel gehaald in beide opstellingen.' : '\nDoel NIET gehaald; zie de gemarkeerde regels hierboven.');
