// The linked timeline of a gemeente, newest first, filtered with a plain GET form (?thema, ?partij,
// ?soort: works without JavaScript) and paged by keyset (?na=, the position of the last item
// seen). One database call per page, however long the timeline, and none while the gemeente's
// public data is unchanged (public cache).
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../gemeente-context';
import { timelinePage } from '$lib/server/outcomes/timeline';
import { TIMELINE_KINDS, type TimelineKind } from '$lib/timeline';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML without scripts, like the gemeente page: nothing here needs JavaScript.
export const csr = false;

const THEME = /^[a-z][a-z0-9_]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const load: PageServerLoad = async ({ params, url }) => {
	const gemeente = await publicGemeente(params);
	const theme = url.searchParams.get('thema') ?? '';
	const party = url.searchParams.get('partij') ?? '';
	const kind = TIMELINE_KINDS.find((k) => k === url.searchParams.get('soort')) ?? null;
	const filter = { theme: THEME.test(theme) ? theme : null, party: UUID.test(party) ? party : null, kind: kind satisfies TimelineKind | null };
	const after = url.searchParams.get('na');
	const page = await cachedPublic(gemeente.code, `timeline:${filter.theme}:${filter.party}:${filter.kind}:${after ?? ''}`, () =>
		timelinePage(gemeente.code, filter, after)
	);
	const query = (extra: Record<string, string>) => {
		const q = new URLSearchParams();
		if (filter.theme) q.set('thema', filter.theme);
		if (filter.party) q.set('partij', filter.party);
		if (filter.kind) q.set('soort', filter.kind);
		for (const [key, value] of Object.entries(extra)) q.set(key, value);
		const text = q.toString();
		return text ? `?${text}` : '';
	};
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		filter,
		filtered: Boolean(filter.theme || filter.party || filter.kind),
		paged: Boolean(after),
		page,
		firstPage: `/g/${gemeente.slug}/tijdlijn${query({})}`,
		nextPage: page.next ? `/g/${gemeente.slug}/tijdlijn${query({ na: page.next })}` : null
	};
};
