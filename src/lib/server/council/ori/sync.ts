// Keeps a gemeente's council data in step with OpenBesluitvorming (ORI_API_URL): first page
// through /api/export/snapshot (following X-Next-Cursor while X-Has-More, remembering
// X-Changes-Cursor from the first page), then /api/export/changes from that cursor. Every page
// goes through the same import as a file and moves the cursor in the same transaction, so a run
// that stops halfway resumes at the first page it did not apply. One run per source at a time
// in this process; the database refuses a page whose cursor another server already moved.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import { openPage, OriHttpError, systemClock, type HttpOptions } from './http';
import { importFeed, type ImportCounts, type ImportOptions } from './import';
import { councilSource, type PagePosition } from './import-db';
import { followedSources, markSyncFinished, markSyncStarted, syncStateOf } from './sync-state';

export const oriEnvSchema = z.object({
	ORI_API_URL: z
		.url({ protocol: /^https?$/, message: 'ORI_API_URL moet een volledige URL zijn, zoals https://openbesluitvorming.nl.' })
		.optional()
});

/** The configured API base URL, or null when syncing is not set up. */
export function oriApiUrl(source: Record<string, string | undefined> = process.env): string | null {
	const raw = source.ORI_API_URL === '' ? undefined : source.ORI_API_URL;
	const parsed = oriEnvSchema.safeParse({ ORI_API_URL: raw });
	if (!parsed.success) throw new Error(parsed.error.issues[0].message);
	return parsed.data.ORI_API_URL ?? null;
}

export interface SyncProgress {
	sourceKey: string;
	phase: 'snapshot' | 'changes';
	pages: number;
	records: number;
	counts: ImportCounts;
}

export interface SyncOptions extends HttpOptions, Pick<ImportOptions, 'chunkSize'> {
	/** Base URL of the API; defaults to ORI_API_URL. */
	apiUrl?: string;
	/** Records per page (the API allows up to 1000). */
	pageLimit?: number;
	/** Pages per run at most; the next run goes on from there. */
	maxPages?: number;
	onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
	sourceKey: string;
	status: 'ok' | 'failed' | 'busy';
	error: string | null;
	phase: 'snapshot' | 'changes';
	pages: number;
	counts: ImportCounts;
}

const pageHeaders = z.object({
	'x-has-more': z.enum(['true', 'false'], { message: 'de kop X-Has-More ontbreekt of is geen true/false' }),
	'x-next-cursor': z.string().optional(),
	'x-changes-cursor': z.string().optional()
});

const emptyCounts = (): ImportCounts => ({ inserted: 0, updated: 0, deleted: 0, unchanged: 0, pendingPartyNames: 0, records: 0, skipped: 0 });
const running = new Map<string, SyncProgress>();

/** What a run of this source in this process has done so far, for a progress display. */
export function syncProgress(sourceKey: string): SyncProgress | null {
	return running.get(sourceKey) ?? null;
}

export async function syncSource(sourceKey: string, options: SyncOptions = {}): Promise<SyncResult> {
	const counts = emptyCounts();
	const progress: SyncProgress = { sourceKey, phase: 'snapshot', pages: 0, records: 0, counts };
	const result = (status: SyncResult['status'], error: string | null): SyncResult => ({
		sourceKey,
		status,
		error,
		phase: progress.phase,
		pages: progress.pages,
		counts
	});
	const apiUrl = options.apiUrl ?? oriApiUrl();
	if (!apiUrl) return result('failed', 'Synchroniseren is niet ingesteld: ORI_API_URL ontbreekt.');
	const source = await councilSource(sourceKey);
	if (!source) return result('failed', `Bron '${sourceKey}' is onbekend.`);
	if (running.has(sourceKey)) return result('busy', 'Deze bron wordt al gesynchroniseerd.');
	running.set(sourceKey, progress);
	let failure: string | null = null;
	try {
		await markSyncStarted(sourceKey);
		failure = await runPages(apiUrl, source.gemeenteCode, progress, options);
	} catch (error) {
		failure = error instanceof OriHttpError ? `${error.message}.` : `Onverwachte fout: ${error instanceof Error ? error.message : String(error)}`;
		if (!(error instanceof OriHttpError)) console.error(`[raadsinformatie] ${sourceKey}:`, error);
	} finally {
		running.delete(sourceKey);
	}
	await markSyncFinished(sourceKey, failure, { ...counts, pages: progress.pages });
	return result(failure ? 'failed' : 'ok', failure);
}

