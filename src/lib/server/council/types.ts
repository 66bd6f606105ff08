// The words of council work, shared by the import, manual entry, the checks and (later) the
// pages: kinds of meetings, motion results, a party's vote and where that vote came from.

export type MeetingKind = 'raadsvergadering' | 'commissievergadering' | 'informatiebijeenkomst' | 'overig';
export type MeetingStatus = 'gepland' | 'geannuleerd' | 'verplaatst' | 'uitgesteld';
export type MotionType = 'motie' | 'amendement';
export type MotionResult = 'aangenomen' | 'verworpen' | 'ingetrokken' | 'aangehouden' | 'overig';
export type PartyVote = 'voor' | 'tegen' | 'verdeeld' | 'onthouden' | 'afwezig' | 'onbekend';
/** aggregated: from per-member votes in imported data; summary: read from the source's free-text
 * vote summary; manual: entered from the besluitenlijst or notulen (link and page). */
export type VoteSource = 'aggregated' | 'summary' | 'manual';
export type SourceDocument = 'besluitenlijst' | 'notulen';

export const MEETING_KINDS: Record<MeetingKind, string> = {
	raadsvergadering: 'Raadsvergadering',
	commissievergadering: 'Commissievergadering',
	informatiebijeenkomst: 'Informatiebijeenkomst',
	overig: 'Overige bijeenkomst'
};

export const MOTION_RESULTS: Record<MotionResult, string> = {
	aangenomen: 'Aangenomen',
	verworpen: 'Verworpen',
	ingetrokken: 'Ingetrokken',
	aangehouden: 'Aangehouden',
	overig: 'Overig'
};

export const PARTY_VOTES: Record<PartyVote, string> = {
	voor: 'Voor',
	tegen: 'Tegen',
	verdeeld: 'Verdeeld',
	onthouden: 'Onthouden',
	afwezig: 'Afwezig',
	onbekend: 'Onbekend'
};

export const VOTE_SOURCES: Record<VoteSource, string> = {
	aggregated: 'Uit de stemmen per raadslid',
	summary: 'Uit de stemverklaring van de bron',
	manual: 'Ingevoerd uit besluitenlijst of notulen'
};
