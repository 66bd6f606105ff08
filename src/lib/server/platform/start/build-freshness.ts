// Whether build/ was made from the sources as they are now: a SHA-256 over every file that goes
// into a build (src/, static/, the configs, package.json and the lockfile), recorded next to the
// build after a successful `vite build`. Plain Node (no Vite, no $lib): `npm start` runs it first.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const RECORD = join('build', '.source-hash');

function filesUnder(root: string, path: string): string[] {
	const full = join(root, path);
	if (!existsSync(full)) return [];
	if (!statSync(full).isDirectory()) return [path];
	return readdirSync(full)
		.sort()
		.flatMap((name) => filesUnder(root, join(path, name)));
}

/** A hash of every build input under `root`: names and contents. */
export function sourceHash(root: string): string {
	const hash = createHash('sha256');
	for (const input of INPUTS) {
		for (const file of filesUnder(root, input)) {
			hash.update(relative(root, join(root, file)));
			hash.update('\u0000');
			hash.update(readFileSync(join(root, file)));
			hash.update('\u0000');
		}
	}
	return hash.digest('hex');
}

/** True when build/ is missing or was made from other sources than the ones now under `root`. */
export function needsBuild(root: string): boolean {
	const record = join(root, RECORD);
	if (!existsSync(join(root, 'build', 'index.js')) || !existsSync(record)) return true;
	return readFileSync(record, 'utf8').trim() !== sourceHash(root);
}

/** Records that build/ matches `hash` (the sources as they were when the build started). */
export function recordBuild(root: string, hash: string): void {
	writeFileSync(join(root, RECORD), `${hash}\n`);
}

/** Builds the app under `root` when needsBuild() says so: one line while it works, the full
 * report only when it fails (it is kept in node_modules/.cache either way). Exits on failure. */
export function ensureBuild(root: string): void {
	if (!needsBuild(root)) return;
	const hash = sourceHash(root);
	const started = Date.now();
	const logFile = join(root, 'node_modules', '.cache', 'laat-je-horen-build.log');
	console.log('Laat je horen wordt gebouwd, omdat de code veranderd is sinds de vorige keer (meestal minder dan een minuut)…');
	const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
	writeFileSync(logFile, `${result.stdout ?? ''}\n${result.stderr ?? ''}`);
	if (result.status !== 0) {
		const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-30).join('\n');
		console.error(`\nBouwen mislukt. De laatste regels:\n\n${tail}\n\nHet hele verslag staat in ${logFile}.`);
		process.exit(1);
	}
	recordBuild(root, hash);
	console.log(`Gebouwd in ${Math.round((Date.now() - started) / 1000)} s.`);
}