/** Fetches and applies pages until the source is caught up; returns what went wrong, or null. */
async function runPages(apiUrl: string, gemeenteCode: string, progress: SyncProgress, options: SyncOptions): Promise<string | null> {
	const maxPages = options.maxPages ?? 10_000;
	const maxRetries = options.maxRetries ?? 3;
	const clock = options.clock ?? systemClock;
	for (let pagesThisRun = 0; pagesThisRun < maxPages; pagesThisRun++) {
		const state = await syncStateOf(progress.sourceKey);
		progress.phase = state.phase;
		const cursor = state.phase === 'snapshot' ? state.snapshotCursor : state.changesCursor;
		const url = new URL(`api/export/${state.phase}`, apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
		url.searchParams.set('source', progress.sourceKey);
		if (cursor) url.searchParams.set('cursor', cursor);
		url.searchParams.set('limit', String(Math.min(1000, options.pageLimit ?? 500)));
		const where = `Pagina ${progress.pages + 1} (${state.phase === 'snapshot' ? 'momentopname' : 'wijzigingen'})`;

		let outcome: Awaited<ReturnType<typeof importFeed>>;
		let position: PagePosition;
		for (let attempt = 0; ; attempt++) {
			const page = await openPage(url, options);
			const headers = pageHeaders.safeParse(Object.fromEntries(page.headers));
			if (!headers.success) return `${where}: ${headers.error.issues[0].message}.`;
			position = {
				phase: state.phase,
				cursor,
				nextCursor: headers.data['x-next-cursor'] ?? null,
				changesCursor: state.phase === 'snapshot' ? (headers.data['x-changes-cursor'] ?? null) : null,
				hasMore: headers.data['x-has-more'] === 'true'
			};
			if (position.hasMore && (!position.nextCursor || position.nextCursor === cursor)) {
				return `${where}: de bron meldt meer records maar geeft geen nieuwe cursor (X-Next-Cursor).`;
			}
			try {
				outcome = await importFeed(page.body, { gemeenteCode, sourceKey: progress.sourceKey, actorId: null, page: position }, { chunkSize: options.chunkSize });
				break;
			} catch (error) {
				// The body broke off (timeout, connection): nothing was applied, fetch the page again.
				if (!(error instanceof OriHttpError) || !error.retryable || attempt >= maxRetries) throw error;
				await clock.sleep(Math.min(30_000, 1000 * 2 ** attempt));
			}
		}
		if (outcome.status === 'invalid') {
			const more = outcome.errors.length > 1 ? ` (en ${outcome.errors.length - 1} andere problemen)` : '';
			return `${where}: ${outcome.errors[0]}${more}. Er is niets van deze pagina opgeslagen.`;
		}
		if (outcome.status === 'stale') return `${where}: een andere synchronisatie van deze bron was tegelijk bezig.`;
		for (const key of Object.keys(progress.counts) as Array<keyof ImportCounts>) progress.counts[key] += outcome.counts[key];
		progress.pages++;
		progress.records += outcome.counts.records;
		options.onProgress?.({ ...progress, counts: { ...progress.counts } });
		if (state.phase === 'changes' && !position.hasMore) return null;
	}
	return null;
}

/** Syncs every enabled source of the gemeente, one after the other. */
export async function syncGemeente(gemeenteCode: string, options: SyncOptions = {}): Promise<SyncResult[]> {
	const { data, error } = await db()
		.from('council_sources')
		.select('source_key')
		.eq('gemeente_code', gemeenteCode)
		.eq('enabled', true)
		.order('source_key');
	if (error) throw new Error(`syncGemeente: ${error.message}`);
	const results: SyncResult[] = [];
	for (const row of data) results.push(await syncSource(row.source_key, options));
	return results;
}

let timer: ReturnType<typeof setInterval> | null = null;
let current: Promise<void> | null = null;

/** Runs the sync every intervalMs for the followed sources (synced at least once on demand), or
 * for those `sources` returns. Does nothing without ORI_API_URL. */
export function startCouncilSync(options: SyncOptions & { intervalMs: number; sources?: () => Promise<string[]> }): void {
	if (timer) return;
	const apiUrl = options.apiUrl ?? oriApiUrl();
	if (!apiUrl) {
		console.log('[raadsinformatie] ORI_API_URL is niet gezet: geen automatische synchronisatie.');
		return;
	}
	const runOnce = () => {
		current ??= (async () => {
			try {
				for (const sourceKey of await (options.sources ?? followedSources)()) {
					const outcome = await syncSource(sourceKey, { ...options, apiUrl });
					if (outcome.status === 'failed') console.error(`[raadsinformatie] ${sourceKey}: ${outcome.error}`);
				}
			} catch (error) {
				console.error('[raadsinformatie] synchronisatie mislukt:', error);
			} finally {
				current = null;
			}
		})();
	};
	timer = setInterval(runOnce, options.intervalMs);
	timer.unref();
	runOnce();
}

/** Stops the schedule; resolves when a run that was going has finished. */
export async function stopCouncilSync(): Promise<void> {
	if (timer) clearInterval(timer);
	timer = null;
	await current;
}
