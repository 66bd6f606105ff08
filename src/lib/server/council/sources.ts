// What a gemeente's council data source provides, said honestly for its public page: the
// supplier, how the last sync went, and whether per-party votes exist (about 67 of 142 iBabs
// gemeenten publish per-member votes; Notubiz sources never do, at most a vote summary in text;
// GemeenteOplossingen and Parlaeus bring meetings and documents only).
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import { SYNC_STATE_COLUMNS, toState, type SyncState } from './ori/sync-state';

export interface SourceCoverage {
	sourceKey: string;
	supplier: string;
	supplierLabel: string;
	enabled: boolean;
	/** Dutch: what this source provides about votes. */
	votes: string;
	perPartyVotes: 'ja' | 'soms' | 'nee' | 'onbekend';
	lastSyncAt: string | null;
	lastSucceededAt: string | null;
	lastError: string | null;
	state: SyncState | null;
}

const SUPPLIERS: Record<string, string> = {
	ibabs: 'iBabs',
	notubiz: 'Notubiz',
	gemeenteoplossingen: 'GemeenteOplossingen',
	parlaeus: 'Parlaeus'
};

/** The honest sentence about votes for a supplier, given what the imports have seen so far. */
export function voteCoverage(supplier: string, state: Pick<SyncState, 'memberVotesSeen' | 'voteSummariesSeen'> | null): Pick<SourceCoverage, 'votes' | 'perPartyVotes'> {
	if (state?.memberVotesSeen) {
		return { perPartyVotes: 'ja', votes: 'Deze gemeente publiceert per motie hoe elk raadslid stemde (niet bij elke motie); daaruit volgt de stem per partij.' };
	}
	switch (supplier) {
		case 'ibabs':
			return {
				perPartyVotes: 'onbekend',
				votes: 'Van de iBabs-gemeenten publiceert ongeveer de helft (67 van 142) hoe raadsleden stemden. Voor deze gemeente zijn die stemmen (nog) niet gezien; stemmen kunnen met de hand worden ingevoerd uit de besluitenlijst of notulen.'
			};
		case 'notubiz':
			return state?.voteSummariesSeen
				? { perPartyVotes: 'soms', votes: 'Notubiz publiceert geen stemmen per raadslid. Deze gemeente zet soms een korte stemverklaring bij een motie; waar daarin duidelijk staat welke partijen voor of tegen waren, nemen we dat over.' }
				: { perPartyVotes: 'nee', votes: 'Notubiz publiceert geen stemmen per raadslid. Stemmen per partij kunnen met de hand worden ingevoerd uit de besluitenlijst of notulen.' };
		default:
			return {
				perPartyVotes: 'nee',
				votes: 'Deze bron levert alleen vergaderingen en documenten, geen moties of stemmen. Moties en stemmen kunnen met de hand worden ingevoerd.'
			};
	}
}

const sourceRow = z.object({ source_key: z.string(), supplier: z.string(), enabled: z.boolean() });

/** The gemeente's sources with what each provides and how its last sync went. */
export async function councilSourcesOf(gemeenteCode: string): Promise<SourceCoverage[]> {
	// One call, whether the gemeente has no source or several: the sync state comes embedded.
	const { data, error } = await db()
		.from('council_sources')
		.select(`source_key, supplier, enabled, council_sync_state(${SYNC_STATE_COLUMNS})`)
		.eq('gemeente_code', gemeenteCode)
		.order('enabled', { ascending: false })
		.order('source_key');
	if (error) throw new Error(`councilSourcesOf: ${error.message}`);
	return data.map((row) => {
		const source = sourceRow.parse(row);
		const state = row.council_sync_state ? toState(row.council_sync_state) : null;
		return {
			sourceKey: source.source_key,
			supplier: source.supplier,
			supplierLabel: SUPPLIERS[source.supplier] ?? source.supplier,
			enabled: source.enabled,
			...voteCoverage(source.supplier, state),
			lastSyncAt: state?.lastFinishedAt ?? null,
			lastSucceededAt: state?.lastSucceededAt ?? null,
			lastError: state?.lastError ?? null,
			state
		};
	});
}
