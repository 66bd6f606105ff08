// Test support: a clock whose sleep returns at once but moves time on, and remembers each wait.
// Give the same clock to the client and the local ORI server: the server then refuses a client
// that did not wait as long as it was told, exactly as the real one would.
import type { Clock } from '../../src/lib/server/council/ori/http';

export interface FakeClock extends Clock {
	sleeps: number[];
}

export function fakeClock(start = Date.UTC(2026, 1, 2, 9, 0, 0)): FakeClock {
	let now = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
			await new Promise((resolve) => setImmediate(resolve));
		}
	};
}
