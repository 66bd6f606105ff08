// Party answers to a sent letter: someone of the party answers through its private link (name,
// role, a Markdown answer sanitised on save, a stance and an explanation per numbered ask), or a
// coordinator enters an answer that came by e-mail or phone. Every answer is kept; the newest one
// counts. Stances are rows that point at the letter's fixed asks (response_answers).
import { z } from 'zod';
import { db } from '../platform/db';
import { renderMarkdown } from '../platform/markdown';
import { formString } from '../platform/forms';
import { ASK_ANSWERS, type AskAnswer, type ResponseChannel } from '$lib/ask-answers';
import type { Campaign } from './campaigns';
import { asksOfRevision, type LetterAsk } from './asks';
import { isTokenShaped, tokenHashHex } from './answer-links';

export { ASK_ANSWERS, ASK_ANSWER_LABELS, CHANNEL_LABELS, type AskAnswer, type ResponseChannel } from '$lib/ask-answers';

export interface PartyResponse {
	id: string;
	partyId: string;
	channel: ResponseChannel;
	responderName: string;
	responderRole: string | null;
	bodyMd: string;
	/** Sanitised on save (renderMarkdown). */
	bodyHtml: string;
	/** The stance per ask, by the ask's number. */
	answers: Record<number, AskAnswer>;
	/** The party's explanation per ask, by the ask's number. */
	explanations: Record<number, string>;
	enteredBy: string | null;
	createdAt: string;
}

const RESPONSE_COLUMNS =
	'id, party_id, channel, responder_name, responder_role, body_md, body_html, created_at, users(name, email), response_answers(answer, explanation, letter_asks!response_answers_campaign_id_ask_id_fkey(number))' as const;

function responseQuery() {
	return db().from('responses').select(RESPONSE_COLUMNS);
}

const CHANNELS: readonly ResponseChannel[] = ['link', 'email', 'telefoon', 'anders'];

function toResponse(row: NonNullable<Awaited<ReturnType<typeof responseQuery>>['data']>[number]): PartyResponse {
	const answers: Record<number, AskAnswer> = {};
	const explanations: Record<number, string> = {};
	for (const given of row.response_answers) {
		const number = given.letter_asks?.number;
		const answer = ASK_ANSWERS.find((known) => known === given.answer);
		if (number === undefined || !answer) continue;
		answers[number] = answer;
		if (given.explanation) explanations[number] = given.explanation;
	}
	return {
		id: row.id,
		partyId: row.party_id,
		channel: CHANNELS.find((known) => known === row.channel) ?? 'anders',
		responderName: row.responder_name,
		responderRole: row.responder_role,
		bodyMd: row.body_md,
		bodyHtml: row.body_html,
		answers,
		explanations,
		enteredBy: row.users ? (row.users.name ?? row.users.email) : null,
		createdAt: row.created_at
	};
}

/** The party's newest answer to the campaign, or null. */
export async function latestResponse(campaignId: string, partyId: string): Promise<PartyResponse | null> {
	const { data, error } = await responseQuery()
		.eq('campaign_id', campaignId)
		.eq('party_id', partyId)
		.order('created_at', { ascending: false })
		.limit(1);
	if (error) throw new Error(`latestResponse: ${error.message}`);
	return data[0] ? toResponse(data[0]) : null;
}

export interface ResponseValues {
	responderName: string;
	responderRole: string;
	body: string;
	/** By ask number: "ja", "deels", … */
	answers: Record<string, string>;
	/** By ask number. */
	explanations: Record<string, string>;
}

/** The answer form's fields: name, role, body, and per ask "vraag-N" and "toelichting-N". */
export function readResponseForm(form: FormData, asks: Pick<LetterAsk, 'number'>[]): ResponseValues {
	const answers: Record<string, string> = {};
	const explanations: Record<string, string> = {};
	for (const { number } of asks) {
		const value = formString(form, `vraag-${number}`);
		if (value) answers[String(number)] = value;
		const explanation = formString(form, `toelichting-${number}`).trim();
		if (explanation) explanations[String(number)] = explanation;
	}
	return {
		responderName: formString(form, 'responderName'),
		responderRole: formString(form, 'responderRole'),
		body: formString(form, 'body'),
		answers,
		explanations
	};
}

export function responseSchema(asks: Pick<LetterAsk, 'number'>[]) {
	const numbers = new Set(asks.map((ask) => String(ask.number)));
	const askNumber = z.string().refine((key) => numbers.has(key), { message: 'Onbekende vraag.' });
	return z
		.object({
			responderName: z
				.string()
				.trim()
				.min(2, 'Vul uw naam in (minstens 2 tekens).')
				.max(200, 'Uw naam mag hoogstens 200 tekens hebben.'),
			responderRole: z.string().trim().max(200, 'Uw rol mag hoogstens 200 tekens hebben.'),
			body: z.string().trim().max(30000, 'Uw antwoord mag hoogstens 30.000 tekens hebben.'),
			answers: z.record(askNumber, z.enum(ASK_ANSWERS, { message: 'Kies ja, deels, nee of geen standpunt.' })),
			explanations: z.record(askNumber, z.string().max(2000, 'Een toelichting mag hoogstens 2.000 tekens hebben.'))
		})
		.refine((value) => value.body.length > 0 || Object.keys(value.answers).length > 0, {
			path: ['body'],
			message: 'Schrijf uw antwoord, of kies bij minstens één vraag een standpunt.'
		});
}

