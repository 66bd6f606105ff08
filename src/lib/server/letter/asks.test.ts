// Reading a letter's numbered asks from its Markdown, and fixing them as rows when it opens.
import { describe, expect, it } from 'vitest';
import { askListStart, asksToFix, extractAsks } from './asks';
import { starterLetter } from './starter-letter';
import { listThemes } from '../gemeenten/themes';
import { connectTestDatabase } from '$test/test-db';

connectTestDatabase();

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

describe('asksToFix', () => {
	it('numbers the asks from 1 and links each unchanged starter ask to its theme', async () => {
		const themes = (await listThemes()).filter((t) => ['wmo', 'ggz'].includes(t.key));
		const letter = starterLetter('Zaanstad', themes).replace(themes[1].letterAsk!, 'Een eigen vraag over de ggz.');
		expect(asksToFix(letter, themes)).toEqual([
			{ number: 1, body: themes[0].letterAsk, theme_key: 'wmo' },
			{ number: 2, body: 'Een eigen vraag over de ggz.', theme_key: null }
		]);
	});
});
