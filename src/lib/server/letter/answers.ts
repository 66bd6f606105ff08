// Party answers to a sent letter: someone of the party answers through its private link (name,
// role, a Markdown answer sanitised on save, a stance and an explanation per numbered ask), or a
// coordinator enters an answer that came by e-mail or phone. Every answer is kept; the newest one
// counts. Stances are rows that point at the letter's fixed asks (response_answers).
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { randomToken } from '../platform/crypto';
import { renderMarkdown } from '../platform/markdown';
import { formString } from '../platform/forms';
import { nameSchema } from '../platform/names';
import { ASK_ANSWERS, type AskAnswer, type ResponseChannel } from '$lib/ask-answers';
import { CAMPAIGN_COLUMNS, coordinatorsOf, toCampaign, type Campaign } from './campaigns';
import { asksOfRevision, type LetterAsk } from './asks';
import { isTokenShaped, newAnswerLink, tokenHashHex } from './answer-links';
import { answerCopyMail, answerNoticeMails, disownedMails } from './answer-mails';

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
	/** Set when the party said this answer was not theirs: it no longer counts anywhere. */
	disowned: { at: string; note: string | null } | null;
}

const RESPONSE_COLUMNS =
	'id, party_id, channel, responder_name, responder_role, body_md, body_html, created_at, disowned_at, disowned_note, users(name, email), response_answers(answer, explanation, letter_asks!response_answers_campaign_id_ask_id_fkey(number))' as const;

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
		createdAt: row.created_at,
		disowned: row.disowned_at ? { at: row.disowned_at, note: row.disowned_note } : null
	};
}

