// Open data of one letter, as JSON and CSV (CC BY 4.0, like the positions): title, gemeente,
// status, dates, counts and verified counts, the asks, and per party the answer per ask with its
// explanation, source and date, or how many days it has been waiting. Made from exactly what the
// public page shows (public-letter.ts), so it never holds more: no BIG numbers, and signers'
// names only of those who consented (in the JSON; the CSV has one row per party and ask).
import Papa from 'papaparse';
import { ASK_ANSWER_LABELS, CHANNEL_LABELS, type ResponseChannel } from '$lib/ask-answers';
import { STATUS_LABELS, campaignStatus } from '$lib/campaign-status';
import { LICENCE } from '../positions/open-data';
import type { PublicCampaign, PublicParty } from './public-letter';
import { CSV_OPTIONS } from '../platform/csv';

export { LICENCE };

/** Each CSV column, in order, with what it means (shown on /open-data and in the JSON). */
export const LETTER_FIELDS = {
	gemeente_code: 'CBS-code van de gemeente (GM0479)',
	gemeente: 'Naam van de gemeente',
	brief_id: 'Vaste sleutel van de brief',
	titel: 'Titel van de brief',
	status: 'ter_ondertekening, verstuurd of afgerond',
	begonnen_op: 'Moment waarop de brief begon (ISO 8601)',
	verstuurd_op: 'Moment van versturen (ISO 8601; leeg zolang hij wordt ondertekend)',
	huisartsen: 'Aantal huisartsen dat ondertekende (ingetrokken handtekeningen tellen niet)',
	geverifieerd: 'Hoeveel van hen geverifieerd zijn',
	geverifieerd_big_register: 'Geverifieerd in het BIG-register',
	geverifieerd_met_de_hand: 'Geverifieerd door de coördinatoren of de kring, met een notitie',
	praktijken_getekend: 'Praktijken met minstens één handtekening',
	praktijken_totaal: 'Praktijken in de gemeente die Laat je horen kent',
	partijen: 'Aantal partijen dat de brief kreeg',
	partijen_geantwoord: 'Hoeveel van hen antwoordden',
	partij: 'Naam van de partij (leeg zolang de brief niet verstuurd is)',
	bezorgd: 'email (via Laat je horen) of zelf (door de huisartsen bezorgd)',
	vraag: 'Nummer van de vraag in de brief',
	vraag_tekst: 'De vraag zoals de brief hem stelt',
	antwoord: 'ja, deels, nee, geen_standpunt, leeg (de partij antwoordde, maar niet op deze vraag) of geen_reactie',
	antwoord_tekst: 'Het antwoord in woorden',
	toelichting: 'De toelichting van de partij bij deze vraag',
	bron: 'Hoe het antwoord binnenkwam: link (de partij zelf, via haar antwoordlink), email, telefoon of anders (ingevoerd door de coördinatoren)',
	beantwoord_op: 'Moment van het antwoord (ISO 8601)',
	beantwoord_door: 'Wie namens de partij antwoordde, en in welke rol',
	dagen_zonder_reactie: 'Dagen sinds versturen, als de partij nog niet antwoordde',
	pagina: 'De openbare pagina van de gemeente met de brief'
} as const;

export type LetterRow = Record<keyof typeof LETTER_FIELDS, string | number | null>;

export interface LetterAbout {
	gemeente: { code: string; name: string };
	/** The public page the letter is on (absolute URL). */
	page: string;
}

function letterColumns(c: PublicCampaign, about: LetterAbout) {
	return {
		gemeente_code: about.gemeente.code,
		gemeente: about.gemeente.name,
		brief_id: c.id,
		titel: c.title,
		status: c.status,
		begonnen_op: c.createdAt,
		verstuurd_op: c.sent?.at ?? null,
		huisartsen: c.signerCount,
		geverifieerd: c.verification.verified,
		geverifieerd_big_register: c.verification.byRegister,
		geverifieerd_met_de_hand: c.verification.byHand,
		praktijken_getekend: c.practiceCount,
		praktijken_totaal: c.practicesTotal,
		partijen: c.sent?.parties.length ?? 0,
		partijen_geantwoord: c.sent?.parties.filter((p) => p.response).length ?? 0
	};
}

const EMPTY_ANSWER = {
	partij: null,
	bezorgd: null,
	vraag: null,
	vraag_tekst: null,
	antwoord: null,
	antwoord_tekst: null,
	toelichting: null,
	bron: null,
	beantwoord_op: null,
	beantwoord_door: null,
	dagen_zonder_reactie: null
};

function responderOf(party: PublicParty): string | null {
	const r = party.response;
	return r ? (r.responderRole ? `${r.responderName}, ${r.responderRole}` : r.responderName) : null;
}

/** One row per party and ask once sent (one per party when the letter has no numbered asks);
 * one row with the letter's own columns before. */
