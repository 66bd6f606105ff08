// Hourly housekeeping inside the server process (tidy_up, one database call). The outbox keeps a
// copy of every mail but no working secret: an hour after a message went out, the private links
// in it (a party's answer link, an invitation) are cut from the stored copy, so reading the table
// gives no way in; sign-in codes need no scrubbing, they expire after 10 minutes. Dead rows go
// too: old rate-limit windows, long-expired sign-in codes and sessions past their limits.
import { z } from 'zod';
import { db } from './db';
import { logWorkerError } from './database-health';
import { ABSOLUTE_LIFETIME_MS, INACTIVITY_TIMEOUT_MS } from '../auth/session';

export const SCRUB_AFTER_SECONDS = 60 * 60;
const INTERVAL_MS = 60 * 60 * 1000;

// tidy_up returns its counts as one jsonb value, checked here where it enters the app.
const tidyResult = z.object({
	scrubbed: z.number(),
	rate_limits: z.number(),
	login_codes: z.number(),
	sessions: z.number()
});

export type TidyResult = z.infer<typeof tidyResult>;

let timer: ReturnType<typeof setInterval> | null = null;

/** Scrubs links from mail sent longer than `scrubAfterSeconds` ago and removes dead rows. */
export async function tidyUp(scrubAfterSeconds = SCRUB_AFTER_SECONDS): Promise<TidyResult> {
	const { data, error } = await db().rpc('tidy_up', {
		p_scrub_after_seconds: scrubAfterSeconds,
		p_session_idle_seconds: INACTIVITY_TIMEOUT_MS / 1000,
		p_session_max_seconds: ABSOLUTE_LIFETIME_MS / 1000
	});
	if (error) throw new Error(`tidyUp: ${error.message}`);
	return tidyResult.parse(data);
}

async function runOnce(): Promise<void> {
	try {
		await tidyUp();
	} catch (error) {
		// The next run tries again; a failure here must not stop the server.
		logWorkerError('[onderhoud] opruimen mislukt:', error instanceof Error ? error.message : error);
	}
}

export function startHousekeeping(): void {
	if (timer) return;
	timer = setInterval(() => void runOnce(), INTERVAL_MS);
	timer.unref();
	void runOnce();
}

export function stopHousekeeping(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
