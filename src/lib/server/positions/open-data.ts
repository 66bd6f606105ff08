// Open data: every published position of a gemeente or of a kring's gemeenten as JSON and CSV,
// under CC BY 4.0, with the fields described, source links and the evidence. One database call per
// export. Only published positions; the newest reaction of the party is included.
import Papa from 'papaparse';
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { DOCUMENT_KIND_LABELS, STANCE_LABELS, documentKindOf, stanceOf } from '$lib/positions';
import { CSV_OPTIONS } from '../platform/csv';

export const LICENCE = {
	name: 'CC BY 4.0',
	url: 'https://creativecommons.org/licenses/by/4.0/deed.nl',
	attribution: 'Laat je horen (huisartsen en kringen), laatjehoren.nl'
} as const;

/** Each field of a row, in order, with what it means (shown on /open-data and in the JSON). */
export const FIELDS = {
	gemeente_code: 'CBS-code van de gemeente (GM0479)',
	gemeente: 'Naam van de gemeente',
	partij: 'Naam van de partij',
	thema: 'Sleutel van het zorgthema (vast, ook als de naam verandert)',
	thema_naam: 'Naam van het zorgthema',
	standpunt: 'concreet, steunt, gemengd, tegen of niet_genoemd',
	standpunt_tekst: 'Het standpunt in woorden',
	citaat: 'Het citaat uit het document waar het standpunt op rust (leeg bij niet genoemd)',
	pagina: 'Pagina van het citaat in het document (pdf)',
	hoofdstuk: 'Hoofdstuk of alinea van het citaat (als er geen pagina is)',
	toelichting: 'Korte toelichting van de beoordelaar',
	document: 'Titel van het document',
	document_soort: 'verkiezingsprogramma, coalitieakkoord, collegeprogramma of anders',
	document_link: 'Link naar het document bij de bron',
	document_datum: 'Publicatiedatum van het document (JJJJ-MM-DD)',
	beoordeeld_door: 'Naam van de redacteur die beoordeelde',
	beoordeeld_op: 'Moment van de laatste beoordeling (ISO 8601)',
	gepubliceerd_op: 'Moment van publicatie (ISO 8601)',
	zonder_reactie: 'true als de partij binnen de termijn niet reageerde',
	reactie_partij: 'eens, oneens of leeg (geen reactie)',
	reactie_citaat: 'Bij oneens: het citaat dat de partij als eigen bron gaf',
	reactie_bron: 'Bij oneens: waar dat citaat staat',
	versie: 'Versienummer van de beoordeling (elke wijziging telt op)',
	bron: 'Pagina met bewijs en geschiedenis op Laat je horen'
} as const;

export type OpenRow = Record<keyof typeof FIELDS, string | number | boolean | null>;

const OPEN_COLUMNS =
	'id, gemeente_code, theme_key, stance, quote, page, section, note, version, assessed_at, published_at, published_without_reply, gemeenten(name, slug), parties(name), themes(label, position), documents(title, kind, url, published_on), assessor:users!positions_assessed_by_fkey(name), position_replies(agrees, evidence_quote, evidence_source, created_at)' as const;

/** Published positions of one gemeente or of several (a kring's), one call. */
export async function openRows(gemeenteCodes: string[]): Promise<OpenRow[]> {
	if (gemeenteCodes.length === 0) return [];
	const { data, error } = await db()
		.from('positions')
		.select(OPEN_COLUMNS)
		.in('gemeente_code', gemeenteCodes)
		.eq('status', 'gepubliceerd')
		.order('gemeente_code')
		.order('theme_key')
		.order('id');
	if (error) throw new Error(`openRows: ${error.message}`);
	const origin = publicOrigin();
	return data.map((row) => {
		const stance = stanceOf(row.stance);
		const reply = [...row.position_replies].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
		const kind = documentKindOf(row.documents?.kind ?? 'anders');
		return {
			gemeente_code: row.gemeente_code,
			gemeente: row.gemeenten?.name ?? '',
			partij: row.parties?.name ?? '',
			thema: row.theme_key,
			thema_naam: row.themes?.label ?? '',
			standpunt: stance,
			standpunt_tekst: STANCE_LABELS[stance],
			citaat: row.quote,
			pagina: row.page,
			hoofdstuk: row.section,
			toelichting: row.note,
			document: row.documents?.title ?? '',
			document_soort: kind,
			document_link: row.documents?.url ?? null,
			document_datum: row.documents?.published_on ?? null,
			beoordeeld_door: row.assessor?.name ?? null,
			beoordeeld_op: row.assessed_at,
			gepubliceerd_op: row.published_at,
			zonder_reactie: row.published_without_reply === true,
			reactie_partij: reply ? (reply.agrees ? 'eens' : 'oneens') : null,
			reactie_citaat: reply && !reply.agrees ? reply.evidence_quote : null,
			reactie_bron: reply && !reply.agrees ? reply.evidence_source : null,
			versie: row.version,
			bron: `${origin}/g/${row.gemeenten?.slug ?? row.gemeente_code}/standpunten/${row.id}`
		};
	});
}

export function asJson(about: { kind: 'gemeente' | 'kring'; name: string; page: string }, rows: OpenRow[]): string {
	return JSON.stringify(
		{
			titel: `Standpunten van partijen over zorg: ${about.name}`,
			over: about.kind,
			pagina: about.page,
			licentie: LICENCE,
			gemaakt_op: new Date().toISOString(),
			uitleg: 'Alleen gepubliceerde beoordelingen. Elke beoordeling rust op een citaat; de partij kon reageren.',
			velden: FIELDS,
			soorten_document: DOCUMENT_KIND_LABELS,
			standpunten: rows
		},
		null,
		2
	);
}

/** CSV with a header row in FIELDS order; a first comment line would break spreadsheets, so the
 * licence travels in the HTTP headers and on /open-data. */
export function asCsv(rows: OpenRow[]): string {
	return Papa.unparse({ fields: Object.keys(FIELDS), data: rows.map((row) => Object.keys(FIELDS).map((key) => row[key as keyof OpenRow] ?? '')) }, CSV_OPTIONS);
}

export function openDataHeaders(format: 'json' | 'csv', filename: string): Record<string, string> {
	return {
		'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
		'content-disposition': `${format === 'json' ? 'inline' : 'attachment'}; filename="${filename}.${format}"`,
		link: `<${LICENCE.url}>; rel="license"`,
		'cache-control': 'public, max-age=300'
	};
}
