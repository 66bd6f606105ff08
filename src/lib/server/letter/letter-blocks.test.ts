// Cutting a letter into the blocks colleagues comment on, and finding a remark's block again in a
// later version by its quote. Pure functions: no database.
import { describe, expect, it } from 'vitest';
import { blockFor, quoteOf, QUOTE_LENGTH, splitLetter, type LetterBlock } from './letter-blocks';
import { extractAsks } from './asks';
import { starterLetter } from './starter-letter';
import { assertInert, XSS_PAYLOADS } from '$test/xss-payloads';

const THEMES = [
	{ key: 'jeugdzorg', label: 'Jeugdzorg', letterParagraph: 'Kinderen wachten maanden op jeugdhulp.', letterAsk: 'Zorg voor jeugdhulp binnen vier weken.' },
	{ key: 'ggz', label: 'Ggz en wachtlijsten', letterParagraph: 'De wachtlijsten in de ggz groeien.', letterAsk: 'Maak een plan tegen de wachtlijsten in de ggz.' },
	{ key: 'huisvesting', label: 'Huisvesting', letterParagraph: null, letterAsk: null }
];

const letter = starterLetter('Zaanstad', THEMES);

function byQuote(blocks: LetterBlock[], start: string): LetterBlock {
	const found = blocks.find((b) => b.quote.startsWith(start));
	if (!found) throw new Error(`no block starting with ${start}`);
	return found;
}

describe('splitLetter', () => {
	it('gives every paragraph and heading a block, and every ask a block of its own with its number', () => {
		const blocks = splitLetter(letter);
		expect(blocks[0]).toMatchObject({ anchor: '1', kind: 'paragraph', quote: 'Geachte fractie,', html: '<p>Geachte fractie,</p>' });
		expect(byQuote(blocks, 'Wat wij zien')).toMatchObject({ kind: 'heading', html: '<h2>Wat wij zien in onze praktijken</h2>' });
		expect(byQuote(blocks, 'Jeugdzorg')).toMatchObject({ kind: 'heading', html: '<h3>Jeugdzorg</h3>' });

		const asks = blocks.filter((b) => b.kind === 'ask');
		expect(asks.map((b) => b.quote)).toEqual(extractAsks(letter));
		expect(asks.map((b) => b.askNumber)).toEqual([1, 2, 3]);
		// The items share their list's block number; each keeps its own number when shown alone.
		const listBlock = asks[0].anchor.split('-')[0];
		expect(asks.map((b) => b.anchor)).toEqual([`${listBlock}-1`, `${listBlock}-2`, `${listBlock}-3`]);
		expect(asks[0].html).toMatch(/^<ol>\s*<li>Zorg voor jeugdhulp binnen vier weken\.<\/li>\s*<\/ol>$/);
		expect(asks[1].html).toMatch(/^<ol start="2">\s*<li>Maak een plan/);
	});

	it('gives the same anchors every time, each anchor once', () => {
		const first = splitLetter(letter).map((b) => b.anchor);
		expect(splitLetter(letter).map((b) => b.anchor)).toEqual(first);
		expect(new Set(first).size).toBe(first.length);
	});

	it('keeps a numbered list that is not the asks as items, and a bullet list or quote as one block', () => {
		const text = [
			'## Wat wij zien',
			'',
			'1. Lange wachtlijsten',
			'2. Geen aanspreekpunt',
			'',
			'- een',
			'- twee',
			'',
			'> Een citaat',
			'',
			'---',
			'',
			'## Onze vragen',
			'',
			'3. Eerste vraag',
			'4. Tweede vraag'
		].join('\n');
		const blocks = splitLetter(text);
		expect(blocks.map((b) => [b.anchor, b.kind])).toEqual([
			['1', 'heading'],
			['2-1', 'item'],
			['2-2', 'item'],
			['3', 'other'],
			['4', 'other'],
			['5', 'other'],
			['6', 'heading'],
			['7-1', 'ask'],
			['7-2', 'ask']
		]);
		expect(blocks[3].html).toMatch(/^<ul>\s*<li>een<\/li>\s*<li>twee<\/li>\s*<\/ul>$/);
		// A line has no words to discuss: its quote is empty (the page offers no remark there).
		expect(blocks[5]).toMatchObject({ html: '<hr />', quote: '' });
		// Parties answer per position: the list starting at 3 still holds asks 1 and 2.
		expect(blocks.filter((b) => b.kind === 'ask').map((b) => [b.askNumber, b.html.slice(0, 13)])).toEqual([
			[1, '<ol start="3"'],
			[2, '<ol start="4"']
		]);
	});

	it('quotes the text as readers see it: no Markdown marks, entities decoded, cut at a word', () => {
		const long = `Wij zien **dagelijks** dat A &amp; B [samenwerken](https://example.nl). ${'Heel lang verhaal. '.repeat(20)}`;
		const [block] = splitLetter(long);
		expect(block.quote.startsWith('Wij zien dagelijks dat A & B samenwerken. Heel lang')).toBe(true);
		expect(block.quote.length).toBeLessThanOrEqual(QUOTE_LENGTH);
		expect(block.quote.endsWith('…')).toBe(true);
		expect(block.quote).not.toMatch(/\s…$/);
		expect(quoteOf('  kort\n en  goed ')).toBe('kort en goed');
	});

	it('keeps reference links working in a block of their own', () => {
		const [block] = splitLetter('Lees [het rapport][r].\n\n[r]: https://example.nl/rapport');
		expect(block.html).toBe('<p>Lees <a href="https://example.nl/rapport" rel="nofollow noopener noreferrer">het rapport</a>.</p>');
	});

	it('leaves script in a block inert, drops blocks that are only markup, and keeps anchors stable', () => {
		const text = ['Eerste alinea.', '<script>alert(1)</script>', 'Klik [hier](javascript:alert(1)) <img src=x onerror=alert(1)>', '1. Vraag <b onclick="alert(1)">een</b>'].join('\n\n');
		const blocks = splitLetter(text);
		expect(blocks.map((b) => b.anchor)).toEqual(['1', '3', '4-1']);
		for (const block of blocks) assertInert(block.html);
		expect(blocks[1].html).toBe('<p>Klik <a>hier</a> </p>');
		expect(blocks[2]).toMatchObject({ kind: 'ask', quote: 'Vraag een', html: '<ol>\n<li>Vraag <strong>een</strong></li>\n</ol>' });
	});

	it('leaves every payload of the XSS bench inert, block by block', () => {
		const blocks = splitLetter(XSS_PAYLOADS.map((p) => p.markdown).join('\n\n'));
		expect(blocks.length).toBeGreaterThan(10);
		for (const block of blocks) {
			assertInert(block.html);
			expect(block.html).not.toMatch(/<\s*script/i);
		}
	});
});

