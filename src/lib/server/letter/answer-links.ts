// A party's private answer link /reageer/<token>: 120 random bits of which only the SHA-256 is
// stored, valid a year, for one party and one letter; coordinators can revoke it or make a new one
// (which revokes the old). Looking a link up and answering through it are rate-limited.
import { z } from 'zod';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { hashSecret, randomToken } from '../platform/crypto';
import { consume, type Limit } from '../platform/rate-limit';
import { CAMPAIGN_COLUMNS, toCampaign, type Campaign } from './campaigns';
import { asksOfRevision, type LetterAsk } from './asks';
import { isSent } from '$lib/campaign-status';

export const LINK_LIFETIME_DAYS = 365;

export const ANSWER_LINK_LIMITS = {
	lookupPerClient: { name: 'response-lookup:ip', max: 120, windowSeconds: 60 * 60 },
	submitPerClient: { name: 'response-submit:ip', max: 10, windowSeconds: 60 * 60 },
	submitPerLink: { name: 'response-submit:link', max: 20, windowSeconds: 24 * 60 * 60 }
} satisfies Record<string, Limit>;

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

export function isTokenShaped(token: string): boolean {
	return TOKEN_PATTERN.test(token);
}

export type LinkLookup =
	| {
			state: 'ok';
			campaign: Campaign;
			party: { id: string; name: string; abbreviation: string | null };
			expiresAt: string;
			letterHtml: string;
			asks: LetterAsk[];
	  }
	| { state: 'unknown' | 'revoked' | 'expired' | 'closed' };

/** What a token opens: its party, the letter sent and its asks. */
export async function findLink(token: string, now = new Date()): Promise<LinkLookup> {
	if (!isTokenShaped(token)) return { state: 'unknown' };
	const { data: row, error } = await db()
		.from('response_links')
		.select(
			`id, party_id, expires_at, revoked_at, parties(id, name, abbreviation),
			campaigns(${CAMPAIGN_COLUMNS}, signing_revision:letter_revisions!campaigns_signing_revision_fk(id, body_html))`
		)
		.eq('token_hash', `\\x${tokenHashHex(token)}`)
		.maybeSingle();
	if (error) throw new Error(`findLink: ${error.message}`);
	if (!row || !row.parties || !row.campaigns) return { state: 'unknown' };
	if (row.revoked_at) return { state: 'revoked' };
	if (new Date(row.expires_at) <= now) return { state: 'expired' };
	const campaign = toCampaign(row.campaigns);
	const revision = row.campaigns.signing_revision;
	if (!revision || !isSent(campaign.status)) return { state: 'closed' };
	return {
		state: 'ok',
		campaign,
		party: row.parties,
		expiresAt: row.expires_at,
		letterHtml: revision.body_html,
		asks: await asksOfRevision(revision.id)
	};
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
		p_actor_id: actorId
	});
	if (error) throw new Error(`revokeLinks: ${error.message}`);
	return data === true;
}

/** Counts one lookup for this client; false when over the limit. */
export function allowLookup(client: string): Promise<boolean> {
	return consume(ANSWER_LINK_LIMITS.lookupPerClient, client);
}

/** Counts one answer for this client and this link; false when either is over its limit. */
export async function allowSubmit(client: string, token: string): Promise<boolean> {
	const [perClient, perLink] = await Promise.all([
		consume(ANSWER_LINK_LIMITS.submitPerClient, client),
		consume(ANSWER_LINK_LIMITS.submitPerLink, tokenHashHex(token).slice(0, 32))
	]);
	return perClient && perLink;
}
