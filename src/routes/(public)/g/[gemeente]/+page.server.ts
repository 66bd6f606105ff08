import { error } from '@sveltejs/kit';
import { findGemeente, gemeentePage } from '$lib/server/gemeenten/gemeenten';
import { publicCampaignsOf } from '$lib/server/letter/public-letter';
import { cachedPublic } from '$lib/server/platform/public-cache';
import type { PageServerLoad } from './$types';

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
	return {
		gemeente,
		campaigns: await cachedPublic(gemeente.code, 'letter', () => publicCampaignsOf(gemeente.code)),
		canonicalUrl: new URL(`/g/${gemeente.slug}`, url.origin).href
	};
};
