// A letter's numbered asks: what parties answer per ask ("vraag 2: ja"). While drafting they are
// read from the Markdown (the first ordered list under a heading that names the asks, else the
// first ordered list); when the letter opens for signing they are fixed as rows (letter_asks),
// and from then on everything reads the rows.
import { Marked, type Token, type Tokens } from 'marked';
import { db } from '../platform/db';
import type { Theme } from '../gemeenten/themes';

const lexer = new Marked({ gfm: true });

// A heading that opens the asks: "Onze vragen", "Vragen aan u", "Ons verzoek"…
const ASK_HEADING = /vra(ag|gen)|verzoek/i;

/** The list the asks live in: the first ordered list in a section whose heading names the asks
 * (subheadings inside that section count as part of it), else the first ordered list at all. */
function askList(markdown: string): Tokens.List | null {
	return findAskList(lexer.lexer(markdown));
}

/** The same, among a letter's top-level tokens as marked read them (the very token object). */
export function findAskList(tokens: Token[]): Tokens.List | null {
	let askDepth: number | null = null;
	let firstList: Tokens.List | null = null;
	for (const token of tokens) {
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			if (ASK_HEADING.test(heading.text)) askDepth = heading.depth;
			else if (askDepth !== null && heading.depth <= askDepth) askDepth = null;
		}
		if (token.type === 'list' && (token as Tokens.List).ordered) {
			const list = token as Tokens.List;
			if (askDepth !== null) return list;
			firstList ??= list;
		}
	}
	return firstList;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** The words of a list item without Markdown marks or raw HTML, on one line. */
function plainText(tokens: Token[]): string {
	const parts: string[] = [];
	for (const token of tokens) {
		if (token.type === 'html' || token.type === 'image') continue;
		if ('tokens' in token && Array.isArray(token.tokens)) parts.push(plainText(token.tokens));
		else if (token.type === 'list') parts.push(plainText((token as Tokens.List).items.flatMap((item) => item.tokens)));
		else if ('text' in token && typeof token.text === 'string') parts.push(token.text);
		// Block tokens (a tight item's text has nested tokens too; inline text does not) end a line.
		const block =
			['paragraph', 'heading', 'blockquote', 'list', 'space', 'br'].includes(token.type) ||
			(token.type === 'text' && 'tokens' in token);
		if (block) parts.push(' ');
	}
	return parts.join('');
}

/** The words of some tokens as readers see them, on one line: no Markdown marks, no raw HTML. */
export function plainTextOf(tokens: Token[]): string {
	return decodeEntities(plainText(tokens)).replace(/\s+/g, ' ').trim();
}

/** The numbered asks, in order, as plain text: what party answers refer to ("vraag 2: ja"). */
export function extractAsks(markdown: string): string[] {
	const list = askList(markdown);
	if (!list) return [];
	// Empty items stay: answers refer to positions, which must match the numbers readers see.
	return list.items.map((item) => plainTextOf(item.tokens));
}

/** The number the asks list starts at (1 normally), or null without asks. Answers are given per
 * position (1, 2, …), so a list that starts elsewhere would confuse readers. */
export function askListStart(markdown: string): number | null {
	const list = askList(markdown);
	if (!list) return null;
	return typeof list.start === 'number' ? list.start : 1;
}

export interface LetterAsk {
	id: string;
	number: number;
	body: string;
	themeKey: string | null;
}

/** The asks to fix when a revision opens for signing, each linked to the theme whose starter ask
 * it still is (word for word), so positions and council work can be matched to it. */
export function asksToFix(markdown: string, themes: Pick<Theme, 'key' | 'letterAsk'>[]): Array<{ number: number; body: string; theme_key: string | null }> {
	return extractAsks(markdown).map((body, index) => ({
		number: index + 1,
		body,
		theme_key: themes.find((theme) => theme.letterAsk !== null && theme.letterAsk === body)?.key ?? null
	}));
}

/** The fixed asks of one revision, in order. */
export async function asksOfRevision(revisionId: string): Promise<LetterAsk[]> {
	const { data, error } = await db()
		.from('letter_asks')
		.select('id, number, body, theme_key')
		.eq('revision_id', revisionId)
		.order('number');
	if (error) throw new Error(`asksOfRevision: ${error.message}`);
	return data.map((row) => ({ id: row.id, number: row.number, body: row.body, themeKey: row.theme_key }));
}
