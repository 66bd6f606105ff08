// A letter cut into the blocks colleagues comment on: every top-level block of its Markdown (a
// paragraph, a heading, a quote, a bullet list), and every item of a numbered list a block of its
// own (the asks to the parties are such items). Each block is rendered by the one sanitising
// renderer (platform/markdown) and has an anchor that is stable within its revision ('3' is the
// third block, '5-2' the second item of the numbered list in block 5) and a quote: the start of its
// text, by which a remark finds its block again in a later version (blockFor).
import type { Token, Tokens } from 'marked';
import { lexMarkdown, renderTokens } from '../platform/markdown';
import { findAskList, plainTextOf } from './asks';

export type BlockKind = 'paragraph' | 'heading' | 'ask' | 'item' | 'other';

export interface LetterBlock {
	anchor: string;
	kind: BlockKind;
	/** Sanitised HTML of this block alone (a numbered item keeps its number). */
	html: string;
	/** The start of the block's text as readers see it; empty for a block without words (a line). */
	quote: string;
	/** For an ask: its number as parties answer it (1, 2, …); else null. */
	askNumber: number | null;
}

export const QUOTE_LENGTH = 200;

/** The text on one line, cut at a word boundary to at most QUOTE_LENGTH characters (with "…"). */
export function quoteOf(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	if (line.length <= QUOTE_LENGTH) return line;
	const cut = line.slice(0, QUOTE_LENGTH - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Words of sanitised HTML, for blocks whose tokens carry no text of their own (a table). */
function textOfHtml(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

function kindOf(token: Token): BlockKind {
	if (token.type === 'paragraph') return 'paragraph';
	if (token.type === 'heading') return 'heading';
	return 'other';
}

function block(anchor: string, kind: BlockKind, tokens: Token[], askNumber: number | null = null): LetterBlock | null {
	const html = renderTokens(tokens).trim();
	// Raw HTML and the like that the sanitiser removes completely: nothing to show or discuss.
	if (!html) return null;
	const quote = quoteOf(plainTextOf(tokens) || textOfHtml(html));
	return { anchor, kind, html, quote, askNumber };
}

/** The blocks of one revision's Markdown, in reading order. */
export function splitLetter(markdown: string): LetterBlock[] {
	const tokens = lexMarkdown(markdown);
	const asks = findAskList(tokens);
	const blocks: LetterBlock[] = [];
	let index = 0;
	for (const token of tokens) {
		if (token.type === 'space' || token.type === 'def') continue;
		index += 1;
		if (token.type === 'list' && (token as Tokens.List).ordered) {
			const list = token as Tokens.List;
			const start = typeof list.start === 'number' ? list.start : 1;
			list.items.forEach((item, i) => {
				// One item as a list of its own, numbered as in the whole list.
				const single: Tokens.List = { ...list, raw: item.raw, start: start + i, items: [item] };
				const isAsk = list === asks;
				const made = block(`${index}-${i + 1}`, isAsk ? 'ask' : 'item', [single], isAsk ? i + 1 : null);
				if (made) blocks.push(made);
			});
			continue;
		}
		const made = block(String(index), kindOf(token), [token]);
		if (made) blocks.push(made);
	}
	return blocks;
}

// Words of three letters or more: "de", "in" and the like would make unrelated sentences alike.
const WORD = /[\p{L}\p{N}]{3,}/gu;

function words(text: string): Set<string> {
	return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** How alike two quotes are: shared words over all words (Dice), 0 to 1. */
export function similarity(a: string, b: string): number {
	const left = words(a);
	const right = words(b);
	if (left.size === 0 || right.size === 0) return 0;
	let shared = 0;
	for (const word of left) if (right.has(word)) shared += 1;
	return (2 * shared) / (left.size + right.size);
}

/** Below this a changed block is no longer the one the remark was about. */
export const SIMILAR_ENOUGH = 0.6;

/** A numbered item stays one whether or not its list counts as the asks. */
const family = (kind: string | null) => (kind === 'ask' ? 'item' : kind);

/**
 * The block of this version a remark belongs to. On the revision it was made on: its own anchor.
 * On a later one: the block with the same quote (the one at the same anchor first), else the most
 * similar block of the same kind (SIMILAR_ENOUGH), else null: the text it was about has gone or
 * changed beyond recognition, and the remark shows apart, with its quote.
 */
export function blockFor(
	blocks: LetterBlock[],
	remark: { anchor: string; quote: string; kind: string | null },
	sameRevision: boolean
): LetterBlock | null {
	if (sameRevision) {
		const own = blocks.find((b) => b.anchor === remark.anchor);
		if (own) return own;
	}
	const same = blocks.filter((b) => b.quote === remark.quote);
	if (same.length > 0) return same.find((b) => b.anchor === remark.anchor) ?? same[0];
	let best: LetterBlock | null = null;
	let bestScore = 0;
	for (const candidate of blocks) {
		if (family(candidate.kind) !== family(remark.kind)) continue;
		const score = similarity(candidate.quote, remark.quote);
		if (score >= SIMILAR_ENOUGH && score > bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	return best;
}
