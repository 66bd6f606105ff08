// Personal invitations to co-sign: one link per address (/uitnodiging/<token>), 120-bit random
// token of which only the SHA-256 is stored, valid 30 days; inviting an address again replaces its
// token. What a real coordinator needs and no more: 60 invitations a day per coordinator, 300 per
// letter in all (a gemeente has far fewer huisartsen). An invitation is bound to its e-mail
// address: only the user signed in with that address can accept it. The inviter's name in the mail
// is stripped of anything that reads as a link (names.mailName).
import { encodeHexLowerCase } from '@oslojs/encoding';
import { z } from 'zod';
import type { Campaign } from './campaigns';
import { hashSecret, randomToken, toBytea } from '../platform/crypto';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { consume, type Limit } from '../platform/rate-limit';
import { mailName } from '../platform/names';

export const INVITATION_TTL_DAYS = 30;
export const MAX_INVITATIONS_PER_FORM = 50;
export const INVITE_LIMIT: Limit = { name: 'invite:coordinator:day', max: 60, windowSeconds: 24 * 60 * 60 };
export const MAX_INVITATIONS_PER_LETTER = 300;

const emailSchema = z.email();

/** Reads a textarea of addresses (one per line, or separated by commas or semicolons) into
 * distinct lower-case addresses, or Dutch errors naming each bad entry (and its line, if there are several). */
export function parseEmailList(raw: string): { ok: true; emails: string[] } | { ok: false; errors: string[] } {
	const entries = raw.split(/\r?\n/).flatMap((line, index) =>
		line
			.split(/[,;]/)
			.map((part) => part.trim().replace(/^<|>$/g, ''))
			.filter(Boolean)
			.map((entry) => ({ line: index + 1, entry }))
	);
	if (entries.length === 0) return { ok: false, errors: ['Vul minstens één e-mailadres in.'] };
	// The address itself says which one; the line only helps when there are several lines.
	const lines = new Set(entries.map(({ line }) => line)).size;
	const errors = entries
		.filter(({ entry }) => !emailSchema.safeParse(entry).success)
		.map(({ line, entry }) => `"${entry}"${lines > 1 ? ` (regel ${line})` : ''} is geen geldig e-mailadres.`);
	const emails = [...new Set(entries.map(({ entry }) => entry.toLowerCase()))];
	if (emails.length > MAX_INVITATIONS_PER_FORM) {
		errors.unshift(
			`Je kunt hoogstens ${MAX_INVITATIONS_PER_FORM} adressen tegelijk uitnodigen; dit zijn er ${emails.length}.`
		);
	}
	return errors.length ? { ok: false, errors } : { ok: true, emails };
}

export type InviteStatus = 'invited' | 'already_signed' | 'rate_limited';

// issue_invitations answers one jsonb list; checked here, where it enters the app.
const inviteResults = z.union([
	z.array(z.object({ email: z.string(), status: z.enum(['invited', 'already_signed']) })),
	z.object({ too_many: z.literal(true) })
]);

export interface Inviter {
	id: string;
	email: string;
	name: string | null;
}

function invitationMail(campaign: Campaign, inviter: Inviter, email: string, token: string) {
	const who = inviter.name ? `${mailName(inviter.name, 'Een collega')} (${inviter.email})` : inviter.email;
	return {
		subject: `Uitnodiging: onderteken de brief van de huisartsen in ${campaign.gemeenteName}`,
		text: [
			'Beste collega,',
			'',
			`${who} nodigt je uit om de gezamenlijke brief van de huisartsen in ${campaign.gemeenteName} aan de politieke partijen mee te ondertekenen: "${campaign.title}".`,
			'',
			`Lees de brief en onderteken via deze persoonlijke link (${INVITATION_TTL_DAYS} dagen geldig):`,
			`${publicOrigin()}/uitnodiging/${token}`,
			'',
			`De link is bedoeld voor ${email}. Je logt in met een code die we naar dit adres mailen; een wachtwoord is niet nodig.`,
			'',
			'Je naam staat alleen openbaar onder de brief als je daar zelf voor kiest. Het aantal ondertekenaars is wel openbaar.',
			'',
			'Wil je niet meedoen? Dan kun je deze e-mail negeren. Vragen? Beantwoord deze e-mail; die gaat naar de coördinator.',
			'',
			'— Laat je horen'
		].join('\n')
	};
}

