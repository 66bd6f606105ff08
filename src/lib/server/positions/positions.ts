// Positions as kring editors work on them: a party's stance on a theme, read from one document,
// with its quote and page or section (no quote, no stance). Every change is a version with who,
// when and why (kept by the database). Workflow: concept → ter_reactie (reply-links.ts sends it)
// → gepubliceerd, with an optional second editor's approval. Each step is one database call.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { formString } from '../platform/forms';
import {
	STANCES,
	positionStatusOf,
	stanceOf,
	documentKindOf,
	type DocumentKind,
	type PositionStatus,
	type Stance
} from '$lib/positions';

export const NO_QUOTE_MESSAGE = 'Zonder citaat geen standpunt: plak de zin uit het document waar het standpunt uit blijkt.';
export const NO_PLACE_MESSAGE = 'Vul de pagina of het hoofdstuk in waar het citaat staat.';

export const positionSchema = z
	.object({
		partyId: z.uuid({ message: 'Kies de partij.' }),
		themeKey: z.string().min(1, 'Kies het thema.'),
		stance: z.enum(STANCES, { message: 'Kies een standpunt.' }),
		quote: z.string().trim().max(5000, 'Het citaat mag hoogstens 5.000 tekens hebben.'),
		page: z
			.string()
			.trim()
			.refine((value) => value === '' || (/^\d{1,4}$/.test(value) && Number(value) >= 1), 'Vul een paginanummer in (een getal).'),
		section: z.string().trim().max(300, 'Het hoofdstuk mag hoogstens 300 tekens hebben.'),
		note: z.string().trim().max(2000, 'De toelichting mag hoogstens 2.000 tekens hebben.'),
		reason: z.string().trim().max(1000, 'De reden mag hoogstens 1.000 tekens hebben.')
	})
	.superRefine((value, ctx) => {
		if (value.stance === 'niet_genoemd') return;
		if (!value.quote) ctx.addIssue({ code: 'custom', path: ['quote'], message: NO_QUOTE_MESSAGE });
		if (!value.page && !value.section) ctx.addIssue({ code: 'custom', path: ['page'], message: NO_PLACE_MESSAGE });
	});

export type PositionInput = z.infer<typeof positionSchema>;
export type PositionValues = Record<keyof PositionInput, string>;

export function readPositionForm(form: FormData): PositionValues {
	return {
		partyId: formString(form, 'partyId'),
		themeKey: formString(form, 'themeKey'),
		stance: formString(form, 'stance'),
		quote: formString(form, 'quote'),
		page: formString(form, 'page'),
		section: formString(form, 'section'),
		note: formString(form, 'note'),
		reason: formString(form, 'reason')
	};
}

export type SaveResult = 'created' | 'changed' | 'unchanged' | 'reason_required' | 'not_found' | 'evidence_required';

export async function savePosition(actorId: string, documentId: string, input: PositionInput): Promise<SaveResult> {
	const quoted = input.stance !== 'niet_genoemd';
	const { data, error } = await db().rpc('save_position', {
		p_actor_id: actorId,
		p_party_id: input.partyId,
		p_theme_key: input.themeKey,
		p_document_id: documentId,
		p_stance: input.stance,
		// "Niet genoemd" quotes nothing: what was typed for it is not kept.
		...(quoted && input.quote ? { p_quote: input.quote } : {}),
		...(quoted && input.page ? { p_page: Number(input.page) } : {}),
		...(quoted && input.section ? { p_section: input.section } : {}),
		...(input.note ? { p_note: input.note } : {}),
		...(input.reason ? { p_reason: input.reason } : {})
	});
	if (error?.code === '23514') return 'evidence_required';
	if (error?.code === '22P02' || error?.code === '23503') return 'not_found';
	if (error) throw new Error(`savePosition: ${error.message}`);
	return oneOf(data, ['created', 'changed', 'unchanged', 'reason_required', 'not_found'], 'savePosition');
}

