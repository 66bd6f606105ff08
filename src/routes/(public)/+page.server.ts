import { SHOWN_RESULTS } from '$lib/components/gemeente-search';
import { searchGemeenten, searchQuerySchema } from '$lib/server/gemeenten/gemeenten';
import { markCacheable } from '$lib/server/platform/public-cache';
import type { PageServerLoad } from './$types';

// The finder without JavaScript: ?q= is searched here and the page comes back with the results.
// The same for every visitor without a session (the gemeenten are reference data): cached whole.
export const load: PageServerLoad = async ({ url }) => {
	markCacheable();
	const signedOut = url.searchParams.has('uitgelogd');
	const parsed = searchQuerySchema.safeParse(url.searchParams.get('q') ?? '');
	if (!parsed.success) {
		const error = parsed.error.issues[0]?.message ?? 'Ongeldige zoekterm.';
		return { signedOut, search: { query: '', results: null, total: 0, error } };
	}
	const query = parsed.data;
	const found = query ? await searchGemeenten(query) : null;
	return {
		signedOut,
		search: {
			query,
			results: found?.slice(0, SHOWN_RESULTS) ?? null,
			total: found?.length ?? 0,
			error: null
		}
	};
};
