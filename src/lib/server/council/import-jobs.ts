// Imports an editor starts from the page: a file (NDJSON export, or one entity's JSON) or "sync
// now" for the gemeente's sources. Each runs in the background through the one import path
// (importFile / syncGemeente) and writes its progress to a job row, which the page reads (and
// reloads, without JavaScript) until it says klaar or mislukt. A job whose process died stops
// counting as running after STALE_MS.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import { importFile, type ImportOutcome } from './ori/import';
import { oriApiUrl, syncGemeente, type SyncOptions } from './ori/sync';

const STALE_MS = 10 * 60 * 1000;

export interface ImportJob {
	id: string;
	gemeenteCode: string;
	kind: 'bestand' | 'synchronisatie';
	fileName: string | null;
	status: 'bezig' | 'klaar' | 'mislukt';
	records: number;
	pages: number;
	counts: Record<string, number>;
	errors: string[];
	startedAt: string;
	finishedAt: string | null;
}

const jobRow = z.object({
	id: z.string(),
	gemeente_code: z.string(),
	kind: z.enum(['bestand', 'synchronisatie']),
	file_name: z.string().nullable(),
	status: z.enum(['bezig', 'klaar', 'mislukt']),
	records: z.number(),
	pages: z.number(),
	counts: z.record(z.string(), z.number()),
	errors: z.array(z.string()),
	started_at: z.string(),
	updated_at: z.string(),
	finished_at: z.string().nullable()
});

const COLUMNS = 'id, gemeente_code, kind, file_name, status, records, pages, counts, errors, started_at, updated_at, finished_at';

function toJob(data: unknown, now = Date.now()): ImportJob {
	const row = jobRow.parse(data);
	const stale = row.status === 'bezig' && now - Date.parse(row.updated_at) > STALE_MS;
	return {
		id: row.id,
		gemeenteCode: row.gemeente_code,
		kind: row.kind,
		fileName: row.file_name,
		status: stale ? 'mislukt' : row.status,
		records: row.records,
		pages: row.pages,
		counts: row.counts,
		errors: stale ? [...row.errors, 'De import is afgebroken (de server stopte). Start hem opnieuw; wat al was opgeslagen, blijft staan.'] : row.errors,
		startedAt: row.started_at,
		finishedAt: row.finished_at
	};
}

/** One job of the gemeente, or null. */
export async function getJob(gemeenteCode: string, jobId: string): Promise<ImportJob | null> {
	if (!z.uuid().safeParse(jobId).success) return null;
	const { data, error } = await db().from('council_import_jobs').select(COLUMNS).eq('id', jobId).eq('gemeente_code', gemeenteCode).maybeSingle();
	if (error) throw new Error(`getJob: ${error.message}`);
	return data ? toJob(data) : null;
}

/** The gemeente's latest jobs, newest first. */
export async function recentJobs(gemeenteCode: string, limit = 5): Promise<ImportJob[]> {
	const { data, error } = await db().from('council_import_jobs').select(COLUMNS).eq('gemeente_code', gemeenteCode).order('started_at', { ascending: false }).limit(limit);
	if (error) throw new Error(`recentJobs: ${error.message}`);
	return data.map((row) => toJob(row));
}

async function createJob(gemeenteCode: string, actorId: string, kind: ImportJob['kind'], fileName: string | null): Promise<string> {
	const { data, error } = await db()
		.from('council_import_jobs')
		.insert({ gemeente_code: gemeenteCode, kind, file_name: fileName?.slice(0, 300) ?? null, started_by: actorId })
		.select('id')
		.single();
	if (error) throw new Error(`createJob: ${error.message}`);
	return data.id;
}

