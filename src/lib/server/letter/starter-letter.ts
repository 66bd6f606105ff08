// The starter letter a campaign begins with, built from the chosen themes' rows (each theme holds
// its paragraph and numbered ask). It follows the seeds' method: who we are, what we see in our
// practices, concrete asks per theme, an offer to talk.
import type { Theme } from '../gemeenten/themes';

type StarterTheme = Pick<Theme, 'key' | 'label' | 'letterParagraph' | 'letterAsk'>;

// For a theme an admin added without letter text: a paragraph and ask the coordinators fill in.
const GENERIC = {
	paragraph: 'Beschrijf hier in een paar zinnen wat u in de praktijk ziet.',
	ask: 'Schrijf hier wat u van de gemeente vraagt.'
};

// Without any chosen theme the letter still needs one ask to answer.
const FALLBACK: StarterTheme = {
	key: 'sociaal_domein',
	label: 'Samenwerking in het sociaal domein',
	letterParagraph:
		'Wij weten vaak niet wie bij de gemeente over een patiënt kan meedenken. Goede samenwerking hangt nu af van toevallige contacten.',
	letterAsk: 'Geef de huisartsen een vaste contactpersoon in het sociaal domein en overleg minstens twee keer per jaar.'
};

export function starterLetter(gemeenteName: string, themes: StarterTheme[]): string {
	const chosen = themes.length > 0 ? themes : [FALLBACK];
	const seen = chosen.map((t) => `### ${t.label}\n\n${t.letterParagraph ?? GENERIC.paragraph}`).join('\n\n');
	const asks = chosen.map((t, index) => `${index + 1}. ${t.letterAsk ?? GENERIC.ask}`).join('\n');
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
