// The one import path for a file and for a fetched feed page: read the records as they stream
// in, check each, map it to council records and stage those in chunks; after the last line apply
// the whole batch in one database transaction. Any malformed line (or a record of another
// source) means nothing is applied and the staged rows are thrown away, so nothing is ever
// half-imported. Memory stays bounded by one chunk, whatever the size of the input.
import { randomUUID } from 'node:crypto';
import { applyBatch, discardBatch, loadImportContext, stageRecords, type AppliedCounts, type PagePosition } from './import-db';
import { readFeed, type ByteSource, type ReadOptions } from './ndjson';
import { createPartyMatcher } from './party-match';
import { toCouncilRecord, type CouncilRecord } from './to-council';

export interface ImportCounts extends AppliedCounts {
	/** Lines read with a record on them. */
	records: number;
	/** Records of kinds this app does not keep (documents, committees, recordings, …). */
	skipped: number;
}

export type ImportOutcome =
	| { status: 'applied'; sourceKey: string; counts: ImportCounts }
	| { status: 'invalid'; errors: string[] }
	| { status: 'stale' };

export interface ImportTarget {
	gemeenteCode: string;
	/** The source every record must belong to; for a file, any one source of the gemeente. */
	sourceKey?: string;
	/** The editor who imports a file (audited); null for the scheduled sync. */
	actorId: string | null;
	/** For a fetched page: where it sits in the feed (its cursor moves in the same transaction). */
	page?: PagePosition;
}

export interface ImportOptions extends ReadOptions {
	/** Records per staging insert. */
	chunkSize?: number;
	/** Stop reading after this many problems. */
	maxErrors?: number;
	onProgress?: (progress: { records: number }) => void;
}

export async function importFeed(input: ByteSource, target: ImportTarget, options: ImportOptions = {}): Promise<ImportOutcome> {
	const chunkSize = options.chunkSize ?? 250;
	const maxErrors = options.maxErrors ?? 20;
	const context = await loadImportContext(target.gemeenteCode);
	if (!context) return { status: 'invalid', errors: [`Gemeente ${target.gemeenteCode} bestaat niet.`] };
	const ownSources = new Set(context.sources.map((source) => source.sourceKey));
	if (target.sourceKey && !ownSources.has(target.sourceKey)) {
		return { status: 'invalid', errors: [`Bron '${target.sourceKey}' hoort niet bij ${context.gemeenteName}.`] };
	}
	const matchParty = createPartyMatcher(context.parties);
	const batchId = randomUUID();
	const errors: string[] = [];
	let sourceKey = target.sourceKey ?? null;
	let buffer: CouncilRecord[] = [];
	let staged = 0;
	let records = 0;
	let skipped = 0;

	try {
		for await (const item of readFeed(input, options)) {
			if (item.error === undefined) {
				const { record } = item;
				records++;
				const problem = sourceProblem(record.sourceKey, sourceKey, ownSources, context.gemeenteName);
				if (problem) {
					errors.push(`Regel ${item.line}: ${problem}`);
				} else {
					sourceKey = record.sourceKey;
					const council = errors.length === 0 ? toCouncilRecord(record, matchParty) : null;
					if (council) buffer.push(council);
					else if (errors.length === 0) skipped++;
				}
			} else {
				errors.push(item.error);
			}
			if (errors.length >= maxErrors) break;
			// After the first problem nothing more is staged: the batch will not be applied.
			if (errors.length > 0) buffer = [];
			if (buffer.length >= chunkSize && sourceKey) {
				await stageRecords(batchId, sourceKey, staged, buffer);
				staged += buffer.length;
				buffer = [];
				options.onProgress?.({ records });
			}
		}
		if (errors.length > 0 || !sourceKey) {
			if (errors.length === 0) errors.push('Het bestand bevat geen records.');
			if (staged > 0) await discardBatch(batchId);
			return { status: 'invalid', errors };
		}
		await stageRecords(batchId, sourceKey, staged, buffer);
		options.onProgress?.({ records });
		const applied = await applyBatch({
			batchId,
			gemeenteCode: target.gemeenteCode,
			sourceKey,
			actorId: target.actorId,
			page: target.page ?? null
		});
		if (applied.status === 'stale') return { status: 'stale' };
		const { inserted, updated, deleted, unchanged, pendingPartyNames } = applied;
		const counts = { inserted, updated, deleted, unchanged, pendingPartyNames, records, skipped };
		return { status: 'applied', sourceKey, counts };
	} catch (error) {
		await discardBatch(batchId).catch(() => undefined);
		throw error;
	}
}

function sourceProblem(recordSource: string, expected: string | null, own: Set<string>, gemeenteName: string): string | null {
	if (!own.has(recordSource)) return `dit record komt van bron '${recordSource}', en die hoort niet bij ${gemeenteName}`;
	if (expected && recordSource !== expected) {
		return `dit record komt van bron '${recordSource}', de eerdere van '${expected}': één bron per bestand`;
	}
	return null;
}

/** A file an editor uploads (NDJSON export, or the JSON of one entity) for a gemeente. */
export function importFile(gemeenteCode: string, actorId: string, file: Blob, options: ImportOptions = {}): Promise<ImportOutcome> {
	return importFeed(file.stream(), { gemeenteCode, actorId }, options);
}
