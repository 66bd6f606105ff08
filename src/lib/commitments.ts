// Words for commitments (toezeggingen), shared by server and pages: the statuses a promise can
// have (forward and back), where a promise comes from, and what counts as overdue.
export const COMMITMENT_STATUSES = [
	'toegezegd',
	'in_uitvoering',
	'gerealiseerd',
	'deels_gerealiseerd',
	'niet_nagekomen',
	'vastgelopen'
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
	toegezegd: 'Toegezegd',
	in_uitvoering: 'In uitvoering',
	gerealiseerd: 'Gerealiseerd',
	deels_gerealiseerd: 'Deels gerealiseerd',
	niet_nagekomen: 'Niet nagekomen',
	vastgelopen: 'Vastgelopen'
};

/** What each status means, for editors choosing one. */
export const COMMITMENT_STATUS_MEANINGS: Record<CommitmentStatus, string> = {
	toegezegd: 'Beloofd, maar er is nog niets mee gedaan.',
	in_uitvoering: 'Er wordt aantoonbaar aan gewerkt (een plan, geld, een besluit).',
	gerealiseerd: 'Gedaan zoals beloofd.',
	deels_gerealiseerd: 'Een deel is gedaan, of minder dan beloofd.',
	niet_nagekomen: 'Het is niet gebeurd, of er is van afgezien.',
	vastgelopen: 'Er werd aan gewerkt, maar het staat stil.'
};

export function commitmentStatusOf(value: string): CommitmentStatus {
	return COMMITMENT_STATUSES.find((known) => known === value) ?? 'toegezegd';
}

/** Statuses in which a passed deadline no longer matters: the outcome is known. */
const SETTLED: readonly CommitmentStatus[] = ['gerealiseerd', 'deels_gerealiseerd', 'niet_nagekomen'];

/** Whether a deadline (yyyy-mm-dd) passed before `today` (yyyy-mm-dd) while nothing is settled. */
export function isOverdue(deadline: string | null, status: CommitmentStatus, today: string): boolean {
	return deadline !== null && deadline < today && !SETTLED.includes(status);
}

export const SOURCE_KINDS = ['antwoord', 'akkoord', 'motie', 'vergadering', 'begroting'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
	antwoord: 'Antwoord van een partij op de brief',
	akkoord: 'Coalitieakkoord of collegeprogramma',
	motie: 'Aangenomen motie of amendement',
	vergadering: 'Toezegging van een wethouder in een vergadering',
	begroting: 'Begroting, kadernota of voorjaarsnota'
};

export function sourceKindOf(value: string): SourceKind {
	return SOURCE_KINDS.find((known) => known === value) ?? 'begroting';
}

export const PROMISERS = ['partij', 'college'] as const;
export type Promiser = (typeof PROMISERS)[number];

export function promiserOf(value: string): Promiser {
	return value === 'college' ? 'college' : 'partij';
}

/** The editor's help text: what is, and what is not, a commitment. */
export const NOT_A_COMMITMENT =
	'Een toezegging is een belofte om iets te doen: een maatregel, geld of een datum. "We gaan onderzoeken", "we kijken of" en "we vinden het belangrijk" zijn geen toezeggingen: leg die niet vast.';
