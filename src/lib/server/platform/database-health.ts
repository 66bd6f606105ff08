// Whether the database answers, as the app's own calls find it: the first failed call of an
// outage logs one line, the first good call after it logs the recovery; nothing per request.
// checkDatabase() is the health endpoint's probe (/gezond).
import { db } from './db';

interface Outage {
	since: number;
	reason: string;
}

let outage: Outage | null = null;

export function reportDatabaseFailure(reason: string): void {
	if (outage) return;
	outage = { since: Date.now(), reason };
	console.error(`[db] de database is niet bereikbaar (${reason}); pagina's die haar nodig hebben antwoorden 503 tot ze terug is.`);
}

export function reportDatabaseSuccess(): void {
	if (!outage) return;
	const seconds = ((Date.now() - outage.since) / 1000).toFixed(1);
	outage = null;
	console.log(`[db] de database is weer bereikbaar (na ${seconds} s).`);
}

export function isDatabaseDown(): boolean {
	return outage !== null;
}

/** For background workers: their failure while the database is away is that outage, already
 * logged once; anything else is logged as it is. */
export function logWorkerError(label: string, error: unknown): void {
	if (isDatabaseDown()) return;
	console.error(label, error);
}

export interface HealthReport {
	ok: boolean;
	database: 'ok' | 'onbereikbaar';
	ms: number;
}

/** One light read with a deadline: is the database there now? */
export async function checkDatabase(timeoutMs = 2000): Promise<HealthReport> {
	const started = performance.now();
	let ok = false;
	try {
		const { error } = await db()
			.from('gemeenten')
			.select('code')
			.limit(1)
			.abortSignal(AbortSignal.timeout(timeoutMs));
		ok = !error;
	} catch {
		ok = false;
	}
	return { ok, database: ok ? 'ok' : 'onbereikbaar', ms: Math.round(performance.now() - started) };
}
