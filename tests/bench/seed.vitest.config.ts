// Vitest as the loader for the benchmark's data step (npm run bench): it resolves $lib and $test
// as the app does, so the data is made by the same factories the tests use. Not part of npm test.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: { external: ['@electric-sql/pglite', '@electric-sql/pglite-socket'] },
	test: {
		include: ['tests/bench/bench-data.seed.ts'],
		testTimeout: 15 * 60_000,
		hookTimeout: 60_000
	}
});
