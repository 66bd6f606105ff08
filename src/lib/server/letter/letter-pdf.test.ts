// The letter as a PDF: a real PDF with the title, the letter text from the Markdown (never raw
// HTML, no clickable javascript: links), the signatories and page numbers, in embedded fonts that
// print every name as it is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetterPdf } from './letter-pdf';
import { starterLetter } from './starter-letter';
import { listThemes, type Theme } from '../gemeenten/themes';
import { connectTestDatabase } from '$test/test-db';

connectTestDatabase();
let threeThemes: Theme[] = [];
beforeAll(async () => {
	threeThemes = (await listThemes()).filter((t) => ['wmo', 'ggz', 'huisvesting'].includes(t.key));
});

/** The text drawn on the pages of an uncompressed pdfkit file, as a reader copies it: the glyph
 * codes in each TJ array looked up in the ToUnicode map of the font set by the Tf before it. */
function drawnText(pdf: Buffer): string {
	const source = pdf.toString('latin1');
	const objects = new Map<string, string>();
	for (const object of source.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(object[1], object[2]);
	const unicode = new Map<string, Map<number, string>>();
	for (const [, name, ref] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
		const cmapRef = objects.get(ref)?.match(/\/ToUnicode (\d+) 0 R/)?.[1];
		const cmap = new Map<number, string>();
		for (const range of (cmapRef ? objects.get(cmapRef)! : '').matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
			[...range[2].matchAll(/<([0-9a-f ]*)>/g)].forEach((entry, i) => {
				const units = entry[1].split(' ').map((unit) => parseInt(unit, 16));
				cmap.set(parseInt(range[1], 16) + i, String.fromCharCode(...units));
			});
		}
		unicode.set(name, cmap);
	}
	let text = '';
	let font: Map<number, string> | undefined;
	for (const op of source.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
		if (op[1]) {
			font = unicode.get(op[1]);
			continue;
		}
		for (const hex of op[2].matchAll(/<([0-9a-f]*)>/g)) {
			for (let i = 0; i < hex[1].length; i += 4) text += font?.get(parseInt(hex[1].slice(i, i + 4), 16)) ?? '\ufffd';
		}
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
	verification: { total: 5, verified: 4, byRegister: 3, byHand: 1 },
	compress: false
};

describe('the letter as PDF', () => {
	it('is a PDF with the title, gemeente, letter text, signatories and page numbers', async () => {
		const pdf = await renderLetterPdf({ ...base, bodyMd: starterLetter('Súdwest-Fryslân', threeThemes) });
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

	it('prints Turkish, Polish, Romanian and Frisian names as written', async () => {
		const names = ['Yıldız', 'Łukasz Wójcik', 'Şahin', 'Dragoş', 'Őrs Kovács', 'İlayda Doğan', 'Ștefan Țurcanu'];
		const bodyMd = `**Yıldız** en _Łukasz Wójcik_ aan Şahin en Dragoş:\n\néén brief uit Súdwest-Fryslân.`;
		const signatories = names.map((name) => ({ name, practiceName: 'Praktijk Şahin & Wójcik', verified: true, current: true, revisionNumber: 1 }));
		const pdf = await renderLetterPdf({ ...base, title: 'Brief van Yıldız en Łukasz', bodyMd, signatories });
		const text = drawnText(pdf);
		expect(text).toContain('Brief van Yıldız en Łukasz');
		expect(text).toContain('Yıldız\n en \nŁukasz Wójcik\n aan Şahin en Dragoş:\n');
		expect(text).toContain('\néén brief uit Súdwest-Fryslân.\n');
		expect(text).toContain('Ondertekend door 5 huisartsen uit 3 praktijken in Súdwest-Fryslân');
		for (const name of names) expect(text).toContain(name);
		expect(text).toContain(', Praktijk Şahin & Wójcik');
		expect(text).not.toContain('?');
		expect(text).not.toContain('\ufffd');
		expect(infoTitle(pdf)).toBe('Brief van Yıldız en Łukasz');
	});

	it('embeds Noto subsets, not the standard fonts', async () => {
		const pdf = await renderLetterPdf({ ...base, bodyMd: 'Tekst met `code` en **vet**.' });
		const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/([\w+-]+)/g)].map((match) => match[1]);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans|SansMono)-/);
		expect(fonts.some((font) => font.endsWith('+NotoSansMono-Regular'))).toBe(true);
	});

	it('puts a stand-in for characters the fonts lack, drops control characters and composes accents', async () => {
		const pdf = await renderLetterPdf({ ...base, bodyMd: 'Afspraak ✓ → daarna\ttabel 😀\u0007 klaar, Dragos\u0327 Wo\u0301jcik' });
		expect(drawnText(pdf)).toContain('Afspraak v -> daarna tabel ? klaar, Dragoş Wójcik');
	});

	it('keeps a short list of signatories on one page with its heading', async () => {
		const signatories = [
			{ name: 'dr. Anna de Vries', practiceName: 'Huisartsenpraktijk De Zaanoever', verified: true, current: true, revisionNumber: 2 },
			{ name: 'Emre Yıldız', practiceName: 'Gezondheidscentrum Şahin', verified: false, current: true, revisionNumber: 2 },
			{ name: 'Łukasz Wójcik', practiceName: null, verified: false, current: false, revisionNumber: 1 }
		];
		// This letter once left the last line ("en 3 andere huisartsen") alone on page 2.
		const pdf = await renderLetterPdf({
			...base,
			signatories,
			total: 6,
			hidden: 3,
			bodyMd: starterLetter('Súdwest-Fryslân', threeThemes)
		});
		const text = drawnText(pdf);
		const block = text.slice(text.indexOf('Ondertekend door'), text.indexOf('en 3 andere huisartsen'));
		expect(block).toContain('Łukasz Wójcik');
		expect(block).not.toMatch(/Pagina \d+ van/);
	});
});
