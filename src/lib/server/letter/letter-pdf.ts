// The letter as a PDF, for coordinators who send it from their own mailbox: title, gemeente and
// date, the letter text, the signatories (public names and counts) and page numbers. The text is
// drawn from marked's tokens (headings, paragraphs, lists, quotes; bold, italic, links), never
// from HTML: raw HTML in the Markdown is left out, and only https: and mailto: links become
// clickable. The fonts are Noto (Latin, Greek, Cyrillic), embedded as subsets, so names such as
// Yıldız, Łukasz Wójcik and Dragoş print as written; a character they lack gets a stand-in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { Marked, type Token, type Tokens } from 'marked';
import { formatDate } from '$lib/format';
import { othersLine, signedBySummary, type Signatory } from './signers-summary';
import { verifiedLine, type VerifiedCounts } from '$lib/verified-line';

export interface LetterPdfInput {
	title: string;
	gemeenteName: string;
	date: Date;
	bodyMd: string;
	signatories: Signatory[];
	total: number;
	hidden: number;
	practices: number;
	/** How many signatures are verified (said under the signatories). */
	verification: VerifiedCounts;
	/** Tests read the text in an uncompressed file. */
	compress?: boolean;
}

const lexer = new Marked({ gfm: true });

const FONT = {
	regular: 'NotoSerif',
	bold: 'NotoSerif-Bold',
	italic: 'NotoSerif-Italic',
	boldItalic: 'NotoSerif-BoldItalic',
	code: 'NotoSansMono',
	sans: 'NotoSans',
	sansBold: 'NotoSans-Bold'
};
// The font packages are dependencies, so adapter-node leaves them in node_modules and this
// resolves the same under vitest, `vite dev` and `node build`.
const FONT_FILES: Record<string, string> = {
	[FONT.regular]: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
	[FONT.bold]: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
	[FONT.italic]: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
	[FONT.boldItalic]: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
	[FONT.code]: '@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf',
	[FONT.sans]: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	[FONT.sansBold]: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'
};
const SIZE = 11.5;
const HEADING_SIZE: Record<number, number> = { 1: 16, 2: 14, 3: 12.5 };
const TEXT_COLOR = '#1b2430';
const MUTED = '#4f5b69';
const LINK_COLOR = '#0d5c63';
const INDENT = 18;
// Noto's own line height (1.36 em, with room for stacked accents) is looser than the Times it
// replaced (1.12 em); 2 points less brings body text to about 1.2 em, and the starter letter back
// on one page.
const LINE_GAP = -2;

let parsedFonts: Map<string, fontkit.Font> | null = null;

/** The fonts, read and parsed once per process and only when a PDF is first made: parsing Noto's
 * layout tables anew for every PDF took most of its half second. pdfkit takes parsed fontkit fonts
 * (since 0.20), and subsets them per document. */
function fonts(): Map<string, fontkit.Font> {
	if (!parsedFonts) {
		const require = createRequire(import.meta.url);
		parsedFonts = new Map(
			Object.entries(FONT_FILES).map(([name, file]) => {
				const font = fontkit.create(readFileSync(require.resolve(file)));
				if (!('layout' in font)) throw new Error(`${file} is a font collection, not one font`);
				return [name, font];
			})
		);
	}
	return parsedFonts;
}

type Doc = PDFKit.PDFDocument;

// Noto Serif and Sans have no arrows or check marks; these read well in their place.
const STAND_INS: Record<string, string> = { '✓': 'v', '✔': 'v', '→': '->', '←': '<-', '≥': '>=', '≤': '<=' };

/** The text as the font can draw it: tabs become spaces, other control characters go, and a
 * character the font lacks becomes a stand-in or "?" instead of an empty box. */
