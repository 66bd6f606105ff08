// How far each source's import got and how its runs went (council_sync_state): read it, and
// record the start and end of a run. The cursor itself only moves inside apply_council_import,
// in the same transaction as the page it belongs to.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';

export interface SyncState {
	sourceKey: string;
	phase: 'snapshot' | 'changes';
	snapshotCursor: string | null;
	changesCursor: string | null;
	lastStartedAt: string | null;
	lastFinishedAt: string | null;
	lastSucceededAt: string | null;
	lastError: string | null;
	lastCounts: Record<string, number>;
	pagesApplied: number;
	recordsApplied: number;
	memberVotesSeen: boolean;
	voteSummariesSeen: boolean;
}

const row = z.object({
	source_key: z.string(),
	phase: z.enum(['snapshot', 'changes']),
	snapshot_cursor: z.string().nullable(),
	changes_cursor: z.string().nullable(),
	last_started_at: z.string().nullable(),
	last_finished_at: z.string().nullable(),
	last_succeeded_at: z.string().nullable(),
	last_error: z.string().nullable(),
	last_counts: z.record(z.string(), z.number()),
	pages_applied: z.coerce.number(),
	records_applied: z.coerce.number(),
	member_votes_seen: z.boolean(),
	vote_summaries_seen: z.boolean()
});

export const SYNC_STATE_COLUMNS =
	'source_key, phase, snapshot_cursor, changes_cursor, last_started_at, last_finished_at, last_succeeded_at, last_error, last_counts, pages_applied, records_applied, member_votes_seen, vote_summaries_seen';

/** A council_sync_state row (SYNC_STATE_COLUMNS) as the app uses it. */
export function toState(data: unknown): SyncState {
	const r = row.parse(data);
	return {
		sourceKey: r.source_key,
		phase: r.phase,
		snapshotCursor: r.snapshot_cursor,
		changesCursor: r.changes_cursor,
		lastStartedAt: r.last_started_at,
		lastFinishedAt: r.last_finished_at,
		lastSucceededAt: r.last_succeeded_at,
		lastError: r.last_error,
		lastCounts: r.last_counts,
		pagesApplied: r.pages_applied,
		recordsApplied: r.records_applied,
		memberVotesSeen: r.member_votes_seen,
		voteSummariesSeen: r.vote_summaries_seen
	};
}

/** The state of one source; a source never synced starts at the beginning of its snapshot. */
export async function syncStateOf(sourceKey: string): Promise<SyncState> {
	const { data, error } = await db().from('council_sync_state').select(SYNC_STATE_COLUMNS).eq('source_key', sourceKey).maybeSingle();
	if (error) throw new Error(`syncStateOf: ${error.message}`);
	return data
		? toState(data)
		: {
				sourceKey,
				phase: 'snapshot',
				snapshotCursor: null,
				changesCursor: null,
				lastStartedAt: null,
				lastFinishedAt: null,
				lastSucceededAt: null,
				lastError: null,
				lastCounts: {},
				pagesApplied: 0,
				recordsApplied: 0,
				memberVotesSeen: false,
				voteSummariesSeen: false
			};
}

export async function markSyncStarted(sourceKey: string): Promise<void> {
	const { error } = await db().rpc('council_sync_started', { p_source_key: sourceKey });
	if (error) throw new Error(`markSyncStarted: ${error.message}`);
}

export async function markSyncFinished(sourceKey: string, failure: string | null, counts: Record<string, number>): Promise<void> {
	const { error } = await db().rpc('council_sync_finished', { p_source_key: sourceKey, p_counts: counts, ...(failure ? { p_error: failure } : {}) });
	if (error) throw new Error(`markSyncFinished: ${error.message}`);
}

/** An editor starts a source over from its snapshot (audited). */
export async function resetSync(actorId: string, sourceKey: string): Promise<void> {
	const { error } = await db().rpc('reset_council_sync', { p_actor_id: actorId, p_source_key: sourceKey });
	if (error) throw new Error(`resetSync: ${error.message}`);
}

/** Sources that were synced at least once: the scheduled sync keeps these current. */
export async function followedSources(): Promise<string[]> {
	const { data, error } = await db().from('council_sync_state').select('source_key').not('last_started_at', 'is', null);
	if (error) throw new Error(`followedSources: ${error.message}`);
	return data.map((r) => r.source_key);
}
