// The outcomes' background work, in the server process: the followers' daily e-mail and the policy
// cycle's two-week reminders, checked every OUTCOME_MAIL_INTERVAL_MS (an hour by default). Both are
// claimed in the database, so several processes or runs never send a mail twice.
import { env } from '../platform/env';
import { sendDueDigests } from './digests';
import { sendDuePolicyReminders } from './policy-moments';

let timer: ReturnType<typeof setInterval> | null = null;
let running = false;

async function runOnce(): Promise<void> {
	if (running) return;
	running = true;
	try {
		const digests = await sendDueDigests();
		const reminders = await sendDuePolicyReminders();
		if (digests + reminders > 0) console.log(`[volgen] ${digests} dagoverzicht(en), ${reminders} herinnering(en) aan volgers`);
	} catch (error) {
		console.error('[volgen] kon niet worden verwerkt:', error);
	} finally {
		running = false;
	}
}

export function startOutcomeWorker(): void {
	if (timer) return;
	timer = setInterval(() => void runOnce(), env().OUTCOME_MAIL_INTERVAL_MS);
	timer.unref();
	void runOnce();
}

export function stopOutcomeWorker(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