function drawable(font: string, text: string): string {
	const glyphs = fonts().get(font)!;
	let out = '';
	for (const char of text.normalize('NFC')) {
		const code = char.codePointAt(0)!;
		if (char === '\n') out += char;
		else if (char === '\t') out += ' ';
		else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
		else if (glyphs.hasGlyphForCodePoint(code)) out += char;
		else out += STAND_INS[char] ?? '?';
	}
	return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

interface Run {
	text: string;
	bold: boolean;
	italic: boolean;
	code: boolean;
	link: string | null;
}

const SAFE_LINK = /^(?:https:\/\/[^\s]|mailto:[^\s])/i;

function inlineRuns(tokens: Token[], style: Omit<Run, 'text'> = { bold: false, italic: false, code: false, link: null }): Run[] {
	const runs: Run[] = [];
	for (const token of tokens) {
		switch (token.type) {
			case 'strong':
				runs.push(...inlineRuns((token as Tokens.Strong).tokens, { ...style, bold: true }));
				break;
			case 'em':
				runs.push(...inlineRuns((token as Tokens.Em).tokens, { ...style, italic: true }));
				break;
			case 'del':
				runs.push(...inlineRuns((token as Tokens.Del).tokens, style));
				break;
			case 'link': {
				const link = token as Tokens.Link;
				const href = decodeEntities(link.href).trim();
				runs.push(...inlineRuns(link.tokens, { ...style, link: SAFE_LINK.test(href) ? href : null }));
				break;
			}
			case 'codespan':
				runs.push({ ...style, code: true, text: decodeEntities((token as Tokens.Codespan).text) });
				break;
			case 'br':
				runs.push({ ...style, text: '\n' });
				break;
			case 'html':
			case 'image':
				// Raw HTML and images are not part of the letter (the sanitiser drops them too).
				break;
			default:
				if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
					runs.push(...inlineRuns(token.tokens, style));
				} else if ('text' in token && typeof token.text === 'string') {
					runs.push({ ...style, text: decodeEntities(token.text) });
				}
		}
	}
	return runs;
}

function fontFor(run: Run): string {
	if (run.code) return FONT.code;
	if (run.bold && run.italic) return FONT.boldItalic;
	if (run.bold) return FONT.bold;
	if (run.italic) return FONT.italic;
	return FONT.regular;
}

/** Writes runs as one flowing paragraph starting at x, doc.y. */
function writeRuns(doc: Doc, runs: Run[], x: number, width: number, size: number, color = TEXT_COLOR): void {
	const visible = runs
		.map((run) => ({ ...run, text: drawable(fontFor(run), run.text) }))
		.filter((run) => run.text !== '');
	if (visible.length === 0) return;
	visible.forEach((run, i) => {
		doc.font(fontFor(run)).fontSize(size).fillColor(run.link ? LINK_COLOR : color);
		const options: PDFKit.Mixins.TextOptions = {
			width,
			continued: i < visible.length - 1,
			link: run.link ?? undefined,
			underline: Boolean(run.link)
		};
		if (i === 0) doc.text(run.text, x, doc.y, options);
		else doc.text(run.text, options);
	});
	doc.fillColor(TEXT_COLOR);
}

function renderBlocks(doc: Doc, tokens: Token[], level: number, color = TEXT_COLOR): void {
	const left = doc.page.margins.left + level * INDENT;
	const width = doc.page.width - doc.page.margins.right - left;
	for (const token of tokens) {
		switch (token.type) {
			case 'heading': {
				const heading = token as Tokens.Heading;
				doc.moveDown(0.6);
				writeRuns(doc, inlineRuns(heading.tokens, { bold: true, italic: false, code: false, link: null }), left, width, HEADING_SIZE[heading.depth] ?? SIZE + 0.5, color);
				doc.moveDown(0.3);
				break;
			}
			case 'paragraph':
				writeRuns(doc, inlineRuns((token as Tokens.Paragraph).tokens), left, width, SIZE, color);
				doc.moveDown(0.6);
				break;
			case 'text': {
				// The text of a tight list item.
				const text = token as Tokens.Text;
				writeRuns(doc, text.tokens ? inlineRuns(text.tokens) : [{ text: decodeEntities(text.text), bold: false, italic: false, code: false, link: null }], left, width, SIZE, color);
				break;
			}
			case 'list': {
				const list = token as Tokens.List;
				const start = typeof list.start === 'number' ? list.start : 1;
				list.items.forEach((item, index) => {
					const marker = list.ordered ? `${start + index}.` : '•';
					const y = doc.y;
					doc.font(list.ordered ? FONT.bold : FONT.regular).fontSize(SIZE).fillColor(color);
					doc.text(marker, left, y, { width: INDENT, lineBreak: false });
					doc.y = y;
					renderBlocks(doc, item.tokens, level + 1, color);
					doc.moveDown(list.loose ? 0.2 : 0.25);
				});
				if (level === 0) doc.moveDown(0.4);
				break;
			}
			case 'blockquote':
				renderBlocks(doc, (token as Tokens.Blockquote).tokens, level + 1, MUTED);
				break;
			case 'code':
				doc.font(FONT.code).fontSize(SIZE - 1.5).fillColor(color);
				doc.text(drawable(FONT.code, (token as Tokens.Code).text), left, doc.y, { width });
				doc.moveDown(0.6);
				break;
			case 'table': {
				const table = token as Tokens.Table;
				const rows = [table.header, ...table.rows];
				for (const row of rows) {
					const runs = row.flatMap((cell, i) => [
						...(i > 0 ? [{ text: '  |  ', bold: false, italic: false, code: false, link: null }] : []),
						...inlineRuns(cell.tokens, { bold: row === table.header, italic: false, code: false, link: null })
					]);
					writeRuns(doc, runs, left, width, SIZE, color);
				}
				doc.moveDown(0.6);
				break;
			}
			case 'hr': {
				const y = doc.y + 4;
				doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor('#d5d9de').stroke();
				doc.y = y + 8;
				break;
			}
			default:
				// 'space' between blocks is already covered; raw 'html' blocks stay out.
				break;
		}
	}
}

