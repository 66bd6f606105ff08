// The positions benchmark (npm run bench:positions): not part of npm test. It uses the same
// in-memory local Supabase as the tests, and prints its figures instead of asserting timings.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vite.config';

const config = mergeConfig(base, defineConfig({ test: { testTimeout: 600_000, hookTimeout: 600_000 } }));
// mergeConfig would add to the test list; the benchmark runs alone.
config.test = { ...config.test, include: ['tests/bench/**/*.bench-run.ts'] };

export default config;