/** Invites each address (already parsed by parseEmailList) while the letter is open for signing.
 * Addresses beyond the inviter's hourly limit are not sent ('rate_limited'); addresses that
 * already signed are skipped. 'closed' when the letter is not open for signing. */
export async function inviteColleagues(
	campaign: Campaign,
	inviter: Inviter,
	emails: string[]
): Promise<Array<{ email: string; status: InviteStatus }> | 'closed' | 'too_many'> {
	if (campaign.status !== 'ter_ondertekening') return 'closed';
	// Each hit is atomic, so exactly as many as the limit still allows come back true.
	const allowed = await Promise.all(emails.map(() => consume(INVITE_LIMIT, inviter.id)));
	const toSend = emails.filter((_, index) => allowed[index]);
	const payload = toSend.map((email) => {
		const token = randomToken();
		return {
			email,
			token_hash: encodeHexLowerCase(hashSecret(token)),
			reply_to: inviter.email,
			...invitationMail(campaign, inviter, email, token)
		};
	});
	let sent: Array<{ email: string; status: InviteStatus }> = [];
	if (payload.length > 0) {
		const { data, error } = await db().rpc('issue_invitations', {
			p_campaign_id: campaign.id,
			p_actor_id: inviter.id,
			p_invitations: payload
		});
		if (error) throw new Error(`inviteColleagues: ${error.message}`);
		if (data === null) return 'closed';
		const parsed = inviteResults.parse(data);
		if (!Array.isArray(parsed)) return 'too_many';
		sent = parsed;
		kickMailWorker();
	}
	const byEmail = new Map(sent.map((row) => [row.email, row.status]));
	return emails.map((email) => ({ email, status: byEmail.get(email) ?? 'rate_limited' }));
}

export interface FoundInvitation {
	id: string;
	email: string;
	expired: boolean;
	acceptedAt: string | null;
	campaign: { id: string; title: string; status: string; gemeenteCode: string; gemeenteName: string };
	inviterName: string | null;
}

const TOKEN_SHAPE = /^[a-z2-7]{24}$/;

/** The invitation a link's token belongs to, or null for an unknown token. */
export async function findInvitation(token: string): Promise<FoundInvitation | null> {
	if (!TOKEN_SHAPE.test(token)) return null;
	const { data, error } = await db()
		.from('invitations')
		.select(
			'id, email, expires_at, accepted_at, campaigns(id, title, status, gemeente_code, gemeenten(name)), users(name, email)'
		)
		.eq('token_hash', toBytea(hashSecret(token)))
		.maybeSingle();
	if (error) throw new Error(`findInvitation: ${error.message}`);
	if (!data) return null;
	const row = data;
	return {
		id: row.id,
		email: row.email,
		expired: new Date(row.expires_at).getTime() <= Date.now(),
		acceptedAt: row.accepted_at,
		campaign: {
			id: row.campaigns.id,
			title: row.campaigns.title,
			status: row.campaigns.status,
			gemeenteCode: row.campaigns.gemeente_code,
			gemeenteName: row.campaigns.gemeenten?.name ?? row.campaigns.gemeente_code
		},
		inviterName: row.users ? (row.users.name ?? row.users.email) : null
	};
}

/** Accepts for the signed-in user; only the user with the invited address can. */
export async function acceptInvitation(
	invitationId: string,
	userId: string
): Promise<'accepted' | 'other_email' | 'invalid'> {
	const { data, error } = await db().rpc('accept_invitation', { p_invitation_id: invitationId, p_user_id: userId });
	if (error) throw new Error(`acceptInvitation: ${error.message}`);
	return oneOf(data, ['accepted', 'other_email', 'invalid'], 'acceptInvitation');
}

export interface SentInvitation {
	email: string;
	invitedAt: string;
	expiresAt: string;
	acceptedAt: string | null;
}

/** The campaign's invitations, newest first (for coordinators). */
export async function invitationsOf(campaignId: string): Promise<SentInvitation[]> {
	const { data, error } = await db()
		.from('invitations')
		.select('email, created_at, expires_at, accepted_at')
		.eq('campaign_id', campaignId)
		.order('created_at', { ascending: false })
		.limit(1000);
	if (error) throw new Error(`invitationsOf: ${error.message}`);
	return data.map((row) => ({
		email: row.email,
		invitedAt: row.created_at,
		expiresAt: row.expires_at,
		acceptedAt: row.accepted_at
	}));
}
