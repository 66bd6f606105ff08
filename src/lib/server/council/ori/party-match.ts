// Matches party names as sources write them ("Fractie CDA", "groenlinks", "Partij van de
// Arbeid") to the parties of a gemeente: case, accents, punctuation, "fractie"/"raadsleden"
// around the name, and the full names of national parties against their abbreviations. A name
// that fits no party, or more than one, is not guessed: it goes to an editor for review.
import { normalizeName } from '$lib/gemeente-name';

export interface MatchableParty {
	id: string;
	name: string;
	abbreviation: string | null;
}

/** Full names of national parties and the short names councils use for them. */
const NATIONAL_NAMES: Record<string, string> = {
	'christen democratisch appel': 'cda',
	'christen democratisch appel cda': 'cda',
	'volkspartij voor vrijheid en democratie': 'vvd',
	'democraten 66': 'd66',
	'partij van de arbeid': 'pvda',
	'socialistische partij': 'sp',
	'partij voor de vrijheid': 'pvv',
	'partij voor de dieren': 'pvdd',
	'staatkundig gereformeerde partij': 'sgp',
	'christenunie': 'cu',
	'christen unie': 'cu',
	'forum voor democratie': 'fvd',
	'boerburgerbeweging': 'bbb',
	'boer burger beweging': 'bbb',
	'groenlinks': 'gl',
	'groen links': 'gl',
	'groenlinks pvda': 'gl pvda',
	'gl pvda': 'gl pvda',
	'nieuw sociaal contract': 'nsc'
};

const AROUND = /^(de )?(fractie|raadsleden|raadslid)( van)? | fractie$/;

/** The key a source's party name is remembered by: lower case, no accents or punctuation, no
 * "fractie" around it. "Fractie CDA" and "cda" share a key. */
export function partyNameKey(name: string): string {
	let key = normalizeName(name);
	let previous = '';
	while (previous !== key) {
		previous = key;
		key = key.replace(AROUND, '').trim();
	}
	return key || normalizeName(name) || name.trim().toLowerCase();
}

/** The forms of a key that count as the same party: as is, canonical national name, no spaces. */
function forms(key: string): string[] {
	const canonical = NATIONAL_NAMES[key] ?? key;
	return [...new Set([key, canonical, key.replace(/ /g, ''), canonical.replace(/ /g, '')])];
}

/** A function that gives the id of the one party a name means, or null. */
export function createPartyMatcher(parties: MatchableParty[]): (name: string) => string | null {
	const index = new Map<string, Set<string>>();
	for (const party of parties) {
		for (const label of [party.name, party.abbreviation]) {
			if (!label) continue;
			for (const form of forms(partyNameKey(label))) {
				if (!index.has(form)) index.set(form, new Set());
				index.get(form)!.add(party.id);
			}
		}
	}
	return (name: string) => {
		const found = new Set<string>();
		for (const form of forms(partyNameKey(name))) {
			for (const id of index.get(form) ?? []) found.add(id);
		}
		return found.size === 1 ? [...found][0] : null;
	};
}
