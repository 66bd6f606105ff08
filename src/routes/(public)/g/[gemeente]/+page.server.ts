import { error } from '@sveltejs/kit';
import { findGemeente, gemeentePage } from '$lib/server/gemeenten/gemeenten';
import { publicCampaignsOf } from '$lib/server/letter/public-letter';
import { cachedPublic } from '$lib/server/platform/public-cache';
import type { PageServerLoad } from './$types';
import { publicMatrix } from '$lib/server/positions/matrix';
import { listThemes } from '$lib/server/gemeenten/themes';
import { DOCUMENT_FILTERS, type DocumentFilter } from '$lib/positions';
import { careMeetings } from '$lib/server/council/public-council';
import { formatDateTime } from '$lib/format';

// Nothing on this page needs JavaScript: it is sent as plain HTML, without scripts or a copy of
// its data for them.
export const csr = false;

// Public page of one gemeente, by slug (/g/zaanstad) or CBS code in any case (/g/GM0479).
// Both stay working; the page names the slug URL as canonical. Its data comes from the public
// cache, so a page load costs no database call while the gemeente's data is unchanged.
export const load: PageServerLoad = async ({ params, url }) => {
	const found = params.gemeente.length <= 100 ? await findGemeente(params.gemeente) : null;
	const gemeente = found && (await cachedPublic(found.code, 'gemeente', () => gemeentePage(found.code)));
	if (!gemeente) {
		error(404, `We kennen geen gemeente met de naam of code “${params.gemeente.slice(0, 100)}”. Zoek je gemeente op de startpagina.`);
	}
	// The positions matrix's filters (?thema=…&documenten=…), a plain GET form.
	const themes = await cachedPublic(gemeente.code, 'themes', () => listThemes({ activeOnly: true }));
	const themeParam = url.searchParams.get('thema');
	const documentsParam = url.searchParams.get('documenten');
	const filter = {
		theme: themes.find((t) => t.key === themeParam)?.key ?? null,
		documents: DOCUMENT_FILTERS.find((f) => f === documentsParam) ?? ('alle' satisfies DocumentFilter)
	};
	const upcomingMeetings = await cachedPublic(gemeente.code, 'council:upcoming', async () =>
		(await careMeetings([gemeente.code], new Date(Date.now() - 3 * 60 * 60 * 1000))).slice(0, 3)
	);
	return {
		gemeente,
		council: upcomingMeetings.map((m) => ({
			id: m.id,
			name: m.name,
			when: formatDateTime(m.startsAt),
			themes: m.themes.map((key) => themes.find((t) => t.key === key)?.label ?? key),
			attending: m.attendance.count
		})),
		campaigns: await cachedPublic(gemeente.code, 'letter', () => publicCampaignsOf(gemeente.code)),
		positions: {
			// Kept per filter; the positions tables bump the gemeente's version like the letter's do.
			matrix: await cachedPublic(gemeente.code, `positions:${filter.theme ?? ''}:${filter.documents}`, () => publicMatrix(gemeente.code, filter)),
			allThemes: themes.map((t) => ({ key: t.key, label: t.label })),
			filter
		},
		canonicalUrl: new URL(`/g/${gemeente.slug}`, url.origin).href
	};
};
