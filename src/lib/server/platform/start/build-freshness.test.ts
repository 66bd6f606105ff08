// npm start rebuilds only when a build input changed: a fresh folder needs a build, a recorded
// build of the same sources does not, and an edit to a source file or the lockfile does again.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needsBuild, recordBuild, sourceHash } from './build-freshness';

const root = mkdtempSync(join(tmpdir(), 'ljh-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build freshness', () => {
	it('builds once, then only after a source or the lockfile changed', () => {
		mkdirSync(join(root, 'src/routes'), { recursive: true });
		writeFileSync(join(root, 'src/routes/+page.svelte'), '<h1>Hallo</h1>');
		writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
		expect(needsBuild(root)).toBe(true);

		mkdirSync(join(root, 'build'));
		writeFileSync(join(root, 'build/index.js'), '');
		recordBuild(root, sourceHash(root));
		expect(needsBuild(root)).toBe(false);
		// Data and logs are no build input.
		mkdirSync(join(root, '.data'));
		writeFileSync(join(root, '.data/server.pid'), '123');
		expect(needsBuild(root)).toBe(false);

		writeFileSync(join(root, 'src/routes/+page.svelte'), '<h1>Hallo!</h1>');
		expect(needsBuild(root)).toBe(true);
		recordBuild(root, sourceHash(root));
		writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}');
		expect(needsBuild(root)).toBe(true);
	});
});
