// The outbox keeps a copy of every mail, but no working secret: an hour after a message went out,
// the private links in it (a party's answer link, an invitation) are cut from the stored copy
// (scrub_sent_mail), so reading the table gives no way in. Sign-in codes need no scrubbing: they
// expire after 10 minutes. Runs hourly inside the server process.
import { db } from './db';

export const SCRUB_AFTER_SECONDS = 60 * 60;
const INTERVAL_MS = 60 * 60 * 1000;

let timer: ReturnType<typeof setInterval> | null = null;

/** Scrubs the links of mail sent longer than `olderThanSeconds` ago; returns how many changed. */
export async function scrubSentMail(olderThanSeconds = SCRUB_AFTER_SECONDS): Promise<number> {
	const { data, error } = await db().rpc('scrub_sent_mail', { p_older_than_seconds: olderThanSeconds });
	if (error) throw new Error(`scrubSentMail: ${error.message}`);
	return data as number;
}

async function runOnce(): Promise<void> {
	try {
		await scrubSentMail();
	} catch (error) {
		// The next run tries again; a failure here must not stop the server.
		console.error(`[outbox] opschonen mislukt: ${error instanceof Error ? error.message : error}`);
	}
}

export function startOutboxCleanup(): void {
	if (timer) return;
	timer = setInterval(() => void runOnce(), INTERVAL_MS);
	timer.unref();
	void runOnce();
}

export function stopOutboxCleanup(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
