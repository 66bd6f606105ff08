// Signatures under a campaign's letter: one per person, through one of the signer's practices in
// the campaign's gemeente, pinned to the revision signed. Withdrawing is possible until the letter
// is sent; after a reopen with a newer text, signers confirm it (until then their signature shows
// as "getekend voor versie N"). Names are public only with consent; counts always.
// Every change is one RPC (supabase/migrations/…_signing.sql) that writes its own audit entry.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { getCampaign } from './campaigns';

export const signSchema = z.object({
	practiceId: z.uuid({ message: 'Kies de praktijk waarvoor je ondertekent.' }),
	signerName: z
		.string()
		.trim()
		.min(2, 'Vul je naam in zoals die onder de brief komt (minstens 2 tekens).')
		.max(200, 'Je naam mag hoogstens 200 tekens hebben.'),
	bigNumber: z
		.string()
		.transform((value) => value.replace(/[\s.-]/g, ''))
		.pipe(z.string().regex(/^\d{11}$/, 'Een BIG-nummer bestaat uit 11 cijfers.')),
	showName: z.boolean().default(false)
});

export type SignInput = z.input<typeof signSchema>;

export type SignResult = 'signed' | 'already_signed' | 'closed' | 'practice_not_allowed';

/** Signs the letter open for signing. The practice must be one of the user's in the campaign's
 * gemeente (checked in the same transaction). A new signature also fills the user's profile name
 * and BIG number when those were still empty, so the next letter is prefilled. */
export async function signLetter(campaignId: string, user: { id: string }, input: SignInput): Promise<SignResult> {
	const valid = signSchema.parse(input);
	const { data, error } = await db().rpc('sign_letter_as_member', {
		p_campaign_id: campaignId,
		p_user_id: user.id,
		p_practice_id: valid.practiceId,
		p_signer_name: valid.signerName,
		p_big_number: valid.bigNumber,
		p_show_name: valid.showName
	});
	if (error) throw new Error(`signLetter: ${error.message}`);
	return oneOf(data, ['signed', 'already_signed', 'closed', 'practice_not_allowed'], 'signLetter');
}

/** Until the letter is sent (also while it is reopened as a draft). */
export async function withdrawSignature(
	campaignId: string,
	userId: string
): Promise<'withdrawn' | 'not_signed' | 'closed'> {
	const { data, error } = await db().rpc('withdraw_signature', { p_campaign_id: campaignId, p_user_id: userId });
	if (error) throw new Error(`withdrawSignature: ${error.message}`);
	return oneOf(data, ['withdrawn', 'not_signed', 'closed'], 'withdrawSignature');
}

/** Re-pins the user's signature to the text now open for signing (after a reopen). */
export async function confirmSignature(
	campaignId: string,
	userId: string
): Promise<'confirmed' | 'current' | 'not_signed' | 'closed'> {
	const { data, error } = await db().rpc('confirm_signature', { p_campaign_id: campaignId, p_user_id: userId });
	if (error) throw new Error(`confirmSignature: ${error.message}`);
	return oneOf(data, ['confirmed', 'current', 'not_signed', 'closed'], 'confirmSignature');
}

/** A coordinator marks the signer's BIG number as checked, or (verified = false) takes that
 * back; until the letter is sent. The caller has checked that coordinatorId coordinates. */
export async function verifySignature(
	campaignId: string,
	signatureId: string,
	coordinatorId: string,
	verified = true
): Promise<'verified' | 'unverified' | 'not_found' | 'closed'> {
	if (!z.uuid().safeParse(signatureId).success) return 'not_found';
	const { data, error } = await db().rpc('verify_signature', {
		p_campaign_id: campaignId,
		p_signature_id: signatureId,
		p_actor_id: coordinatorId,
		p_verified: verified
	});
	if (error) throw new Error(`verifySignature: ${error.message}`);
	return oneOf(data, ['verified', 'unverified', 'not_found', 'closed'], 'verifySignature');
}

export interface Signature {
	id: string;
	signerName: string | null;
	practiceId: string | null;
	practiceName: string | null;
	bigNumber: string | null;
	showName: boolean;
	verified: boolean;
	revisionId: string;
	revisionNumber: number;
	/** Signed for the revision open for signing (false: "getekend voor versie N"). */
	current: boolean;
	withdrawn: boolean;
	createdAt: string;
}

