// The promiser's right of reply: a private link /toezeggingen/reageer/<token> per status update
// (120 random bits, only the SHA-256 stored, valid LINK_DAYS days, revocable) opens that commitment
// with its history and lets the party or college react once to that step. The copy of a reaction
// goes to the promiser's own addresses with a link to say it is not theirs (/toezeggingen/
// niet-van-ons/<token>): the reaction then leaves the public pages and a new link goes out.
// Looking up and reacting are rate-limited per client and per link.
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { formString } from '../platform/forms';
import { kickMailWorker } from '../platform/mail';
import { randomToken } from '../platform/crypto';
import { consume, type Limit } from '../platform/rate-limit';
import { isTokenShaped, tokenHashHex } from '../letter/answer-links';
import { getCommitment, promiserAddresses, type CommitmentDetail, type CommitmentUpdate } from './commitments';
import { newLinkMail, reactionCopyMail } from './commitment-mail';
import { LINK_DAYS, newReplyLink } from './links';

export const REACTION_LIMITS = {
	lookupPerClient: { name: 'commitment-reply-lookup:ip', max: 120, windowSeconds: 60 * 60 },
	submitPerClient: { name: 'commitment-reply-submit:ip', max: 20, windowSeconds: 60 * 60 },
	submitPerLink: { name: 'commitment-reply-submit:link', max: 10, windowSeconds: 24 * 60 * 60 }
} satisfies Record<string, Limit>;

export type ReplyLinkLookup =
	| { state: 'ok'; commitment: CommitmentDetail; update: CommitmentUpdate; expiresAt: string }
	| { state: 'unknown' | 'revoked' | 'expired' };

/** What a token opens: the commitment, and the one update it may react to. */
export async function findReplyLink(token: string, now = new Date()): Promise<ReplyLinkLookup> {
	if (!isTokenShaped(token)) return { state: 'unknown' };
	const { data: link, error } = await db()
		.from('commitment_reply_links')
		.select('commitment_id, update_id, expires_at, revoked_at')
		.eq('token_hash', `\\x${tokenHashHex(token)}`)
		.maybeSingle();
	if (error) throw new Error(`findReplyLink: ${error.message}`);
	if (!link) return { state: 'unknown' };
	if (link.revoked_at) return { state: 'revoked' };
	if (new Date(link.expires_at) <= now) return { state: 'expired' };
	const commitment = await getCommitment(link.commitment_id);
	const update = commitment?.updates.find((u) => u.id === link.update_id);
	if (!commitment || !update) return { state: 'unknown' };
	return { state: 'ok', commitment, update, expiresAt: link.expires_at };
}

export const reactionSchema = z.object({
	responderName: z.string().trim().min(2, 'Vul uw naam in (minstens 2 tekens).').max(200, 'Uw naam mag hoogstens 200 tekens hebben.'),
	responderRole: z.string().trim().max(200, 'Uw functie mag hoogstens 200 tekens hebben.'),
	body: z.string().trim().min(2, 'Schrijf uw reactie.').max(3000, 'Uw reactie mag hoogstens 3.000 tekens hebben.'),
	confirm: z.literal('ja', { message: 'Bevestig dat u namens de partij of het college reageert en dat uw reactie openbaar wordt.' })
});

export type ReactionInput = z.infer<typeof reactionSchema>;
export type ReactionValues = Record<keyof ReactionInput, string>;

export function readReactionForm(form: FormData): ReactionValues {
	return {
		responderName: formString(form, 'responderName'),
		responderRole: formString(form, 'responderRole'),
		body: formString(form, 'body'),
		confirm: formString(form, 'confirm')
	};
}

export type ReactionResult = 'saved' | 'unknown' | 'revoked' | 'expired' | 'already';

export const REACTION_REFUSED: Record<Exclude<ReactionResult, 'saved'>, string> = {
	unknown: 'Deze link kennen we niet. Controleer of u de hele link uit de e-mail hebt gebruikt.',
	revoked: 'Deze link is ingetrokken. U hebt een nieuwe link per e-mail gekregen, of vraag de huisartsen erom.',
	expired: 'Deze link is verlopen. Vraag de huisartsen om een nieuwe link.',
	already: 'Op deze stap is al gereageerd. Per stap kan één keer worden gereageerd.'
};

/** Stores the reaction (the link and the one-per-update rule are checked in the same call) and
 * queues the copy, with the disown link, to the promiser's own addresses. */
export async function submitReaction(token: string, input: ReactionInput): Promise<ReactionResult> {
	if (!isTokenShaped(token)) return 'unknown';
	const found = await findReplyLink(token);
	if (found.state !== 'ok') return found.state;
	const disown = randomToken();
	const disownUrl = `${publicOrigin()}/toezeggingen/niet-van-ons/${disown}`;
	const addresses = promiserAddresses(found.commitment);
	const mails = addresses.map((to) => reactionCopyMail(to, found.commitment, { name: input.responderName, body: input.body }, disownUrl));
	const { data, error } = await db().rpc('submit_commitment_reaction', {
		p_token_hash: tokenHashHex(token),
		p_responder_name: input.responderName,
		p_body: input.body,
		p_disown_token_hash: tokenHashHex(disown),
		...(input.responderRole ? { p_responder_role: input.responderRole } : {}),
		p_mails: mails
	});
	if (error) throw new Error(`submitReaction: ${error.message}`);
	const result = oneOf(data, ['saved', 'unknown', 'revoked', 'expired', 'already'], 'submitReaction');
	if (result === 'saved' && mails.length > 0) kickMailWorker();
	return result;
}

export type DisownResult = 'disowned' | 'already' | 'unknown';

/** The promiser says a reaction is not theirs: it goes offline, its link is revoked, and a new
 * link for the same step goes to the promiser's addresses. */
export async function disownReaction(token: string, note: string): Promise<DisownResult> {
	if (!isTokenShaped(token)) return 'unknown';
	const { data: reaction, error } = await db()
		.from('commitment_reactions')
		.select('commitment_id, disowned_at')
		.eq('disown_token_hash', `\\x${tokenHashHex(token)}`)
		.maybeSingle();
	if (error) throw new Error(`disownReaction: ${error.message}`);
	if (!reaction) return 'unknown';
	if (reaction.disowned_at) return 'already';
	const commitment = await getCommitment(reaction.commitment_id);
	if (!commitment) return 'unknown';
	const link = newReplyLink();
	const mails = promiserAddresses(commitment).map((to) => newLinkMail(to, commitment, link));
	const result = await db().rpc('disown_commitment_reaction', {
		p_disown_token_hash: tokenHashHex(token),
		p_new_token_hash: link.tokenHashHex,
		p_link_days: LINK_DAYS,
		...(note.trim() ? { p_note: note.trim().slice(0, 1000) } : {}),
		p_mails: mails
	});
	if (result.error) throw new Error(`disownReaction: ${result.error.message}`);
	const outcome = oneOf(result.data, ['disowned', 'already', 'unknown'], 'disownReaction');
	if (outcome === 'disowned' && mails.length > 0) kickMailWorker();
	return outcome;
}

export function allowLookup(client: string): Promise<boolean> {
	return consume(REACTION_LIMITS.lookupPerClient, client);
}

export async function allowSubmit(client: string, token: string): Promise<boolean> {
	const [perClient, perLink] = await Promise.all([
		consume(REACTION_LIMITS.submitPerClient, client),
		consume(REACTION_LIMITS.submitPerLink, tokenHashHex(token).slice(0, 32))
	]);
	return perClient && perLink;
}
