// Does a signer's written name ("Anna de Vries", "dr. A.M. Jansen-de Vries") fit a person in the
// BIG-register (initials, prefix, birth surname, mailing name)? The surname must match in full
// (birth name, partner name, or both joined); given names must fit the initials in order, at least
// one and never more than the register holds. Case, accents, hyphens, spaces and titles do not count.

/** A person's name as the register holds it. */
export type RegisterName = {
	initials: string;
	prefix: string;
	birthSurname: string;
	/** Not a field of the register: read from the mailing name ("A. Jansen-de Vries" → "Jansen"). */
	partnerSurname: string | null;
	mailingName: string;
};

// Dutch and neighbouring surname prefixes (voorvoegsels); a prefix may be abbreviated ("v.d.").
const PREFIX_WORDS = new Set([
	'van', 'de', 'den', 'der', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'onder', 'uit', 'aan', 'bij',
	'von', 'vom', 'zu', 'zum', 'zur', 'le', 'la', 'les', 'du', 'des', 'di', 'da', 'dos', 'del', 'della',
	"d'", "l'"
]);
const TITLES = new Set(['dr', 'drs', 'mr', 'prof', 'ir', 'ing', 'bsc', 'msc', 'phd', 'md', 'mba']);

/** Lower case, accents and titles gone, hyphens as spaces, "A.M." as two initials, "d'Ancona" as two words. */
export function nameWords(text: string): string[] {
	const plain = text
		.split(',')[0] // "A. de Vries, huisarts": what follows a comma is not the name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’‘`´]/g, "'")
		.replace(/[-‐‑–—_/]/g, ' ')
		.replace(/\.(?=\S)/g, '. ');
	return plain
		.split(/\s+/)
		.flatMap((word) => word.replace(/^(\p{L})'(?=\p{L})/u, "$1' ").split(' '))
		.map((word) => word.replace(/\.+$/, ''))
		.filter((word) => word !== '' && !TITLES.has(word));
}

type Segment = { prefix: string[]; core: string[] };

/** "van den Berg" → prefix [van, den], core [berg]; the last word always stays core. */
function segment(text: string): Segment {
	const words = nameWords(text);
	let split = 0;
	while (split < words.length - 1 && PREFIX_WORDS.has(words[split])) split++;
	return { prefix: words.slice(0, split), core: words.slice(split) };
}

/** The surname part of a mailing name: "A.M. Jansen-de Vries" → "Jansen-de Vries". */
function surnameOfMailingName(mailingName: string, initials: string): string {
	const trimmed = mailingName.trim().replace(/\s+/g, ' ');
	if (initials.trim() !== '' && trimmed.toLowerCase().startsWith(initials.trim().toLowerCase())) {
		return trimmed.slice(initials.trim().length).trim();
	}
	return trimmed.replace(/^(\p{L}{1,2}\.\s*)+/u, '').trim();
}

const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((word, i) => word === b[i]);

/** The partner's surname in a mailing name that joins it to the birth name, or that uses it alone. */
export function partnerSurnameFrom(mailingName: string, initials: string, prefix: string, birthSurname: string): string | null {
	const surname = surnameOfMailingName(mailingName, initials);
	if (surname === '') return null;
	const own = nameWords(`${prefix} ${birthSurname}`);
	if (own.length === 0) return null;
	const parts = surname.split(/\s*-\s*/).filter((part) => part !== '');
	const words = parts.map((part) => nameWords(part));
	for (let size = 1; size < parts.length; size++) {
		if (sameWords(words.slice(parts.length - size).flat(), own)) return parts.slice(0, parts.length - size).join('-');
		if (sameWords(words.slice(0, size).flat(), own)) return parts.slice(size).join('-');
	}
	return sameWords(words.flat(), own) ? null : surname;
}

/** A written prefix fits the register's when it has as many words and each is the word or its first letter. */
function prefixFits(written: string[], registered: string[]): boolean {
	return (
		written.length === registered.length &&
		written.every((word, i) => word === registered[i] || (word.length === 1 && registered[i].startsWith(word)))
	);
}

/**
 * Matches the end of `words` against a surname made of segments (one, or two for a joined married
 * name). Each core must match word for word; a prefix may be left out or abbreviated. Returns the
 * words left over (the given names), or null when the surname does not fit.
 */
function stripSurname(words: string[], form: Segment[]): string[] | null {
	let end = words.length;
	for (const { prefix, core } of [...form].reverse()) {
		if (end < core.length || !sameWords(words.slice(end - core.length, end), core)) return null;
		end -= core.length;
		const written = words.slice(Math.max(0, end - prefix.length), end);
		if (prefix.length > 0 && end - prefix.length >= 1 && prefixFits(written, prefix)) end -= prefix.length;
	}
	return words.slice(0, end);
}

/** "A.M." → [a, m]; "IJ.Th." → [ij, th]; "AM" (no dots) → [a, m]. */
function initialsOf(initials: string): string[] {
	const plain = initials.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
	if (plain.includes('.')) return plain.split('.').map((part) => part.trim()).filter((part) => part !== '');
	return [...plain.replace(/[^\p{L}]/gu, '')];
}

/** A given name or initial fits a register initial when one starts with the other ("anna"/"a", "i"/"ij"). */
const fitsInitial = (given: string, initial: string) => given.startsWith(initial) || initial.startsWith(given);

function givenNamesFit(given: string[], initials: string[]): boolean {
	if (given.length === 0 || given.length > initials.length) return false;
	// A leftover prefix word means the signer wrote a different prefix ("van Vries" for "de Vries").
	if (given.some((word) => PREFIX_WORDS.has(word))) return false;
	return given.every((word, i) => fitsInitial(word, initials[i]));
}

/** The surnames a person may sign with: birth name, partner name, and the two joined either way. */
function surnameForms(name: RegisterName): Segment[][] {
	const own = segment(`${name.prefix} ${name.birthSurname}`);
	const forms: Segment[][] = [[own]];
	const partner = name.partnerSurname?.trim() ? segment(name.partnerSurname) : null;
	if (partner && partner.core.length > 0) forms.push([partner], [partner, own], [own, partner]);
	return forms.filter((form) => form.every((part) => part.core.length > 0));
}

/** True when the signer's written name fits this register entry. */
export function signerNameMatches(signerName: string, name: RegisterName): boolean {
	const words = nameWords(signerName);
	const initials = initialsOf(name.initials);
	return surnameForms(name).some((form) => {
		const given = stripSurname(words, form);
		return given !== null && givenNamesFit(given, initials);
	});
}

/** The name as the register shows it, e.g. "A.M. Jansen-de Vries". */
export function registerDisplayName(name: RegisterName): string {
	const shown = name.mailingName.trim() || [name.initials, name.prefix, name.birthSurname].join(' ');
	return shown.replace(/\s+/g, ' ').trim();
}
