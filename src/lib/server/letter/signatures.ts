// Signatures under a campaign's letter: one per person, through one of the signer's practices in
// the campaign's gemeente, pinned to the revision signed. Withdrawing is possible until the letter
// is sent; after a reopen with a newer text, signers confirm it (until then their signature shows
// as "getekend voor versie N"). Names are public only with consent; counts always.
// Every change is one RPC (supabase/migrations/…_signing.sql) that writes its own audit entry.
import { z } from 'zod';
import { db } from '../platform/db';
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
	return data as SignResult;
}

/** Until the letter is sent (also while it is reopened as a draft). */
export async function withdrawSignature(
	campaignId: string,
	userId: string
): Promise<'withdrawn' | 'not_signed' | 'closed'> {
	const { data, error } = await db().rpc('withdraw_signature', { p_campaign_id: campaignId, p_user_id: userId });
	if (error) throw new Error(`withdrawSignature: ${error.message}`);
	return data as 'withdrawn' | 'not_signed' | 'closed';
}

/** Re-pins the user's signature to the text now open for signing (after a reopen). */
export async function confirmSignature(
	campaignId: string,
	userId: string
): Promise<'confirmed' | 'current' | 'not_signed' | 'closed'> {
	const { data, error } = await db().rpc('confirm_signature', { p_campaign_id: campaignId, p_user_id: userId });
	if (error) throw new Error(`confirmSignature: ${error.message}`);
	return data as 'confirmed' | 'current' | 'not_signed' | 'closed';
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
	return data as 'verified' | 'unverified' | 'not_found' | 'closed';
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

interface SignatureRow {
	id: string;
	signer_name: string | null;
	practice_id: string | null;
	big_number: string | null;
	show_name: boolean;
	verified_at: string | null;
	revision_id: string;
	withdrawn_at: string | null;
	created_at: string;
	practices: { name: string } | null;
	letter_revisions: { number: number } | null;
	campaigns: { signing_revision_id: string | null } | null;
}

const SIGNATURE_COLUMNS =
	'id, signer_name, practice_id, big_number, show_name, verified_at, revision_id, withdrawn_at, created_at, practices(name), letter_revisions(number), campaigns(signing_revision_id)';

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
	page: (from: number, to: number) => PromiseLike<{ data: unknown; error: { message: string } | null }>
): Promise<T[]> {
	const rows: T[] = [];
	for (let from = 0; ; from += PAGE) {
		const { data, error } = await page(from, from + PAGE - 1);
		if (error) throw new Error(`${label}: ${error.message}`);
		const batch = data as T[];
		rows.push(...batch);
		if (batch.length < PAGE) return rows;
	}
}

/** Every signature of the campaign, withdrawn ones included, oldest first (for coordinators). */
export async function signaturesOf(campaignId: string): Promise<Signature[]> {
	const rows = await allPages<SignatureRow>('signaturesOf', (from, to) =>
		db()
			.from('signatures')
			.select(SIGNATURE_COLUMNS)
			.eq('campaign_id', campaignId)
			.order('created_at')
			.order('id')
			.range(from, to)
	);
	return rows.map(toSignature);
}

export async function mySignature(campaignId: string, userId: string): Promise<Signature | null> {
	const { data, error } = await db()
		.from('signatures')
		.select(SIGNATURE_COLUMNS)
		.eq('campaign_id', campaignId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(`mySignature: ${error.message}`);
	return data ? toSignature(data as unknown as SignatureRow) : null;
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
		allPages<SignatureRow>('publicSignatories', (from, to) =>
			db()
				.from('signatures')
				.select(SIGNATURE_COLUMNS)
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

/** Opens the draft for signing with its newest text and, in the same database call, asks every
 * live signer whose signature is for an earlier text to confirm the new one (one e-mail each).
 * Returns null when the letter was no longer a draft or a newer text was saved meanwhile, else
 * how many e-mails were queued. */
export async function openForSigning(campaignId: string, actorId: string): Promise<number | null> {
	const campaign = await getCampaign(campaignId);
	if (!campaign || campaign.status !== 'concept') return null;
	const newest = await db()
		.from('letter_revisions')
		.select('id, number')
		.eq('campaign_id', campaignId)
		.order('number', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (newest.error) throw new Error(`openForSigning: ${newest.error.message}`);
	if (!newest.data) return null;
	const revision = newest.data as { id: string; number: number };
	const outdated = await db()
		.from('signatures')
		.select('id, signer_name, users!signatures_user_id_fkey!inner(email), letter_revisions(number)')
		.eq('campaign_id', campaignId)
		.is('withdrawn_at', null)
		.neq('revision_id', revision.id);
	if (outdated.error) throw new Error(`openForSigning: ${outdated.error.message}`);
	const rows = outdated.data as unknown as Array<{
		id: string;
		signer_name: string | null;
		users: { email: string };
		letter_revisions: { number: number } | null;
	}>;
	const link = `${publicOrigin()}/campagnes/${campaignId}/ondertekenen`;
	const mails = rows.map((row) => {
		const old = row.letter_revisions?.number ?? 0;
		return {
			signature_id: row.id,
			to: row.users.email,
			subject: `Bevestig de nieuwe tekst van de brief van de huisartsen in ${campaign.gemeenteName}`,
			text: [
				`Beste ${row.signer_name ?? 'collega'},`,
				'',
				`Je hebt de brief "${campaign.title}" van de huisartsen in ${campaign.gemeenteName} ondertekend (versie ${old}). De coördinatoren hebben de tekst daarna aangepast; nu ligt versie ${revision.number} ter ondertekening.`,
				'',
				'Lees wat er veranderd is en bevestig de nieuwe tekst, of trek je handtekening in:',
				link,
				'',
				`Tot je bevestigt, staat je handtekening erbij als "getekend voor versie ${old}".`,
				'',
				'— Laat je horen'
			].join('\n')
		};
	});
	const { data, error } = await db().rpc('open_for_signing', {
		p_campaign_id: campaignId,
		p_actor_id: actorId,
		p_revision_id: revision.id,
		p_mails: mails
	});
	if (error) throw new Error(`openForSigning: ${error.message}`);
	if (data === null) return null;
	if ((data as number) > 0) kickMailWorker();
	return data as number;
}