/** The party's newest answer to the campaign that it did not disown, or null. */
export async function latestResponse(campaignId: string, partyId: string): Promise<PartyResponse | null> {
	const { data, error } = await responseQuery()
		.eq('campaign_id', campaignId)
		.eq('party_id', partyId)
		.is('disowned_at', null)
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
			responderName: nameSchema({ required: 'Vul uw naam in (minstens 2 tekens).', tooLong: 'Uw naam mag hoogstens 200 tekens hebben.' }),
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

/** Where mail about a party's answer goes: the addresses the letter went to (reviewed by the
 * coordinators when they sent it, so not an address someone slipped in later), and the
 * coordinators. */
async function answerAudience(campaignId: string, partyId: string) {
	const [delivery, coordinators] = await Promise.all([
		db().from('deliveries').select('addresses').eq('campaign_id', campaignId).eq('party_id', partyId).maybeSingle(),
		coordinatorsOf(campaignId)
	]);
	if (delivery.error) throw new Error(`answerAudience: ${delivery.error.message}`);
	return { addresses: delivery.data?.addresses ?? [], coordinators };
}

export function disownUrl(token: string): string {
	return `${publicOrigin()}/reageer/niet-van-ons/${token}`;
}

/** Stores an answer through a party's link (the link is checked again in the same call), with a
 * copy to the party's own addresses (and a link to disown it) and a note to the coordinators, all
 * in one database call. */
export async function submitViaLink(
	token: string,
	link: { campaign: Campaign; party: { id: string; name: string }; asks: LetterAsk[] },
	input: ResponseInput,
	now = new Date()
): Promise<SubmitResult> {
	if (!isTokenShaped(token)) return 'unknown';
	const audience = await answerAudience(link.campaign.id, link.party.id);
	const disownToken = randomToken();
	const posted = { responderName: input.responderName, responderRole: input.responderRole, body: input.body, answers: input.answers };
	const copy = answerCopyMail({
		campaign: link.campaign,
		partyName: link.party.name,
		addresses: audience.addresses,
		asks: link.asks,
		answer: posted,
		disownUrl: disownUrl(disownToken),
		replyTo: audience.coordinators.map((c) => c.email),
		at: now
	});
	const notices = answerNoticeMails({
		campaign: link.campaign,
		partyName: link.party.name,
		coordinators: audience.coordinators,
		asks: link.asks,
		answer: posted
	});
	const { data, error } = await db().rpc('submit_party_response', {
		p_token_hash: tokenHashHex(token),
		p_responder_name: input.responderName,
		p_responder_role: input.responderRole,
		p_body_md: input.body,
		p_body_html: renderMarkdown(input.body),
		p_answers: answerRows(link.asks, input),
		p_disown_token_hash: tokenHashHex(disownToken),
		p_mails: [...(copy ? [copy] : []), ...notices],
		p_copy_sent: copy !== null
	});
	if (error) throw new Error(`submitViaLink: ${error.message}`);
	const result = SUBMIT_RESULTS.find((known) => known === data) ?? 'unknown';
	if (result === 'saved') kickMailWorker();
	return result;
}

export type DisownLookup =
	| {
			state: 'ok' | 'disowned';
			campaign: Campaign;
			partyName: string;
			response: { responderName: string; responderRole: string | null; bodyHtml: string; createdAt: string };
	  }
	| { state: 'unknown' };

const DISOWN_COLUMNS = `id, party_id, responder_name, responder_role, body_html, created_at, disowned_at,
	parties(name), campaigns(${CAMPAIGN_COLUMNS})` as const;

/** The answer a disown link points at, for the page that asks "komt dit niet van u?". */
export async function findDisownable(token: string): Promise<DisownLookup> {
	if (!isTokenShaped(token)) return { state: 'unknown' };
	const { data, error } = await db()
		.from('responses')
		.select(DISOWN_COLUMNS)
		.eq('disown_token_hash', `\\x${tokenHashHex(token)}`)
		.maybeSingle();
	if (error) throw new Error(`findDisownable: ${error.message}`);
	if (!data || !data.campaigns) return { state: 'unknown' };
	return {
		state: data.disowned_at ? 'disowned' : 'ok',
		campaign: toCampaign(data.campaigns),
		partyName: data.parties?.name ?? 'de partij',
		response: {
			responderName: data.responder_name,
			responderRole: data.responder_role,
			bodyHtml: data.body_html,
			createdAt: data.created_at
		}
	};
}

/** The party says the answer is not theirs: it leaves the public page, its links are revoked and a
 * new one goes to the addresses the letter went to; the coordinators are told. One call. */
export async function disownAnswer(token: string, note: string): Promise<'disowned' | 'already' | 'unknown'> {
	const found = await findDisownable(token);
	if (found.state !== 'ok') return found.state === 'disowned' ? 'already' : 'unknown';
	const { data: row, error: rowError } = await db()
		.from('responses')
		.select('party_id')
		.eq('disown_token_hash', `\\x${tokenHashHex(token)}`)
		.single();
	if (rowError) throw new Error(`disownAnswer: ${rowError.message}`);
	const audience = await answerAudience(found.campaign.id, row.party_id);
	const link = newAnswerLink();
	const mails = disownedMails({
		campaign: found.campaign,
		partyName: found.partyName,
		addresses: audience.addresses,
		coordinators: audience.coordinators,
		answerUrl: link.url,
		expiresAt: link.expiresAt,
		postedAt: found.response.createdAt,
		replyTo: audience.coordinators.map((c) => c.email)
	});
	const { data, error } = await db().rpc('disown_party_response', {
		p_disown_token_hash: tokenHashHex(token),
		p_note: note,
		p_new_token_hash: link.tokenHashHex,
		p_mails: mails
	});
	if (error) throw new Error(`disownAnswer: ${error.message}`);
	const result = oneOf(data, ['disowned', 'already', 'unknown'], 'disownAnswer');
	if (result === 'disowned') kickMailWorker();
	return result;
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
	/** Newest first; the newest one not disowned counts (see countingResponse). */
	responses: PartyResponse[];
	/** The live answer link (its token is not stored), if any. */
	activeLink: { createdAt: string; expiresAt: string } | null;
}

/** The answer that counts: the newest one the party did not disown. */
export function countingResponse(responses: PartyResponse[]): PartyResponse | null {
	return responses.find((response) => !response.disowned) ?? null;
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
