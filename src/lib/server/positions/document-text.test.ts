// Reading documents into passages: a real multi-page PDF (made with pdfkit) keeps its page
// numbers, words broken over lines are joined, Markdown keeps its headings as sections, plain
// text numbers its paragraphs, and what is no PDF is refused in Dutch.
import { describe, expect, it } from 'vitest';
import { makePdf } from '$test/positions-fixtures';
import { DocumentTextError, passagesFromMarkdown, passagesFromPages, passagesFromText, pdfPages } from './document-text';

describe('document text', () => {
	it('reads a PDF page by page, so every passage knows its page', async () => {
		const pdf = await makePdf(5, (page) =>
			page === 4 ? 'Wij beslissen binnen vier weken over elke Wmo-aanvraag.' : `Pagina ${page} gaat over verkeer en wonen.`
		);
		const pages = await pdfPages(pdf);
		expect(pages).toHaveLength(5);
		const passages = passagesFromPages(pages);
		expect(passages.find((p) => p.body.includes('Wmo-aanvraag'))).toEqual({
			page: 4,
			section: null,
			body: 'Wij beslissen binnen vier weken over elke Wmo-aanvraag.'
		});
	});

	it('refuses what is not a PDF, in Dutch', async () => {
		await expect(pdfPages(new TextEncoder().encode('Dit is gewoon tekst'))).rejects.toThrow(DocumentTextError);
		await expect(pdfPages(new TextEncoder().encode('Dit is gewoon tekst'))).rejects.toThrow('Dit bestand is geen pdf.');
	});

	it('joins a word broken over two lines and keeps long paragraphs at a readable length', () => {
		const [first] = passagesFromPages(['De jeugd-\nzorg krijgt\nmeer geld.']);
		expect(first.body).toBe('De jeugdzorg krijgt meer geld.');
		const long = Array.from({ length: 80 }, (_, i) => `Zin nummer ${i} gaat over de Wmo.`).join(' ');
		const pieces = passagesFromPages([long]);
		expect(pieces.length).toBeGreaterThan(1);
		expect(pieces.every((p) => p.body.length <= 1500 && /\.$/.test(p.body))).toBe(true);
	});

	it('Markdown: headings become sections; plain text: numbered paragraphs, or pages at form feeds', () => {
		expect(passagesFromMarkdown('# Zorg\n\nMeer **geld** voor de [Wmo](https://x.nl).\n\n## Wonen\n\n- Bouwen')).toEqual([
			{ page: null, section: 'Zorg', body: 'Meer geld voor de Wmo.' },
			{ page: null, section: 'Wonen', body: 'Bouwen' }
		]);
		expect(passagesFromText('Eerste alinea.\n\nTweede alinea.')).toEqual([
			{ page: null, section: 'Alinea 1', body: 'Eerste alinea.' },
			{ page: null, section: 'Alinea 2', body: 'Tweede alinea.' }
		]);
		expect(passagesFromText('Pagina een.\fPagina twee.').map((p) => p.page)).toEqual([1, 2]);
	});
});
