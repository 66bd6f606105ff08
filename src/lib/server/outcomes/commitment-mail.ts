// The e-mails around a commitment, as plain text: to the promiser (a party's addresses, or the
// college's) when a promise is recorded or its status changes, each with the private link to react
// once to that step; the copy of a reaction with the link to say "dit komt niet van ons"; and the
// new link after such a disowning. Pure: the callers queue them in the same database call.
import { formatDate } from '$lib/format';
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus, type Promiser } from '$lib/commitments';

// A type, not an interface: it goes into a jsonb argument as it is.
export type PromiserMail = {
	to: string;
	subject: string;
	text: string;
};

export interface MailCommitment {
	body: string;
	promiser: Promiser;
	partyName: string | null;
	gemeenteName: string;
	sourceTitle: string;
	sourcePage: number | null;
}

function addressee(c: MailCommitment): string {
	return c.promiser === 'college' ? 'Geacht college' : `Geachte ${c.partyName ?? 'fractie'}`;
}

function whose(c: MailCommitment): string {
	return c.promiser === 'college' ? 'het college' : `uw partij (${c.partyName ?? 'onbekend'})`;
}

function source(c: MailCommitment): string {
	return c.sourcePage ? `${c.sourceTitle}, pagina ${c.sourcePage}` : c.sourceTitle;
}

const SIGN_OFF = 'Met vriendelijke groet,\nLaat je horen, namens de huisartsen';

/** A promise was recorded (status: toegezegd). */
export function recordedMail(to: string, c: MailCommitment, link: { url: string; expiresAt: Date }, publicUrl: string): PromiserMail {
	return {
		to,
		subject: `Toezegging vastgelegd: wat huisartsen in ${c.gemeenteName} van ${c.promiser === 'college' ? 'het college' : c.partyName} noteren`,
		text: `${addressee(c)},

Huisartsen in ${c.gemeenteName} houden bij wat partijen en het college beloven over zorg, en of dat
gebeurt. Wij hebben deze toezegging van ${whose(c)} vastgelegd:

"${c.body}"

Bron: ${source(c)}
Stand nu: ${COMMITMENT_STATUS_LABELS.toegezegd}

Klopt dit niet, of wilt u iets toevoegen? U mag hierop één keer reageren via deze persoonlijke link
(geldig tot en met ${formatDate(link.expiresAt)}); uw reactie komt openbaar naast onze vastlegging:
${link.url}

De toezegging en haar geschiedenis staan op ${publicUrl}

${SIGN_OFF}
`
	};
}

/** A new status was recorded (forward or back). */
export function statusMail(
	to: string,
	c: MailCommitment,
	update: { status: CommitmentStatus; previous: CommitmentStatus; note: string; evidence: string; on: string },
	link: { url: string; expiresAt: Date },
	publicUrl: string
): PromiserMail {
	const label = COMMITMENT_STATUS_LABELS[update.status];
	return {
		to,
		subject: `Nieuwe stand van een toezegging in ${c.gemeenteName}: ${label.toLowerCase()}`,
		text: `${addressee(c)},

De huisartsen in ${c.gemeenteName} hebben een nieuwe stand vastgelegd van deze toezegging van ${whose(c)}:

"${c.body}"

Was: ${COMMITMENT_STATUS_LABELS[update.previous]}
Nu: ${label} (per ${formatDate(update.on)})
Toelichting: ${update.note}
Bewijs: ${update.evidence}

U mag op deze stand één keer reageren via deze persoonlijke link (geldig tot en met
${formatDate(link.expiresAt)}); uw reactie komt openbaar naast onze vastlegging:
${link.url}

De hele geschiedenis staat op ${publicUrl}

${SIGN_OFF}
`
	};
}

/** The copy of a reaction posted through the link, with the way to disown it. */
export function reactionCopyMail(to: string, c: MailCommitment, reaction: { name: string; body: string }, disownUrl: string): PromiserMail {
	return {
		to,
		subject: `Kopie: reactie namens ${c.promiser === 'college' ? 'het college' : c.partyName} op een toezegging in ${c.gemeenteName}`,
		text: `${addressee(c)},

Via uw persoonlijke link is deze reactie geplaatst, namens ${whose(c)}, door ${reaction.name}:

"${reaction.body}"

Bij de toezegging: "${c.body}"

Komt deze reactie niet van u? Meld het hier; dan halen wij hem offline en krijgt u een nieuwe link:
${disownUrl}

${SIGN_OFF}
`
	};
}

/** After a disowned reaction: a fresh link for the same step. */
export function newLinkMail(to: string, c: MailCommitment, link: { url: string; expiresAt: Date }): PromiserMail {
	return {
		to,
		subject: `Nieuwe link om te reageren op een toezegging in ${c.gemeenteName}`,
		text: `${addressee(c)},

U liet weten dat een reactie op deze toezegging niet van u kwam. Wij hebben hem offline gehaald en
de oude link ingetrokken:

"${c.body}"

Reageren kan via deze nieuwe persoonlijke link (geldig tot en met ${formatDate(link.expiresAt)}):
${link.url}

${SIGN_OFF}
`
	};
}
