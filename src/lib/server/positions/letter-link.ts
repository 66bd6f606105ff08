// The letter and the positions meet while coordinators draft: per theme of the letter, which
// parties are silent (niet genoemd) or against in their published documents, and a numbered ask
// aimed at them, added to the asks list with one click (a new version of the letter).
import { Marked, type Tokens } from 'marked';
import { db } from '../platform/db';
import { listThemes, type Theme } from '../gemeenten/themes';

export interface ThemeSignal {
	themeKey: string;
	themeLabel: string;
	silent: string[];
	against: string[];
	/** The ask this page would add; null when no party is silent or against. */
	ask: string | null;
}

function names(list: string[]): string {
	return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
}

/** The ask aimed at the silent and the opposed parties on one theme. */
export function aimedAsk(theme: Pick<Theme, 'label' | 'letterAsk'>, silent: string[], against: string[]): string {
	const whom = names([...silent, ...against]);
	const why = [
		silent.length ? `${names(silent)} ${silent.length === 1 ? 'schrijft' : 'schrijven'} niets over ${theme.label.toLowerCase()}` : null,
		against.length ? `${names(against)} ${against.length === 1 ? 'is' : 'zijn'} ertegen` : null
	]
		.filter(Boolean)
		.join('; ');
	const ask = theme.letterAsk ?? `Wat gaat u doen voor ${theme.label.toLowerCase()}?`;
	return `Aan ${whom} (${why}): ${ask}`;
}

/** Per theme of the letter, the published stances that call for an ask; two database calls. */
export async function signalsForLetter(gemeenteCode: string, themeKeys: string[]): Promise<ThemeSignal[]> {
	if (themeKeys.length === 0) return [];
	const [themes, positions] = await Promise.all([
		listThemes(),
		db()
			.from('positions')
			.select('theme_key, stance, parties(name)')
			.eq('gemeente_code', gemeenteCode)
			.eq('status', 'gepubliceerd')
			.in('theme_key', themeKeys)
			.in('stance', ['niet_genoemd', 'tegen'])
	]);
	if (positions.error) throw new Error(`signalsForLetter: ${positions.error.message}`);
	return themeKeys.flatMap((key) => {
		const theme = themes.find((t) => t.key === key);
		if (!theme) return [];
		const of = (stance: string) =>
			[...new Set(positions.data.filter((p) => p.theme_key === key && p.stance === stance).map((p) => p.parties?.name ?? ''))]
				.filter(Boolean)
				.sort((a, b) => a.localeCompare(b, 'nl'));
		const silent = of('niet_genoemd');
		const against = of('tegen').filter((name) => !silent.includes(name));
		return [{ themeKey: key, themeLabel: theme.label, silent, against, ask: silent.length + against.length > 0 ? aimedAsk(theme, silent, against) : null }];
	});
}

const lexer = new Marked({ gfm: true });
const ASK_HEADING = /vra(ag|gen)|verzoek/i;

/** The letter with `ask` as the last item of its asks list (the ordered list under the asks
 * heading, else the first ordered list); without such a list, a new "Onze vragen" section. */
export function appendAsk(markdown: string, ask: string): string {
	const text = markdown.replace(/\r\n?/g, '\n');
	let offset = 0;
	let askDepth: number | null = null;
	type Found = { end: number; count: number; start: number };
	let target: Found | null = null;
	let first: Found | null = null;
	for (const token of lexer.lexer(text)) {
		const end = offset + token.raw.length;
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			if (ASK_HEADING.test(heading.text)) askDepth = heading.depth;
			else if (askDepth !== null && heading.depth <= askDepth) askDepth = null;
		}
		if (token.type === 'list' && (token as Tokens.List).ordered) {
			const list = token as Tokens.List;
			const found = { end, count: list.items.length, start: typeof list.start === 'number' ? list.start : 1 };
			if (askDepth !== null && !target) target = found;
			first ??= found;
		}
		offset = end;
	}
	const list = target ?? first;
	const line = ask.replace(/\s+/g, ' ').trim();
	if (!list) return `${text.trimEnd()}\n\n## Onze vragen aan u\n\n1. ${line}\n`;
	const before = text.slice(0, list.end).replace(/\n+$/, '');
	const after = text.slice(list.end);
	return `${before}\n${list.start + list.count}. ${line}\n${after.startsWith('\n') ? after : `\n${after}`}`;
}
