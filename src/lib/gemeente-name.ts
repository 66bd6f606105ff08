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
