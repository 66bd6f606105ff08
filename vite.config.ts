import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: process.env.HOST ?? 'localhost', strictPort: true },
	ssr: {
		// PGlite loads its WASM and data files from its own package folder at run time.
		external: ['@electric-sql/pglite', '@electric-sql/pglite-socket']
	},
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	test: {
		include: ['src/**/*.test.ts', 'supabase/tests/**/*.test.ts'],
		globalSetup: ['tests/support/vitest-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
