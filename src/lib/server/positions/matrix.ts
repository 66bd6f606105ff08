// What the public reads of a gemeente's positions: the matrix (parties × themes, one cell per
// party, theme and side of the election: programme or coalitieakkoord) and one position with its
// evidence, the party's reaction and its published history. Only published positions, read by the
// server; concepts and positions waiting for a reaction never leave it. The matrix takes three
// database calls whatever the number of parties, themes and positions.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db } from '../platform/db';
import { listThemes } from '../gemeenten/themes';
import {
	documentKindOf,
	documentSide,
	stanceOf,
	type DocumentFilter,
	type DocumentKind,
	type Stance
} from '$lib/positions';
import { positionHistory, toReply, type PositionReply, type PositionVersion } from './positions';

export interface MatrixCell {
	positionId: string;
	side: 'programma' | 'akkoord';
	stance: Stance;
	documentTitle: string;
	/** The party's newest reaction: agrees, disagrees, or none. */
	reaction: 'eens' | 'oneens' | null;
}

export interface MatrixRow {
	partyId: string;
	partyName: string;
	abbreviation: string | null;
	/** By theme key; each holds at most one cell per side, programme first. */
	cells: Record<string, MatrixCell[]>;
}

export interface Matrix {
	themes: Array<{ key: string; label: string }>;
	rows: MatrixRow[];
	/** Published positions in the gemeente (before filtering by theme). */
	publishedCount: number;
}

const MATRIX_COLUMNS =
	'id, party_id, theme_key, stance, published_at, documents(title, kind, published_on, created_at), position_replies(agrees, created_at)' as const;

function matrixQuery() {
	return db().from('positions').select(MATRIX_COLUMNS);
}

type MatrixPositionRow = QueryData<ReturnType<typeof matrixQuery>>[number];

/** Newer documents first: by publication date, then by when they were added. */
function documentOrder(row: MatrixPositionRow): string {
	return `${row.documents?.published_on ?? '0000-00-00'}|${row.documents?.created_at ?? ''}`;
}

export async function publicMatrix(
	gemeenteCode: string,
	filter: { theme: string | null; documents: DocumentFilter }
): Promise<Matrix> {
	const [parties, themes, positions] = await Promise.all([
		db().from('parties').select('id, name, abbreviation').eq('gemeente_code', gemeenteCode).order('name'),
		listThemes(),
		matrixQuery().eq('gemeente_code', gemeenteCode).eq('status', 'gepubliceerd')
	]);
	if (parties.error) throw new Error(`publicMatrix: ${parties.error.message}`);
	if (positions.error) throw new Error(`publicMatrix: ${positions.error.message}`);
	const rowsByParty = new Map<string, MatrixRow>(
		parties.data.map((p) => [p.id, { partyId: p.id, partyName: p.name, abbreviation: p.abbreviation, cells: {} }])
	);
	const withPositions = new Set(positions.data.map((p) => p.theme_key));
	const sorted = [...positions.data].sort((a, b) => documentOrder(b).localeCompare(documentOrder(a)));
	for (const position of sorted) {
		const row = rowsByParty.get(position.party_id);
		const kind: DocumentKind = documentKindOf(position.documents?.kind ?? 'anders');
		const side = documentSide(kind);
		if (!row || (filter.documents !== 'alle' && filter.documents !== side)) continue;
		const cells = (row.cells[position.theme_key] ??= []);
		// The newest document of each side counts; older ones stay readable through open data.
		if (cells.some((cell) => cell.side === side)) continue;
		const reply = [...position.position_replies].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
		cells.push({
			positionId: position.id,
			side,
			stance: stanceOf(position.stance),
			documentTitle: position.documents?.title ?? '',
			reaction: reply ? (reply.agrees ? 'eens' : 'oneens') : null
		});
		cells.sort((a, b) => (a.side === b.side ? 0 : a.side === 'programma' ? -1 : 1));
	}
	// Active themes, and retired ones that still carry published positions.
	const shownThemes = themes
		.filter((t) => !t.retired || withPositions.has(t.key))
		.filter((t) => filter.theme === null || t.key === filter.theme)
		.map((t) => ({ key: t.key, label: t.label }));
	return { themes: shownThemes, rows: [...rowsByParty.values()], publishedCount: positions.data.length };
}

export interface PublicPosition {
	id: string;
	party: { name: string; abbreviation: string | null };
	theme: { key: string; label: string };
	stance: Stance;
	quote: string | null;
	page: number | null;
	section: string | null;
	note: string | null;
	document: { title: string; kind: DocumentKind; url: string | null; publishedOn: string | null };
	assessedBy: string | null;
	assessedAt: string;
	approvedBy: string | null;
	publishedAt: string | null;
	publishedWithoutReply: boolean;
	version: number;
	replies: PositionReply[];
	history: PositionVersion[];
}

const PUBLIC_COLUMNS =
	'id, stance, quote, page, section, note, version, assessed_at, published_at, published_without_reply, parties(name, abbreviation), themes(key, label), documents(title, kind, url, published_on), assessor:users!positions_assessed_by_fkey(name), approver:users!positions_approved_by_fkey(name), position_replies(agrees, explanation, evidence_quote, evidence_source, evidence_page, responder_name, responder_role, position_version, created_at)' as const;

/** One published position of the gemeente with its evidence, reactions and history; null for
 * anything else (a concept, one waiting for a reaction, another gemeente's). */
export async function publicPosition(gemeenteCode: string, id: string): Promise<PublicPosition | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const { data: row, error } = await db()
		.from('positions')
		.select(PUBLIC_COLUMNS)
		.eq('id', id)
		.eq('gemeente_code', gemeenteCode)
		.eq('status', 'gepubliceerd')
		.maybeSingle();
	if (error) throw new Error(`publicPosition: ${error.message}`);
	if (!row || !row.parties || !row.themes || !row.documents) return null;
	return {
		id: row.id,
		party: row.parties,
		theme: row.themes,
		stance: stanceOf(row.stance),
		quote: row.quote,
		page: row.page,
		section: row.section,
		note: row.note,
		document: {
			title: row.documents.title,
			kind: documentKindOf(row.documents.kind),
			url: row.documents.url,
			publishedOn: row.documents.published_on
		},
		// Editors without a name on their account are shown by role, never by e-mail address.
		assessedBy: row.assessor?.name ?? null,
		assessedAt: row.assessed_at,
		approvedBy: row.approver?.name ?? null,
		publishedAt: row.published_at,
		publishedWithoutReply: row.published_without_reply === true,
		version: row.version,
		replies: row.position_replies.map(toReply).sort((a, b) => b.at.localeCompare(a.at)),
		history: await positionHistory(row.id, { publicOnly: true })
	};
}
