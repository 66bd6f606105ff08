// The starter letter and the numbered asks that party answers refer to.
import { beforeAll, describe, expect, it } from 'vitest';
import { starterLetter } from './starter-letter';
import { askListStart, extractAsks } from './asks';
import { listThemes, type Theme } from '../gemeenten/themes';
import { connectTestDatabase } from '$test/test-db';
import { renderMarkdown } from '../platform/markdown';
import { assertInert } from '$test/xss-payloads';

connectTestDatabase();

describe('starterLetter', () => {
	let all: Theme[] = [];
	let themes: Theme[] = [];
	let letter = '';
	beforeAll(async () => {
		all = await listThemes();
		themes = ['wmo', 'jeugdzorg', 'huisvesting'].map((key) => all.find((t) => t.key === key)!);
		letter = starterLetter('Zaanstad', themes);
	});

	it('speaks for the huisartsen of the gemeente and offers to talk', () => {
		expect(letter).toContain('de gemeente Zaanstad');
		expect(letter).toContain('De huisartsen van Zaanstad');
		expect(letter).toMatch(/## Laten we praten/);
		expect(letter).toMatch(/gesprek/);
	});

	it('has a paragraph per chosen theme, and no others', () => {
		for (const theme of themes) expect(letter).toContain(`### ${theme.label}`);
		expect(letter).not.toContain(all.find((t) => t.key === 'ggz')!.label);
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

	it('gives a theme without letter text a paragraph and an ask to fill in', () => {
		const added = { key: 'nieuw', label: 'Nieuw thema', letterParagraph: null, letterAsk: null };
		const text = starterLetter('Urk', [added]);
		expect(text).toContain('### Nieuw thema');
		expect(extractAsks(text)).toEqual(['Schrijf hier wat u van de gemeente vraagt.']);
	});
});
