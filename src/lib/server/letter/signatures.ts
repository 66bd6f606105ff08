// Signatures under a campaign's letter: one per person, through one of the signer's practices in
// the campaign's gemeente, pinned to the revision signed. Withdrawing is possible until the letter
// is sent; after a reopen with a newer text, signers confirm it (until then their signature shows
// as "getekend voor versie N"). Names are public only with consent; counts always.
// Every change is one RPC (supabase/migrations/…_signing.sql) that writes its own audit entry.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { nameSchema } from '../platform/names';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { getCampaign } from './campaigns';
import { askRegister, numberTakenByOther, type HuisartsCheck } from '../auth/big-verification';

export const signSchema = z.object({
	practiceId: z.uuid({ message: 'Kies de praktijk waarvoor je ondertekent.' }),
	signerName: nameSchema({
		required: 'Vul je naam in zoals die onder de brief komt (minstens 2 tekens).',
		tooLong: 'Je naam mag hoogstens 200 tekens hebben.'
	}),
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
export async function signLetter(
	campaignId: string,
	user: { id: string },
	input: SignInput,
	options: { registerName?: string } = {}
): Promise<SignResult> {
	const valid = signSchema.parse(input);
	const { data, error } = await db().rpc('sign_letter_as_member', {
		p_campaign_id: campaignId,
		p_user_id: user.id,
		p_practice_id: valid.practiceId,
		p_signer_name: valid.signerName,
		p_big_number: valid.bigNumber,
		p_show_name: valid.showName,
		...(options.registerName ? { p_register_name: options.registerName } : {})
	});
	if (error) throw new Error(`signLetter: ${error.message}`);
	return oneOf(data, ['signed', 'already_signed', 'closed', 'practice_not_allowed'], 'signLetter');
}

/** Signs, after asking the BIG-register about the number and name (when it is configured): a
 * yes verifies the signature at once; any other answer leaves it unverified, with the register's
 * reason for the signer (a coordinator can still verify by hand). */
export async function signAndVerify(
	campaignId: string,
	user: { id: string },
	input: SignInput
): Promise<{ result: SignResult; check: HuisartsCheck | null; outcome: HuisartsCheck['verdict'] | 'taken' | null }> {
	const valid = signSchema.parse(input);
	// Verified before with this very number and name: the signature takes that verification (in
	// sign_letter_as_member) and the register need not be asked again.
	const { data: known, error } = await db()
		.from('users')
		.select('big_verified_at, big_verified_number, big_verified_name, big_number')
		.eq('id', user.id)
		.maybeSingle();
	if (error) throw new Error(`signAndVerify: ${error.message}`);
	const verifiedBefore =
		known?.big_verified_at && known.big_verified_number === known.big_number && known.big_verified_number === valid.bigNumber && known.big_verified_name === valid.signerName;
	if (verifiedBefore) return { result: await signLetter(campaignId, user, input), check: null, outcome: null };
	// One account per verified number: another account has it, so the register is not asked.
	if (await numberTakenByOther(user.id, valid.bigNumber)) {
		return { result: await signLetter(campaignId, user, input), check: null, outcome: 'taken' };
	}
	const check = await askRegister(valid.bigNumber, valid.signerName);
	const registerName = check?.verdict === 'verified' ? (check.registerName ?? valid.signerName) : undefined;
	const result = await signLetter(campaignId, user, input, { registerName });
	return { result, check, outcome: check?.verdict ?? null };
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

export type VerifyResult = 'verified' | 'unverified' | 'not_found' | 'own' | 'note_missing' | 'not_allowed';

/** Verifies a signature by hand, recording how (`note`), or (verified = false) takes a
 * verification back; possible at any time, also after sending. The database refuses one's own
 * signature and anyone who may not verify (permissions.mayVerifySignatures says the same). */
export async function verifySignature(
	campaignId: string,
	signatureId: string,
	actorId: string,
	verified = true,
	note = ''
): Promise<VerifyResult> {
	if (!z.uuid().safeParse(signatureId).success) return 'not_found';
	const { data, error } = await db().rpc('verify_signature', {
		p_campaign_id: campaignId,
		p_signature_id: signatureId,
		p_actor_id: actorId,
		p_verified: verified,
		p_note: note
	});
	if (error) throw new Error(`verifySignature: ${error.message}`);
	return oneOf(data, ['verified', 'unverified', 'not_found', 'own', 'note_missing', 'not_allowed'], 'verifySignature');
}

export interface Signature {
	id: string;
	signerName: string | null;
	practiceId: string | null;
	practiceName: string | null;
	bigNumber: string | null;
	showName: boolean;
	verified: boolean;
	/** How it was verified: by the BIG-register, or by hand (by whom, how); null when not. */
	verification: SignatureVerification | null;
	/** The signer's own account (a deleted account leaves null). */
	userId: string | null;
	revisionId: string;
	revisionNumber: number;
	/** Signed for the revision open for signing (false: "getekend voor versie N"). */
	current: boolean;
	withdrawn: boolean;
	createdAt: string;
}

export interface SignatureVerification {
	method: 'register' | 'hand';
	at: string;
	/** Who verified it by hand (null for the register, or a deleted account). */
	by: string | null;
	/** How it was verified by hand. */
	note: string | null;
	/** The name as the BIG-register gives it. */
	registerName: string | null;
}

const SIGNATURE_COLUMNS =
	'id, user_id, signer_name, practice_id, big_number, show_name, verified_at, verification_method, verification_note, register_name, revision_id, withdrawn_at, created_at, practices(name), letter_revisions(number), campaigns(signing_revision_id), verifier:users!signatures_verified_by_fkey(name, email)' as const;

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
		verification: row.verified_at
			? {
					method: row.verification_method === 'register' ? 'register' : 'hand',
					at: row.verified_at,
					by: row.verifier ? (row.verifier.name ?? row.verifier.email) : null,
					note: row.verification_note,
					registerName: row.register_name
				}
			: null,
		userId: row.user_id,
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
	/** 'register' or 'hand', when verified. */
	verifiedBy: 'register' | 'hand' | null;
	revisionNumber: number;
	current: boolean;
}

/** How many live signatures are verified, and how: the line every reader of the letter gets
 * ("23 huisartsen, waarvan 21 geverifieerd in het BIG-register"). */
export interface VerifiedCount {
	total: number;
	verified: number;
	byRegister: number;
	byHand: number;
}

function liveVerification(campaignId: string) {
	return allPages('liveVerification', (from, to) =>
		db()
			.from('signatures')
			.select('id, verification_method, verified_at')
			.eq('campaign_id', campaignId)
			.is('withdrawn_at', null)
			.order('id')
			.range(from, to)
	);
}

/** How many live signatures the letter has and how many are verified, without any names. */
export async function verificationCounts(campaignId: string): Promise<VerifiedCount> {
	return countVerified(await liveVerification(campaignId));
}

/** What anyone may see: the number of live signatures, and the names of those who agreed to
 * be shown (a deleted account's signature counts, but never shows a name). */
export async function publicSignatories(
	campaignId: string
): Promise<{ total: number; hidden: number; shown: PublicSignatory[]; verification: VerifiedCount }> {
	const [live, rows] = await Promise.all([
		liveVerification(campaignId),
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
	const shown = rows
		.map(toSignature)
		.map((s) => ({
			name: s.signerName ?? '',
			practiceName: s.practiceName,
			verified: s.verified,
			verifiedBy: s.verification?.method ?? null,
			revisionNumber: s.revisionNumber,
			current: s.current
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	const total = live.length;
	return { total, hidden: total - shown.length, shown, verification: countVerified(live) };
}

/** Counts live signatures by how they were verified. */
export function countVerified(live: Array<{ verified_at: string | null; verification_method: string | null }>): VerifiedCount {
	const verified = live.filter((s) => s.verified_at !== null);
	const byRegister = verified.filter((s) => s.verification_method === 'register').length;
	return { total: live.length, verified: verified.length, byRegister, byHand: verified.length - byRegister };
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
