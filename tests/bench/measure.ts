// The measuring harness of the in-process benchmarks (bench:positions, bench:timeline): the app's
// database client goes through a counting fetch to the run's local Supabase, and measure() prints
// the median and maximum time of a piece of work with the database calls it made.
import { inject } from 'vitest';
import { useTestDatabase } from '$lib/server/platform/db';
import { countingFetch } from '$test/positions-fixtures';

const counter = countingFetch();

/** Points the app's database client at the run's local Supabase, counting its calls. */
export function useCountedDatabase(): void {
	const { url, serviceRoleKey } = inject('supabase');
	useTestDatabase(url, serviceRoleKey, counter.fetch);
}

/** Runs `work` once to warm up, then `runs` times; prints the median, the maximum and the calls. */
export async function measure(label: string, runs: number, work: () => Promise<unknown>): Promise<void> {
	await work();
	const times: number[] = [];
	let calls = 0;
	for (let i = 0; i < runs; i++) {
		counter.reset();
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
		calls = counter.count();
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	console.log(`${label.padEnd(58)} median ${median.toFixed(1).padStart(7)} ms  max ${times[times.length - 1].toFixed(1).padStart(7)} ms  ${calls} database call(s)`);
}
