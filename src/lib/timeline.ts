// Words for the timeline of a gemeente, shared by server and pages: the kinds of item, in the order
// a story goes (ask → answer → programme → meeting → motion → commitment → later status).
export const TIMELINE_KINDS = ['vraag', 'antwoord', 'standpunt', 'vergadering', 'motie', 'toezegging', 'status'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
	vraag: 'Vraag uit de brief',
	antwoord: 'Antwoord van een partij',
	standpunt: 'Standpunt uit programma of akkoord',
	vergadering: 'Vergadering',
	motie: 'Motie en stemming',
	toezegging: 'Toezegging',
	status: 'Nieuwe stand van een toezegging'
};

/** For the filter: plural, as a choice reads ("Toon: moties en stemmingen"). */
export const TIMELINE_KIND_CHOICES: Record<TimelineKind, string> = {
	vraag: 'Vragen uit de brief',
	antwoord: 'Antwoorden van partijen',
	standpunt: 'Standpunten',
	vergadering: 'Vergaderingen',
	motie: 'Moties en stemmingen',
	toezegging: 'Toezeggingen',
	status: 'Nieuwe standen van toezeggingen'
};

export function timelineKindOf(key: string): TimelineKind | null {
	return TIMELINE_KINDS.find((kind) => key.startsWith(`${kind}-`)) ?? null;
}

/** An item key as the timeline makes them: '<kind>-<uuid>', '<kind>-<uuid>-<uuid>' or 'status-<n>'. */
export function isTimelineKey(key: string): boolean {
	return /^(vraag|standpunt|vergadering|motie|toezegging)-[0-9a-f-]{36}$|^antwoord-[0-9a-f-]{36}-[0-9a-f-]{36}$|^status-\d{1,18}$/.test(key);
}

// Council words as the timeline shows them (the same as the council module's, which is
// server-only; pages import these).
export const MEETING_KIND_LABELS: Record<string, string> = {
	raadsvergadering: 'Raadsvergadering',
	commissievergadering: 'Commissievergadering',
	informatiebijeenkomst: 'Informatiebijeenkomst',
	overig: 'Bijeenkomst'
};

export const MOTION_RESULT_LABELS: Record<string, string> = {
	aangenomen: 'aangenomen',
	verworpen: 'verworpen',
	ingetrokken: 'ingetrokken',
	aangehouden: 'aangehouden',
	overig: 'overig'
};

export const VOTE_LABELS: Record<string, string> = {
	voor: 'voor',
	tegen: 'tegen',
	verdeeld: 'verdeeld',
	onthouden: 'onthouden',
	afwezig: 'afwezig',
	onbekend: 'onbekend'
};
