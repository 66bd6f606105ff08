// What a letter can be for: the moments that come next in a gemeente's year, soonest first, worked
// out from today's date in Europe/Amsterdam (the kadernota before the summer, the begroting in the
// autumn, the coalitieakkoord in the year of an election, the next election), or a title of one's
// own ('anders'). A moment is a key "<kind>_<year>" (e.g. "kadernota_2027"); its label is its title.

export const OCCASION_KINDS = ['kadernota', 'begroting', 'coalitieakkoord', 'verkiezingen'] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];

export interface OccasionChoice {
	key: string;
	kind: OccasionKind;
	year: number;
	/** The letter's title: "De kadernota 2027". */
	label: string;
	/** When it is decided, in words: "voorjaar 2027, besluit meestal in juni of juli". */
	when: string;
	/** The last day it still helps to write, as yyyy-mm-dd. */
	decidedBy: string;
}

/** Municipal elections are held every four years in March: 2026, 2030, … */
const ELECTION_BASE_YEAR = 2026;

function amsterdamDate(now: Date): string {
	// en-CA writes yyyy-mm-dd.
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function choice(kind: OccasionKind, year: number): OccasionChoice {
	switch (kind) {
		case 'kadernota':
			return { key: `kadernota_${year}`, kind, year, label: `De kadernota ${year}`, when: `voorjaar ${year}, besluit meestal in juni of juli`, decidedBy: `${year}-07-01` };
		case 'begroting':
			return { key: `begroting_${year}`, kind, year, label: `De begroting ${year}`, when: `najaar ${year - 1}, besluit meestal in november`, decidedBy: `${year - 1}-11-15` };
		case 'coalitieakkoord':
			// Most colleges are formed by the summer after the election.
			return { key: `coalitieakkoord_${year}`, kind, year, label: `Het coalitieakkoord ${year}`, when: `na de verkiezingen van maart ${year}, meestal vóór de zomer`, decidedBy: `${year}-09-30` };
		case 'verkiezingen':
			return { key: `verkiezingen_${year}`, kind, year, label: `Gemeenteraadsverkiezingen ${year}`, when: `maart ${year}`, decidedBy: `${year}-03-15` };
	}
}

/** The moments to offer on `now`, soonest first. */
export function upcomingOccasions(now: Date): OccasionChoice[] {
	const today = amsterdamDate(now);
	const year = Number(today.slice(0, 4));
	const next = (kind: OccasionKind, from: number) => {
		const first = choice(kind, from);
		return today < first.decidedBy ? first : choice(kind, from + 1);
	};
	const lastElection = year - ((year - ELECTION_BASE_YEAR) % 4 + 4) % 4;
	const nextElection = today < choice('verkiezingen', lastElection).decidedBy ? lastElection : lastElection + 4;
	const moments = [next('kadernota', year), next('begroting', year + 1), choice('verkiezingen', nextElection)];
	// In an election year, until the autumn, the coalitieakkoord is still being written.
	const coalition = choice('coalitieakkoord', lastElection);
	if (lastElection === year && today < coalition.decidedBy) moments.push(coalition);
	return moments.sort((a, b) => a.decidedBy.localeCompare(b.decidedBy));
}

/** A moment by its key, also one no longer offered (for letters started earlier), or null. */
export function occasionByKey(key: string): OccasionChoice | null {
	const match = key.match(/^([a-z]+)_(\d{4})$/);
	const kind = OCCASION_KINDS.find((known) => known === match?.[1]);
	return match && kind ? choice(kind, Number(match[2])) : null;
}
