// The documents positions are read from: per gemeente, a party's verkiezingsprogramma, a
// coalitieakkoord or collegeprogramma (one document, several parties), or another source; with
// title, kind, link and publication date. The text comes as a PDF (read page by page), Markdown or
// plain text, and is stored as passages in the same call that stores the document (add_document).
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { DOCUMENT_KINDS, documentKindOf, type DocumentKind } from '$lib/positions';
import {
	DocumentTextError,
	passagesFromMarkdown,
	passagesFromPages,
	passagesFromText,
	pdfPages,
	type Passage
} from './document-text';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const documentSchema = z.object({
	title: z.string().trim().min(3, 'Geef het document een titel (minstens 3 tekens).').max(300, 'De titel mag hoogstens 300 tekens hebben.'),
	kind: z.enum(DOCUMENT_KINDS, { message: 'Kies wat voor document het is.' }),
	url: z
		.string()
		.trim()
		.max(2000, 'De link mag hoogstens 2.000 tekens hebben.')
		.refine((value) => value === '' || /^https?:\/\/\S+$/.test(value), 'Een link begint met https:// (of http://).'),
	publishedOn: z
		.string()
		.trim()
		.refine((value) => value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))), 'Vul een datum in als 2026-01-31.'),
	partyIds: z.array(z.uuid({ message: 'Onbekende partij.' })).min(1, 'Kies de partij (of bij een akkoord: de partijen) van dit document.'),
	format: z.enum(['pdf', 'markdown', 'tekst'], { message: 'Kies pdf, Markdown of platte tekst.' }),
	text: z.string().max(2_000_000, 'De tekst is te lang (hoogstens 2 miljoen tekens).')
});

export type DocumentInput = z.infer<typeof documentSchema>;

export interface DocumentSummary {
	id: string;
	title: string;
	kind: DocumentKind;
	url: string | null;
	publishedOn: string | null;
	format: string;
	pageCount: number | null;
	passageCount: number;
	parties: Array<{ id: string; name: string }>;
	createdAt: string;
}

const DOCUMENT_COLUMNS =
	'id, title, kind, url, published_on, format, page_count, created_at, gemeente_code, document_parties(parties(id, name)), document_passages(count)' as const;

function documentQuery() {
	return db().from('documents').select(DOCUMENT_COLUMNS);
}

type DocumentRow = QueryData<ReturnType<typeof documentQuery>>[number];

function toDocument(row: DocumentRow): DocumentSummary {
	return {
		id: row.id,
		title: row.title,
		kind: documentKindOf(row.kind),
		url: row.url,
		publishedOn: row.published_on,
		format: row.format,
		pageCount: row.page_count,
		passageCount: row.document_passages[0]?.count ?? 0,
		parties: row.document_parties.flatMap((dp) => (dp.parties ? [dp.parties] : [])).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		createdAt: row.created_at
	};
}

/** The gemeente's documents, newest publication first. */
export async function documentsInGemeente(gemeenteCode: string): Promise<DocumentSummary[]> {
	const { data, error } = await documentQuery()
		.eq('gemeente_code', gemeenteCode)
		.order('published_on', { ascending: false, nullsFirst: false })
		.order('created_at', { ascending: false });
	if (error) throw new Error(`documentsInGemeente: ${error.message}`);
	return data.map(toDocument);
}

export async function getDocument(id: string): Promise<(DocumentSummary & { gemeenteCode: string }) | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const { data, error } = await documentQuery().eq('id', id).maybeSingle();
	if (error) throw new Error(`getDocument: ${error.message}`);
	return data ? { ...toDocument(data), gemeenteCode: data.gemeente_code } : null;
}

/** The passages of the text as given: a PDF file's pages, or Markdown or plain text. */
export async function passagesOf(input: { format: 'pdf' | 'markdown' | 'tekst'; pdf?: Uint8Array; text: string }): Promise<{ passages: Passage[]; pageCount: number | null }> {
	if (input.format === 'pdf') {
		if (!input.pdf) throw new DocumentTextError('Kies het pdf-bestand.');
		const pages = await pdfPages(input.pdf);
		return { passages: passagesFromPages(pages), pageCount: pages.length };
	}
	const passages = input.format === 'markdown' ? passagesFromMarkdown(input.text) : passagesFromText(input.text);
	const pages = passages.reduce((max, p) => Math.max(max, p.page ?? 0), 0);
	return { passages, pageCount: pages > 0 ? pages : null };
}

export type AddDocumentResult = { id: string } | { error: string };

/** Reads the text and stores document, parties and passages in one call. */
export async function addDocument(actorId: string, gemeenteCode: string, input: DocumentInput, pdf?: Uint8Array): Promise<AddDocumentResult> {
	let text;
	try {
		text = await passagesOf({ format: input.format, pdf, text: input.text });
	} catch (cause) {
		if (cause instanceof DocumentTextError) return { error: cause.message };
		throw cause;
	}
	if (text.passages.length === 0) {
		return {
			error:
				input.format === 'pdf'
					? 'In deze pdf staat geen tekst die we kunnen lezen (is het een scan?). Plak de tekst dan als platte tekst.'
					: 'Er staat geen tekst in het document.'
		};
	}
	const { data, error } = await db().rpc('add_document', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_kind: input.kind,
		p_title: input.title,
		p_format: input.format,
		p_party_ids: input.partyIds,
		p_passages: text.passages.map((p) => ({ page: p.page, section: p.section, body: p.body })),
		...(input.url ? { p_url: input.url } : {}),
		...(input.publishedOn ? { p_published_on: input.publishedOn } : {}),
		...(text.pageCount ? { p_page_count: text.pageCount } : {})
	});
	if (error?.code === '22023') return { error: 'Kies partijen uit deze gemeente.' };
	if (error) throw new Error(`addDocument: ${error.message}`);
	return { id: data };
}

export async function removeDocument(actorId: string, documentId: string): Promise<'removed' | 'in_use' | 'not_found'> {
	if (!z.uuid().safeParse(documentId).success) return 'not_found';
	const { data, error } = await db().rpc('remove_document', { p_actor_id: actorId, p_document_id: documentId });
	if (error) throw new Error(`removeDocument: ${error.message}`);
	return oneOf(data, ['removed', 'in_use', 'not_found'], 'removeDocument');
}
