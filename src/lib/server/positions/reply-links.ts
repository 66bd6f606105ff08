// A party's right of reply: its private link /standpunten/reageer/<token> (120 random bits, only
// the SHA-256 stored, valid until 90 days past the reply period, revocable) opens the positions of
// that one party that were sent to it, and lets it agree or disagree per position; disagreeing
// needs its own quote and source. The party comes from the token, never from the form. Looking a
// link up and reacting through it are rate-limited per client and per link.
import { z } from 'zod';
import type { QueryData } from '@supabase/supabase-js';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { formString } from '../platform/forms';
import { consume, type Limit } from '../platform/rate-limit';
import { isTokenShaped, tokenHashHex } from '../letter/answer-links';
import { randomToken } from '../platform/crypto';
import { formatDate } from '$lib/format';
import { STANCE_LABELS, documentKindOf, positionStatusOf, stanceOf, type DocumentKind, type PositionStatus, type Stance } from '$lib/positions';
import { toReply, type PositionReply } from './positions';

export const DEFAULT_REPLY_DAYS = 14;

export const REPLY_LINK_LIMITS = {
	lookupPerClient: { name: 'position-reply-lookup:ip', max: 120, windowSeconds: 60 * 60 },
	submitPerClient: { name: 'position-reply-submit:ip', max: 30, windowSeconds: 60 * 60 },
	submitPerLink: { name: 'position-reply-submit:link', max: 60, windowSeconds: 24 * 60 * 60 }
} satisfies Record<string, Limit>;

export interface ReplyLink {
	token: string;
	tokenHashHex: string;
	url: string;
}

export function newReplyLink(): ReplyLink {
	const token = randomToken();
	return { token, tokenHashHex: tokenHashHex(token), url: `${publicOrigin()}/standpunten/reageer/${token}` };
}

export interface SendMail {
	to: string;
	subject: string;
	text: string;
}

function replyMail(to: string, party: string, gemeente: string, count: number, link: ReplyLink, due: Date): SendMail {
	return {
		to,
		subject: `Uw standpunten over zorg in ${gemeente}: reageert u vóór ${formatDate(due)}?`,
		text: `Geachte ${party},

Huisartsen in ${gemeente} lezen de programma's en akkoorden van de partijen na op zorgthema's. Wij
hebben ${count === 1 ? '1 standpunt' : `${count} standpunten`} van uw partij beoordeeld, elk met het citaat en de
pagina waar het op rust.

Voordat wij ze publiceren, mag u reageren: bent u het eens, of niet? Als u het oneens bent, geeft u
uw eigen bron (een citaat en waar het staat). Uw reactie komt naast onze beoordeling te staan.

Reageren kan tot en met ${formatDate(due)} via deze persoonlijke link (alleen voor ${party}):
${link.url}

Deel deze link alleen binnen uw partij. Reageert u niet, dan publiceren wij na die datum met de
vermelding dat er geen reactie kwam.

Met vriendelijke groet,
Laat je horen, namens de huisartsen
`
	};
}

export type SendResult = { count: number; link: ReplyLink | null; mailed: string[] };

/** Sends the party's concept positions (all, or the ids given) for its reaction: one call sets the
 * period, stores the link and queues a mail to each of the party's addresses. */
export async function sendForReply(
	actorId: string,
	partyId: string,
	days: number,
	positionIds?: string[],
	now = new Date()
): Promise<SendResult> {
	if (!z.uuid().safeParse(partyId).success) return { count: 0, link: null, mailed: [] };
	const { data: party, error: partyError } = await db()
		.from('parties')
		.select('name, gemeenten(name), party_contacts(email), positions(status)')
		.eq('id', partyId)
		.maybeSingle();
	if (partyError) throw new Error(`sendForReply: ${partyError.message}`);
	if (!party) return { count: 0, link: null, mailed: [] };
	const link = newReplyLink();
	const due = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
	const waiting = positionIds?.length ?? party.positions.filter((p) => p.status === 'concept').length;
	const gemeente = party.gemeenten?.name ?? '';
	const mails = party.party_contacts.map((c) => replyMail(c.email, party.name, gemeente, waiting, link, due));
	const { data, error } = await db().rpc('send_positions_for_reply', {
		p_actor_id: actorId,
		p_party_id: partyId,
		p_reply_days: days,
		p_token_hash: link.tokenHashHex,
		p_mails: mails.map((m) => ({ to: m.to, subject: m.subject, text: m.text })),
		...(positionIds ? { p_position_ids: positionIds } : {})
	});
	if (error) throw new Error(`sendForReply: ${error.message}`);
	const count = data ?? 0;
	return count > 0 ? { count, link, mailed: mails.map((m) => m.to) } : { count: 0, link: null, mailed: [] };
}

