// The review step for party names a source uses that match no party of the gemeente: what waits
// (each name with the motions it holds back), and an editor's decision, remembered for every
// later import: this name is that party (its waiting votes and submitters are placed at once), or
// it is no party at all (they are dropped). One database call per decision, audited.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import { partyNameKey } from './ori/party-match';

export interface PendingPartyName {
	id: string;
	name: string;
	nameKey: string;
	/** Votes and submitters waiting for this name. */
	waiting: number;
	motions: Array<{ id: string; title: string }>;
}

const pendingRow = z.object({
	id: z.string(),
	name: z.string(),
	name_key: z.string(),
	council_pending_party_refs: z.array(z.object({ motions: z.object({ id: z.string(), title: z.string() }).nullable() }))
});

/** Names waiting for an editor in this gemeente, the ones holding back the most first. */
export async function pendingPartyNames(gemeenteCode: string): Promise<PendingPartyName[]> {
	const { data, error } = await db()
		.from('council_party_names')
		.select('id, name, name_key, council_pending_party_refs(motions(id, title))')
		.eq('gemeente_code', gemeenteCode)
		.is('party_id', null)
		.eq('ignored', false);
	if (error) throw new Error(`pendingPartyNames: ${error.message}`);
	return z
		.array(pendingRow)
		.parse(data)
		.map((row) => {
			const motions = new Map<string, { id: string; title: string }>();
			for (const ref of row.council_pending_party_refs) if (ref.motions) motions.set(ref.motions.id, ref.motions);
			return {
				id: row.id,
				name: row.name,
				nameKey: row.name_key,
				waiting: row.council_pending_party_refs.length,
				motions: [...motions.values()].sort((a, b) => a.title.localeCompare(b.title, 'nl'))
			};
		})
		.filter((name) => name.waiting > 0)
		.sort((a, b) => b.waiting - a.waiting || a.name.localeCompare(b.name, 'nl'));
}

export type MapOutcome = { status: 'saved'; votes: number; submitters: number } | { status: 'not_found' };

const mapResult = z.discriminatedUnion('status', [
	z.object({ status: z.literal('saved'), votes: z.number(), submitters: z.number() }),
	z.object({ status: z.literal('not_found') })
]);

/** Maps a source's party name to a party of the gemeente, or (partyId null) marks it as no party.
 * 'not_found': the party is not one of this gemeente. */
export async function mapPartyName(actorId: string, gemeenteCode: string, name: string, partyId: string | null): Promise<MapOutcome> {
	const clean = name.trim().slice(0, 300);
	if (!clean) throw new Error('mapPartyName: empty name');
	const { data, error } = await db().rpc('resolve_council_party_name', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_name: clean,
		p_name_key: partyNameKey(clean),
		...(partyId ? { p_party_id: partyId } : {})
	});
	if (error) throw new Error(`mapPartyName: ${error.message}`);
	return mapResult.parse(data);
}
