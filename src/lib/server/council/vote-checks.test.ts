// The checks an editor meets before votes are saved: each entry that does not add up gets a
// Dutch sentence that says what is wrong; entries that do add up get none.
import { describe, expect, it } from 'vitest';
import { checkVotes, type CheckedVote } from './vote-checks';

const council = [
	{ id: 'a', name: 'VVD' },
	{ id: 'b', name: 'CDA' },
	{ id: 'c', name: 'GroenLinks' }
];
const src = { source: 'manual' as const, sourceUrl: 'https://alkmaar.notubiz.nl/besluitenlijst.pdf', sourcePage: 3 };
const vote = (partyId: string, v: CheckedVote['vote'], extra: Partial<CheckedVote> = {}): CheckedVote => ({
	partyId,
	partyName: council.find((p) => p.id === partyId)!.name,
	vote: v,
	...src,
	...extra
});

describe('checkVotes', () => {
	it('accepts a complete, consistent entry', () => {
		expect(checkVotes({ result: 'aangenomen', hamerstuk: false, councilParties: council, votes: [vote('a', 'voor'), vote('b', 'tegen'), vote('c', 'voor')] })).toEqual([]);
	});

	it('refuses a party that is both for and against', () => {
		const problems = checkVotes({ result: 'aangenomen', hamerstuk: false, votes: [vote('a', 'voor'), vote('a', 'tegen')] });
		expect(problems).toEqual([
			{ code: 'party_twice', partyId: 'a', message: "VVD staat er 2 keer in (voor én tegen). Geef één stem per partij; stemde de fractie verschillend, kies dan 'verdeeld'." }
		]);
	});

	it('refuses a hamerstuk with votes', () => {
		expect(checkVotes({ result: 'aangenomen', hamerstuk: true, votes: [vote('a', 'voor')] }).map((p) => p.code)).toEqual(['hamerstuk_with_votes']);
		expect(checkVotes({ result: 'aangenomen', hamerstuk: true, votes: [] })).toEqual([]);
	});

	it('asks about votes on a withdrawn motion', () => {
		expect(checkVotes({ result: 'ingetrokken', hamerstuk: false, votes: [vote('a', 'tegen')] })[0].message).toBe(
			'Over een ingetrokken motie wordt niet gestemd, maar er staan stemmen voor of tegen bij. Klopt de uitslag?'
		);
	});

	it('wants the link and page of a hand-entered vote', () => {
		const problems = checkVotes({
			result: null,
			hamerstuk: false,
			votes: [vote('a', 'voor', { sourceUrl: null }), vote('b', 'voor', { sourceUrl: 'javascript:alert(1)' }), vote('c', 'voor', { sourcePage: null })]
		});
		expect(problems.map((p) => p.message)).toEqual([
			'Bij de stem van VVD ontbreekt de bron: voeg de link naar de besluitenlijst of de notulen toe.',
			'Bij de stem van CDA ontbreekt de bron: voeg de link naar de besluitenlijst of de notulen toe.',
			'Bij de stem van GroenLinks ontbreekt het paginanummer in de besluitenlijst of de notulen.'
		]);
		// Imported votes carry their own provenance.
		expect(checkVotes({ result: null, hamerstuk: false, votes: [vote('a', 'voor', { source: 'aggregated', sourceUrl: null, sourcePage: null })] })).toEqual([]);
	});

	it('without seats, flags a result only when every party voted the same way', () => {
		const allFor = [vote('a', 'voor'), vote('b', 'voor'), vote('c', 'voor')];
		expect(checkVotes({ result: 'verworpen', hamerstuk: false, councilParties: council, votes: allFor })[0]).toMatchObject({
			code: 'result_contradicts_votes',
			message: "Alle partijen stemden voor, maar de uitslag is 'verworpen'. Klopt de uitslag, of een van de stemmen?"
		});
		const allAgainstButAbsent = [vote('a', 'tegen'), vote('b', 'afwezig'), vote('c', 'tegen')];
		expect(checkVotes({ result: 'aangenomen', hamerstuk: false, councilParties: council, votes: allAgainstButAbsent })[0].code).toBe('result_contradicts_votes');
		// Mixed votes: without seats nobody can tell who had the majority.
		expect(checkVotes({ result: 'verworpen', hamerstuk: false, councilParties: council, votes: [vote('a', 'voor'), vote('b', 'voor'), vote('c', 'tegen')] })).toEqual([]);
		// One party unknown: the votes are not fully known.
		expect(checkVotes({ result: 'verworpen', hamerstuk: false, councilParties: council, votes: allFor.slice(0, 2) })).toEqual([]);
		expect(checkVotes({ result: 'verworpen', hamerstuk: false, councilParties: council, votes: [...allFor.slice(0, 2), vote('c', 'verdeeld')] })).toEqual([]);
	});

	it('with seats, compares the majority of seats, a tie rejecting', () => {
		const seats = { a: 9, b: 5, c: 4 };
		const votes = [vote('a', 'tegen'), vote('b', 'voor'), vote('c', 'voor')];
		expect(checkVotes({ result: 'aangenomen', hamerstuk: false, councilParties: council, seats, votes })[0].message).toBe(
			"De uitslag is 'aangenomen', maar volgens de stemmen per partij waren er 9 zetels voor en 9 tegen."
		);
		expect(checkVotes({ result: 'verworpen', hamerstuk: false, councilParties: council, seats, votes })).toEqual([]);
	});

	it('compares the result with the tally of the source', () => {
		expect(checkVotes({ result: 'aangenomen', hamerstuk: false, votes: [], tally: { inFavour: 11, against: 20 } })[0].message).toBe(
			"De uitslag is 'aangenomen', maar de bron telt 11 stemmen voor en 20 tegen."
		);
		expect(checkVotes({ result: 'aangenomen', hamerstuk: false, votes: [], tally: { inFavour: 20, against: 11 } })).toEqual([]);
	});
});
