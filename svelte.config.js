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
		// The app checks the origin of every state-changing request itself (hooks.server.ts):
		// SvelteKit's own check also refuses a form post without an Origin header, which is how a
		// mail provider sends a one-click unsubscribe (RFC 8058) to /volgen/uit/<token>.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
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
