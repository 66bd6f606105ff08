// The passage finder: for one document, the passages most likely to be about a theme (its search
// words, Postgres Dutch full-text search, ranked) or matching a free search, each with its page
// or section and the matched words marked. One database call. A person reads and decides.
import { z } from 'zod';
import { db } from '../platform/db';

export interface FoundPassage {
	id: number;
	page: number | null;
	section: string | null;
	/** The passage as stored: what becomes the quote. */
	body: string;
	/** The passage in pieces, the matched words flagged, for <mark> in the page. */
	parts: Array<{ text: string; match: boolean }>;
}

export const searchSchema = z.string().trim().max(200, 'Zoek met hoogstens 200 tekens.');

/** Splits ts_headline's output (matches between \x01 and \x02) into plain and marked pieces. */
export function markedParts(marked: string): FoundPassage['parts'] {
	const parts: FoundPassage['parts'] = [];
	for (const piece of marked.split('\u0001')) {
		const end = piece.indexOf('\u0002');
		if (end === -1) {
			if (piece) parts.push({ text: piece, match: false });
			continue;
		}
		parts.push({ text: piece.slice(0, end), match: true });
		if (end + 1 < piece.length) parts.push({ text: piece.slice(end + 1), match: false });
	}
	return parts;
}

/** Best matches first: by the theme's search words, or by `query` when one is given. */
export async function findPassages(
	documentId: string,
	search: { words: string[]; query?: string },
	limit = 12
): Promise<FoundPassage[]> {
	const { data, error } = await db().rpc('find_passages', {
		p_document_id: documentId,
		p_words: search.words,
		p_limit: limit,
		...(search.query ? { p_query: search.query } : {})
	});
	if (error) throw new Error(`findPassages: ${error.message}`);
	return data.map((row) => ({
		id: row.id,
		page: row.page,
		section: row.section,
		body: row.body,
		parts: markedParts(row.marked)
	}));
}

/** One passage of the document (to put in the assessment form), or null. */
export async function passageById(documentId: string, passageId: number): Promise<{ page: number | null; section: string | null; body: string } | null> {
	if (!Number.isSafeInteger(passageId) || passageId <= 0) return null;
	const { data, error } = await db()
		.from('document_passages')
		.select('page, section, body')
		.eq('document_id', documentId)
		.eq('id', passageId)
		.maybeSingle();
	if (error) throw new Error(`passageById: ${error.message}`);
	return data;
}