export interface PartyPosition {
	id: string;
	themeLabel: string;
	stance: Stance;
	stanceLabel: string;
	quote: string | null;
	page: number | null;
	section: string | null;
	note: string | null;
	documentTitle: string;
	documentKind: DocumentKind;
	documentUrl: string | null;
	status: PositionStatus;
	version: number;
	replyDueAt: string | null;
	/** The party's newest reaction, if any. */
	reply: PositionReply | null;
}

const LINK_COLUMNS =
	'id, expires_at, revoked_at, party_id, parties(id, name, gemeenten(name, slug), positions(id, status, stance, quote, page, section, note, version, reply_due_at, themes(label, position), documents(title, kind, url), position_replies(agrees, explanation, evidence_quote, evidence_source, evidence_page, responder_name, responder_role, position_version, created_at)))' as const;

function linkQuery() {
	return db().from('position_reply_links').select(LINK_COLUMNS);
}

type LinkRow = QueryData<ReturnType<typeof linkQuery>>[number];
type LinkPosition = NonNullable<LinkRow['parties']>['positions'][number];

function toPartyPosition(row: LinkPosition): PartyPosition {
	const replies = row.position_replies.map(toReply).sort((a, b) => b.at.localeCompare(a.at));
	const stance = stanceOf(row.stance);
	return {
		id: row.id,
		themeLabel: row.themes?.label ?? '',
		stance,
		stanceLabel: STANCE_LABELS[stance],
		quote: row.quote,
		page: row.page,
		section: row.section,
		note: row.note,
		documentTitle: row.documents?.title ?? '',
		documentKind: documentKindOf(row.documents?.kind ?? 'anders'),
		documentUrl: row.documents?.url ?? null,
		status: positionStatusOf(row.status),
		version: row.version,
		replyDueAt: row.reply_due_at,
		reply: replies[0] ?? null
	};
}

export type ReplyLinkLookup =
	| {
			state: 'ok';
			party: { id: string; name: string };
			gemeente: { name: string; slug: string };
			expiresAt: string;
			/** Sent for reaction or published; concepts stay with the kring. */
			positions: PartyPosition[];
	  }
	| { state: 'unknown' | 'revoked' | 'expired' };

export async function findReplyLink(token: string, now = new Date()): Promise<ReplyLinkLookup> {
	if (!isTokenShaped(token)) return { state: 'unknown' };
	const { data: row, error } = await linkQuery().eq('token_hash', `\\x${tokenHashHex(token)}`).maybeSingle();
	if (error) throw new Error(`findReplyLink: ${error.message}`);
	if (!row || !row.parties) return { state: 'unknown' };
	if (row.revoked_at) return { state: 'revoked' };
	if (new Date(row.expires_at) <= now) return { state: 'expired' };
	const positions = row.parties.positions
		.filter((p) => p.status !== 'concept')
		.sort((a, b) => (a.themes?.position ?? 0) - (b.themes?.position ?? 0) || a.id.localeCompare(b.id))
		.map(toPartyPosition);
	return {
		state: 'ok',
		party: { id: row.parties.id, name: row.parties.name },
		gemeente: { name: row.parties.gemeenten?.name ?? '', slug: row.parties.gemeenten?.slug ?? '' },
		expiresAt: row.expires_at,
		positions
	};
}

export const DISAGREE_WITHOUT_EVIDENCE =
	'U bent het oneens: geef dan uw eigen bron. Plak het citaat (minstens 10 tekens) en zeg waar het staat (een link of de titel van het document).';

