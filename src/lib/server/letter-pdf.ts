// The letter as a PDF, for coordinators who send it from their own mailbox: title, gemeente and
// date, the letter text, the signatories (public names and counts) and page numbers. The text is
// drawn from marked's tokens (headings, paragraphs, lists, quotes; bold, italic, links), never
// from HTML: raw HTML in the Markdown is left out, and only https: and mailto: links become
// clickable. pdfkit's built-in fonts speak Windows-1252, so other characters are replaced.
import PDFDocument from 'pdfkit';
import { Marked, type Token, type Tokens } from 'marked';
import { formatDate, othersLine, signedBySummary, type Signatory } from './deliveries';

export interface LetterPdfInput {
	title: string;
	gemeenteName: string;
	date: Date;
	bodyMd: string;
	signatories: Signatory[];
	total: number;
	hidden: number;
	practices: number;
	/** Tests read the text in an uncompressed file. */
	compress?: boolean;
}

const lexer = new Marked({ gfm: true });

const FONT = {
	regular: 'Times-Roman',
	bold: 'Times-Bold',
	italic: 'Times-Italic',
	boldItalic: 'Times-BoldItalic',
	code: 'Courier',
	sans: 'Helvetica',
	sansBold: 'Helvetica-Bold'
};
const SIZE = 11.5;
const HEADING_SIZE: Record<number, number> = { 1: 16, 2: 14, 3: 12.5 };
const TEXT_COLOR = '#1b2430';
const MUTED = '#4f5b69';
const LINK_COLOR = '#0d5c63';
const INDENT = 18;

// Characters Windows-1252 has beyond Latin-1, which pdfkit's standard fonts can draw.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '✓': 'v', '✔': 'v', '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '\u00a0': ' ' };

/** What the built-in fonts can draw: Latin-1 and the Windows-1252 extras; the rest becomes "?". */
export function toWinAnsi(text: string): string {
	let out = '';
	for (const char of text.normalize('NFC')) {
		const code = char.codePointAt(0)!;
		if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) {
			out += char;
		} else if (REPLACEMENTS[char] !== undefined) {
			out += REPLACEMENTS[char];
		} else if (code === 0x09) {
			out += ' ';
		} else if (code >= 0x20) {
			out += '?';
		}
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

type Doc = PDFKit.PDFDocument;

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
		.map((run) => ({ ...run, text: toWinAnsi(run.text) }))
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
				doc.text(toWinAnsi((token as Tokens.Code).text), left, doc.y, { width });
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
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;

	doc.font(FONT.sansBold).fontSize(18).fillColor(TEXT_COLOR).text(toWinAnsi(input.title), left, doc.y, { width });
	doc.moveDown(0.2);
	doc
		.font(FONT.sans)
		.fontSize(10)
		.fillColor(MUTED)
		.text(toWinAnsi(`Brief van de huisartsen in ${input.gemeenteName} · ${formatDate(input.date)}`), { width });
	doc.fillColor(TEXT_COLOR).moveDown(1.2);

	renderBlocks(doc, lexer.lexer(input.bodyMd), 0);

	doc.moveDown(0.8);
	const ruleY = doc.y;
	doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.5).strokeColor('#d5d9de').stroke();
	doc.y = ruleY + 10;
	doc
		.font(FONT.bold)
		.fontSize(13)
		.text(toWinAnsi(`Ondertekend door ${signedBySummary(input)} in ${input.gemeenteName}`), left, doc.y, { width });
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