/** The PDF as bytes (starts with %PDF). */
/** Starts a new page when a short signatory block would otherwise be split, so no lone last
 * line ("en 3 andere huisartsen") ends up on a page of its own. A long list just flows on. */
function keepSignatoriesTogether(doc: Doc, input: LetterPdfInput, width: number): void {
	const lines = [
		...input.signatories.map((s) => `${s.name}, ${s.practiceName ?? ''} (tekende versie ${s.revisionNumber})`),
		othersLine(input.hidden, input.signatories.length > 0),
		verifiedLine(input.verification)
	];
	doc.font(FONT.regular).fontSize(SIZE);
	const height =
		40 + lines.reduce((sum, line) => sum + (line ? doc.heightOfString(drawable(FONT.regular, line), { width }) : 0), 0);
	const usable = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
	const bottom = doc.page.height - doc.page.margins.bottom;
	if (height <= usable / 2 && doc.y + height > bottom) doc.addPage();
}

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 64, bottom: 64, left: 68, right: 68 },
		bufferPages: true,
		compress: input.compress ?? true,
		lang: 'nl-NL',
		displayTitle: true,
		info: {
			Title: input.title,
			Author: `De huisartsen van ${input.gemeenteName}`,
			Subject: `Brief van de huisartsen in ${input.gemeenteName}`,
			Creator: 'Laat je horen',
			CreationDate: input.date
		}
	});
	// Parsed fontkit fonts (see pdfkit-fontkit.d.ts for the type).
	for (const [name, font] of fonts()) doc.registerFont(name, font);
	doc.lineGap(LINE_GAP);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;

	doc.font(FONT.sansBold).fontSize(18).fillColor(TEXT_COLOR).text(drawable(FONT.sansBold, input.title), left, doc.y, { width });
	doc.moveDown(0.2);
	doc
		.font(FONT.sans)
		.fontSize(10)
		.fillColor(MUTED)
		.text(drawable(FONT.sans, `Brief van de huisartsen in ${input.gemeenteName} · ${formatDate(input.date)}`), { width });
	doc.fillColor(TEXT_COLOR).moveDown(1.2);

	renderBlocks(doc, lexer.lexer(input.bodyMd), 0);

	doc.moveDown(0.8);
	keepSignatoriesTogether(doc, input, width);
	const ruleY = doc.y;
	doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.5).strokeColor('#d5d9de').stroke();
	doc.y = ruleY + 10;
	doc
		.font(FONT.bold)
		.fontSize(13)
		.text(drawable(FONT.bold, `Ondertekend door ${signedBySummary(input)} in ${input.gemeenteName}`), left, doc.y, { width });
	doc.moveDown(0.4);
	for (const s of input.signatories) {
		const runs: Run[] = [
			{ text: s.name, bold: true, italic: false, code: false, link: null },
			...(s.practiceName ? [{ text: `, ${s.practiceName}`, bold: false, italic: false, code: false, link: null }] : []),
			...(s.verified ? [{ text: ' (geverifieerd)', bold: false, italic: true, code: false, link: null }] : []),
			...(s.current ? [] : [{ text: ` (tekende versie ${s.revisionNumber})`, bold: false, italic: true, code: false, link: null }])
		];
		writeRuns(doc, runs, left, width, SIZE);
	}
	const others = othersLine(input.hidden, input.signatories.length > 0);
	if (others) {
		doc.moveDown(0.3);
		writeRuns(doc, [{ text: others, bold: false, italic: false, code: false, link: null }], left, width, SIZE);
	}
	doc.moveDown(0.3);
	writeRuns(doc, [{ text: verifiedLine(input.verification), bold: false, italic: true, code: false, link: null }], left, width, SIZE);

	// Page numbers, now that the number of pages is known.
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc
			.font(FONT.sans)
			.fontSize(9)
			.fillColor(MUTED)
			.text(`Pagina ${i + 1} van ${range.count}`, left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
