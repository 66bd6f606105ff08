// The one-line summaries a shared link shows, as a reader of a chat or a newsletter gets them.
import { describe, expect, it } from 'vitest';
import { answersPhrase, gemeenteShare, letterSummary, lettersShare, positionShare, practicesPhrase, shorten } from './share-summary';

const sent = { sent: true, signers: 23, practicesSigned: 9, practicesTotal: 12, parties: 9, answered: 4 };

describe('letterSummary', () => {
	it('says who signed and how many parties answered, in one line', () => {
		expect(letterSummary(sent)).toBe('23 huisartsen uit 9 van de 12 praktijken · 4 van 9 partijen antwoordden');
		expect(letterSummary({ ...sent, answered: 1 })).toBe('23 huisartsen uit 9 van de 12 praktijken · 1 van 9 partijen antwoordde');
		expect(letterSummary({ ...sent, signers: 1, practicesSigned: 1, practicesTotal: 1, parties: 1, answered: 0 })).toBe(
			'1 huisarts uit 1 praktijk · de partij antwoordde nog niet'
		);
	});

	it('writes large numbers the Dutch way', () => {
		expect(letterSummary({ ...sent, signers: 1234, practicesSigned: 1001, practicesTotal: 2500 })).toBe(
			'1.234 huisartsen uit 1.001 van de 2.500 praktijken · 4 van 9 partijen antwoordden'
		);
	});

	it('leaves the answers out when the recipients were not recorded', () => {
		expect(letterSummary({ ...sent, parties: 0, answered: 0 })).toBe('23 huisartsen uit 9 van de 12 praktijken');
	});

	it('says a letter under way is being signed, without answers', () => {
		expect(letterSummary({ ...sent, sent: false, parties: 0, answered: 0 })).toBe('Wordt ondertekend: 23 huisartsen uit 9 van de 12 praktijken');
		expect(letterSummary({ ...sent, sent: false, signers: 0, practicesSigned: 0 })).toBe('Staat open voor ondertekening');
	});
});

describe('the parts', () => {
	it('practices: a share of the known ones, all of them, or a plain count', () => {
		expect(practicesPhrase(9, 12)).toBe('uit 9 van de 12 praktijken');
		expect(practicesPhrase(12, 12)).toBe('uit alle 12 praktijken');
		expect(practicesPhrase(1, 1)).toBe('uit 1 praktijk');
		expect(practicesPhrase(3, 0)).toBe('uit 3 praktijken');
		expect(practicesPhrase(0, 12)).toBe('uit 0 praktijken');
	});

	it('answers: none, some, all, or one party', () => {
		expect(answersPhrase(0, 9)).toBe('nog geen van de 9 partijen antwoordde');
		expect(answersPhrase(4, 9)).toBe('4 van 9 partijen antwoordden');
		expect(answersPhrase(9, 9)).toBe('alle 9 partijen antwoordden');
		expect(answersPhrase(1, 1)).toBe('de partij antwoordde');
		expect(answersPhrase(0, 0)).toBeNull();
	});

	it('shortens at a word, with an ellipsis only when cut', () => {
		expect(shorten('Kort genoeg.', 40)).toBe('Kort genoeg.');
		expect(shorten('Wij  reserveren\nruimte voor huisartsen in elke nieuwe wijk van de stad', 30)).toBe('Wij reserveren ruimte voor…');
		expect(shorten('Wij reserveren ruimte voor huisartsen', 30).length).toBeLessThanOrEqual(30);
	});
});

describe('share texts per page', () => {
	it('a gemeente with a letter: its title and its summary', () => {
		expect(gemeenteShare('Zaanstad', { ...sent, title: 'Zorg dichtbij' })).toEqual({
			title: 'Zaanstad: Zorg dichtbij',
			description: '23 huisartsen uit 9 van de 12 praktijken · 4 van 9 partijen antwoordden'
		});
	});

	it('a gemeente without a letter: what the page is for, and the positions when there are any', () => {
		expect(gemeenteShare('Oostzaan', null)).toEqual({
			title: 'Oostzaan: huisartsen en de gemeentepolitiek',
			description: 'Nog geen brief van de huisartsen in Oostzaan. Wat de partijen over zorg schrijven en wat de gemeente besluit.'
		});
		expect(gemeenteShare('Oostzaan', null, 5).description).toBe(
			'Nog geen brief van de huisartsen in Oostzaan. 5 standpunten van partijen over zorg, met bewijs.'
		);
	});

	it('the letter lists: how many letters in how many gemeenten', () => {
		expect(lettersShare(12, 9)).toBe('12 brieven van huisartsen aan de gemeentepolitiek, in 9 gemeenten: wie tekende en wat de partijen antwoordden.');
		expect(lettersShare(1, 1)).toBe('1 brief van huisartsen aan de gemeentepolitiek, in 1 gemeente: wie tekende en wat de partijen antwoordden.');
		expect(lettersShare(0, 0)).toMatch(/^De huisartsen van een gemeente schrijven samen één brief/);
	});

	it('a position: the stance, a short quote and where it stands', () => {
		const base = {
			partyName: 'VVD',
			themeLabel: 'Huisvesting van huisartsenpraktijken',
			gemeenteName: 'Zaanstad',
			stanceLabel: 'Concreet',
			quote: 'Wij reserveren in elke nieuwe wijk ruimte voor een gezondheidscentrum.',
			documentTitle: 'Verkiezingsprogramma 2026',
			page: 12
		};
		expect(positionShare(base)).toEqual({
			title: 'VVD over huisvesting van huisartsenpraktijken in Zaanstad',
			description: 'Concreet: “Wij reserveren in elke nieuwe wijk ruimte voor een gezondheidscentrum.” (Verkiezingsprogramma 2026, pagina 12)'
		});
		expect(positionShare({ ...base, stanceLabel: 'Niet genoemd', quote: null, page: null }).description).toBe(
			'Niet genoemd: Verkiezingsprogramma 2026 zegt hier niets over.'
		);
		expect(positionShare({ ...base, quote: 'woord '.repeat(100) }).description.length).toBeLessThan(200);
	});
});
