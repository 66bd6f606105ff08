// Sending the letter: what the coordinators review (the text people signed, the signatories,
// the recipients), the e-mail per party (HTML and plain text, Reply-To the coordinators, with the
// party's private answer link), and the delivery status per party with a retry for failures.
// Sending is one database call (send_letter): status, deliveries, outbox rows and answer links
// land together or not at all. Coordinators who use their own mailbox mark it sent by hand;
// answer links are then shown to them once (only hashes are stored).
import { z } from 'zod';
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { kickMailWorker } from '../platform/mail';
import { coordinatorsOf, type Campaign } from './campaigns';
import { coverage } from './coverage';
import { publicSignatories } from './signatures';
import { partiesInGemeente, type Party } from '../gemeenten/parties';
import { newAnswerLink, type AnswerLink } from './answers';

export interface SendingRevision {
	id: string;
	number: number;
	bodyMd: string;
	/** Sanitised on save (renderMarkdown). */
	bodyHtml: string;
}

export interface Signatory {
	name: string;
	practiceName: string | null;
	verified: boolean;
	/** False when this person signed an earlier version and has not confirmed the final text. */
	current: boolean;
	revisionNumber: number;
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
		signatories: signed.shown
	};
}

export function letterSubject(campaign: Pick<Campaign, 'gemeenteName' | 'title'>): string {
	return `Brief van de huisartsen in ${campaign.gemeenteName}: ${campaign.title}`;
}

export function publicPageUrl(campaign: Pick<Campaign, 'gemeenteSlug'>): string {
	return `${publicOrigin()}/g/${campaign.gemeenteSlug}`;
}

export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

export function formatDate(value: Date | string): string {
	return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
	return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(
		new Date(value)
	);
}

/** "12 huisartsen uit 4 praktijken" */
export function signedBySummary(letter: Pick<LetterToSend, 'total' | 'practices'>): string {
	const doctors = letter.total === 1 ? '1 huisarts' : `${letter.total} huisartsen`;
	const practices = letter.practices === 1 ? '1 praktijk' : `${letter.practices} praktijken`;
	return `${doctors} uit ${practices}`;
}

/** "en 3 andere huisartsen" for the signatures without a public name. */
export function othersLine(hidden: number, anyNamed: boolean): string {
	if (hidden === 0) return '';
	if (!anyNamed) return hidden === 1 ? '1 huisarts die niet met naam genoemd wil worden' : `${hidden} huisartsen die niet met naam genoemd willen worden`;
	return hidden === 1 ? 'en 1 andere huisarts' : `en ${hidden} andere huisartsen`;
}

function signatoryText(s: Signatory): string {
	return [
		s.name,
		s.practiceName ? `, ${s.practiceName}` : '',
		s.verified ? ' (geverifieerd)' : '',
		s.current ? '' : ` (tekende versie ${s.revisionNumber})`
	].join('');
}

// Inline styles: mail clients ignore style sheets. Keep in step with LetterView.svelte.
const STYLE = {
	body: 'margin:0;padding:24px;background:#f6f5f1;color:#1b2430;',
	sheet:
		'max-width:42rem;margin:0 auto;background:#ffffff;border:1px solid #d5d9de;border-radius:4px;padding:32px;font-family:Georgia,\'Times New Roman\',Times,serif;font-size:17px;line-height:1.6;',
	small: 'font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,Arial,sans-serif;font-size:15px;color:#4f5b69;',
	rule: 'border:0;border-top:1px solid #d5d9de;margin:24px 0;',
	link: 'color:#0d5c63;'
};

export interface ComposedMail {
	to: string;
	subject: string;
	text: string;
	html: string;
	replyTo: string;
}

