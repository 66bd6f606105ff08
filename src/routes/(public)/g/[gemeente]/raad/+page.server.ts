// The public council page of a gemeente: where the data comes from (honestly), upcoming and past
// meetings on the care themes with how many huisartsen go, and the motions with their result.
import type { PageServerLoad } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { councilPage } from '$lib/server/council/public-council';
import { formatDateTime, formatShortDate } from '$lib/format';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML, no scripts: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params.gemeente);
	const page = await cachedPublic(gemeente.code, 'council', () => councilPage(gemeente.code));
	const meeting = (m: (typeof page.upcoming)[number]) => ({ ...m, when: formatDateTime(m.startsAt), themeNames: m.themes.map((k) => page.themeLabels[k] ?? k) });
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		sources: page.sources.map((s) => ({ ...s, lastSucceededAt: s.lastSucceededAt ? formatDateTime(s.lastSucceededAt) : null })),
		upcoming: page.upcoming.map(meeting),
		past: page.past.map(meeting),
		motions: page.motions.map((m) => ({
			...m,
			decidedOnText: m.decidedOn ? formatShortDate(m.decidedOn) : null,
			themeNames: m.themes.map((k) => page.themeLabels[k] ?? k),
			voteCount: m.votes.length
		})),
		parties: page.parties
	};
};
