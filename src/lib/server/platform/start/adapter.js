// adapter-node, with the app's own server entry (server-entry.js) as build/index.js: the same
// handler, static files and environment settings, plus the page cache's front door before them.
// @ts-check
import nodeAdapter from '@sveltejs/adapter-node';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./server-entry.js', import.meta.url));

/** @param {import('@sveltejs/adapter-node').AdapterOptions} [options] */
export default function adapter(options = {}) {
	const base = nodeAdapter(options);
	/** @type {import('@sveltejs/kit').Adapter} */
	const withFrontDoor = {
		...base,
		name: 'laat-je-horen (adapter-node)',
		async adapt(builder) {
			await base.adapt(builder);
			const out = options.out ?? 'build';
			copyFileSync(entry, join(out, 'index.js'));
			// adapter-node's source map described the file replaced here.
			rmSync(join(out, 'index.js.map'), { force: true });
		}
	};
	return withFrontDoor;
}