export type ResponseInput = z.infer<ReturnType<typeof responseSchema>>;

/** The stances as the database takes them: per ask its id, the stance and the explanation. */
function answerRows(asks: LetterAsk[], input: ResponseInput) {
	return asks.flatMap((ask) => {
		const answer = input.answers[String(ask.number)];
		if (!answer) return [];
		return [{ ask_id: ask.id, answer, explanation: input.explanations[String(ask.number)] ?? null }];
	});
}

export type SubmitResult = 'saved' | 'unknown' | 'revoked' | 'expired' | 'closed';
const SUBMIT_RESULTS: readonly SubmitResult[] = ['saved', 'unknown', 'revoked', 'expired', 'closed'];

/** Stores an answer through a party's link (the link is checked again in the same call). */
export async function submitViaLink(token: string, asks: LetterAsk[], input: ResponseInput): Promise<SubmitResult> {
	if (!isTokenShaped(token)) return 'unknown';
	const { data, error } = await db().rpc('submit_party_response', {
		p_token_hash: tokenHashHex(token),
		p_responder_name: input.responderName,
		p_responder_role: input.responderRole,
		p_body_md: input.body,
		p_body_html: renderMarkdown(input.body),
		p_answers: answerRows(asks, input)
	});
	if (error) throw new Error(`submitViaLink: ${error.message}`);
	return SUBMIT_RESULTS.find((known) => known === data) ?? 'unknown';
}

export const enteredChannelSchema = z.enum(['email', 'telefoon', 'anders'], {
	message: 'Kies hoe het antwoord binnenkwam.'
});

/** An answer that came by e-mail, phone or otherwise, entered by a coordinator. */
export async function enterResponse(
	campaign: Pick<Campaign, 'id' | 'signingRevisionId'>,
	partyId: string,
	actorId: string,
	channel: z.infer<typeof enteredChannelSchema>,
	input: ResponseInput
): Promise<boolean> {
	if (!z.uuid().safeParse(partyId).success || !campaign.signingRevisionId) return false;
	const asks = await asksOfRevision(campaign.signingRevisionId);
	const { data, error } = await db().rpc('enter_party_response', {
		p_campaign_id: campaign.id,
		p_party_id: partyId,
		p_actor_id: actorId,
		p_channel: channel,
		p_responder_name: input.responderName,
		p_responder_role: input.responderRole,
		p_body_md: input.body,
		p_body_html: renderMarkdown(input.body),
		p_answers: answerRows(asks, input)
	});
	if (error) throw new Error(`enterResponse: ${error.message}`);
	return data === true;
}

export interface RecipientAnswers {
	partyId: string;
	partyName: string;
	abbreviation: string | null;
	/** Newest first; the first one counts. */
	responses: PartyResponse[];
	/** The live answer link (its token is not stored), if any. */
	activeLink: { createdAt: string; expiresAt: string } | null;
}

export interface CampaignAnswers {
	asks: LetterAsk[];
	recipients: RecipientAnswers[];
}

/** Every party the letter went to, with all its answers and whether it has a live link. */
export async function answersOf(campaign: Campaign, now = new Date()): Promise<CampaignAnswers> {
	const [deliveries, responses, links, asks] = await Promise.all([
		db().from('deliveries').select('party_id, parties(name, abbreviation)').eq('campaign_id', campaign.id),
		responseQuery().eq('campaign_id', campaign.id).order('created_at', { ascending: false }),
		db()
			.from('response_links')
			.select('party_id, created_at, expires_at')
			.eq('campaign_id', campaign.id)
			.is('revoked_at', null)
			.gt('expires_at', now.toISOString())
			.order('created_at', { ascending: false }),
		campaign.signingRevisionId ? asksOfRevision(campaign.signingRevisionId) : Promise.resolve([])
	]);
	for (const result of [deliveries, responses, links]) {
		if (result.error) throw new Error(`answersOf: ${result.error.message}`);
	}
	const all = (responses.data ?? []).map(toResponse);
	const linkRows = links.data ?? [];
	const recipients = (deliveries.data ?? [])
		.map((row) => {
			const link = linkRows.find((l) => l.party_id === row.party_id);
			return {
				partyId: row.party_id,
				partyName: row.parties?.name ?? '(verwijderde partij)',
				abbreviation: row.parties?.abbreviation ?? null,
				responses: all.filter((r) => r.partyId === row.party_id),
				activeLink: link ? { createdAt: link.created_at, expiresAt: link.expires_at } : null
			};
		})
		.sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl'));
	return { asks, recipients };
}
