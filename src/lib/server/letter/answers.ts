// Party answers. Each party the letter went to gets a private link /reageer/<token>: the token
// is 120 random bits, only its SHA-256 is stored, it is valid for a year, answers for that one
// party only, and coordinators can revoke it or make a new one (which revokes the old). Someone
// of the party answers there (name, role, Markdown answer sanitised on save, a stance per
// numbered ask); coordinators enter answers that came by e-mail or phone. Every answer is kept;
// the newest one counts. Link lookups and answers are rate-limited per client.
import { z } from 'zod';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { hashSecret, randomToken } from '../platform/crypto';
import { renderMarkdown } from '../platform/markdown';
import { extractAsks } from './starter-letter';
import { consume, type Limit } from '../platform/rate-limit';
import { CAMPAIGN_COLUMNS, toCampaign, type Campaign } from './campaigns';

export const LINK_LIFETIME_DAYS = 365;

export const RESPONSE_LIMITS = {
	lookupPerClient: { name: 'response-lookup:ip', max: 120, windowSeconds: 60 * 60 },
	submitPerClient: { name: 'response-submit:ip', max: 10, windowSeconds: 60 * 60 },
	submitPerLink: { name: 'response-submit:link', max: 20, windowSeconds: 24 * 60 * 60 }
} satisfies Record<string, Limit>;

import { ASK_ANSWERS, type AskAnswer, type ResponseChannel } from '$lib/ask-answers';
export { ASK_ANSWERS, ASK_ANSWER_LABELS, CHANNEL_LABELS, type AskAnswer, type ResponseChannel } from '$lib/ask-answers';

export interface AnswerLink {
	token: string;
	tokenHashHex: string;
	url: string;
	expiresAt: Date;
}

export function tokenHashHex(token: string): string {
	return encodeHexLowerCase(hashSecret(token));
}

/** A fresh answer link; store only tokenHashHex. */
export function newAnswerLink(now = new Date()): AnswerLink {
	const token = randomToken();
	return {
		token,
		tokenHashHex: tokenHashHex(token),
		url: `${publicOrigin()}/reageer/${token}`,
		expiresAt: new Date(now.getTime() + LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000)
	};
}

// randomToken(): 24 characters of lower-case base32.
const TOKEN_PATTERN = /^[a-z2-7]{24}$/;

export interface PartyResponse {
	id: string;
	partyId: string;
	channel: ResponseChannel;
	responderName: string;
	responderRole: string | null;
	bodyMd: string;
	/** Sanitised on save (renderMarkdown). */
	bodyHtml: string;
	answers: Partial<Record<string, AskAnswer>>;
	enteredBy: string | null;
	createdAt: string;
}

interface ResponseRow {
	id: string;
	party_id: string;
	channel: ResponseChannel;
	responder_name: string;
	responder_role: string | null;
	body_md: string;
	body_html: string;
	ask_answers: Record<string, AskAnswer>;
	created_at: string;
	users: { name: string | null; email: string } | null;
}

const RESPONSE_COLUMNS =
	'id, party_id, channel, responder_name, responder_role, body_md, body_html, ask_answers, created_at, users(name, email)';

function toResponse(row: ResponseRow): PartyResponse {
	return {
		id: row.id,
		partyId: row.party_id,
		channel: row.channel,
		responderName: row.responder_name,
		responderRole: row.responder_role,
		bodyMd: row.body_md,
		bodyHtml: row.body_html,
		answers: row.ask_answers ?? {},
		enteredBy: row.users ? (row.users.name ?? row.users.email) : null,
		createdAt: row.created_at
	};
}

export type LinkLookup =
	| {
			state: 'ok';
			campaign: Campaign;
			party: { id: string; name: string; abbreviation: string | null };
			expiresAt: string;
			letterHtml: string;
			asks: string[];
			latest: PartyResponse | null;
	  }
	| { state: 'unknown' | 'revoked' | 'expired' | 'closed' };

interface LinkRow {
	id: string;
	party_id: string;
	expires_at: string;
	revoked_at: string | null;
	parties: { id: string; name: string; abbreviation: string | null } | null;
	campaigns:
		| (Parameters<typeof toCampaign>[0] & { signing_revision: { body_md: string; body_html: string } | null })
		| null;
}

