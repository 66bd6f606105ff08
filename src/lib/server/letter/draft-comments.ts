// Remarks of colleagues on a draft letter, before it is frozen: on one block of the revision they
// read (letter-blocks: anchor and quote, taken from that revision on the server, never from the
// form) or on the letter as a whole. Adding one (add_draft_comment) also writes the history and, at
// most once an hour per letter, queues a mail to the coordinators; the coordinators mark each
// remark 'verwerkt' or 'niet_overgenomen' (resolve_draft_comment), and open it again while the
// letter is a concept (reopen_draft_comment). Who may do it: permissions.ts.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import type { Limit } from '../platform/rate-limit';
import { getRevision } from './revisions';
import { blockFor, splitLetter, type BlockKind, type LetterBlock } from './letter-blocks';
import type { Campaign } from './campaigns';

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_NOTE_LENGTH = 500;

/** Per person, across letters: enough for a careful read, not for a flood. */
export const COMMENT_LIMIT: Limit = { name: 'draft-comment', max: 30, windowSeconds: 60 * 60 };

export const RESOLUTIONS = ['verwerkt', 'niet_overgenomen'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const RESOLUTION_LABELS: Record<Resolution, string> = { verwerkt: 'Verwerkt', niet_overgenomen: 'Niet overgenomen' };

const BLOCK_KINDS = ['paragraph', 'heading', 'ask', 'item', 'other'] as const satisfies readonly BlockKind[];

/** Textareas send CRLF; keep one kind of line break and no blank edges. */
const plainText = (text: string) => text.replace(/\r\n?/g, '\n').trim();

const RELOAD = 'Laad de pagina opnieuw en plaats je opmerking nog eens.';

export const commentSchema = z.object({
	body: z
		.string()
		.transform(plainText)
		.pipe(
			z
				.string()
				.min(1, 'Schrijf je opmerking.')
				.max(MAX_COMMENT_LENGTH, `Een opmerking mag hoogstens ${MAX_COMMENT_LENGTH.toLocaleString('nl-NL')} tekens hebben.`)
		),
	// Empty: about the letter as a whole.
	anchor: z
		.string()
		.regex(/^(\d{1,4}(-\d{1,4})?)?$/, 'Dit stukje van de brief bestaat niet.')
		.transform((anchor) => anchor || null),
	revision: z.coerce.number({ message: RELOAD }).int(RELOAD).positive(RELOAD)
});

const commentId = z.uuid('Deze opmerking bestaat niet (meer).');

export const resolutionSchema = z.object({
	comment: commentId,
	resolution: z.enum(RESOLUTIONS, { message: 'Kies verwerkt of niet overgenomen.' }),
	note: z
		.string()
		.transform(plainText)
		.pipe(z.string().max(MAX_NOTE_LENGTH, `Een toelichting mag hoogstens ${MAX_NOTE_LENGTH} tekens hebben.`))
});

export interface DraftComment {
	id: string;
	revisionId: string;
	revisionNumber: number;
	anchor: string | null;
	kind: BlockKind | null;
	quote: string | null;
	body: string;
	authorName: string;
	createdAt: string;
	resolution: Resolution | null;
	resolvedAt: string | null;
	resolvedByName: string | null;
	note: string | null;
}

function commentsQuery(campaignId: string) {
	return db()
		.from('draft_comments')
		.select(
			'id, revision_id, anchor, block_kind, quote, body, created_at, resolution, resolved_at, resolution_note, letter_revisions(number), author:users!draft_comments_author_id_fkey(name, email), resolver:users!draft_comments_resolved_by_fkey(name, email)'
		)
		.eq('campaign_id', campaignId)
		.order('created_at')
		.order('id');
}

type CommentRow = QueryData<ReturnType<typeof commentsQuery>>[number];
type Person = { name: string | null; email: string } | null;

/** A person's name; their address only for coordinators (who know each other's), else "een collega". */
function nameOf(person: Person, withEmail: boolean): string {
	if (!person) return 'Een verwijderd account';
	return person.name?.trim() || (withEmail ? person.email : 'Een collega');
}

function toComment(row: CommentRow, withEmail: boolean): DraftComment {
	return {
		id: row.id,
		revisionId: row.revision_id,
		revisionNumber: row.letter_revisions?.number ?? 0,
		anchor: row.anchor,
		kind: row.block_kind === null ? null : oneOf(row.block_kind, BLOCK_KINDS, 'draft comment kind'),
		quote: row.quote,
		body: row.body,
		authorName: nameOf(row.author, withEmail),
		createdAt: row.created_at,
		resolution: row.resolution === null ? null : oneOf(row.resolution, RESOLUTIONS, 'draft comment resolution'),
		resolvedAt: row.resolved_at,
		resolvedByName: row.resolved_at ? nameOf(row.resolver, withEmail) : null,
		note: row.resolution_note
	};
}

/** Every remark on the letter, oldest first. `withEmail`: name people without a name by address. */
export async function listComments(campaignId: string, { withEmail = false } = {}): Promise<DraftComment[]> {
	const { data, error } = await commentsQuery(campaignId);
	if (error) throw new Error(`listComments: ${error.message}`);
	return data.map((row) => toComment(row, withEmail));
}

/** How many remarks the coordinators have not resolved yet. */
export async function openCommentCount(campaignId: string): Promise<number> {
	const { count, error } = await db()
		.from('draft_comments')
		.select('id', { count: 'exact', head: true })
		.eq('campaign_id', campaignId)
		.is('resolved_at', null);
	if (error) throw new Error(`openCommentCount: ${error.message}`);
	return count ?? 0;
}

/** The mail to the coordinators; one says it for every remark of the hour, so it names none. */
export function noticeMail(campaign: Pick<Campaign, 'id' | 'title' | 'gemeenteName'>) {
	return {
		subject: `Nieuwe opmerkingen van collega's op de conceptbrief in ${campaign.gemeenteName}`,
		text: [
			`Collega's hebben opmerkingen geplaatst bij het concept van "${campaign.title}".`,
			'',
			'Lees ze en geef per opmerking aan wat je ermee doet (verwerkt of niet overgenomen):',
			`${publicOrigin()}/campagnes/${campaign.id}/brief#opmerkingen`,
			'',
			'Je krijgt hierover hoogstens één e-mail per uur per brief.',
			'',
			'Laat je horen'
		].join('\n')
	};
}

const ADD_RESULTS = ['added', 'not_found', 'closed', 'not_allowed', 'unknown_revision'] as const;
export type AddResult = (typeof ADD_RESULTS)[number] | 'unknown_block';

/**
 * Adds a remark on block `anchor` of revision `revisionNumber` (null: on the letter as a whole).
 * The block's kind and quote come from that revision. Returns 'added', or why not: 'closed' (no
 * longer a concept), 'not_allowed', 'unknown_revision' or 'unknown_block' (no such block with words).
 */
export async function addComment(
	campaign: Pick<Campaign, 'id' | 'title' | 'gemeenteName'>,
	authorId: string,
	input: { revision: number; anchor: string | null; body: string }
): Promise<AddResult> {
	const revision = await getRevision(campaign.id, input.revision);
	if (!revision) return 'unknown_revision';
	let block: LetterBlock | null = null;
	if (input.anchor !== null) {
		block = splitLetter(revision.bodyMd).find((b) => b.anchor === input.anchor && b.quote !== '') ?? null;
		if (!block) return 'unknown_block';
	}
	const { data, error } = await db().rpc('add_draft_comment', {
		p_campaign_id: campaign.id,
		p_author_id: authorId,
		p_revision_id: revision.id,
		p_body: input.body,
		p_notice: noticeMail(campaign),
		p_anchor: block?.anchor,
		p_block_kind: block?.kind,
		p_quote: block?.quote
	});
	if (error) throw new Error(`addComment: ${error.message}`);
	const result = oneOf(data, ADD_RESULTS, 'add_draft_comment');
	if (result === 'added') kickMailWorker();
	return result;
}

const RESOLVE_RESULTS = ['resolved', 'not_found', 'not_allowed', 'already'] as const;
export type ResolveResult = (typeof RESOLVE_RESULTS)[number];

/** Marks a remark of this letter as worked in or not taken over, with an optional short note. */
export async function resolveComment(
	campaignId: string,
	actorId: string,
	input: { comment: string; resolution: Resolution; note: string }
): Promise<ResolveResult> {
	const { data, error } = await db().rpc('resolve_draft_comment', {
		p_campaign_id: campaignId,
		p_comment_id: input.comment,
		p_actor_id: actorId,
		p_resolution: input.resolution,
		p_note: input.note || undefined
	});
	if (error) throw new Error(`resolveComment: ${error.message}`);
	return oneOf(data, RESOLVE_RESULTS, 'resolve_draft_comment');
}

const REOPEN_RESULTS = ['reopened', 'not_found', 'not_allowed', 'closed', 'already'] as const;
export type ReopenResult = (typeof REOPEN_RESULTS)[number];

export const reopenSchema = z.object({ comment: commentId });

/** Opens a handled remark again (a resolution made by mistake), while the letter is a concept. */
export async function reopenComment(campaignId: string, actorId: string, commentId: string): Promise<ReopenResult> {
	const { data, error } = await db().rpc('reopen_draft_comment', {
		p_campaign_id: campaignId,
		p_comment_id: commentId,
		p_actor_id: actorId
	});
	if (error) throw new Error(`reopenComment: ${error.message}`);
	return oneOf(data, REOPEN_RESULTS, 'reopen_draft_comment');
}

export interface PlacedComments {
	/** Remarks per anchor of the version shown. */
	byAnchor: Map<string, DraftComment[]>;
	/** About the letter as a whole. */
	general: DraftComment[];
	/** About text that is no longer there (shown with their quote). */
	detached: DraftComment[];
}

/** Puts each remark under its block of the version shown (blockFor), in the order made. */
export function placeComments(blocks: LetterBlock[], revisionId: string, comments: DraftComment[]): PlacedComments {
	const placed: PlacedComments = { byAnchor: new Map(), general: [], detached: [] };
	for (const comment of comments) {
		if (comment.anchor === null || comment.quote === null) {
			placed.general.push(comment);
			continue;
		}
		const block = blockFor(blocks, { anchor: comment.anchor, quote: comment.quote, kind: comment.kind }, comment.revisionId === revisionId);
		if (!block) {
			placed.detached.push(comment);
			continue;
		}
		const list = placed.byAnchor.get(block.anchor) ?? [];
		list.push(comment);
		placed.byAnchor.set(block.anchor, list);
	}
	return placed;
}