export interface PositionReply {
	agrees: boolean;
	explanation: string | null;
	evidenceQuote: string | null;
	evidenceSource: string | null;
	evidencePage: string | null;
	responderName: string;
	responderRole: string | null;
	positionVersion: number;
	at: string;
}

export interface EditorPosition {
	id: string;
	partyId: string;
	partyName: string;
	themeKey: string;
	themeLabel: string;
	documentId: string;
	documentTitle: string;
	documentKind: DocumentKind;
	stance: Stance;
	quote: string | null;
	page: number | null;
	section: string | null;
	note: string | null;
	status: PositionStatus;
	version: number;
	assessedBy: string | null;
	assessedById: string | null;
	assessedAt: string;
	replyDueAt: string | null;
	approvedBy: string | null;
	publishedAt: string | null;
	publishedWithoutReply: boolean;
	/** Newest first. */
	replies: PositionReply[];
}

const EDITOR_COLUMNS =
	'id, party_id, theme_key, document_id, stance, quote, page, section, note, status, version, assessed_by, assessed_at, reply_due_at, published_at, published_without_reply, parties(name), themes(label), documents(title, kind), assessor:users!positions_assessed_by_fkey(name, email), approver:users!positions_approved_by_fkey(name, email), position_replies(agrees, explanation, evidence_quote, evidence_source, evidence_page, responder_name, responder_role, position_version, created_at)' as const;

function editorQuery() {
	return db().from('positions').select(EDITOR_COLUMNS);
}

type EditorRow = QueryData<ReturnType<typeof editorQuery>>[number];

export function toReply(row: EditorRow['position_replies'][number]): PositionReply {
	return {
		agrees: row.agrees,
		explanation: row.explanation,
		evidenceQuote: row.evidence_quote,
		evidenceSource: row.evidence_source,
		evidencePage: row.evidence_page,
		responderName: row.responder_name,
		responderRole: row.responder_role,
		positionVersion: row.position_version,
		at: row.created_at
	};
}

function personName(person: { name: string | null; email: string } | null): string | null {
	return person ? (person.name ?? person.email) : null;
}

function toEditorPosition(row: EditorRow): EditorPosition {
	return {
		id: row.id,
		partyId: row.party_id,
		partyName: row.parties?.name ?? '',
		themeKey: row.theme_key,
		themeLabel: row.themes?.label ?? row.theme_key,
		documentId: row.document_id,
		documentTitle: row.documents?.title ?? '',
		documentKind: documentKindOf(row.documents?.kind ?? 'anders'),
		stance: stanceOf(row.stance),
		quote: row.quote,
		page: row.page,
		section: row.section,
		note: row.note,
		status: positionStatusOf(row.status),
		version: row.version,
		assessedBy: personName(row.assessor),
		assessedById: row.assessed_by,
		assessedAt: row.assessed_at,
		replyDueAt: row.reply_due_at,
		approvedBy: personName(row.approver),
		publishedAt: row.published_at,
		publishedWithoutReply: row.published_without_reply === true,
		replies: row.position_replies.map(toReply).sort((a, b) => b.at.localeCompare(a.at))
	};
}

/** Every position in the gemeente, whatever its state (for its kring's editors), in one query. */
export async function positionsInGemeente(gemeenteCode: string): Promise<EditorPosition[]> {
	const { data, error } = await editorQuery().eq('gemeente_code', gemeenteCode).order('updated_at', { ascending: false });
	if (error) throw new Error(`positionsInGemeente: ${error.message}`);
	return data.map(toEditorPosition);
}

/** The positions read from one document. */
export async function positionsOfDocument(documentId: string): Promise<EditorPosition[]> {
	const { data, error } = await editorQuery().eq('document_id', documentId).order('updated_at', { ascending: false });
	if (error) throw new Error(`positionsOfDocument: ${error.message}`);
	return data.map(toEditorPosition);
}

