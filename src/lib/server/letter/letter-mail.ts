// The e-mail one party gets with the letter (HTML and plain text, Reply-To the coordinators, with
// the party's private answer link), and the mailto: link for coordinators who send it themselves.
import { publicOrigin } from '../platform/env';
import { escapeHtml } from '../platform/html';
import { formatDate } from '$lib/format';
import type { Campaign } from './campaigns';
import type { Party } from '../gemeenten/parties';
import type { AnswerLink } from './answer-links';
import type { LetterToSend } from './review';
import { othersLine, signatoryText, signedBySummary } from './signers-summary';
import { verifiedLine } from '$lib/verified-line';

export function letterSubject(campaign: Pick<Campaign, 'gemeenteName' | 'title'>): string {
	return `Brief van de huisartsen in ${campaign.gemeenteName}: ${campaign.title}`;
}

export function publicPageUrl(campaign: Pick<Campaign, 'gemeenteSlug'>): string {
	return `${publicOrigin()}/g/${campaign.gemeenteSlug}`;
}
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
		verifiedLine(letter.verification),
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
<p style="${STYLE.small}">${escapeHtml(verifiedLine(letter.verification))}</p>
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
