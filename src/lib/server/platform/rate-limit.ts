// Fixed-window rate limits kept in the database (one atomic call), so they hold across
// restarts and across server instances. Keys name the action and who: "login-send:ip:1.2.3.4".
import { db } from './db';

export interface Limit {
	name: string;
	max: number;
	windowSeconds: number;
}

export const LIMITS = {
	// Per address and client together: a stranger who asks codes for someone else's address uses
	// up their own allowance, never that person's.
	codeSendPerEmailAndClient: { name: 'login-send:email-ip', max: 5, windowSeconds: 60 * 60 },
	codeSendPerClient: { name: 'login-send:ip', max: 30, windowSeconds: 60 * 60 },
	codeCheckPerClient: { name: 'login-check:ip', max: 30, windowSeconds: 15 * 60 }
} satisfies Record<string, Limit>;

/** Counts one hit; false when the limit for this subject is exceeded in the current window. */
export async function consume(limit: Limit, subject: string): Promise<boolean> {
	const { data, error } = await db().rpc('consume_rate_limit', {
		p_key: `${limit.name}:${subject}`,
		p_limit: limit.max,
		p_window_seconds: limit.windowSeconds
	});
	if (error) throw new Error(`rate limit ${limit.name}: ${error.message}`);
	return data === true;
}

/** Gives back the current window of this subject (the next consume starts a new one), for a
 * hit taken before work that then did not happen. */
export async function release(limit: Limit, subject: string): Promise<void> {
	const { error } = await db().from('rate_limits').delete().eq('key', `${limit.name}:${subject}`);
	if (error) throw new Error(`rate limit ${limit.name}: ${error.message}`);
}