/** What a token opens: its party, the letter and the asks, and the party's newest answer. */
export async function findLink(token: string, now = new Date()): Promise<LinkLookup> {
	if (!TOKEN_PATTERN.test(token)) return { state: 'unknown' };
	const { data, error } = await db()
		.from('response_links')
		.select(
			`id, party_id, expires_at, revoked_at, parties(id, name, abbreviation),
			campaigns(${CAMPAIGN_COLUMNS}, signing_revision:letter_revisions!campaigns_signing_revision_fk(body_md, body_html))`
		)
		.eq('token_hash', `\\x${tokenHashHex(token)}`)
		.maybeSingle();
	if (error) throw new Error(`findLink: ${error.message}`);
	const row = data as unknown as LinkRow | null;
	if (!row || !row.parties || !row.campaigns) return { state: 'unknown' };
	if (row.revoked_at) return { state: 'revoked' };
	if (new Date(row.expires_at) <= now) return { state: 'expired' };
	const campaign = toCampaign(row.campaigns);
	const revision = row.campaigns.signing_revision;
	if (!revision || (campaign.status !== 'verstuurd' && campaign.status !== 'afgerond')) return { state: 'closed' };

	const latest = await db()
		.from('responses')
		.select(RESPONSE_COLUMNS)
		.eq('campaign_id', campaign.id)
		.eq('party_id', row.party_id)
		.order('created_at', { ascending: false })
		.limit(1);
	if (latest.error) throw new Error(`findLink: ${latest.error.message}`);
	const newest = (latest.data as unknown as ResponseRow[])[0];
	return {
		state: 'ok',
		campaign,
		party: row.parties,
		expiresAt: row.expires_at,
		letterHtml: revision.body_html,
		asks: extractAsks(revision.body_md),
		latest: newest ? toResponse(newest) : null
	};
}

export interface ResponseValues {
	responderName: string;
	responderRole: string;
	body: string;
	answers: Record<string, string>;
}

/** The answer form's fields: name, role, body and "vraag-1" … "vraag-N". */
export function readResponseForm(form: FormData, askCount: number): ResponseValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const answers: Record<string, string> = {};
	for (let i = 1; i <= askCount; i++) {
		const value = text(`vraag-${i}`);
		if (value) answers[String(i)] = value;
	}
	return { responderName: text('responderName'), responderRole: text('responderRole'), body: text('body'), answers };
}

export function responseSchema(askCount: number) {
	return z
		.object({
			responderName: z
				.string()
				.trim()
				.min(2, 'Vul uw naam in (minstens 2 tekens).')
				.max(200, 'Uw naam mag hoogstens 200 tekens hebben.'),
			responderRole: z.string().trim().max(200, 'Uw rol mag hoogstens 200 tekens hebben.'),
			body: z.string().trim().max(30000, 'Uw antwoord mag hoogstens 30.000 tekens hebben.'),
			answers: z.record(
				z.string().refine((key) => /^\d+$/.test(key) && Number(key) >= 1 && Number(key) <= askCount, {
					message: 'Onbekende vraag.'
				}),
				z.enum(['ja', 'deels', 'nee', 'geen_standpunt'], { message: 'Kies ja, deels, nee of geen standpunt.' })
			)
		})
		.refine((value) => value.body.length > 0 || Object.keys(value.answers).length > 0, {
			path: ['body'],
			message: 'Schrijf uw antwoord, of kies bij minstens één vraag een standpunt.'
		});
}

export type ResponseInput = z.infer<ReturnType<typeof responseSchema>>;

export type SubmitResult = 'saved' | 'unknown' | 'revoked' | 'expired' | 'closed';

/** Stores an answer through a party's link (the link is checked again in the same call). */
export async function submitViaLink(token: string, input: ResponseInput): Promise<SubmitResult> {
	if (!TOKEN_PATTERN.test(token)) return 'unknown';
	const { data, error } = await db().rpc('submit_party_response', {
		p_token_hash: tokenHashHex(token),
		p_responder_name: input.responderName,
		p_responder_role: input.responderRole,
		p_body_md: input.body,
		p_body_html: renderMarkdown(input.body),
		p_ask_answers: input.answers
	});
	if (error) throw new Error(`submitViaLink: ${error.message}`);
	return data as SubmitResult;
}

