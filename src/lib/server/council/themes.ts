// Care themes on council work: suggestions from the title and text of agenda items and motions by
// the same Dutch full-text search as the passage finder (each theme's search words), and the
// themes an editor confirms. Nothing is themed without a person; one database call each.
import { z } from 'zod';
import { db, oneOf } from '$lib/server/platform/db';

export type ThemedKind = 'agenda_item' | 'motion';

/** Suggested theme keys per id (best first), for many texts in one call. */
export async function suggestThemes(texts: Array<{ id: string; text: string }>): Promise<Map<string, string[]>> {
	const suggestions = new Map<string, string[]>();
	if (texts.length === 0) return suggestions;
	const { data, error } = await db().rpc('suggest_council_themes', { p_texts: texts.map((t) => ({ id: t.id, text: t.text.slice(0, 100_000) })) });
	if (error) throw new Error(`suggestThemes: ${error.message}`);
	for (const row of data) suggestions.set(row.id, [...(suggestions.get(row.id) ?? []), row.theme_key]);
	return suggestions;
}

export const themeKeysSchema = z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Kies een bestaand thema.')).max(20);

export type SetThemesOutcome = 'saved' | 'not_found' | 'unknown_theme';

/** Replaces the confirmed themes of an agenda item or motion of the gemeente (audited). */
export async function setThemes(actorId: string, gemeenteCode: string, kind: ThemedKind, id: string, themeKeys: string[]): Promise<SetThemesOutcome> {
	const keys = themeKeysSchema.safeParse(themeKeys);
	if (!keys.success || !z.uuid().safeParse(id).success) return 'not_found';
	const { data, error } = await db().rpc('set_council_themes', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_kind: kind,
		p_id: id,
		p_theme_keys: keys.data
	});
	if (error) throw new Error(`setThemes: ${error.message}`);
	return oneOf(data, ['saved', 'not_found', 'unknown_theme'], 'setThemes');
}
