// How a party voted on a series of motions, in words ("stemde 4 van de 5 keer voor"), never as a
// bare percentage, and how complete that is ("stemmen bekend voor 3 van de 7 moties"). Absences
// are known but are no vote: they do not count in the series and are mentioned apart. Pure.

export type KnownVote = 'voor' | 'tegen' | 'verdeeld' | 'onthouden' | 'afwezig';

export interface VoteTally {
	voor: number;
	tegen: number;
	verdeeld: number;
	onthouden: number;
	afwezig: number;
	/** Decided motions on the theme, whether this party's vote is known or not. */
	motions: number;
}

/** Counts a list of votes (null or 'onbekend': not known) over `motions` motions. */
export function tallyVotes(votes: Array<string | null>, motions = votes.length): VoteTally {
	const tally: VoteTally = { voor: 0, tegen: 0, verdeeld: 0, onthouden: 0, afwezig: 0, motions };
	for (const vote of votes) {
		if (vote === 'voor' || vote === 'tegen' || vote === 'verdeeld' || vote === 'onthouden' || vote === 'afwezig') tally[vote]++;
	}
	return tally;
}

function times(n: number): string {
	return n === 1 ? '1 keer' : `${n} keer`;
}

/** "a", "a en b", "a, b en c" */
function joinDutch(parts: string[]): string {
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/** The series in one sentence, starting with a capital. */
export function voteSeries(t: VoteTally): string {
	const cast = t.voor + t.tegen + t.verdeeld + t.onthouden;
	const absent = t.afwezig > 0 ? ` (daarnaast ${times(t.afwezig)} afwezig; dat telt niet als stem)` : '';
	if (cast === 0) {
		return t.afwezig > 0 ? `Geen stem uitgebracht: ${times(t.afwezig)} afwezig (telt niet als stem)` : 'Geen stemmen bekend';
	}
	if (cast === 1) {
		const only = t.voor ? 'voor' : t.tegen ? 'tegen' : t.verdeeld ? 'verdeeld (een deel van de fractie voor, een deel tegen)' : 'zich onthouden';
		return `Stemde 1 keer: ${only}${absent}`;
	}
	if (t.voor === cast) return `Stemde alle ${cast} keer voor${absent}`;
	if (t.tegen === cast) return `Stemde alle ${cast} keer tegen${absent}`;
	const rest = [
		t.tegen ? `${times(t.tegen)} tegen` : null,
		t.verdeeld ? `${times(t.verdeeld)} verdeeld` : null,
		t.onthouden ? `onthield zich ${times(t.onthouden)}` : null
	].filter((part): part is string => part !== null);
	if (t.voor === 0) return `Stemde geen van de ${cast} keer voor: ${joinDutch(rest)}${absent}`;
	return `Stemde ${t.voor} van de ${cast} keer voor, ${joinDutch(rest)}${absent}`;
}

/** How many of the motions this is known for, starting with a capital. */
export function voteCoverage(t: VoteTally): string {
	const known = t.voor + t.tegen + t.verdeeld + t.onthouden + t.afwezig;
	if (t.motions === 0) return 'Nog geen besliste moties over dit thema vastgelegd';
	if (t.motions === 1) return known === 1 ? 'Stem bekend voor de enige motie over dit thema' : 'Stem onbekend voor de enige motie over dit thema';
	if (known === 0) return `Stemmen onbekend voor alle ${t.motions} moties`;
	if (known === t.motions) return `Stemmen bekend voor alle ${t.motions} moties`;
	return `Stemmen bekend voor ${known} van de ${t.motions} moties`;
}