export const enteredChannelSchema = z.enum(['email', 'telefoon', 'anders'], {
	message: 'Kies hoe het antwoord binnenkwam.'
});

/** An answer that came by e-mail, phone or otherwise, entered by a coordinator. */
export async function enterResponse(
	campaignId: string,
	partyId: string,
	actorId: string,
	channel: z.infer<typeof enteredChannelSchema>,
	input: ResponseInput
): Promise<boolean> {
	if (!z.uuid().safeParse(partyId).success) return false;
	const { data, error } = await db().rpc('enter_party_response', {
		p_campaign_id: campaignId,
		p_party_id: partyId,
		p_actor_id: actorId,
		p_channel: channel,
		p_responder_name: input.responderName,
		p_responder_role: input.responderRole,
		p_body_md: input.body,
		p_body_html: renderMarkdown(input.body),
		p_ask_answers: input.answers
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
	asks: string[];
	recipients: RecipientAnswers[];
}

/** Every party the letter went to, with all its answers and whether it has a live link. */
export async function answersOf(campaign: Campaign, now = new Date()): Promise<CampaignAnswers> {
	const [deliveries, responses, links, revision] = await Promise.all([
		db().from('deliveries').select('party_id, parties(name, abbreviation)').eq('campaign_id', campaign.id),
		db()
			.from('responses')
			.select(RESPONSE_COLUMNS)
			.eq('campaign_id', campaign.id)
			.order('created_at', { ascending: false }),
		db()
			.from('response_links')
			.select('party_id, created_at, expires_at')
			.eq('campaign_id', campaign.id)
			.is('revoked_at', null)
			.gt('expires_at', now.toISOString())
			.order('created_at', { ascending: false }),
		campaign.signingRevisionId
			? db().from('letter_revisions').select('body_md').eq('id', campaign.signingRevisionId).maybeSingle()
			: Promise.resolve({ data: null, error: null })
	]);
	for (const result of [deliveries, responses, links, revision]) {
		if (result.error) throw new Error(`answersOf: ${result.error.message}`);
	}
	const all = (responses.data as unknown as ResponseRow[]).map(toResponse);
	const linkRows = links.data as Array<{ party_id: string; created_at: string; expires_at: string }>;
	const recipients = (
		deliveries.data as unknown as Array<{ party_id: string; parties: { name: string; abbreviation: string | null } | null }>
	)
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
	const body = (revision.data as { body_md: string } | null)?.body_md;
	return { asks: body ? extractAsks(body) : [], recipients };
}

/** Revokes the party's live links and makes a new one; null when the letter did not go to it. */
export async function renewLink(campaignId: string, partyId: string, actorId: string): Promise<AnswerLink | null> {
	if (!z.uuid().safeParse(partyId).success) return null;
	const link = newAnswerLink();
	const { data, error } = await db().rpc('renew_response_link', {
		p_campaign_id: campaignId,
		p_party_id: partyId,
		p_actor_id: actorId,
		p_token_hash: link.tokenHashHex
	});
	if (error) throw new Error(`renewLink: ${error.message}`);
	return data === true ? link : null;
}

/** Revokes the party's live links without a new one. */
export async function revokeLinks(campaignId: string, partyId: string, actorId: string): Promise<boolean> {
	if (!z.uuid().safeParse(partyId).success) return false;
	const { data, error } = await db().rpc('renew_response_link', {
		p_campaign_id: campaignId,
		p_party_id: partyId,
		p_actor_id: actorId,
		p_token_hash: null
	});
	if (error) throw new Error(`revokeLinks: ${error.message}`);
	return data === true;
}

/** Counts one hit for this client; false when over the limit. */
export function allowLookup(client: string): Promise<boolean> {
	return consume(RESPONSE_LIMITS.lookupPerClient, client);
}

export async function allowSubmit(client: string, token: string): Promise<boolean> {
	const [perClient, perLink] = await Promise.all([
		consume(RESPONSE_LIMITS.submitPerClient, client),
		consume(RESPONSE_LIMITS.submitPerLink, tokenHashHex(token).slice(0, 32))
	]);
	return perClient && perLink;
}
