// The letter's words: the starter letter a campaign begins with, and the numbered asks that
// party answers refer to ("vraag 1: ja"). The starter follows the seeds' method: who we are,
// what we see in our practices, concrete asks per theme, an offer to talk.
import { Marked, type Token, type Tokens } from 'marked';
import { themeLabel, type ThemeKey } from '$lib/themes';

const THEME_TEXT: Record<ThemeKey, { seen: string; ask: string }> = {
	wmo: {
		seen: 'Patiënten wachten weken op een rolstoel, een traplift of hulp in huis. Intussen komen ze bij ons terug, vallen ze of worden ze onnodig opgenomen.',
		ask: 'Beslis binnen vier weken over een Wmo-aanvraag en geef huisartsen één vast aanspreekpunt bij het Wmo-loket.'
	},
	jeugdzorg: {
		seen: 'Kinderen en gezinnen staan maanden op een wachtlijst voor jeugdhulp. Wij verwijzen, maar kunnen niet zien of en wanneer er hulp komt.',
		ask: 'Zorg dat jeugdhulp binnen zes weken start en dat de verwijzende huisarts hoort wat er met de verwijzing gebeurt.'
	},
	ouderenzorg: {
		seen: 'Steeds meer ouderen wonen thuis met complexe zorgvragen. Zonder goede afspraken met wijkteams en thuiszorg komt dat bij de huisarts terecht.',
		ask: 'Investeer in wijkteams voor ouderen en maak met de huisartsen afspraken over wie wat doet.'
	},
	respijtzorg: {
		seen: 'Mantelzorgers raken overbelast en worden zelf patiënt. Respijtzorg is er te weinig en is moeilijk te vinden.',
		ask: 'Zorg voor voldoende en makkelijk vindbare respijtzorg, en een mantelzorgconsulent die huisartsen direct kunnen inschakelen.'
	},
	preventie: {
		seen: 'Veel klachten hebben een oorzaak buiten de spreekkamer: eenzaamheid, schulden, slechte huisvesting. Welzijn op recept helpt, maar is afhankelijk van losse subsidies.',
		ask: 'Financier welzijn op recept en preventie structureel, niet per project.'
	},
	ggz: {
		seen: 'Wie psychische hulp nodig heeft, wacht lang. Tot die tijd vangen wij patiënten op zonder passend aanbod achter ons.',
		ask: 'Zorg voor laagdrempelige steun voor mensen op de wachtlijst en voor één overleg per jaar tussen gemeente, ggz en huisartsen.'
	},
	huisvesting: {
		seen: 'Nieuwe wijken worden gebouwd zonder ruimte voor een huisartsenpraktijk. Betaalbare praktijkruimte is in onze gemeente nauwelijks te vinden.',
		ask: 'Reserveer ruimte voor huisartsenzorg in elk nieuw bouwplan en help praktijken aan betaalbare huisvesting.'
	},
	woonzorg: {
		seen: 'Er komen woonvormen voor mensen met een zorgvraag zonder dat de zorg geregeld is. De huisarts hoort het pas als de bewoners er wonen.',
		ask: 'Geef pas een bouwvergunning voor een woonzorgvoorziening als de medische zorg met de huisartsen is afgesproken.'
	},
	sociaal_domein: {
		seen: 'Wij weten vaak niet wie bij de gemeente over een patiënt kan meedenken. Goede samenwerking hangt nu af van toevallige contacten.',
		ask: 'Geef de huisartsen een vaste contactpersoon in het sociaal domein en overleg minstens twee keer per jaar.'
	},
	vluchtelingen: {
		seen: 'Vluchtelingen en arbeidsmigranten komen bij ons zonder dat hun zorg geregeld is. Dat vraagt extra tijd en tolken die er niet altijd zijn.',
		ask: 'Maak bij elke opvanglocatie en huisvesting voor arbeidsmigranten afspraken over huisartsenzorg, tolken en vergoeding.'
	}
};

export function starterLetter(gemeenteName: string, themes: ThemeKey[]): string {
	const chosen = themes.length > 0 ? themes : (['sociaal_domein'] as ThemeKey[]);
	const seen = chosen.map((key) => `### ${themeLabel(key)}\n\n${THEME_TEXT[key].seen}`).join('\n\n');
	const asks = chosen.map((key, index) => `${index + 1}. ${THEME_TEXT[key].ask}`).join('\n');
	return `Geachte fractie,

Wij schrijven u namens de huisartsen en huisartsenpraktijken in de gemeente ${gemeenteName}. Niet ieder apart, maar samen: wat hieronder staat, zien wij in al onze praktijken.

## Wat wij zien in onze praktijken

De gemeente beslist over veel wat onze patiënten raakt. Besluiten die op papier logisch lijken, pakken in de spreekkamer soms anders uit.

${seen}

## Onze vragen aan u

Wij vragen u om per vraag te laten weten of u zich ervoor wilt inzetten:

${asks}

## Laten we praten

Wij denken graag mee over oplossingen die werken, voor onze patiënten en voor de gemeente. Wij nodigen u uit voor een gesprek, in een van onze praktijken of op het gemeentehuis.

Met vriendelijke groet,

De huisartsen van ${gemeenteName}
`;
}

const lexer = new Marked({ gfm: true });

// A heading that opens the asks: "Onze vragen", "Vragen aan u", "Ons verzoek"…
const ASK_HEADING = /vra(ag|gen)|verzoek/i;

/** The list the asks live in: the first ordered list in a section whose heading names the asks
 * (subheadings inside that section count as part of it), else the first ordered list at all. */
function askList(markdown: string): Tokens.List | null {
	let askDepth: number | null = null;
	let firstList: Tokens.List | null = null;
	for (const token of lexer.lexer(markdown)) {
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			if (ASK_HEADING.test(heading.text)) askDepth = heading.depth;
			else if (askDepth !== null && heading.depth <= askDepth) askDepth = null;
		}
		if (token.type === 'list' && (token as Tokens.List).ordered) {
			const list = token as Tokens.List;
			if (askDepth !== null) return list;
			firstList ??= list;
		}
	}
	return firstList;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** The words of a list item without Markdown marks or raw HTML, on one line. */
function plainText(tokens: Token[]): string {
	const parts: string[] = [];
	for (const token of tokens) {
		if (token.type === 'html' || token.type === 'image') continue;
		if ('tokens' in token && Array.isArray(token.tokens)) parts.push(plainText(token.tokens));
		else if (token.type === 'list') parts.push(plainText((token as Tokens.List).items.flatMap((item) => item.tokens)));
		else if ('text' in token && typeof token.text === 'string') parts.push(token.text);
		// Block tokens (a tight item's text has nested tokens too; inline text does not) end a line.
		const block =
			['paragraph', 'heading', 'blockquote', 'list', 'space', 'br'].includes(token.type) ||
			(token.type === 'text' && 'tokens' in token);
		if (block) parts.push(' ');
	}
	return parts.join('');
}

/** The numbered asks, in order, as plain text: what party answers refer to ("vraag 2: ja"). */
export function extractAsks(markdown: string): string[] {
	const list = askList(markdown);
	if (!list) return [];
	// Empty items stay: answers refer to positions, which must match the numbers readers see.
	return list.items.map((item) => decodeEntities(plainText(item.tokens)).replace(/\s+/g, ' ').trim());
}

/** The number the asks list starts at (1 normally), or null without asks. Answers are given per
 * position (1, 2, …), so a list that starts elsewhere would confuse readers. */
export function askListStart(markdown: string): number | null {
	const list = askList(markdown);
	if (!list) return null;
	return typeof list.start === 'number' ? list.start : 1;
}
