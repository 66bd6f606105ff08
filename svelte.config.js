import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter(),
		// Test support (fixtures, the test database, stub servers) lives apart from production code.
		alias: { $test: 'tests/support' },
		// The app checks the origin of every state-changing request itself, with a Dutch answer and
		// every loopback name on a local start (src/lib/server/platform/same-origin.ts).
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
