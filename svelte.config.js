import adapter from './src/lib/server/platform/start/adapter.js';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// adapter-node with the app's own server entry (a front door for cached public pages).
		adapter: adapter(),
		// Test support (fixtures, the test database, stub servers) lives apart from production code.
		alias: { $test: 'tests/support' },
		// The app checks the origin of every state-changing request itself, with a Dutch answer and
		// every loopback name on a local start (src/lib/server/platform/same-origin.ts). That check
		// also lets a mail provider's one-click unsubscribe (RFC 8058, no Origin) reach /volgen/uit.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			// Hashes, not nonces: a page's HTML is then the same for every visitor, so public pages
			// can be cached whole with a stable ETag (page-cache.ts).
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
