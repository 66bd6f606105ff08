// "Said and did" for one party in its gemeente, per theme: what its programme (and the akkoord)
// says, how it answered the letter's asks, how it voted on the motions (a series in words, see
// vote-series.ts), and what it promised with where that stands. Every line says where it comes
// from and how complete the data is. One database call (party_said_and_did).
import { z } from 'zod';
import { db } from '../platform/db';
import { ASK_ANSWERS, ASK_ANSWER_LABELS, type AskAnswer } from '$lib/ask-answers';
import { DOCUMENT_KINDS, STANCES, STANCE_LABELS, type DocumentKind, type Stance } from '$lib/positions';
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABELS, isOverdue, type CommitmentStatus } from '$lib/commitments';
import { PARTY_VOTES, type PartyVote } from '../council/types';
import { count } from '$lib/format';
import { tallyVotes, voteCoverage, voteSeries } from './vote-series';

const maybe = z.string().nullable();
const saidAndDidSchema = z.object({
	party: z.object({ id: z.string(), name: z.string(), abbreviation: maybe }),
	gemeente: z.object({ code: z.string(), name: z.string(), slug: z.string() }),
	themes: z.array(
		z.object({
			key: z.string(),
			label: z.string(),
			positions: z.array(
				z.object({
					id: z.string(),
					stance: z.enum(STANCES),
					quote: maybe,
					page: z.number().nullable(),
					section: maybe,
					document: z.string(),
					document_kind: z.enum(DOCUMENT_KINDS),
					document_url: maybe,
					published_at: z.string(),
					without_reply: z.boolean().nullable()
				})
			),
			asks: z.array(
				z.object({
					ask_id: z.string(),
					number: z.number(),
					body: z.string(),
					letter: z.string(),
					sent_at: z.string(),
					answer: z
						.object({ answer: z.enum(ASK_ANSWERS), explanation: maybe, at: z.string(), response_id: z.string(), channel: z.string() })
						.nullable()
				})
			),
			motions: z.array(
				z.object({
					id: z.string(),
					title: z.string(),
					type: z.string(),
					result: z.string(),
					decided_on: maybe,
					url: maybe,
					vote: z.enum(['voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend']).nullable(),
					vote_source: maybe
				})
			),
			commitments: z.array(
				z.object({
					id: z.string(),
					body: z.string(),
					status: z.enum(COMMITMENT_STATUSES),
					status_on: z.string(),
					deadline: maybe,
					promised_on: z.string(),
					source_kind: z.string(),
					source_title: z.string(),
					source_page: z.number().nullable(),
					source_url: maybe
				})
			)
		})
	)
});

export interface ThemeRecord {
	key: string;
	label: string;
	/** Anything at all known on this theme. */
	known: boolean;
	programme: {
		positions: Array<{
			id: string;
			stance: Stance;
			stanceLabel: string;
			quote: string | null;
			page: number | null;
			section: string | null;
			document: string;
			documentKind: DocumentKind;
			documentUrl: string | null;
			withoutReply: boolean;
		}>;
		completeness: string;
	};
	letter: {
		asks: Array<{
			askId: string;
			number: number;
			body: string;
			letter: string;
			answer: AskAnswer | null;
			answerLabel: string | null;
			explanation: string | null;
			answeredAt: string | null;
			responseId: string | null;
		}>;
		completeness: string;
	};
	votes: {
		series: string;
		coverage: string;
		motions: Array<{ id: string; title: string; result: string; decidedOn: string | null; url: string | null; vote: PartyVote | null; voteLabel: string }>;
	};
	commitments: {
		items: Array<{
			id: string;
			body: string;
			status: CommitmentStatus;
			statusLabel: string;
			deadline: string | null;
			overdue: boolean;
			promisedOn: string;
			sourceTitle: string;
			sourcePage: number | null;
			sourceUrl: string | null;
		}>;
		completeness: string;
	};
}

export interface SaidAndDid {
	party: { id: string; name: string; abbreviation: string | null };
	gemeente: { code: string; name: string; slug: string };
	themes: ThemeRecord[];
}

/** "Geen gepubliceerde beoordeling" / "Uit 2 gepubliceerde beoordelingen". */
export function programmeCompleteness(positions: number): string {
	return positions === 0
		? 'Nog geen gepubliceerde beoordeling van het programma of het akkoord op dit thema'
		: `Uit ${count(positions, 'gepubliceerde beoordeling', 'gepubliceerde beoordelingen')} door de kring, met citaat en pagina`;
}

