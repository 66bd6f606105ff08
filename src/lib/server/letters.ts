// The letter's words: the starter letter a campaign begins with, and the numbered asks that
// party answers refer to ("vraag 1: ja"). The starter follows the seeds' method: who we are,
// what we see in our practices, concrete asks per theme, an offer to talk.
import { Marked, type Tokens } from 'marked';
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

const lexer = new Marked();

/** The numbered asks: the first ordered list under a heading with "vraag"/"vragen", else the first ordered list. */
export function extractAsks(markdown: string): string[] {
	const tokens = lexer.lexer(markdown);
	let underAskHeading = false;
	let firstList: Tokens.List | null = null;
	for (const token of tokens) {
		if (token.type === 'heading') underAskHeading = /vra(ag|gen)|verzoek/i.test(token.text);
		if (token.type === 'list' && (token as Tokens.List).ordered) {
			const list = token as Tokens.List;
			if (underAskHeading) return list.items.map((item) => item.text.trim());
			firstList ??= list;
		}
	}
	return firstList ? firstList.items.map((item) => item.text.trim()) : [];
}