const SIGNATURE_COLUMNS =
	'id, signer_name, practice_id, big_number, show_name, verified_at, revision_id, withdrawn_at, created_at, practices(name), letter_revisions(number), campaigns(signing_revision_id)' as const;

function signatureQuery() {
	return db().from('signatures').select(SIGNATURE_COLUMNS);
}

type SignatureRow = QueryData<ReturnType<typeof signatureQuery>>[number];

function toSignature(row: SignatureRow): Signature {
	return {
		id: row.id,
		signerName: row.signer_name,
		practiceId: row.practice_id,
		practiceName: row.practices?.name ?? null,
		bigNumber: row.big_number,
		showName: row.show_name,
		verified: row.verified_at !== null,
		revisionId: row.revision_id,
		revisionNumber: row.letter_revisions?.number ?? 0,
		current: row.revision_id === row.campaigns?.signing_revision_id,
		withdrawn: row.withdrawn_at !== null,
		createdAt: row.created_at
	};
}

// Hosted PostgREST returns at most 1000 rows per request; a large gemeente can have more signers.
const PAGE = 1000;

async function allPages<T>(
	label: string,
	page: (from: number, to: number) => PromiseLike<{ data: T[] | null; error: { message: string } | null }>
): Promise<T[]> {
	const rows: T[] = [];
	for (let from = 0; ; from += PAGE) {
		const { data, error } = await page(from, from + PAGE - 1);
		if (error) throw new Error(`${label}: ${error.message}`);
		const batch = data ?? [];
		rows.push(...batch);
		if (batch.length < PAGE) return rows;
	}
}

/** Every signature of the campaign, withdrawn ones included, oldest first (for coordinators). */
export async function signaturesOf(campaignId: string): Promise<Signature[]> {
	const rows = await allPages('signaturesOf', (from, to) =>
		signatureQuery()
			.eq('campaign_id', campaignId)
			.order('created_at')
			.order('id')
			.range(from, to)
	);
	return rows.map(toSignature);
}

export async function mySignature(campaignId: string, userId: string): Promise<Signature | null> {
	const { data, error } = await signatureQuery()
		.eq('campaign_id', campaignId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(`mySignature: ${error.message}`);
	return data ? toSignature(data) : null;
}

export interface PublicSignatory {
	name: string;
	practiceName: string | null;
	verified: boolean;
	revisionNumber: number;
	current: boolean;
}

/** What anyone may see: the number of live signatures, and the names of those who agreed to
 * be shown (a deleted account's signature counts, but never shows a name). */
export async function publicSignatories(
	campaignId: string
): Promise<{ total: number; hidden: number; shown: PublicSignatory[] }> {
	const [count, rows] = await Promise.all([
		db()
			.from('signatures')
			.select('id', { count: 'exact', head: true })
			.eq('campaign_id', campaignId)
			.is('withdrawn_at', null),
		allPages('publicSignatories', (from, to) =>
			signatureQuery()
				.eq('campaign_id', campaignId)
				.is('withdrawn_at', null)
				.eq('show_name', true)
				.not('user_id', 'is', null)
				.not('signer_name', 'is', null)
				.order('created_at')
				.order('id')
				.range(from, to)
		)
	]);
	if (count.error) throw new Error(`publicSignatories: ${count.error.message}`);
	const shown = rows
		.map(toSignature)
		.map((s) => ({
			name: s.signerName ?? '',
			practiceName: s.practiceName,
			verified: s.verified,
			revisionNumber: s.revisionNumber,
			current: s.current
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	const total = count.count ?? 0;
	return { total, hidden: total - shown.length, shown };
}

export interface Revision {
	id: string;
	number: number;
	/** Sanitised when the revision was saved (markdown.ts); safe to render as HTML. */
	bodyHtml: string;
}

export async function revisionById(revisionId: string): Promise<Revision | null> {
	const { data, error } = await db()
		.from('letter_revisions')
		.select('id, number, body_html')
		.eq('id', revisionId)
		.maybeSingle();
	if (error) throw new Error(`revisionById: ${error.message}`);
	return data ? { id: data.id, number: data.number, bodyHtml: data.body_html } : null;
}