export const replySchema = z
	.object({
		positionId: z.uuid({ message: 'Onbekend standpunt.' }),
		agrees: z.enum(['eens', 'oneens'], { message: 'Kies of u het eens of oneens bent.' }),
		responderName: z.string().trim().min(2, 'Vul uw naam in (minstens 2 tekens).').max(200, 'Uw naam mag hoogstens 200 tekens hebben.'),
		responderRole: z.string().trim().max(200, 'Uw rol mag hoogstens 200 tekens hebben.'),
		explanation: z.string().trim().max(3000, 'Uw toelichting mag hoogstens 3.000 tekens hebben.'),
		evidenceQuote: z.string().trim().max(5000, 'Het citaat mag hoogstens 5.000 tekens hebben.'),
		evidenceSource: z.string().trim().max(2000, 'De bron mag hoogstens 2.000 tekens hebben.'),
		evidencePage: z.string().trim().max(100, 'De pagina mag hoogstens 100 tekens hebben.')
	})
	.superRefine((value, ctx) => {
		if (value.agrees === 'eens') return;
		if (value.evidenceQuote.length < 10) ctx.addIssue({ code: 'custom', path: ['evidenceQuote'], message: DISAGREE_WITHOUT_EVIDENCE });
		if (value.evidenceSource.length < 3) {
			ctx.addIssue({ code: 'custom', path: ['evidenceSource'], message: 'Zeg waar uw citaat staat: een link of de titel van het document.' });
		}
	});

export type ReplyInput = z.infer<typeof replySchema>;
export type ReplyValues = Record<keyof ReplyInput, string>;

export function readReplyForm(form: FormData): ReplyValues {
	return {
		positionId: formString(form, 'positionId'),
		agrees: formString(form, 'agrees'),
		responderName: formString(form, 'responderName'),
		responderRole: formString(form, 'responderRole'),
		explanation: formString(form, 'explanation'),
		evidenceQuote: formString(form, 'evidenceQuote'),
		evidenceSource: formString(form, 'evidenceSource'),
		evidencePage: formString(form, 'evidencePage')
	};
}

export type SubmitReplyResult = 'saved' | 'unknown' | 'revoked' | 'expired' | 'not_yours' | 'closed' | 'evidence_required';

/** Stores a reaction through the party's link; the link and the position's party are checked again
 * in the same call. */
export async function submitReply(token: string, input: ReplyInput): Promise<SubmitReplyResult> {
	if (!isTokenShaped(token)) return 'unknown';
	const agrees = input.agrees === 'eens';
	const { data, error } = await db().rpc('submit_position_reply', {
		p_token_hash: tokenHashHex(token),
		p_position_id: input.positionId,
		p_agrees: agrees,
		p_responder_name: input.responderName,
		...(input.responderRole ? { p_responder_role: input.responderRole } : {}),
		...(input.explanation ? { p_explanation: input.explanation } : {}),
		...(!agrees ? { p_evidence_quote: input.evidenceQuote, p_evidence_source: input.evidenceSource } : {}),
		...(!agrees && input.evidencePage ? { p_evidence_page: input.evidencePage } : {})
	});
	if (error) throw new Error(`submitReply: ${error.message}`);
	return oneOf(data, ['saved', 'unknown', 'revoked', 'expired', 'not_yours', 'closed', 'evidence_required'], 'submitReply');
}

export const REPLY_REFUSED: Record<Exclude<SubmitReplyResult, 'saved'>, string> = {
	unknown: 'Deze link kennen we niet. Controleer of u de hele link uit de e-mail hebt gebruikt.',
	revoked: 'Deze link is ingetrokken. Vraag de huisartsen om een nieuwe link.',
	expired: 'Deze link is verlopen. Vraag de huisartsen om een nieuwe link.',
	not_yours: 'Met deze link kunt u alleen reageren op de standpunten van uw eigen partij.',
	closed: 'Op dit standpunt kan nog niet worden gereageerd.',
	evidence_required: DISAGREE_WITHOUT_EVIDENCE
};

export function allowLookup(client: string): Promise<boolean> {
	return consume(REPLY_LINK_LIMITS.lookupPerClient, client);
}

export async function allowSubmit(client: string, token: string): Promise<boolean> {
	const [perClient, perLink] = await Promise.all([
		consume(REPLY_LINK_LIMITS.submitPerClient, client),
		consume(REPLY_LINK_LIMITS.submitPerLink, tokenHashHex(token).slice(0, 32))
	]);
	return perClient && perLink;
}
