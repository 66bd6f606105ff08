// The words for a party's votes on a theme: a series, never a bare percentage; absences do not
// count as votes; and how complete the data is, for 0, 1, some and all votes known.
import { describe, expect, it } from 'vitest';
import { tallyVotes, voteCoverage, voteSeries } from './vote-series';

function words(votes: Array<string | null>, motions = votes.length) {
	const tally = tallyVotes(votes, motions);
	return { series: voteSeries(tally), coverage: voteCoverage(tally) };
}

describe('vote series wording', () => {
	it('no vote known: says so, for one motion and for several', () => {
		expect(words([null, null, 'onbekend'])).toEqual({
			series: 'Geen stemmen bekend',
			coverage: 'Stemmen onbekend voor alle 3 moties'
		});
		expect(words([null])).toEqual({
			series: 'Geen stemmen bekend',
			coverage: 'Stem onbekend voor de enige motie over dit thema'
		});
		expect(words([])).toEqual({
			series: 'Geen stemmen bekend',
			coverage: 'Nog geen besliste moties over dit thema vastgelegd'
		});
	});

	it('one vote known', () => {
		expect(words(['voor', null, null, null, null, null, null])).toEqual({
			series: 'Stemde 1 keer: voor',
			coverage: 'Stemmen bekend voor 1 van de 7 moties'
		});
		expect(words(['tegen'])).toEqual({ series: 'Stemde 1 keer: tegen', coverage: 'Stem bekend voor de enige motie over dit thema' });
	});

	it('some votes known: the series and the coverage, as in the issue', () => {
		expect(words(['voor', 'voor', 'tegen', null, 'voor', 'voor', null, null, null], 9)).toEqual({
			series: 'Stemde 4 van de 5 keer voor, 1 keer tegen',
			coverage: 'Stemmen bekend voor 5 van de 9 moties'
		});
		expect(words(['voor', 'tegen', 'verdeeld', null, null, null, null]).coverage).toBe('Stemmen bekend voor 3 van de 7 moties');
		expect(words(['voor', 'tegen', 'verdeeld', null, null, null, null]).series).toBe('Stemde 1 van de 3 keer voor, 1 keer tegen en 1 keer verdeeld');
	});

	it('all votes known', () => {
		expect(words(['voor', 'voor', 'voor'])).toEqual({ series: 'Stemde alle 3 keer voor', coverage: 'Stemmen bekend voor alle 3 moties' });
		expect(words(['tegen', 'tegen'])).toEqual({ series: 'Stemde alle 2 keer tegen', coverage: 'Stemmen bekend voor alle 2 moties' });
		expect(words(['tegen', 'verdeeld', 'onthouden']).series).toBe('Stemde geen van de 3 keer voor: 1 keer tegen, 1 keer verdeeld en onthield zich 1 keer');
	});

	it('absences are known but are no vote', () => {
		expect(words(['voor', 'afwezig', 'voor', 'voor'])).toEqual({
			series: 'Stemde alle 3 keer voor (daarnaast 1 keer afwezig; dat telt niet als stem)',
			coverage: 'Stemmen bekend voor alle 4 moties'
		});
		expect(words(['afwezig', 'afwezig', null]).series).toBe('Geen stem uitgebracht: 2 keer afwezig (telt niet als stem)');
	});

	it('never a bare percentage', () => {
		const all = [
			['voor', 'tegen', null],
			['voor'],
			[null],
			['voor', 'voor', 'verdeeld', 'afwezig', 'onthouden', null]
		].flatMap((votes) => Object.values(words(votes)));
		for (const sentence of all) expect(sentence).not.toMatch(/%|procent/);
	});
});
