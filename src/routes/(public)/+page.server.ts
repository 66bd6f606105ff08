import { SHOWN_RESULTS } from '$lib/components/gemeente-search';
import { searchGemeenten, searchQuerySchema } from '$lib/server/gemeenten/gemeenten';
import { markCacheable } from '$lib/server/platform/public-cache';
import { publicLetters } from '$lib/server/letter/letter-index';
import { lettersShare } from '$lib/share-summary';

/** How many letters the home page lists; /brieven has them all. */
const HOME_LETTERS = 5;
import type { PageServerLoad } from './$types';

// The finder without JavaScript: ?q= is searched here and the page comes back with the results.
// The same for every visitor without a session: cached whole, and built again after any change to
// the letters it lists (they come from the public cache across all gemeenten).
export const load: PageServerLoad = async ({ url }) => {
	markCacheable();
	const index = await publicLetters(HOME_LETTERS);
	const letters = { list: index.letters, total: index.total, description: lettersShare(index.total, index.gemeenten) };
	const signedOut = url.searchParams.has('uitgelogd');
	const parsed = searchQuerySchema.safeParse(url.searchParams.get('q') ?? '');
	if (!parsed.success) {
		const error = parsed.error.issues[0]?.message ?? 'Ongeldige zoekterm.';
		return { signedOut, letters, search: { query: '', results: null, total: 0, error } };
	}
	const query = parsed.data;
	const found = query ? await searchGemeenten(query) : null;
	return {
		signedOut,
		letters,
		search: {
			query,
			results: found?.slice(0, SHOWN_RESULTS) ?? null,
			total: found?.length ?? 0,
			error: null
		}
	};
};
