// The words and colours of party positions, shared by server and pages: the stance scale (on care
// themes every party is "for"; what differs is how concrete), the workflow states and the kinds of
// document. A stance is always shown as text; its colour only repeats what the text says.
export const STANCES = ['concreet', 'steunt', 'gemengd', 'tegen', 'niet_genoemd'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
	concreet: 'Concreet',
	steunt: 'Steunt',
	gemengd: 'Gemengd',
	tegen: 'Tegen',
	niet_genoemd: 'Niet genoemd'
};

/** What each stance means, for legends and editors. */
export const STANCE_MEANINGS: Record<Stance, string> = {
	concreet: 'noemt een maatregel, geld of een datum',
	steunt: 'steunt het in algemene woorden',
	gemengd: 'deels voor, deels tegen',
	tegen: 'is ertegen of wil het afbouwen',
	niet_genoemd: 'schrijft er niets over'
};

export const POSITION_STATUSES = ['concept', 'ter_reactie', 'gepubliceerd'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

export const POSITION_STATUS_LABELS: Record<PositionStatus, string> = {
	concept: 'Concept',
	ter_reactie: 'Ter reactie',
	gepubliceerd: 'Gepubliceerd'
};

export const DOCUMENT_KINDS = ['verkiezingsprogramma', 'coalitieakkoord', 'collegeprogramma', 'anders'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
	verkiezingsprogramma: 'Verkiezingsprogramma',
	coalitieakkoord: 'Coalitieakkoord',
	collegeprogramma: 'Collegeprogramma',
	anders: 'Ander document'
};

/** The matrix's document filter: what a party promised before the election, after it, or both. */
export const DOCUMENT_FILTERS = ['alle', 'programma', 'akkoord'] as const;
export type DocumentFilter = (typeof DOCUMENT_FILTERS)[number];

export const DOCUMENT_FILTER_LABELS: Record<DocumentFilter, string> = {
	alle: 'Programma en coalitieakkoord naast elkaar',
	programma: 'Alleen verkiezingsprogramma’s',
	akkoord: 'Alleen coalitieakkoord en collegeprogramma'
};

/** Which side of the election a kind of document speaks for. */
export function documentSide(kind: DocumentKind): 'programma' | 'akkoord' {
	return kind === 'coalitieakkoord' || kind === 'collegeprogramma' ? 'akkoord' : 'programma';
}

export function stanceOf(value: string): Stance {
	return STANCES.find((known) => known === value) ?? 'niet_genoemd';
}

export function positionStatusOf(value: string): PositionStatus {
	return POSITION_STATUSES.find((known) => known === value) ?? 'concept';
}

export function documentKindOf(value: string): DocumentKind {
	return DOCUMENT_KINDS.find((known) => known === value) ?? 'anders';
}