describe('blockFor: a remark finds its block in a later version', () => {
	const v1 = splitLetter(letter);
	const ask2 = v1.find((b) => b.askNumber === 2)!;
	const paragraph = byQuote(v1, 'Kinderen wachten');
	const remarkOn = (b: LetterBlock) => ({ anchor: b.anchor, quote: b.quote, kind: b.kind });

	it('on its own revision: by its anchor', () => {
		expect(blockFor(v1, remarkOn(ask2), true)).toBe(ask2);
	});

	it('after a paragraph is added above: by its quote, at its new anchor', () => {
		const v2 = splitLetter(letter.replace('Geachte fractie,', 'Geachte fractie,\n\nEen nieuwe inleiding.'));
		const found = blockFor(v2, remarkOn(ask2), false);
		expect(found?.quote).toBe(ask2.quote);
		expect(found?.anchor).not.toBe(ask2.anchor);
		expect(blockFor(v2, remarkOn(paragraph), false)?.quote).toBe(paragraph.quote);
	});

	it('after a small edit of the block itself: the most similar block', () => {
		const edited = letter.replace('Maak een plan tegen de wachtlijsten in de ggz.', 'Maak samen met ons een plan tegen de wachtlijsten in de ggz.');
		const found = blockFor(splitLetter(edited), remarkOn(ask2), false);
		expect(found).toMatchObject({ kind: 'ask', askNumber: 2, quote: 'Maak samen met ons een plan tegen de wachtlijsten in de ggz.' });
	});

	it('when the text it was about is gone or rewritten: nowhere', () => {
		const without = letter.replace('2. Maak een plan tegen de wachtlijsten in de ggz.\n', '');
		expect(blockFor(splitLetter(without), remarkOn(ask2), false)).toBeNull();
		const rewritten = letter.replace('Maak een plan tegen de wachtlijsten in de ggz.', 'Geef praktijken ruimte in nieuwe wijken.');
		expect(blockFor(splitLetter(rewritten), remarkOn(ask2), false)).toBeNull();
	});
});
