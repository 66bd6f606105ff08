// The care themes (rows in `themes`): what letters, positions and council work are about. Keys are
// stable; labels are what people read. Retired themes stay, so what refers to them keeps its name,
// but are no longer offered for new work.
import { db } from '../platform/db';

export interface Theme {
	key: string;
	label: string;
	/** What good local policy on this theme looks like (Dutch, for editors). */
	description: string;
	searchWords: string[];
	/** The starter letter's paragraph and numbered ask; null for themes without one. */
	letterParagraph: string | null;
	letterAsk: string | null;
	retired: boolean;
}

const THEME_COLUMNS = 'key, label, description, search_words, letter_paragraph, letter_ask, retired_at';

/** Every theme in display order, retired ones included unless `activeOnly`. */
export async function listThemes({ activeOnly = false } = {}): Promise<Theme[]> {
	let query = db().from('themes').select(THEME_COLUMNS);
	if (activeOnly) query = query.is('retired_at', null);
	const { data, error } = await query.order('position').order('label');
	if (error) throw new Error(`listThemes: ${error.message}`);
	return data.map((row) => ({
		key: row.key,
		label: row.label,
		description: row.description,
		searchWords: row.search_words,
		letterParagraph: row.letter_paragraph,
		letterAsk: row.letter_ask,
		retired: row.retired_at !== null
	}));
}

/** The label of a theme key from a list already loaded, or the key itself when unknown. */
export function themeLabel(themes: Pick<Theme, 'key' | 'label'>[], key: string): string {
	return themes.find((theme) => theme.key === key)?.label ?? key;
}