/** The e-mail one party gets: the letter, who signed it, and the party's private answer link. */
export function composeLetterMail(input: {
	campaign: Pick<Campaign, 'gemeenteName' | 'title' | 'gemeenteSlug'>;
	letter: LetterToSend;
	party: Pick<Party, 'name' | 'contacts'>;
	replyTo: string[];
	answerLink: Pick<AnswerLink, 'url' | 'expiresAt'>;
}): ComposedMail {
	const { campaign, letter, party, replyTo, answerLink } = input;
	const subject = letterSubject(campaign);
	const others = othersLine(letter.hidden, letter.signatories.length > 0);
	const until = formatDate(answerLink.expiresAt);

	const text = [
		`Aan: ${party.name}`,
		'',
		letter.revision.bodyMd.trim(),
		'',
		'---',
		`Ondertekend door ${signedBySummary(letter)} in ${campaign.gemeenteName}:`,
		...letter.signatories.map((s) => `- ${signatoryText(s)}`),
		...(others ? [others] : []),
		'',
		'---',
		'Uw antwoord',
		`Wij horen graag hoe uw partij over onze vragen denkt. Antwoord via deze persoonlijke link (geldig tot ${until}; alleen voor ${party.name}):`,
		answerLink.url,
		'',
		'U kunt ook op deze e-mail antwoorden; dan komt uw reactie bij de coördinatoren van de brief.',
		`De brief en de antwoorden van alle partijen staan op ${publicPageUrl(campaign)}`,
		'',
		'Verstuurd met Laat je horen namens de huisartsen.'
	].join('\n');

	const names = letter.signatories
		.map((s) => `<li>${escapeHtml(signatoryText(s))}</li>`)
		.join('');
	const html = `<!doctype html>
<html lang="nl">
<head><title>${escapeHtml(subject)}</title></head>
<body style="${STYLE.body}">
<div style="${STYLE.sheet}">
<p style="${STYLE.small}">Aan: ${escapeHtml(party.name)}</p>
${letter.revision.bodyHtml}
<hr style="${STYLE.rule}">
<h2 style="font-size:18px;">Ondertekend door ${escapeHtml(signedBySummary(letter))} in ${escapeHtml(campaign.gemeenteName)}</h2>
${names ? `<ul>${names}</ul>` : ''}
${others ? `<p>${escapeHtml(others)}</p>` : ''}
<hr style="${STYLE.rule}">
<h2 style="font-size:18px;">Uw antwoord</h2>
<p>Wij horen graag hoe uw partij over onze vragen denkt. Antwoord via uw persoonlijke link (geldig tot ${escapeHtml(until)}; alleen voor ${escapeHtml(party.name)}):</p>
<p><a style="${STYLE.link}" href="${escapeHtml(answerLink.url)}">${escapeHtml(answerLink.url)}</a></p>
<p style="${STYLE.small}">U kunt ook op deze e-mail antwoorden; dan komt uw reactie bij de coördinatoren van de brief. De brief en de antwoorden van alle partijen staan op <a style="${STYLE.link}" href="${escapeHtml(publicPageUrl(campaign))}">${escapeHtml(publicPageUrl(campaign))}</a>.</p>
<p style="${STYLE.small}">Verstuurd met Laat je horen namens de huisartsen.</p>
</div>
</body>
</html>`;

	return {
		to: party.contacts.map((c) => c.email).join(', '),
		subject,
		text,
		html,
		replyTo: replyTo.join(', ')
	};
}

/** A mailto: link for coordinators who send from their own mailbox (the PDF goes as attachment). */
export function mailtoLink(
	campaign: Pick<Campaign, 'gemeenteName' | 'title' | 'gemeenteSlug'>,
	party: Pick<Party, 'contacts'>,
	letter: Pick<LetterToSend, 'total' | 'practices'>,
	answerUrl?: string
): string {
	const body = [
		'Geachte fractie,',
		'',
		`Namens ${signedBySummary(letter)} in ${campaign.gemeenteName} sturen wij u onze brief "${campaign.title}" (in de bijlage).`,
		`U kunt hem ook lezen op ${publicPageUrl(campaign)}`,
		...(answerUrl ? ['', `Uw antwoord kunt u geven via deze persoonlijke link: ${answerUrl}`] : []),
		'',
		'Met vriendelijke groet,',
		'',
		`De huisartsen van ${campaign.gemeenteName}`
	].join('\n');
	const to = party.contacts.map((c) => encodeURIComponent(c.email).replace(/%40/g, '@')).join(',');
	return `mailto:${to}?subject=${encodeURIComponent(letterSubject(campaign))}&body=${encodeURIComponent(body)}`;
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
}

/** The fingerprint of what a coordinator reviews before sending (see sending_fingerprint). */
export async function sendingFingerprint(campaignId: string): Promise<string> {
	const { data, error } = await db().rpc('sending_fingerprint', { p_campaign_id: campaignId });
	if (error) throw new Error(`sendingFingerprint: ${error.message}`);
	return data as string;
}

