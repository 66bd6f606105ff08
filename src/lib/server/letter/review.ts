// What the coordinators review before sending: the text people signed, everyone under it and
// the recipients, plus a fingerprint of all of it (sending_fingerprint) that the send compares, so
// nothing changed since the review slips through.
import { db } from '../platform/db';
import { coordinatorsOf, type Campaign } from './campaigns';
import { coverage } from './coverage';
import { publicSignatories, type VerifiedCount } from './signatures';
import { partiesInGemeente, type Party } from '../gemeenten/parties';
import type { Signatory } from './signers-summary';

export interface SendingRevision {
	id: string;
	number: number;
	bodyMd: string;
	/** Sanitised on save (renderMarkdown). */
	bodyHtml: string;
}

export interface LetterToSend {
	revision: SendingRevision;
	/** Live signatures (one per huisarts). */
	total: number;
	/** Signatures without a public name. */
	hidden: number;
	/** Practices with at least one signer. */
	practices: number;
	signatories: Signatory[];
	/** How many of the signatures are verified, and how. */
	verification: VerifiedCount;
}

/** The text open for signing and everyone under it, as recipients will get it. */
export async function letterToSend(campaign: Campaign): Promise<LetterToSend | null> {
	if (!campaign.signingRevisionId) return null;
	const [revision, signed, reach] = await Promise.all([
		db()
			.from('letter_revisions')
			.select('id, number, body_md, body_html')
			.eq('id', campaign.signingRevisionId)
			.eq('campaign_id', campaign.id)
			.maybeSingle(),
		publicSignatories(campaign.id),
		coverage(campaign.id, campaign.gemeenteCode)
	]);
	if (revision.error) throw new Error(`letterToSend: ${revision.error.message}`);
	if (!revision.data) return null;
	return {
		revision: {
			id: revision.data.id,
			number: revision.data.number,
			bodyMd: revision.data.body_md,
			bodyHtml: revision.data.body_html
		},
		total: signed.total,
		hidden: signed.hidden,
		practices: reach.practicesSigned,
		signatories: signed.shown,
		verification: signed.verification
	};
}
export interface Review {
	letter: LetterToSend;
	/** The text, signatures and recipients as one value; sending checks it (sending_fingerprint). */
	fingerprint: string;
	parties: Party[];
	/** Parties with at least one contact address. */
	byEmail: Party[];
	/** Parties the coordinators must reach themselves. */
	withoutAddress: Party[];
	replyTo: string[];
	/** Addresses someone else added or changed since this letter started: confirm each before sending. */
	unchecked: UncheckedAddress[];
}

export interface UncheckedAddress {
	contactId: string;
	partyId: string;
	partyName: string;
	email: string;
	changedAt: string;
	/** Who changed it (null: a deleted account). */
	changedBy: string | null;
}

/** The addresses of the gemeente's parties that someone other than `reviewerId` added or changed
 * since the letter started and that nobody checked for this letter since (unchecked_contacts). */
export async function uncheckedAddresses(campaignId: string, reviewerId: string, parties: Party[]): Promise<UncheckedAddress[]> {
	const { data, error } = await db().rpc('unchecked_contacts', { p_campaign_id: campaignId, p_actor_id: reviewerId });
	if (error) throw new Error(`uncheckedAddresses: ${error.message}`);
	if (data.length === 0) return [];
	const editors = [...new Set(data.flatMap((row) => (row.updated_by ? [row.updated_by] : [])))];
	const names = await db().from('users').select('id, name, email').in('id', editors);
	if (names.error) throw new Error(`uncheckedAddresses: ${names.error.message}`);
	return data
		.map((row) => {
			const editor = names.data.find((u) => u.id === row.updated_by);
			return {
				contactId: row.contact_id,
				partyId: row.party_id,
				partyName: parties.find((p) => p.id === row.party_id)?.name ?? '',
				email: row.email,
				changedAt: row.updated_at,
				changedBy: editor ? (editor.name ? `${editor.name} (${editor.email})` : editor.email) : null
			};
		})
		.sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl') || a.email.localeCompare(b.email));
}

/** The fingerprint of what a coordinator reviews before sending (see sending_fingerprint). */
export async function sendingFingerprint(campaignId: string): Promise<string> {
	const { data, error } = await db().rpc('sending_fingerprint', { p_campaign_id: campaignId });
	if (error) throw new Error(`sendingFingerprint: ${error.message}`);
	return data;
}

export async function reviewFor(campaign: Campaign, reviewerId: string): Promise<Review | null> {
	// The fingerprint is read first: a change during the other reads makes the send refuse, never
	// slip through unreviewed.
	const fingerprint = await sendingFingerprint(campaign.id);
	const [letter, parties, coordinators] = await Promise.all([
		letterToSend(campaign),
		partiesInGemeente(campaign.gemeenteCode),
		coordinatorsOf(campaign.id)
	]);
	if (!letter) return null;
	const unchecked = await uncheckedAddresses(campaign.id, reviewerId, parties);
	return {
		unchecked,
		letter,
		fingerprint,
		parties,
		byEmail: parties.filter((p) => p.contacts.length > 0),
		withoutAddress: parties.filter((p) => p.contacts.length === 0),
		replyTo: coordinators.map((c) => c.email).filter((email) => email !== '')
	};
}
