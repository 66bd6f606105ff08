// Sending the letter to every party of the gemeente: by e-mail through the outbox to the parties
// with an address, recorded as sent by hand for the others (or for all, when the coordinators mail
// it themselves; their answer links are then shown once, as only hashes are stored). One database
// call (send_letter): status, deliveries, outbox rows and answer links land together or not at all,
// and only when the fingerprint still matches what the coordinator reviewed.
import { db } from '../platform/db';
import { kickMailWorker } from '../platform/mail';
import type { Campaign } from './campaigns';
import { newAnswerLink } from './answer-links';
import { composeLetterMail, mailtoLink } from './letter-mail';
import { reviewFor } from './review';

export interface IssuedLink {
	partyId: string;
	partyName: string;
	url: string;
	mailto: string | null;
}

export type SendResult =
	| { sent: true; emails: number; links: IssuedLink[] }
	| { sent: false; reason: 'not_open' | 'no_signatures' | 'no_parties' | 'changed' | 'unchecked' };

/** Sends the letter to every party of the gemeente: by e-mail to the parties with an address
 * (unless manual), and records the others as reached by hand. `reviewedFingerprint` is the
 * review's fingerprint as the coordinator saw it: when the text, a signature or a recipient
 * changed since, nothing is sent. Returns the answer links of the parties reached by hand, to
 * show once. */
export async function sendLetter(
	campaign: Campaign,
	actorId: string,
	reviewedFingerprint: string,
	options: { manual: boolean; checkedContacts?: string[] }
): Promise<SendResult> {
	if (campaign.status !== 'ter_ondertekening') return { sent: false, reason: 'not_open' };
	const review = await reviewFor(campaign, actorId);
	if (!review) return { sent: false, reason: 'not_open' };
	if (review.fingerprint !== reviewedFingerprint) return { sent: false, reason: 'changed' };
	if (review.letter.total === 0) return { sent: false, reason: 'no_signatures' };
	if (review.parties.length === 0) return { sent: false, reason: 'no_parties' };
	const checked = new Set(options.checkedContacts ?? []);
	if (review.unchecked.some((address) => !checked.has(address.contactId))) return { sent: false, reason: 'unchecked' };

	const links: IssuedLink[] = [];
	let emails = 0;
	const deliveries = review.parties.map((party) => {
		const link = newAnswerLink();
		const byEmail = !options.manual && party.contacts.length > 0;
		if (byEmail) emails++;
		else {
			links.push({
				partyId: party.id,
				partyName: party.name,
				url: link.url,
				mailto: party.contacts.length > 0 ? mailtoLink(campaign, party, review.letter, link.url) : null
			});
		}
		const mail = byEmail
			? composeLetterMail({ campaign, letter: review.letter, party, replyTo: review.replyTo, answerLink: link })
			: null;
		return {
			party_id: party.id,
			addresses: party.contacts.map((c) => c.email),
			token_hash: link.tokenHashHex,
			...(mail
				? { mail: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, reply_to: mail.replyTo || null } }
				: {})
		};
	});

	const { data, error } = await db().rpc('send_letter', {
		p_campaign_id: campaign.id,
		p_actor_id: actorId,
		p_fingerprint: reviewedFingerprint,
		p_manual: options.manual,
		p_deliveries: deliveries,
		p_checked_contacts: review.unchecked.map((address) => address.contactId).filter((id) => checked.has(id))
	});
	if (error) throw new Error(`sendLetter: ${error.message}`);
	if (data === 'changed') return { sent: false, reason: 'changed' };
	if (data === 'unchecked') return { sent: false, reason: 'unchecked' };
	if (data !== 'sent') return { sent: false, reason: 'not_open' };
	if (emails > 0) kickMailWorker();
	return { sent: true, emails, links };
}
