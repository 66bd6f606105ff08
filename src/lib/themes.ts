// The care themes of DOMAIN.md: each one a paragraph in the starter letter and, later, a column
// in the positions matrix. Keys are stable identifiers; labels are what users read.
export const THEMES = [
	{ key: 'wmo', label: 'Wmo-voorzieningen en hulpmiddelen' },
	{ key: 'jeugdzorg', label: 'Jeugdzorg' },
	{ key: 'ouderenzorg', label: 'Ouderenzorg' },
	{ key: 'respijtzorg', label: 'Respijtzorg en mantelzorg' },
	{ key: 'preventie', label: 'GGD, preventie en welzijn op recept' },
	{ key: 'ggz', label: 'Ggz en wachtlijsten' },
	{ key: 'huisvesting', label: 'Huisvesting van huisartsenpraktijken' },
	{ key: 'woonzorg', label: 'Woonzorgvoorzieningen' },
	{ key: 'sociaal_domein', label: 'Samenwerking in het sociaal domein' },
	{ key: 'vluchtelingen', label: 'Zorg voor vluchtelingen en arbeidsmigranten' }
] as const;

export type ThemeKey = (typeof THEMES)[number]['key'];

export const THEME_KEYS = THEMES.map((theme) => theme.key) as [ThemeKey, ...ThemeKey[]];

export function themeLabel(key: string): string {
	return THEMES.find((theme) => theme.key === key)?.label ?? key;
}
