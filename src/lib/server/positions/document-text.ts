// A document's text as passages the finder can search and an editor can quote: a PDF page by page
// (text extracted by unpdf, Mozilla's pdf.js packaged for servers), Markdown by its headings, plain
// text by its paragraphs (a form feed starts a new page, as in text saved from a PDF). A passage is
// about a paragraph long and keeps its page or section, so a quote can cite where it stands.
import { extractText, getDocumentProxy } from 'unpdf';

export interface Passage {
	page: number | null;
	section: string | null;
	body: string;
}

/** Longer paragraphs are cut at a sentence end near this length; shorter lines are gathered. */
const TARGET_LENGTH = 700;
const MAX_LENGTH = 1500;
export const MAX_PAGES = 2000;

export class DocumentTextError extends Error {}

/** The text of each page of a PDF, in order. Throws DocumentTextError (Dutch) when it is no PDF. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') {
		throw new DocumentTextError('Dit bestand is geen pdf.');
	}
	let pdf;
	try {
		pdf = await getDocumentProxy(new Uint8Array(bytes));
	} catch {
		throw new DocumentTextError('Deze pdf kan niet worden gelezen. Is het bestand beschadigd of beveiligd met een wachtwoord?');
	}
	if (pdf.numPages > MAX_PAGES) throw new DocumentTextError(`Deze pdf heeft meer dan ${MAX_PAGES} pagina's.`);
	const { text } = await extractText(pdf, { mergePages: false });
	return text;
}

/** Joins words broken over two lines ("jeugd-\nzorg") and gathers the lines of one paragraph. */
function paragraphsOf(text: string): string[] {
	const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
	const paragraphs: string[] = [];
	for (const block of blocks) {
		const joined = block
			.replace(/([a-zà-ÿ])-\n([a-zà-ÿ])/g, '$1$2')
			.replace(/\s*\n\s*/g, ' ')
			.replace(/[ \t\u00a0]+/g, ' ')
			.trim();
		if (joined) paragraphs.push(...cut(joined));
	}
	return paragraphs;
}

/** A long paragraph in pieces that end at a sentence end, each at most MAX_LENGTH. */
function cut(paragraph: string): string[] {
	if (paragraph.length <= MAX_LENGTH) return [paragraph];
	const sentences = paragraph.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g) ?? [paragraph];
	const pieces: string[] = [];
	let current = '';
	for (const sentence of sentences) {
		if (current && current.length + sentence.length > TARGET_LENGTH) {
			pieces.push(current.trim());
			current = '';
		}
		current += sentence;
		while (current.length > MAX_LENGTH) {
			pieces.push(current.slice(0, MAX_LENGTH).trim());
			current = current.slice(MAX_LENGTH);
		}
	}
	if (current.trim()) pieces.push(current.trim());
	return pieces;
}

/** PDF text often has no blank lines: gather a page's lines into paragraph-sized passages,
 * breaking after a line that ends a sentence once a passage is long enough. */
function pagePassages(text: string): string[] {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const chunks: string[] = [];
	let current: string[] = [];
	let length = 0;
	const flush = () => {
		if (current.length) chunks.push(...paragraphsOf(current.join('\n')));
		current = [];
		length = 0;
	};
	for (const line of lines) {
		if (!line.trim()) {
			flush();
			continue;
		}
		current.push(line);
		length += line.length;
		if (length >= TARGET_LENGTH / 2 && /[.!?:]["”’)]*\s*$/.test(line)) flush();
	}
	flush();
	return chunks;
}

export function passagesFromPages(pages: string[]): Passage[] {
	return pages.flatMap((text, index) => pagePassages(text).map((body) => ({ page: index + 1, section: null, body })));
}

/** Markdown marks off a line of text: links to their text, emphasis, code and list marks. */
function plainMarkdown(text: string): string {
	return text
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/(\*\*|__|\*|`)/g, '')
		.replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+/gm, '')
		.replace(/^\s{0,3}>\s?/gm, '');
}

/** Markdown: each paragraph under the nearest heading, which is its section. */
export function passagesFromMarkdown(markdown: string): Passage[] {
	const passages: Passage[] = [];
	let section: string | null = null;
	let block: string[] = [];
	const flush = () => {
		for (const body of paragraphsOf(plainMarkdown(block.join('\n')))) passages.push({ page: null, section, body });
		block = [];
	};
	for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = line.match(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
		if (heading) {
			flush();
			section = plainMarkdown(heading[1]).trim().slice(0, 300) || null;
		} else if (!line.trim()) {
			flush();
		} else {
			block.push(line);
		}
	}
	flush();
	return passages;
}

/** Plain text: with form feeds, pages; without, paragraphs numbered as sections ("Alinea 3"). */
export function passagesFromText(text: string): Passage[] {
	if (text.includes('\f')) return passagesFromPages(text.split('\f'));
	return paragraphsOf(text).map((body, index) => ({ page: null, section: `Alinea ${index + 1}`, body }));
}
