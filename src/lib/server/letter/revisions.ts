// The letter's versions. Every save is a new numbered revision (1, 2, …) with its author and
// time, Markdown as written and HTML as sanitised on save; only while the campaign is a concept
// (the save_letter_revision RPC checks the status in the same step). Any two revisions can be
// compared word by word with the `diff` package.
import { diffLines, diffWords, type Change } from 'diff';
import { z } from 'zod';
import { db } from '../platform/db';
import { renderMarkdown } from '../platform/markdown';

export const MAX_LETTER_LENGTH = 50_000;

export interface RevisionSummary {
	id: string;
	number: number;
	authorName: string;
	createdAt: string;
}

export interface Revision extends RevisionSummary {
	bodyMd: string;
	bodyHtml: string;
}

const FULL_COLUMNS = 'id, number, body_md, body_html, created_at, users(name, email)' as const;

type AuthoredRow = { id: string; number: number; created_at: string; users: { name: string | null; email: string } | null };

function authorOf(row: AuthoredRow): string {
	if (!row.users) return 'Verwijderd account';
	return row.users.name?.trim() || row.users.email;
}

function toSummary(row: AuthoredRow): RevisionSummary {
	return { id: row.id, number: row.number, authorName: authorOf(row), createdAt: row.created_at };
}

function toRevision(row: AuthoredRow & { body_md: string; body_html: string }): Revision {
	return { ...toSummary(row), bodyMd: row.body_md, bodyHtml: row.body_html };
}

/** Textareas send CRLF; store one kind of line break so unchanged text compares equal. */
export function normaliseLetter(markdown: string): string {
	return markdown.replace(/\r\n?/g, '\n').trimEnd() + '\n';
}

const TOO_LONG = `De brief mag hoogstens ${MAX_LETTER_LENGTH.toLocaleString('nl-NL')} tekens hebben.`;

export const letterBodySchema = z.object({
	body: z
		.string({ message: 'Schrijf de tekst van de brief.' })
		// CRLF line breaks count double before normalising; the exact limit is checked after.
		.max(MAX_LETTER_LENGTH * 2, TOO_LONG)
		.transform(normaliseLetter)
		.refine((text) => text.trim().length > 0, 'Schrijf de tekst van de brief.')
		.refine((text) => text.length <= MAX_LETTER_LENGTH, TOO_LONG)
});

/** All revisions of a campaign's letter, newest first (without their text). */
export async function listRevisions(campaignId: string): Promise<RevisionSummary[]> {
	const { data, error } = await db()
		.from('letter_revisions')
		.select('id, number, created_at, users(name, email)')
		.eq('campaign_id', campaignId)
		.order('number', { ascending: false });
	if (error) throw new Error(`listRevisions: ${error.message}`);
	return data.map(toSummary);
}

export async function getRevision(campaignId: string, number: number): Promise<Revision | null> {
	if (!Number.isSafeInteger(number) || number < 1) return null;
	const { data, error } = await db()
		.from('letter_revisions')
		.select(FULL_COLUMNS)
		.eq('campaign_id', campaignId)
		.eq('number', number)
		.maybeSingle();
	if (error) throw new Error(`getRevision: ${error.message}`);
	return data ? toRevision(data) : null;
}

export async function latestRevision(campaignId: string): Promise<Revision | null> {
	const { data, error } = await db()
		.from('letter_revisions')
		.select(FULL_COLUMNS)
		.eq('campaign_id', campaignId)
		.order('number', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (error) throw new Error(`latestRevision: ${error.message}`);
	return data ? toRevision(data) : null;
}

/** Why a save did not happen, in words for the coordinator. */
export const SAVE_REFUSED = {
	frozen: 'De tekst ligt vast: de brief is niet meer in concept, dus er kan geen nieuwe versie bij.',
	unchanged: 'De tekst is niet veranderd sinds de laatste versie. Er is geen nieuwe versie opgeslagen.',
	stale:
		'Intussen heeft iemand anders een nieuwe versie opgeslagen. Je tekst is nog niet opgeslagen: bekijk eerst wat er is veranderd. Klik daarna opnieuw op "Opslaan als nieuwe versie" als jouw tekst de nieuwste versie moet worden.'
} as const;

export type SaveRefusal = keyof typeof SAVE_REFUSED;

/**
 * Saves the text as the next revision and returns its number. Refuses when the campaign is not a
 * concept ('frozen'), when nothing changed ('unchanged'), or when `basedOn` is given and a newer
 * revision appeared meanwhile ('stale': two coordinators editing at once must not silently
 * overwrite each other). The caller validates the text with letterBodySchema first.
 */
export async function saveRevision(
	campaignId: string,
	authorId: string,
	markdown: string,
	options: { basedOn?: number } = {}
): Promise<number | SaveRefusal> {
	const text = normaliseLetter(markdown);
	const latest = await latestRevision(campaignId);
	if (latest && options.basedOn !== undefined && latest.number > options.basedOn) return 'stale';
	if (latest && normaliseLetter(latest.bodyMd) === text) return 'unchanged';
	const { data, error } = await db().rpc('save_letter_revision', {
		p_campaign_id: campaignId,
		p_author_id: authorId,
		p_body_md: text,
		p_body_html: renderMarkdown(text)
	});
	if (error) throw new Error(`saveRevision: ${error.message}`);
	return typeof data === 'number' ? data : 'frozen';
}

export interface DiffPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

export interface RevisionDiff {
	parts: DiffPart[];
	wordsAdded: number;
	wordsRemoved: number;
	/** Same words; only spaces or line breaks differ. */
	whitespaceOnly: boolean;
	identical: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function countWords(text: string): number {
	return text.match(WORD)?.length ?? 0;
}

/**
 * A readable word-level comparison of two Markdown texts (older first). Whitespace is ignored
 * when matching, so re-wrapped lines do not show as changes. Very different long texts would
 * make the word diff slow; after a second it falls back to whole changed lines. Reading the
 * parts without the removed ones gives the newer text.
 */
export function diffRevisions(older: string, newer: string): RevisionDiff {
	const a = normaliseLetter(older);
	const b = normaliseLetter(newer);
	const changes: Change[] = diffWords(a, b, { timeout: 1000 }) ?? diffLines(a, b);
	const parts: DiffPart[] = [];
	let wordsAdded = 0;
	let wordsRemoved = 0;
	for (const change of changes) {
		const whitespace = change.value.trim() === '';
		// A marked-up stray space or line break only distracts: show the newer text's whitespace plainly.
		if (whitespace && change.removed) continue;
		const kind = whitespace ? 'same' : change.added ? 'added' : change.removed ? 'removed' : 'same';
		if (kind === 'added') wordsAdded += countWords(change.value);
		if (kind === 'removed') wordsRemoved += countWords(change.value);
		const previous = parts.at(-1);
		if (previous && previous.kind === kind) previous.text += change.value;
		else parts.push({ kind, text: change.value });
	}
	const changed = parts.some((part) => part.kind !== 'same');
	return { parts, wordsAdded, wordsRemoved, whitespaceOnly: !changed && a !== b, identical: a === b };
}
