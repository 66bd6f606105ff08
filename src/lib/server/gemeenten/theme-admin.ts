// Admins keep the list of care themes: add one, change its name, description and search words
// (the key stays, so letters, positions and history keep pointing at it), retire it or bring it
// back. Each change is one database call with its audit entry.
import { z } from 'zod';
import { db, oneOf } from '../platform/db';

export const themeSchema = z.object({
	key: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9_]{1,39}$/, 'Een sleutel heeft 2 tot 40 kleine letters, cijfers of _ en begint met een letter.'),
	label: z.string().trim().min(2, 'Vul een naam in.').max(120, 'De naam mag hoogstens 120 tekens hebben.'),
	description: z
		.string()
		.trim()
		.min(10, 'Beschrijf in een zin of twee wat goed gemeentebeleid is.')
		.max(2000, 'De beschrijving mag hoogstens 2.000 tekens hebben.'),
	searchWords: z
		.string()
		.max(2000, 'Hoogstens 2.000 tekens aan zoekwoorden.')
		.transform((value) => [...new Set(value.split(/[,\n]/).map((w) => w.trim().toLowerCase()).filter(Boolean))])
		.refine((words) => words.length > 0, 'Geef minstens één zoekwoord, gescheiden door komma’s.')
		.refine((words) => words.every((w) => w.length <= 60), 'Een zoekwoord mag hoogstens 60 tekens hebben.')
});

export type ThemeInput = z.infer<typeof themeSchema>;

export type SaveThemeResult = 'created' | 'changed' | 'label_taken' | 'key_taken' | 'not_allowed';

export async function saveTheme(actorId: string, input: ThemeInput, create: boolean): Promise<SaveThemeResult> {
	const { data, error } = await db().rpc('save_theme', {
		p_actor_id: actorId,
		p_key: input.key,
		p_label: input.label,
		p_description: input.description,
		p_search_words: input.searchWords,
		p_create: create
	});
	if (error) throw new Error(`saveTheme: ${error.message}`);
	return oneOf(data, ['created', 'changed', 'label_taken', 'key_taken', 'not_allowed'], 'saveTheme');
}

export async function setRetired(actorId: string, key: string, retired: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('set_theme_retired', { p_actor_id: actorId, p_key: key, p_retired: retired });
	if (error) throw new Error(`setRetired: ${error.message}`);
	return data === true;
}
