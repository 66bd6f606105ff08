// The database side of an import batch: what the mapping needs to know about a gemeente (its
// sources and parties), staging records in chunks while the input is still being read, and
// applying the whole batch in one transaction (apply_council_import), or throwing it away.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import type { Json } from '$lib/server/platform/database.types';
import type { MatchableParty } from './party-match';
import type { CouncilRecord } from './to-council';

export interface CouncilSource {
	sourceKey: string;
	gemeenteCode: string;
	supplier: string;
	enabled: boolean;
}

export interface ImportContext {
	gemeenteName: string;
	sources: CouncilSource[];
	parties: MatchableParty[];
}

const sourceRow = z.object({ source_key: z.string(), gemeente_code: z.string(), supplier: z.string(), enabled: z.boolean() });

function toSource(row: z.infer<typeof sourceRow>): CouncilSource {
	return { sourceKey: row.source_key, gemeenteCode: row.gemeente_code, supplier: row.supplier, enabled: row.enabled };
}

export async function councilSource(sourceKey: string): Promise<CouncilSource | null> {
	const { data, error } = await db()
		.from('council_sources')
		.select('source_key, gemeente_code, supplier, enabled')
		.eq('source_key', sourceKey)
		.maybeSingle();
	if (error) throw new Error(`councilSource: ${error.message}`);
	return data ? toSource(sourceRow.parse(data)) : null;
}

/** The gemeente's name, sources and parties; null when the gemeente does not exist. */
export async function loadImportContext(gemeenteCode: string): Promise<ImportContext | null> {
	const [gemeente, sources, parties] = await Promise.all([
		db().from('gemeenten').select('name').eq('code', gemeenteCode).maybeSingle(),
		db().from('council_sources').select('source_key, gemeente_code, supplier, enabled').eq('gemeente_code', gemeenteCode),
		db().from('parties').select('id, name, abbreviation').eq('gemeente_code', gemeenteCode)
	]);
	for (const result of [gemeente, sources, parties]) {
		if (result.error) throw new Error(`loadImportContext: ${result.error.message}`);
	}
	if (!gemeente.data) return null;
	return {
		gemeenteName: z.object({ name: z.string() }).parse(gemeente.data).name,
		sources: z.array(sourceRow).parse(sources.data).map(toSource),
		parties: z.array(z.object({ id: z.string(), name: z.string(), abbreviation: z.string().nullable() })).parse(parties.data)
	};
}

/** The JSON apply_council_import reads (snake_case, as in SQL). */
function toStagedItem(record: CouncilRecord): { [key: string]: Json | undefined } {
	if (record.op === 'delete') return { entity: record.entity, op: 'delete', external_id: record.externalId };
	if (record.entity === 'meeting') {
		const m = record.meeting;
		return {
			entity: 'meeting',
			op: 'upsert',
			external_id: record.externalId,
			content_hash: record.contentHash,
			meeting: {
				kind: m.kind,
				name: m.name,
				starts_at: m.startsAt,
				ends_at: m.endsAt,
				location: m.location,
				url: m.url,
				status: m.status,
				source_status: m.sourceStatus
			},
			agenda: record.agenda.map((a) => ({
				external_id: a.externalId,
				parent_external_id: a.parentExternalId,
				position: a.position,
				number: a.number,
				title: a.title,
				is_heading: a.isHeading,
				documents: a.documents.map((d) => ({ external_id: d.externalId, name: d.name, url: d.url }))
			}))
		};
	}
	const m = record.motion;
	return {
		entity: 'motion',
		op: 'upsert',
		external_id: record.externalId,
		content_hash: record.contentHash,
		motion: {
			title: m.title,
			type: m.type,
			source_type: m.sourceType,
			decided_on: m.decidedOn,
			result: m.result,
			source_status: m.sourceStatus,
			hamerstuk: m.hamerstuk,
			text: m.text,
			url: m.url,
			vote_summary: m.voteSummary,
			tally_for: m.tallyFor,
			tally_against: m.tallyAgainst,
			member_votes: m.memberVotes,
			meeting_external_id: m.meetingExternalId,
			agenda_item_external_id: m.agendaItemExternalId,
			agenda_item_hint: m.agendaItemHint
		},
		submitters: record.submitters.map((s) => ({ name: s.name, name_key: s.nameKey, party_id: s.partyId, role: s.role })),
		votes: record.votes.map((v) => ({
			name: v.name,
			name_key: v.nameKey,
			party_id: v.partyId,
			vote: v.vote,
			source: v.source,
			members_for: v.membersFor,
			members_against: v.membersAgainst
		}))
	};
}

/** Adds records to a batch; firstPosition keeps the input's order across chunks. */
export async function stageRecords(batchId: string, sourceKey: string, firstPosition: number, records: CouncilRecord[]): Promise<void> {
	if (records.length === 0) return;
	const { error } = await db()
		.from('council_import_staging')
		.insert(
			records.map((record, index) => ({ batch_id: batchId, source_key: sourceKey, position: firstPosition + index, item: toStagedItem(record) }))
		);
	if (error) throw new Error(`stageRecords: ${error.message}`);
}

export async function discardBatch(batchId: string): Promise<void> {
	const { error } = await db().from('council_import_staging').delete().eq('batch_id', batchId);
	if (error) throw new Error(`discardBatch: ${error.message}`);
}

/** Where a fetched page sits in the feed: the cursor it was fetched with and what comes next. */
export interface PagePosition {
	phase: 'snapshot' | 'changes';
	cursor: string | null;
	nextCursor: string | null;
	changesCursor: string | null;
	hasMore: boolean;
}

export interface AppliedCounts {
	inserted: number;
	updated: number;
	deleted: number;
	unchanged: number;
	pendingPartyNames: number;
}

const appliedResult = z.discriminatedUnion('status', [
	z.object({
		status: z.literal('applied'),
		inserted: z.number(),
		updated: z.number(),
		deleted: z.number(),
		unchanged: z.number(),
		pendingPartyNames: z.number()
	}),
	z.object({ status: z.literal('stale') })
]);

/** Applies a staged batch in one transaction. 'stale': the source's cursor moved meanwhile (another
 * run applied this page), so nothing was applied. */
export async function applyBatch(input: {
	batchId: string;
	gemeenteCode: string;
	sourceKey: string;
	actorId: string | null;
	page: PagePosition | null;
}): Promise<({ status: 'applied' } & AppliedCounts) | { status: 'stale' }> {
	const { page } = input;
	const { data, error } = await db().rpc('apply_council_import', {
		p_batch_id: input.batchId,
		p_gemeente_code: input.gemeenteCode,
		p_source_key: input.sourceKey,
		...(input.actorId ? { p_actor_id: input.actorId } : {}),
		...(page
			? {
					p_sync: {
						phase: page.phase,
						cursor: page.cursor,
						next_cursor: page.nextCursor,
						changes_cursor: page.changesCursor,
						has_more: page.hasMore
					}
				}
			: {})
	});
	if (error) throw new Error(`applyBatch: ${error.message}`);
	return appliedResult.parse(data);
}
