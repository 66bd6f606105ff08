// The starter letter and the numbered asks that party answers refer to.
import { describe, expect, it } from 'vitest';
import { askListStart, extractAsks, starterLetter } from './starter-letter';
import { renderMarkdown } from '../platform/markdown';
import { assertInert } from '$test/xss-payloads';
import { themeLabel, type ThemeKey } from '$lib/themes';

describe('starterLetter', () => {
	const themes: ThemeKey[] = ['wmo', 'jeugdzorg', 'huisvesting'];
	const letter = starterLetter('Zaanstad', themes);

	it('speaks for the huisartsen of the gemeente and offers to talk', () => {
		expect(letter).toContain('de gemeente Zaanstad');
		expect(letter).toContain('De huisartsen van Zaanstad');
		expect(letter).toMatch(/## Laten we praten/);
		expect(letter).toMatch(/gesprek/);
	});

	it('has a paragraph per chosen theme, and no others', () => {
		for (const theme of themes) expect(letter).toContain(`### ${themeLabel(theme)}`);
		expect(letter).not.toContain(themeLabel('ggz'));
	});

	it('has exactly one numbered ask per theme, found by extractAsks in order', () => {
		const numbered = letter.match(/^\d+\. /gm) ?? [];
		expect(numbered).toEqual(['1. ', '2. ', '3. ']);
		const asks = extractAsks(letter);
		expect(asks).toHaveLength(3);
		expect(asks[0]).toMatch(/Wmo-aanvraag/);
		expect(asks[1]).toMatch(/jeugdhulp/);
		expect(asks[2]).toMatch(/bouwplan/);
		expect(askListStart(letter)).toBe(1);
	});

	it('renders to inert HTML with the asks as a numbered list', () => {
		const html = renderMarkdown(letter);
		assertInert(html);
		expect(html.match(/<ol>[\s\S]*?<\/ol>/)?.[0].match(/<li>/g)).toHaveLength(3);
	});

	it('falls back to one theme when none is chosen', () => {
		expect(extractAsks(starterLetter('Urk', []))).toHaveLength(1);
	});
});

describe('extractAsks', () => {
	it('finds the asks under "Onze vragen" even with another numbered list above', () => {
		const markdown = [
			'## Wat wij zien',
			'',
			'1. Lange wachtlijsten',
			'2. Geen aanspreekpunt',
			'',
			'## Onze vragen aan u',
			'',
			'1. Eerste vraag',
			'2. Tweede vraag',
			'',
			'## Tot slot',
			'',
			'1. Niet een vraag'
		].join('\n');
		expect(extractAsks(markdown)).toEqual(['Eerste vraag', 'Tweede vraag']);
	});

	it('keeps subheadings inside the asks section part of it', () => {
		const markdown = '## Onze vragen\n\n### Per thema\n\n1. Vraag een\n2. Vraag twee\n';
		expect(extractAsks(markdown)).toEqual(['Vraag een', 'Vraag twee']);
	});

	it('does not take a list from a later section that is not about asks', () => {
		const markdown = '## Onze vragen\n\nZie hieronder.\n\n## Bijlage\n\n1. Bron\n\n## Andere vraag\n\n1. Echte vraag\n';
		expect(extractAsks(markdown)).toEqual(['Echte vraag']);
	});

	it('without an asks heading, takes the first numbered list; without one at all, none', () => {
		expect(extractAsks('Tekst\n\n- los\n\n1. Een\n2. Twee\n')).toEqual(['Een', 'Twee']);
		expect(extractAsks('Alleen tekst en\n\n- een opsomming\n')).toEqual([]);
		expect(askListStart('Alleen tekst')).toBeNull();
	});

	it('gives plain text without Markdown marks or HTML', () => {
		const markdown = '## Onze vragen\n\n1. **Beslis** binnen `vier` weken &amp; [meld](https://x.example) het <b>nu</b>\n2. Twee\n   - met een sub\n';
		expect(extractAsks(markdown)).toEqual(['Beslis binnen vier weken & meld het nu', 'Twee met een sub']);
	});

	it('tells when the list does not start at 1', () => {
		expect(askListStart('## Onze vragen\n\n3. Drie\n4. Vier\n')).toBe(3);
	});
});
