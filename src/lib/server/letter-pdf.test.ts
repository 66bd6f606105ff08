// The letter as a PDF: a real PDF with the title, the letter text from the Markdown (never raw
// HTML, no clickable javascript: links), the signatories and page numbers.
import { describe, expect, it } from 'vitest';
import { renderLetterPdf, toWinAnsi } from './letter-pdf';
import { starterLetter } from './letters';

/** The text drawn on the pages of an uncompressed pdfkit file (hex strings in TJ arrays). */
function drawnText(pdf: Buffer): string {
	const source = pdf.toString('latin1');
	let text = '';
	for (const array of source.matchAll(/\[([^\]]*)\] TJ/g)) {
		for (const hex of array[1].matchAll(/<([0-9a-f]*)>/g)) text += Buffer.from(hex[1], 'hex').toString('latin1');
		text += '\n';
	}
	return text;
}

/** The document title from the Info dictionary (UTF-16BE after a byte-order mark, or Latin-1). */
function infoTitle(pdf: Buffer): string {
	const source = pdf.toString('latin1');
	const ref = source.match(/\/Title (\d+) 0 R/)![1];
	const object = source.match(new RegExp(`\\n${ref} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`))![1];
	const bytes = Buffer.from(object.replace(/\\(.)/g, '$1'), 'latin1');
	if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1');
	return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
}

const base = {
	title: 'Gemeenteraadsverkiezingen 2026',
	gemeenteName: 'Súdwest-Fryslân',
	date: new Date('2026-02-03T10:00:00Z'),
	signatories: [
		{ name: 'dr. Anna de Vries', practiceName: 'Huisartsenpraktijk De Zaanoever', verified: true, current: true, revisionNumber: 2 },
		{ name: 'Jeroen Bakker', practiceName: null, verified: false, current: false, revisionNumber: 1 }
	],
	total: 5,
	hidden: 3,
	practices: 3,
	compress: false
};

describe('the letter as PDF', () => {
	it('is a PDF with the title, gemeente, letter text, signatories and page numbers', async () => {
		const pdf = await renderLetterPdf({ ...base, bodyMd: starterLetter('Súdwest-Fryslân', ['wmo', 'ggz', 'huisvesting']) });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(infoTitle(pdf)).toBe('Gemeenteraadsverkiezingen 2026');
		const text = drawnText(pdf);
		expect(text).toContain('Gemeenteraadsverkiezingen 2026');
		expect(text).toContain('Brief van de huisartsen in Súdwest-Fryslân · 3 februari 2026');
		expect(text).toContain('Onze vragen aan u');
		expect(text).toContain('1.');
		expect(text).toContain('Ondertekend door 5 huisartsen uit 3 praktijken in Súdwest-Fryslân');
		expect(text).toContain('dr. Anna de Vries');
		expect(text).toContain('(geverifieerd)');
		expect(text).toContain('(tekende versie 1)');
		expect(text).toContain('en 3 andere huisartsen');
		const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
		expect(text).toContain(`Pagina 1 van ${pages}`);
	});

	it('numbers every page of a long letter', async () => {
		const long = Array.from({ length: 60 }, (_, i) => `Alinea ${i + 1}: ${'tekst '.repeat(40)}`).join('\n\n');
		const pdf = await renderLetterPdf({ ...base, bodyMd: long });
		const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
		expect(pages).toBeGreaterThan(2);
		const text = drawnText(pdf);
		for (let page = 1; page <= pages; page++) expect(text).toContain(`Pagina ${page} van ${pages}`);
	});

	it('leaves raw HTML out and makes only https: and mailto: links clickable', async () => {
		const bodyMd = [
			'Tekst <script>alert(1)</script> met **vet** en _schuin_.',
			'<div onclick="alert(2)">blok</div>',
			'[veilig](https://example.nl/programma) en [gevaarlijk](javascript:alert(3)) en [mail](mailto:a@b.nl)'
		].join('\n\n');
		const pdf = await renderLetterPdf({ ...base, bodyMd });
		const text = drawnText(pdf);
		const source = pdf.toString('latin1');
		expect(text).not.toContain('<script>');
		expect(text).not.toContain('onclick');
		expect(text).toContain('vet');
		expect(text).toContain('gevaarlijk');
		expect(source).toContain('/URI (https://example.nl/programma)');
		expect(source).toContain('/URI (mailto:a@b.nl)');
		expect(source).not.toContain('javascript');
	});

	it('replaces characters the built-in fonts cannot draw', () => {
		expect(toWinAnsi('Café “één” ✓ → 😀\tx')).toBe('Café “één” v -> ? x');
	});
});
