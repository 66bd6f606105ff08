// Checks that the votes entered for a motion add up, each problem with a Dutch sentence saying
// what is wrong: a party entered twice (or both for and against), a result the votes contradict,
// a hamerstuk or a withdrawn/postponed motion with votes, a hand-entered vote without its source
// (link to the besluitenlijst or notulen, and the page). Pure: no database, usable in forms.
import type { MotionResult, PartyVote, VoteSource } from './types';

export interface CheckedVote {
	partyId: string;
	partyName: string;
	vote: PartyVote;
	source: VoteSource;
	sourceUrl?: string | null;
	sourcePage?: number | null;
}

export interface VoteCheckInput {
	result: MotionResult | null;
	hamerstuk: boolean;
	votes: CheckedVote[];
	/** The council's parties (all fracties that vote); needed to call a vote complete. */
	councilParties?: Array<{ id: string; name: string }>;
	/** Seats per party id, when known: lets a majority be computed from party votes. */
	seats?: Record<string, number>;
	/** Member counts from the source (tally), when known. */
	tally?: { inFavour: number; against: number } | null;
}

export type VoteProblemCode =
	| 'party_twice'
	| 'hamerstuk_with_votes'
	| 'no_vote_expected'
	| 'manual_without_source'
	| 'manual_without_page'
	| 'result_contradicts_votes'
	| 'result_contradicts_tally';

export interface VoteProblem {
	code: VoteProblemCode;
	message: string;
	partyId?: string;
}

export function checkVotes(input: VoteCheckInput): VoteProblem[] {
	const problems: VoteProblem[] = [];
	const byParty = new Map<string, CheckedVote[]>();
	for (const vote of input.votes) byParty.set(vote.partyId, [...(byParty.get(vote.partyId) ?? []), vote]);
	for (const [partyId, votes] of byParty) {
		if (votes.length < 2) continue;
		const kinds = [...new Set(votes.map((v) => v.vote))];
		problems.push({
			code: 'party_twice',
			partyId,
			message:
				kinds.length > 1
					? `${votes[0].partyName} staat er ${votes.length} keer in (${kinds.join(' én ')}). Geef één stem per partij; stemde de fractie verschillend, kies dan 'verdeeld'.`
					: `${votes[0].partyName} staat er ${votes.length} keer in. Geef één stem per partij.`
		});
	}
	if (input.hamerstuk && input.votes.length > 0) {
		problems.push({
			code: 'hamerstuk_with_votes',
			message: 'Een hamerstuk is zonder stemming afgehandeld, maar er staan stemmen bij. Haal de stemmen weg, of zet "hamerstuk" uit.'
		});
	}
	if ((input.result === 'ingetrokken' || input.result === 'aangehouden') && input.votes.some((v) => isCast(v.vote))) {
		problems.push({
			code: 'no_vote_expected',
			message: `Over een ${input.result === 'ingetrokken' ? 'ingetrokken' : 'aangehouden'} motie wordt niet gestemd, maar er staan stemmen voor of tegen bij. Klopt de uitslag?`
		});
	}
	for (const vote of input.votes) {
		if (vote.source !== 'manual') continue;
		if (!vote.sourceUrl || !/^https?:\/\/\S+$/i.test(vote.sourceUrl)) {
			problems.push({
				code: 'manual_without_source',
				partyId: vote.partyId,
				message: `Bij de stem van ${vote.partyName} ontbreekt de bron: voeg de link naar de besluitenlijst of de notulen toe.`
			});
		} else if (!vote.sourcePage || vote.sourcePage < 1) {
			problems.push({
				code: 'manual_without_page',
				partyId: vote.partyId,
				message: `Bij de stem van ${vote.partyName} ontbreekt het paginanummer in de besluitenlijst of de notulen.`
			});
		}
	}
	const contradiction = resultContradiction(input, byParty);
	if (contradiction) problems.push(contradiction);
	if (input.tally && (input.result === 'aangenomen' || input.result === 'verworpen')) {
		const { inFavour, against } = input.tally;
		const passed = inFavour > against;
		if ((input.result === 'aangenomen') !== passed && inFavour + against > 0) {
			problems.push({
				code: 'result_contradicts_tally',
				message: `De uitslag is '${input.result}', maar de bron telt ${inFavour} stemmen voor en ${against} tegen.`
			});
		}
	}
	return problems;
}

const isCast = (vote: PartyVote) => vote === 'voor' || vote === 'tegen' || vote === 'verdeeld';

/**
 * The rule for "a result that contradicts fully known votes":
 * - Only 'aangenomen' and 'verworpen' can be contradicted, and only when every council party has
 *   exactly one vote (a party without a row is unknown, so nothing can be concluded).
 * - A 'verdeeld' or 'onbekend' party leaves the outcome open: no conclusion.
 * - With seats for every party that voted: a majority of the seats voor means adopted; a tie or
 *   less means rejected (staking of votes does not adopt a motion).
 * - Without seats, parties differ in size, so only unanimity is conclusive: every party that
 *   voted (afwezig and onthouden aside) voted voor → not verworpen; all tegen → not aangenomen.
 */
function resultContradiction(input: VoteCheckInput, byParty: Map<string, CheckedVote[]>): VoteProblem | null {
	if (input.result !== 'aangenomen' && input.result !== 'verworpen') return null;
	const parties = input.councilParties;
	if (!parties || parties.length === 0) return null;
	const votes = parties.map((party) => byParty.get(party.id));
	if (votes.some((v) => !v || v.length !== 1)) return null;
	const cast = votes.map((v) => v![0]).filter((v) => v.vote !== 'afwezig' && v.vote !== 'onthouden');
	if (cast.length === 0 || cast.some((v) => v.vote === 'verdeeld' || v.vote === 'onbekend')) return null;
	const seats = input.seats;
	if (seats && cast.every((v) => Number.isFinite(seats[v.partyId]))) {
		const inFavour = cast.filter((v) => v.vote === 'voor').reduce((sum, v) => sum + seats[v.partyId], 0);
		const against = cast.filter((v) => v.vote === 'tegen').reduce((sum, v) => sum + seats[v.partyId], 0);
		const passed = inFavour > against;
		if (passed === (input.result === 'aangenomen')) return null;
		return {
			code: 'result_contradicts_votes',
			message: `De uitslag is '${input.result}', maar volgens de stemmen per partij waren er ${inFavour} zetels voor en ${against} tegen.`
		};
	}
	const all = cast[0].vote;
	if (!cast.every((v) => v.vote === all)) return null;
	if (all === 'voor' && input.result === 'verworpen') {
		return { code: 'result_contradicts_votes', message: "Alle partijen stemden voor, maar de uitslag is 'verworpen'. Klopt de uitslag, of een van de stemmen?" };
	}
	if (all === 'tegen' && input.result === 'aangenomen') {
		return { code: 'result_contradicts_votes', message: "Alle partijen stemden tegen, maar de uitslag is 'aangenomen'. Klopt de uitslag, of een van de stemmen?" };
	}
	return null;
}