export function letterRows(c: PublicCampaign, about: LetterAbout): LetterRow[] {
	const letter = letterColumns(c, about);
	if (!c.sent || c.sent.parties.length === 0) return [{ ...letter, ...EMPTY_ANSWER, pagina: about.page }];
	const asks = c.sent.asks.length > 0 ? c.sent.asks : [null];
	return c.sent.parties.flatMap((party) =>
		asks.map((ask): LetterRow => {
			const r = party.response;
			const given = ask && r ? r.answers[ask.number] : undefined;
			return {
				...letter,
				partij: party.name,
				bezorgd: party.byEmail ? 'email' : 'zelf',
				vraag: ask?.number ?? null,
				vraag_tekst: ask?.body ?? null,
				antwoord: r ? (given ?? null) : 'geen_reactie',
				antwoord_tekst: r ? (given ? ASK_ANSWER_LABELS[given] : null) : 'nog geen reactie',
				toelichting: (ask && r?.explanations[ask.number]) || null,
				bron: r?.channel ?? null,
				beantwoord_op: r?.at ?? null,
				beantwoord_door: responderOf(party),
				dagen_zonder_reactie: r ? null : party.daysWaiting,
				pagina: about.page
			};
		})
	);
}

/** The CSV: a header row in LETTER_FIELDS order; the licence travels in the HTTP headers. */
export function letterCsv(rows: LetterRow[]): string {
	const keys = Object.keys(LETTER_FIELDS) as Array<keyof typeof LETTER_FIELDS>;
	return Papa.unparse({ fields: keys, data: rows.map((row) => keys.map((key) => row[key] ?? '')) }, CSV_OPTIONS);
}

function channelLabel(channel: string): string {
	const known: ResponseChannel[] = ['link', 'email', 'telefoon', 'anders'];
	return CHANNEL_LABELS[known.find((k) => k === channel) ?? 'anders'];
}

/** The JSON: the letter with its parts nested, the licence and what the CSV's columns mean. */
export function letterJson(c: PublicCampaign, about: LetterAbout, now = new Date()): string {
	const sent = c.sent;
	return JSON.stringify(
		{
			titel: `Brief van de huisartsen in ${about.gemeente.name}: ${c.title}`,
			pagina: about.page,
			licentie: LICENCE,
			gemaakt_op: now.toISOString(),
			uitleg:
				'Wat de openbare pagina van de brief laat zien. Namen van ondertekenaars alleen als zij daarmee instemden; BIG-nummers staan er nooit in.',
			brief: {
				id: c.id,
				titel: c.title,
				status: c.status,
				status_tekst: STATUS_LABELS[campaignStatus(c.status)],
				gemeente: { code: about.gemeente.code, naam: about.gemeente.name },
				begonnen_op: c.createdAt,
				verstuurd_op: sent?.at ?? null,
				zelf_verstuurd: sent ? sent.manually : null,
				ondertekening: {
					huisartsen: c.signerCount,
					geverifieerd: c.verification.verified,
					geverifieerd_big_register: c.verification.byRegister,
					geverifieerd_met_de_hand: c.verification.byHand,
					praktijken_getekend: c.practiceCount,
					praktijken_totaal: c.practicesTotal,
					// Named only once sent and only with consent; before sending, counts alone.
					namen: (sent?.signatories ?? []).map((s) => ({
						naam: s.name,
						praktijk: s.practice,
						geverifieerd: s.verified,
						tekende_verstuurde_tekst: s.current
					})),
					zonder_naam: sent ? sent.unnamedCount : null
				},
				perscontact: c.pressContact ? { naam: c.pressContact.name, email: c.pressContact.email, telefoon: c.pressContact.phone } : null,
				vragen: (sent?.asks ?? []).map((ask) => ({ nummer: ask.number, tekst: ask.body })),
				partijen: (sent?.parties ?? []).map((party) => ({
					naam: party.name,
					afkorting: party.abbreviation,
					bezorgd: party.byEmail ? 'email' : 'zelf',
					antwoord: party.response
						? {
								op: party.response.at,
								bron: party.response.channel,
								bron_tekst: channelLabel(party.response.channel),
								door: party.response.responderName,
								rol: party.response.responderRole,
								per_vraag: (sent?.asks ?? []).map((ask) => ({
									vraag: ask.number,
									antwoord: party.response?.answers[ask.number] ?? null,
									toelichting: party.response?.explanations[ask.number] ?? null
								})),
								tekst_html: party.response.html
							}
						: null,
					dagen_zonder_reactie: party.response ? null : party.daysWaiting,
					offline_gehaald: party.disowned.map((d) => ({ geplaatst_op: d.postedAt, offline_op: d.disownedAt }))
				}))
			},
			velden_csv: LETTER_FIELDS
		},
		null,
		2
	);
}

export function letterDataHeaders(format: 'json' | 'csv', filename: string): Record<string, string> {
	return {
		'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
		'content-disposition': `${format === 'json' ? 'inline' : 'attachment'}; filename="${filename}.${format}"`,
		link: `<${LICENCE.url}>; rel="license"`
	};
}