/** How many of the letter's asks on this theme the party answered. */
export function letterCompleteness(asks: number, answered: number): string {
	if (asks === 0) return 'Geen vraag over dit thema in een brief aan deze partij';
	if (answered === 0) return asks === 1 ? 'Nog geen antwoord op de vraag over dit thema' : `Nog geen antwoord op de ${asks} vragen over dit thema`;
	if (answered === asks) return asks === 1 ? 'Antwoord op de vraag over dit thema' : `Antwoord op alle ${asks} vragen over dit thema`;
	return `Antwoord op ${answered} van de ${asks} vragen over dit thema`;
}

/** "Geen toezeggingen vastgelegd" / "2 toezeggingen: 1 gerealiseerd, 1 in uitvoering". */
export function commitmentCompleteness(statuses: CommitmentStatus[]): string {
	if (statuses.length === 0) return 'Geen toezeggingen vastgelegd';
	const parts = COMMITMENT_STATUSES.filter((s) => statuses.includes(s)).map(
		(s) => `${statuses.filter((x) => x === s).length} ${COMMITMENT_STATUS_LABELS[s].toLowerCase()}`
	);
	return `${count(statuses.length, 'toezegging', 'toezeggingen')}: ${parts.join(', ')}`;
}

/** The whole record of a party; null when there is no such party. `today` (yyyy-mm-dd) marks overdue. */
export async function saidAndDid(partyId: string, today = new Date().toISOString().slice(0, 10)): Promise<SaidAndDid | null> {
	if (!z.uuid().safeParse(partyId).success) return null;
	const { data, error } = await db().rpc('party_said_and_did', { p_party_id: partyId }, { get: true });
	if (error) throw new Error(`saidAndDid: ${error.message}`);
	if (data === null) return null;
	const raw = saidAndDidSchema.parse(data);
	return {
		party: raw.party,
		gemeente: raw.gemeente,
		themes: raw.themes.map((t): ThemeRecord => {
			const tally = tallyVotes(t.motions.map((m) => m.vote), t.motions.length);
			const answered = t.asks.filter((a) => a.answer).length;
			return {
				key: t.key,
				label: t.label,
				known: t.positions.length + answered + t.motions.length + t.commitments.length > 0,
				programme: {
					positions: t.positions.map((p) => ({
						id: p.id,
						stance: p.stance,
						stanceLabel: STANCE_LABELS[p.stance],
						quote: p.quote,
						page: p.page,
						section: p.section,
						document: p.document,
						documentKind: p.document_kind,
						documentUrl: p.document_url,
						withoutReply: p.without_reply === true
					})),
					completeness: programmeCompleteness(t.positions.length)
				},
				letter: {
					asks: t.asks.map((a) => ({
						askId: a.ask_id,
						number: a.number,
						body: a.body,
						letter: a.letter,
						answer: a.answer?.answer ?? null,
						answerLabel: a.answer ? ASK_ANSWER_LABELS[a.answer.answer] : null,
						explanation: a.answer?.explanation ?? null,
						answeredAt: a.answer?.at ?? null,
						responseId: a.answer?.response_id ?? null
					})),
					completeness: letterCompleteness(t.asks.length, answered)
				},
				votes: {
					series: voteSeries(tally),
					coverage: voteCoverage(tally),
					motions: t.motions.map((m) => ({
						id: m.id,
						title: m.title,
						result: m.result,
						decidedOn: m.decided_on,
						url: m.url,
						vote: m.vote,
						voteLabel: m.vote ? PARTY_VOTES[m.vote] : 'stem niet bekend'
					}))
				},
				commitments: {
					items: t.commitments.map((c) => ({
						id: c.id,
						body: c.body,
						status: c.status,
						statusLabel: COMMITMENT_STATUS_LABELS[c.status],
						deadline: c.deadline,
						overdue: isOverdue(c.deadline, c.status, today),
						promisedOn: c.promised_on,
						sourceTitle: c.source_title,
						sourcePage: c.source_page,
						sourceUrl: c.source_url
					})),
					completeness: commitmentCompleteness(t.commitments.map((c) => c.status))
				}
			};
		})
	};
}

/** The parties of a gemeente to choose from, by name (public: names only). */
export async function partiesToChoose(gemeenteCode: string): Promise<Array<{ id: string; name: string; abbreviation: string | null }>> {
	const { data, error } = await db().from('parties').select('id, name, abbreviation').eq('gemeente_code', gemeenteCode).order('name');
	if (error) throw new Error(`partiesToChoose: ${error.message}`);
	return data;
}
