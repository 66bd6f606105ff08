// Names of gemeenten as people type them: accents, CBS spellings ("'s-Gravenhage",
// "Bergen (NH.)") and everyday names ("Den Haag") must not get in the way of finding one.

/** Lower case, accents off, punctuation to single spaces: "Súdwest-Fryslân" → "sudwest fryslan". */
export function normalizeName(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** URL slug: "'s-Gravenhage" → "s-gravenhage", "Bergen (NH.)" → "bergen-nh". */
export function slugifyName(value: string): string {
	return normalizeName(value).replace(/ /g, '-');
}

/** Everyday names for gemeenten whose CBS name differs (keyed by CBS code). */
export const EVERYDAY_NAMES: Record<string, string[]> = {
	GM0518: ['Den Haag'],
	GM0796: ['Den Bosch']
};

/**
 * Names people also search by, but that we do not show next to the CBS name: the Dutch names of
 * Frisian gemeenten (keyed by CBS code).
 */
export const SEARCH_ALIASES: Record<string, string[]> = {
	GM0737: ['Tietjerksteradeel'],
	GM1891: ['Dantumadeel'],
	GM1900: ['Zuidwest-Friesland'],
	GM1940: ['De Friese Meren'],
	GM1970: ['Noordoost-Friesland']
};

/** Other names of provinces, as CBS writes them: someone looking for Fryslân may type Friesland. */
export const PROVINCE_ALIASES: Record<string, string[]> = {
	Fryslân: ['Friesland']
};

/** The CBS name, with the everyday name added where one exists: "'s-Gravenhage (Den Haag)". */
export function displayGemeenteName(code: string, name: string): string {
	const everyday = EVERYDAY_NAMES[code]?.[0];
	return everyday ? `${name} (${everyday})` : name;
}
