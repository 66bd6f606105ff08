// Open data of council work on the care themes, next to the positions' (same licence and
// headers): per gemeente the motions with their result, themes and vote per party with where each
// vote came from, as JSON (nested, with the meetings) and as CSV (one row per motion and party).
import Papa from 'papaparse';
import { LICENCE } from '$lib/server/positions/open-data';
import type { CareMeeting, CareMotion } from './public-council';
import { VOTE_SOURCES } from './types';
import { CSV_OPTIONS } from '../platform/csv';

/** The CSV's fields, in order, with what each means (also on /open-data). */
export const MOTION_FIELDS = {
	gemeente_code: 'CBS-code van de gemeente (GM0479)',
	motie_id: 'Vaste id van de motie of het amendement op Laat je horen',
	titel: 'Titel van de motie of het amendement',
	soort: 'motie of amendement',
	datum: 'Datum van het besluit (JJJJ-MM-DD)',
	uitslag: 'aangenomen, verworpen, ingetrokken, aangehouden, overig, of leeg (nog niet besloten)',
	hamerstuk: 'true als er zonder stemming over besloten is',
	themas: "Sleutels van de zorgthema's, gescheiden door |",
	vergadering: 'Naam van de vergadering',
	vergadering_begin: 'Begin van de vergadering (ISO 8601, met tijdzone)',
	indieners: 'Partijen die de motie indienden, gescheiden door |',
	partij: 'Naam van de partij (leeg als er geen stemmen per partij bekend zijn)',
	stem: 'voor, tegen, verdeeld, onthouden, afwezig of onbekend',
	stem_bron: 'aggregated (uit de stemmen per raadslid), summary (uit de stemverklaring van de bron) of manual (ingevoerd uit besluitenlijst of notulen)',
	stem_document: 'Bij manual: besluitenlijst of notulen',
	stem_link: 'Bij manual: link naar dat document',
	stem_pagina: 'Bij manual: pagina in dat document',
	leden_voor: 'Bij aggregated: aantal raadsleden van de partij dat voor stemde',
	leden_tegen: 'Bij aggregated: aantal raadsleden van de partij dat tegen stemde',
	bron: 'handmatig of openbesluitvorming: waar de motie zelf vandaan komt',
	pagina: 'Pagina van de motie op Laat je horen'
} as const;

export type MotionCsvRow = Record<keyof typeof MOTION_FIELDS, string | number | boolean | null>;

function motionPage(origin: string, slug: string, motionId: string): string {
	return `${origin}/g/${slug}/raad/moties/${motionId}`;
}

export function motionRows(motions: CareMotion[], slug: string, origin: string): MotionCsvRow[] {
	return motions.flatMap((m): MotionCsvRow[] => {
		const base = {
			gemeente_code: m.gemeenteCode,
			motie_id: m.id,
			titel: m.title,
			soort: m.type,
			datum: m.decidedOn,
			uitslag: m.result,
			hamerstuk: m.hamerstuk,
			themas: m.themes.join('|'),
			vergadering: m.meeting?.name ?? null,
			vergadering_begin: m.meeting?.startsAt ?? null,
			indieners: m.submitters.map((s) => s.partyName).join('|'),
			bron: m.source,
			pagina: motionPage(origin, slug, m.id)
		};
		const none = { partij: null, stem: null, stem_bron: null, stem_document: null, stem_link: null, stem_pagina: null, leden_voor: null, leden_tegen: null };
		if (m.votes.length === 0) return [{ ...base, ...none }];
		return m.votes.map((v) => ({
			...base,
			partij: v.partyName,
			stem: v.vote,
			stem_bron: v.source,
			stem_document: v.sourceDocument,
			stem_link: v.sourceUrl,
			stem_pagina: v.sourcePage,
			leden_voor: v.membersFor,
			leden_tegen: v.membersAgainst
		}));
	});
}

export function motionsCsv(rows: MotionCsvRow[]): string {
	const keys = Object.keys(MOTION_FIELDS) as Array<keyof typeof MOTION_FIELDS>;
	return Papa.unparse({ fields: keys, data: rows.map((row) => keys.map((key) => row[key] ?? '')) }, CSV_OPTIONS);
}

export function councilJson(
	about: { name: string; code: string; slug: string; page: string; origin: string },
	meetings: CareMeeting[],
	motions: CareMotion[],
	sources: Array<{ supplierLabel: string; perPartyVotes: string; lastSucceededAt: string | null }>
): string {
	return JSON.stringify(
		{
			titel: `Raadswerk over zorg: ${about.name}`,
			gemeente_code: about.code,
			pagina: about.page,
			licentie: LICENCE,
			gemaakt_op: new Date().toISOString(),
			uitleg:
				"Vergaderingen en moties waarbij een redacteur een zorgthema bevestigde. Elke stem per partij zegt waar ze vandaan komt; zonder rij is de stem onbekend.",
			bronnen: sources.map((s) => ({ leverancier: s.supplierLabel, stemmen_per_partij: s.perPartyVotes, laatst_bijgewerkt: s.lastSucceededAt })),
			stem_bronnen: VOTE_SOURCES,
			vergaderingen: meetings.map((m) => ({
				id: m.id,
				naam: m.name,
				soort: m.kind,
				begin: m.startsAt,
				einde: m.endsAt,
				plaats: m.location,
				link: m.url,
				status: m.status,
				themas: m.themes,
				agendapunten: m.careItems.map((i) => ({ nummer: i.number, titel: i.title, themas: i.themes })),
				huisartsen_komen: m.attendance.count,
				pagina: `${about.origin}/g/${about.slug}/raad/vergaderingen/${m.id}`
			})),
			moties: motions.map((m) => ({
				id: m.id,
				titel: m.title,
				soort: m.type,
				datum: m.decidedOn,
				uitslag: m.result,
				hamerstuk: m.hamerstuk,
				link: m.url,
				themas: m.themes,
				vergadering: m.meeting ? { id: m.meeting.id, naam: m.meeting.name, begin: m.meeting.startsAt } : null,
				indieners: m.submitters.map((s) => ({ partij: s.partyName, rol: s.role })),
				stemmen: m.votes.map((v) => ({
					partij: v.partyName,
					stem: v.vote,
					bron: v.source,
					document: v.sourceDocument,
					link: v.sourceUrl,
					pagina: v.sourcePage,
					leden_voor: v.membersFor,
					leden_tegen: v.membersAgainst
				})),
				bron: m.source,
				pagina: motionPage(about.origin, about.slug, m.id)
			}))
		},
		null,
		2
	);
}
