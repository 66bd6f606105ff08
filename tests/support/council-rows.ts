// Test support: everything the council import wrote for one source, read back with the service
// client, in a stable order, so a test can compare two moments or look at one row.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';

async function rows<T>(query: PromiseLike<{ data: T[] | null; error: { message: string } | null }>): Promise<T[]> {
	const { data, error } = await query;
	if (error) throw new Error(error.message);
	return data ?? [];
}

export async function councilRows(sourceKey: string) {
	const meetings = await rows(
		db().from('meetings').select('*, agenda_items(*, agenda_item_documents(*))').eq('source_key', sourceKey).order('external_id')
	);
	const motions = await rows(
		db()
			.from('motions')
			.select('*, motion_party_votes(*, parties(name)), motion_submitters(*, parties(name))')
			.eq('source_key', sourceKey)
			.order('external_id')
	);
	for (const meeting of meetings as Array<{ agenda_items: Array<{ position: number; agenda_item_documents: Array<{ position: number }> }> }>) {
		meeting.agenda_items.sort((a, b) => a.position - b.position);
		for (const item of meeting.agenda_items) item.agenda_item_documents.sort((a, b) => a.position - b.position);
	}
	for (const motion of motions as Array<{ motion_party_votes: Array<{ party_id: string }>; motion_submitters: Array<{ party_id: string }> }>) {
		motion.motion_party_votes.sort((a, b) => a.party_id.localeCompare(b.party_id));
		motion.motion_submitters.sort((a, b) => a.party_id.localeCompare(b.party_id));
	}
	return { meetings, motions };
}

/** Votes of a motion as [party name, vote, source], sorted by party name. */
export async function partyVotes(sourceKey: string, externalId: string): Promise<Array<[string, string, string]>> {
	const motion = await rows(
		db().from('motions').select('motion_party_votes(vote, source, parties(name))').eq('source_key', sourceKey).eq('external_id', externalId)
	);
	const shape = z.array(z.object({ motion_party_votes: z.array(z.object({ vote: z.string(), source: z.string(), parties: z.object({ name: z.string() }) })) }));
	const votes = shape.parse(motion)[0]?.motion_party_votes ?? [];
	return votes.map((v): [string, string, string] => [v.parties.name, v.vote, v.source]).sort((a, b) => a[0].localeCompare(b[0]));
}

export async function stagedRowCount(sourceKey: string): Promise<number> {
	const { count, error } = await db().from('council_import_staging').select('*', { count: 'exact', head: true }).eq('source_key', sourceKey);
	if (error) throw new Error(error.message);
	return count ?? 0;
}
