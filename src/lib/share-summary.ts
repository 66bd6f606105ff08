// The one-line summaries a shared link shows (OpenGraph and Twitter cards, the meta description)
// and the public pages repeat: "23 huisartsen uit 9 van de 12 praktijken · 4 van 9 partijen
// antwoordden". Pure functions of counts, so every page and the letter lists say it alike.
import { count, formatNumber } from './format';

export interface LetterCounts {
	/** Sent (verstuurd or afgerond) or still being signed. */
	sent: boolean;
	signers: number;
	practicesSigned: number;
	/** Practices of the gemeente known to Laat je horen; 0 when none are. */
	practicesTotal: number;
	/** Parties the letter went to (0 before sending, or when recipients were not recorded). */
	parties: number;
	/** Of those, how many answered (an answer they did not disown). */
	answered: number;
}

/** The counts of a letter as the public page has it (public-letter.ts's PublicCampaign). */
export function campaignCounts(c: {
	signerCount: number;
	practiceCount: number;
	practicesTotal: number;
	sent: { parties: Array<{ response: unknown }> } | null;
}): LetterCounts {
	return {
		sent: c.sent !== null,
		signers: c.signerCount,
		practicesSigned: c.practiceCount,
		practicesTotal: c.practicesTotal,
		parties: c.sent?.parties.length ?? 0,
		answered: c.sent?.parties.filter((party) => party.response !== null).length ?? 0
	};
}

/** "uit 9 van de 12 praktijken", "uit alle 12 praktijken", "uit 1 praktijk". */
export function practicesPhrase(signed: number, total: number): string {
	if (total <= 1 || signed === 0 || signed > total) return `uit ${count(signed, 'praktijk', 'praktijken')}`;
	if (signed === total) return `uit alle ${count(total, 'praktijk', 'praktijken')}`;
	return `uit ${formatNumber(signed)} van de ${count(total, 'praktijk', 'praktijken')}`;
}

/** "4 van 9 partijen antwoordden", "alle 9 partijen antwoordden", "nog geen van de 9 partijen
 * antwoordde"; null when the letter reached no recorded party. */
export function answersPhrase(answered: number, parties: number): string | null {
	if (parties <= 0) return null;
	if (parties === 1) return answered > 0 ? 'de partij antwoordde' : 'de partij antwoordde nog niet';
	if (answered <= 0) return `nog geen van de ${formatNumber(parties)} partijen antwoordde`;
	if (answered >= parties) return `alle ${formatNumber(parties)} partijen antwoordden`;
	return `${formatNumber(answered)} van ${formatNumber(parties)} partijen ${answered === 1 ? 'antwoordde' : 'antwoordden'}`;
}

/** "23 huisartsen uit 9 van de 12 praktijken". */
export function signersPhrase(c: Pick<LetterCounts, 'signers' | 'practicesSigned' | 'practicesTotal'>): string {
	return `${count(c.signers, 'huisarts', 'huisartsen')} ${practicesPhrase(c.practicesSigned, c.practicesTotal)}`;
}

/** "23 huisartsen uit 9 van de 12 praktijken · 4 van 9 partijen antwoordden" once sent;
 * "Wordt ondertekend: 23 huisartsen uit 9 van de 12 praktijken" before. */
export function letterSummary(c: LetterCounts): string {
	const signers = signersPhrase(c);
	if (!c.sent) return c.signers > 0 ? `Wordt ondertekend: ${signers}` : 'Staat open voor ondertekening';
	const answers = answersPhrase(c.answered, c.parties);
	return answers ? `${signers} · ${answers}` : signers;
}

export interface ShareText {
	title: string;
	description: string;
}

/** The gemeente page: its newest public letter when there is one, else what the page is for. */
export function gemeenteShare(
	gemeenteName: string,
	letter: (LetterCounts & { title: string }) | null,
	positionsPublished = 0
): ShareText {
	if (letter) {
		return { title: `${gemeenteName}: ${letter.title}`, description: letterSummary(letter) };
	}
	const positions =
		positionsPublished > 0 ? ` ${count(positionsPublished, 'standpunt', 'standpunten')} van partijen over zorg, met bewijs.` : '';
	return {
		title: `${gemeenteName}: huisartsen en de gemeentepolitiek`,
		description: `Nog geen brief van de huisartsen in ${gemeenteName}.${positions || ' Wat de partijen over zorg schrijven en wat de gemeente besluit.'}`
	};
}

/** The home page and the list of letters: how many letters, in how many gemeenten. */
export function lettersShare(letters: number, gemeenten: number): string {
	if (letters === 0) return 'De huisartsen van een gemeente schrijven samen één brief aan alle politieke partijen, en volgen wat die partijen beloven en besluiten.';
	return `${count(letters, 'brief', 'brieven')} van huisartsen aan de gemeentepolitiek, in ${count(gemeenten, 'gemeente', 'gemeenten')}: wie tekende en wat de partijen antwoordden.`;
}

const QUOTE_LENGTH = 140;

/** Shortens text at a word boundary to at most `max` characters, with "…" when cut. */
export function shorten(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** One published position: "Concreet: “Wij bouwen …” (Verkiezingsprogramma 2026, pagina 12)". */
export function positionShare(p: {
	partyName: string;
	themeLabel: string;
	gemeenteName: string;
	stanceLabel: string;
	quote: string | null;
	documentTitle: string;
	page: number | null;
}): ShareText {
	const where = p.page ? `${p.documentTitle}, pagina ${formatNumber(p.page)}` : p.documentTitle;
	return {
		title: `${p.partyName} over ${p.themeLabel.toLowerCase()} in ${p.gemeenteName}`,
		description: p.quote
			? `${p.stanceLabel}: “${shorten(p.quote, QUOTE_LENGTH)}” (${where})`
			: `${p.stanceLabel}: ${where} zegt hier niets over.`
	};
}