export async function getPosition(id: string): Promise<(EditorPosition & { gemeenteCode: string }) | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const { data, error } = await db().from('positions').select(`${EDITOR_COLUMNS}, gemeente_code`).eq('id', id).maybeSingle();
	if (error) throw new Error(`getPosition: ${error.message}`);
	return data ? { ...toEditorPosition(data), gemeenteCode: data.gemeente_code } : null;
}

export interface PositionVersion {
	version: number;
	stance: Stance;
	quote: string | null;
	page: number | null;
	section: string | null;
	status: PositionStatus;
	approved: boolean;
	by: string | null;
	at: string;
	reason: string | null;
}

/** A position's versions, newest first; `publicOnly` leaves out the concept ones. */
export async function positionHistory(positionId: string, { publicOnly = false } = {}): Promise<PositionVersion[]> {
	let query = db()
		.from('position_versions')
		.select('version, stance, quote, page, section, status, approved, changed_at, reason, users(name, email)')
		.eq('position_id', positionId);
	if (publicOnly) query = query.neq('status', 'concept');
	const { data, error } = await query.order('version', { ascending: false });
	if (error) throw new Error(`positionHistory: ${error.message}`);
	return data.map((row) => ({
		version: row.version,
		stance: stanceOf(row.stance),
		quote: row.quote,
		page: row.page,
		section: row.section,
		status: positionStatusOf(row.status),
		approved: row.approved,
		// The public history names editors by their name only, never by e-mail address.
		by: publicOnly ? (row.users?.name ?? null) : personName(row.users),
		at: row.changed_at,
		reason: row.reason
	}));
}

export type ApproveResult = 'approved' | 'own_assessment' | 'already' | 'published' | 'not_found';

export async function approvePosition(actorId: string, positionId: string): Promise<ApproveResult> {
	if (!z.uuid().safeParse(positionId).success) return 'not_found';
	const { data, error } = await db().rpc('approve_position', { p_actor_id: actorId, p_position_id: positionId });
	if (error) throw new Error(`approvePosition: ${error.message}`);
	return oneOf(data, ['approved', 'own_assessment', 'already', 'published', 'not_found'], 'approvePosition');
}

export type PublishResult = 'published' | 'waiting' | 'needs_approval' | 'not_sent' | 'published_already' | 'not_found';

export async function publishPosition(actorId: string, positionId: string): Promise<PublishResult> {
	if (!z.uuid().safeParse(positionId).success) return 'not_found';
	const { data, error } = await db().rpc('publish_position', { p_actor_id: actorId, p_position_id: positionId });
	if (error) throw new Error(`publishPosition: ${error.message}`);
	return oneOf(data, ['published', 'waiting', 'needs_approval', 'not_sent', 'published_already', 'not_found'], 'publishPosition');
}

export const PUBLISH_REFUSED: Record<Exclude<PublishResult, 'published'>, string> = {
	waiting: 'De partij heeft nog niet gereageerd en de reactietermijn loopt nog. Publiceer na de termijn, of zodra de partij reageert.',
	needs_approval: 'Een tweede redacteur moet deze beoordeling eerst goedkeuren (zo is het ingesteld voor de kring).',
	not_sent: 'Stuur dit standpunt eerst ter reactie naar de partij.',
	published_already: 'Dit standpunt is al gepubliceerd.',
	not_found: 'Dit standpunt bestaat niet (meer) of je mag het niet wijzigen.'
};

export const APPROVE_REFUSED: Record<Exclude<ApproveResult, 'approved'>, string> = {
	own_assessment: 'Je kunt je eigen beoordeling niet goedkeuren: dat doet een andere redacteur.',
	already: 'Deze beoordeling is al goedgekeurd.',
	published: 'Dit standpunt is al gepubliceerd.',
	not_found: 'Dit standpunt bestaat niet (meer) of je mag het niet wijzigen.'
};