/** Writes progress in order, never two updates at once; finish() waits for those before it. */
function progressWriter(jobId: string) {
	let queue: Promise<void> = Promise.resolve();
	const write = (fields: { records?: number; pages?: number; status?: ImportJob['status']; counts?: Record<string, number>; errors?: string[]; finished_at?: string }) => {
		queue = queue.then(async () => {
			const { error } = await db().from('council_import_jobs').update({ ...fields, updated_at: new Date().toISOString() }).eq('id', jobId);
			if (error) console.error(`[raadsinformatie] voortgang van import ${jobId}: ${error.message}`);
		});
		return queue;
	};
	return {
		progress: (records: number, pages?: number) => void write({ records, ...(pages === undefined ? {} : { pages }) }),
		finish: (status: 'klaar' | 'mislukt', counts: Record<string, number>, errors: string[]) =>
			write({ status, counts, errors: errors.slice(0, 50), finished_at: new Date().toISOString(), ...(counts.records === undefined ? {} : { records: counts.records }) })
	};
}

function countsOf(outcome: ImportOutcome): Record<string, number> {
	return outcome.status === 'applied' ? { ...outcome.counts } : {};
}

/** Starts importing an uploaded file; resolves with the job id once the job exists (the import
 * goes on in the background; `done` resolves when it has finished, for tests). */
export async function startFileImport(actorId: string, gemeenteCode: string, file: File): Promise<{ jobId: string; done: Promise<void> }> {
	const jobId = await createJob(gemeenteCode, actorId, 'bestand', file.name || null);
	const writer = progressWriter(jobId);
	const done = (async () => {
		try {
			const outcome = await importFile(gemeenteCode, actorId, file, { onProgress: ({ records }) => writer.progress(records) });
			if (outcome.status === 'applied') await writer.finish('klaar', countsOf(outcome), []);
			else if (outcome.status === 'invalid') await writer.finish('mislukt', {}, [...outcome.errors, 'Er is niets van dit bestand opgeslagen.']);
			else await writer.finish('mislukt', {}, ['Een andere import van deze bron was tegelijk bezig. Probeer het opnieuw.']);
		} catch (error) {
			console.error(`[raadsinformatie] import ${jobId}:`, error);
			await writer.finish('mislukt', {}, ['Er ging iets mis bij het opslaan; er is niets van dit bestand opgeslagen. Probeer het later opnieuw.']);
		}
	})();
	return { jobId, done };
}

export const SYNC_NOT_CONFIGURED = 'Synchroniseren met OpenBesluitvorming is op deze server niet ingesteld (ORI_API_URL). Importeer een bestand, of voer de gegevens met de hand in.';

/** Starts "sync now" for the gemeente's enabled sources; null when no API is configured. */
export async function startSyncNow(actorId: string, gemeenteCode: string, options: SyncOptions = {}): Promise<{ jobId: string; done: Promise<void> } | null> {
	if (!(options.apiUrl ?? oriApiUrl())) return null;
	const jobId = await createJob(gemeenteCode, actorId, 'synchronisatie', null);
	const writer = progressWriter(jobId);
	const done = (async () => {
		try {
			// Progress of the source being synced (a gemeente rarely has more than one).
			const results = await syncGemeente(gemeenteCode, { ...options, onProgress: (p) => writer.progress(p.records, p.pages) });
			const counts: Record<string, number> = { pages: 0 };
			for (const result of results) {
				for (const [key, value] of Object.entries(result.counts)) counts[key] = (counts[key] ?? 0) + value;
				counts.pages += result.pages;
			}
			const errors = results.filter((r) => r.status !== 'ok' && r.error).map((r) => `${r.sourceKey}: ${r.error}`);
			if (results.length === 0) errors.push('Deze gemeente heeft geen bron bij OpenBesluitvorming die we kunnen volgen.');
			await writer.finish(errors.length > 0 ? 'mislukt' : 'klaar', counts, errors);
		} catch (error) {
			console.error(`[raadsinformatie] synchronisatie ${jobId}:`, error);
			await writer.finish('mislukt', {}, ['Er ging iets mis bij het synchroniseren. Probeer het later opnieuw.']);
		}
	})();
	return { jobId, done };
}
