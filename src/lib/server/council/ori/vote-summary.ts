// Reads party votes out of a source's free-text vote summary, conservatively: only lines that
// plainly say "voor: A, B en C" or "tegen: D" (optionally "Stemmen voor (23): …") give votes.
// Anything vaguer ("overige fracties", "alle partijen", a name with a remark in brackets, a
// party named both for and against) gives nothing for that name: unknown beats a wrong vote.

export interface SummaryVote {
	name: string;
	vote: 'voor' | 'tegen';
}

const LINE = /^(?:stemmen\s+|gestemd\s+)?(voor|tegen)(?:\s+gestemd)?\s*(?:\(\s*\d+\s*\))?\s*[:–-]\s*(.+)$/i;
const VAGUE = /\b(overige?|rest|alle|allen|iedereen|unaniem|algemene|fracties|partijen|leden|raadsleden|behalve|m\.u\.v|met uitzondering)\b/i;
const SEPARATORS = /\s*(?:,|;|\/|&|\+|\ben\b)\s*/i;

export function parseVoteSummary(summary: string | null | undefined): SummaryVote[] {
	if (!summary) return [];
	const found = new Map<string, Set<'voor' | 'tegen'>>();
	const spelling = new Map<string, string>();
	for (const rawLine of summary.split(/\r?\n|(?<=\.)\s+(?=(?:stemmen\s+)?(?:voor|tegen)\b)/i)) {
		const match = LINE.exec(rawLine.trim());
		if (!match) continue;
		const vote = match[1].toLowerCase() as 'voor' | 'tegen';
		// A leading count ("23 CDA, AL") is the number of members, not a party.
		const list = match[2].replace(/^\d+\s*(?:stemmen|leden)?\s*[:–-]?\s*/i, '').replace(/[.\s]+$/, '');
		if (list === '' || VAGUE.test(list)) continue;
		for (const part of list.split(SEPARATORS)) {
			const name = part.trim();
			if (!isPlainName(name)) continue;
			const key = name.toLowerCase();
			spelling.set(key, spelling.get(key) ?? name);
			if (!found.has(key)) found.set(key, new Set());
			found.get(key)!.add(vote);
		}
	}
	return [...found.entries()]
		.filter(([, votes]) => votes.size === 1)
		.map(([key, votes]) => ({ name: spelling.get(key)!, vote: [...votes][0] }));
}

/** A party name and nothing else: no brackets, no digits-only, not a sentence. */
function isPlainName(name: string): boolean {
	return (
		name.length >= 2 &&
		name.length <= 60 &&
		!/[()[\]:]/.test(name) &&
		!/^\d+$/.test(name) &&
		name.split(/\s+/).length <= 6
	);
}
