// The mail around a party's answer, so that an answer really is the party's: after an answer
// through a link, a copy to the party's own addresses (those the letter was sent to) with a link
// to say "dit antwoord komt niet van ons", and a note to the coordinators; after such a disowning,
// a new answer link to those same addresses and a note to the coordinators.
import { publicOrigin } from '../platform/env';
import { mailName } from '../platform/names';
import { ASK_ANSWER_LABELS, type AskAnswer } from '$lib/ask-answers';
import { formatDate, formatDateTime } from '$lib/format';
import type { Campaign } from './campaigns';
import type { LetterAsk } from './asks';
import { letterSubject, publicPageUrl } from './letter-mail';

// A type, not an interface: it goes into a jsonb argument, and only types fit the Json shape.
export type PlainMail = {
	to: string;
	subject: string;
	text: string;
	reply_to: string | null;
};

type CampaignRef = Pick<Campaign, 'id' | 'title' | 'gemeenteName' | 'gemeenteSlug'>;

export interface PostedAnswer {
	responderName: string;
	responderRole: string;
	body: string;
	answers: Record<string, AskAnswer>;
}

function stanceLines(asks: LetterAsk[], answers: Record<string, AskAnswer>): string[] {
	return asks
		.filter((ask) => answers[String(ask.number)])
		.map((ask) => `- Vraag ${ask.number}: ${ASK_ANSWER_LABELS[answers[String(ask.number)]]}`);
}

/** The copy the party's own addresses get, with the link to disown it. */
export function answerCopyMail(input: {
	campaign: CampaignRef;
	partyName: string;
	addresses: string[];
	asks: LetterAsk[];
	answer: PostedAnswer;
	disownUrl: string;
	replyTo: string[];
	at: Date;
}): PlainMail | null {
	if (input.addresses.length === 0) return null;
	const who = `${mailName(input.answer.responderName, 'Iemand')}${input.answer.responderRole ? ` (${mailName(input.answer.responderRole, '')})` : ''}`;
	return {
		to: input.addresses.join(', '),
		subject: `Kopie van uw antwoord: ${letterSubject(input.campaign)}`,
		text: [
			`Aan: ${input.partyName}`,
			'',
			`Op ${formatDateTime(input.at)} is via de persoonlijke antwoordlink van ${input.partyName} geantwoord op de brief "${input.campaign.title}" van de huisartsen in ${input.campaign.gemeenteName}, door ${who}.`,
			'',
			...stanceLines(input.asks, input.answer.answers),
			...(input.answer.body.trim() ? ['', 'Toelichting:', input.answer.body.trim()] : []),
			'',
			`Dit antwoord staat openbaar op ${publicPageUrl(input.campaign)}`,
			'',
			'Komt dit antwoord niet van uw partij? Laat het ons weten via deze link. Het antwoord gaat dan offline en uw partij krijgt op dit adres een nieuwe antwoordlink:',
			input.disownUrl,
			'',
			'Laat je horen, namens de huisartsen'
		].join('\n'),
		reply_to: input.replyTo.join(', ') || null
	};
}

/** The note to the coordinators that a party answered. */
export function answerNoticeMails(input: {
	campaign: CampaignRef;
	partyName: string;
	coordinators: Array<{ email: string; name: string | null }>;
	asks: LetterAsk[];
	answer: PostedAnswer;
}): PlainMail[] {
	const who = mailName(input.answer.responderName, 'iemand');
	return input.coordinators
		.filter((c) => c.email)
		.map((c) => ({
			to: c.email,
			subject: `${input.partyName} heeft geantwoord op jullie brief in ${input.campaign.gemeenteName}`,
			text: [
				`Beste ${mailName(c.name, 'coördinator')},`,
				'',
				`${input.partyName} heeft via de antwoordlink geantwoord op "${input.campaign.title}" (door ${who}).`,
				...stanceLines(input.asks, input.answer.answers),
				'',
				`Bekijk het antwoord: ${publicOrigin()}/campagnes/${input.campaign.id}/reacties`,
				'',
				'De partij kreeg een kopie op haar eigen adres en kan laten weten als het antwoord niet van haar komt.',
				'',
				'— Laat je horen'
			].join('\n'),
			reply_to: null
		}));
}

/** After a disowning: the new answer link to the party, and a note to the coordinators. */
export function disownedMails(input: {
	campaign: CampaignRef;
	partyName: string;
	addresses: string[];
	coordinators: Array<{ email: string; name: string | null }>;
	answerUrl: string;
	expiresAt: Date;
	postedAt: string;
	replyTo: string[];
}): PlainMail[] {
	const party: PlainMail[] =
		input.addresses.length === 0
			? []
			: [
					{
						to: input.addresses.join(', '),
						subject: `Nieuwe antwoordlink: ${letterSubject(input.campaign)}`,
						text: [
							`Aan: ${input.partyName}`,
							'',
							`U liet ons weten dat het antwoord van ${formatDateTime(input.postedAt)} niet van uw partij kwam. Het staat niet meer op de openbare pagina, en de oude antwoordlink werkt niet meer.`,
							'',
							`U kunt zelf antwoorden via deze nieuwe, persoonlijke link (geldig tot ${formatDate(input.expiresAt)}; alleen voor ${input.partyName}):`,
							input.answerUrl,
							'',
							'Laat je horen, namens de huisartsen'
						].join('\n'),
						reply_to: input.replyTo.join(', ') || null
					}
				];
	const coordinators = input.coordinators
		.filter((c) => c.email)
		.map((c) => ({
			to: c.email,
			subject: `${input.partyName}: een antwoord kwam niet van de partij`,
			text: [
				`Beste ${mailName(c.name, 'coördinator')},`,
				'',
				`${input.partyName} liet weten dat het antwoord van ${formatDateTime(input.postedAt)} op "${input.campaign.title}" niet van de partij kwam. Het is van de openbare pagina gehaald; de partij kreeg een nieuwe antwoordlink op de adressen waar de brief naartoe ging.`,
				'',
				`Bekijk de reacties: ${publicOrigin()}/campagnes/${input.campaign.id}/reacties`,
				'',
				'— Laat je horen'
			].join('\n'),
			reply_to: null
		}));
	return [...party, ...coordinators];
}