export async function reviewFor(campaign: Campaign): Promise<Review | null> {
	// The fingerprint is read first: a change during the other reads makes the send refuse, never
	// slip through unreviewed.
	const fingerprint = await sendingFingerprint(campaign.id);
	const [letter, parties, coordinators] = await Promise.all([
		letterToSend(campaign),
		partiesInGemeente(campaign.gemeenteCode),
		coordinatorsOf(campaign.id)
	]);
	if (!letter) return null;
	return {
		letter,
		fingerprint,
		parties,
		byEmail: parties.filter((p) => p.contacts.length > 0),
		withoutAddress: parties.filter((p) => p.contacts.length === 0),
		replyTo: coordinators.map((c) => c.email).filter((email) => email !== '')
	};
}

export interface IssuedLink {
	partyId: string;
	partyName: string;
	url: string;
	mailto: string | null;
}

export type SendResult =
	| { sent: true; emails: number; links: IssuedLink[] }
	| { sent: false; reason: 'not_open' | 'no_signatures' | 'no_parties' | 'changed' };

/** Sends the letter to every party of the gemeente: by e-mail to the parties with an address
 * (unless manual), and records the others as reached by hand. `reviewedFingerprint` is the
 * review's fingerprint as the coordinator saw it: when the text, a signature or a recipient
 * changed since, nothing is sent. Returns the answer links of the parties reached by hand, to
 * show once. */
export async function sendLetter(
	campaign: Campaign,
	actorId: string,
	reviewedFingerprint: string,
	options: { manual: boolean }
): Promise<SendResult> {
	if (campaign.status !== 'ter_ondertekening') return { sent: false, reason: 'not_open' };
	const review = await reviewFor(campaign);
	if (!review) return { sent: false, reason: 'not_open' };
	if (review.fingerprint !== reviewedFingerprint) return { sent: false, reason: 'changed' };
	if (review.letter.total === 0) return { sent: false, reason: 'no_signatures' };
	if (review.parties.length === 0) return { sent: false, reason: 'no_parties' };

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
		p_deliveries: deliveries
	});
	if (error) throw new Error(`sendLetter: ${error.message}`);
	if (data === 'changed') return { sent: false, reason: 'changed' };
	if (data !== 'sent') return { sent: false, reason: 'not_open' };
	if (emails > 0) kickMailWorker();
	return { sent: true, emails, links };
}

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'handmatig';

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
	queued: 'In de wachtrij',
	sending: 'Wordt verstuurd',
	sent: 'Verstuurd',
	failed: 'Mislukt',
	handmatig: 'Zelf verstuurd'
};

export interface Delivery {
	id: string;
	partyId: string;
	partyName: string;
	channel: 'email' | 'handmatig';
	addresses: string[];
	state: DeliveryState;
	attempts: number;
	lastError: string | null;
	sentAt: string | null;
	createdAt: string;
}

interface DeliveryRow {
	id: string;
	party_id: string;
	channel: 'email' | 'handmatig';
	addresses: string[];
	created_at: string;
	parties: { name: string } | null;
	outbox: { status: Exclude<DeliveryState, 'handmatig'>; attempts: number; last_error: string | null; sent_at: string | null } | null;
}

/** Every delivery of the campaign with the state of its e-mail (one query). */
export async function deliveriesOf(campaignId: string): Promise<Delivery[]> {
	const { data, error } = await db()
		.from('deliveries')
		.select('id, party_id, channel, addresses, created_at, parties(name), outbox(status, attempts, last_error, sent_at)')
		.eq('campaign_id', campaignId);
	if (error) throw new Error(`deliveriesOf: ${error.message}`);
	return (data as unknown as DeliveryRow[])
		.map((row) => ({
			id: row.id,
			partyId: row.party_id,
			partyName: row.parties?.name ?? '(verwijderde partij)',
			channel: row.channel,
			addresses: row.addresses,
			state: row.channel === 'handmatig' || !row.outbox ? ('handmatig' as const) : row.outbox.status,
			attempts: row.outbox?.attempts ?? 0,
			lastError: row.outbox?.last_error ?? null,
			sentAt: row.outbox?.sent_at ?? null,
			createdAt: row.created_at
		}))
		.sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl'));
}

/** Puts a failed e-mail back in the queue; false when it is not this campaign's or not failed. */
export async function retryDelivery(campaignId: string, deliveryId: string, actorId: string): Promise<boolean> {
	if (!z.uuid().safeParse(deliveryId).success) return false;
	const { data, error } = await db().rpc('retry_delivery', {
		p_campaign_id: campaignId,
		p_delivery_id: deliveryId,
		p_actor_id: actorId
	});
	if (error) throw new Error(`retryDelivery: ${error.message}`);
	if (data === true) kickMailWorker();
	return data === true;
}
