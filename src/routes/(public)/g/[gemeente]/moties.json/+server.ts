// Open data: the gemeente's meetings and motions on the care themes with the vote per party and
// its source, as JSON (CC BY 4.0, fields on /open-data).
import type { RequestHandler } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { councilPage } from '$lib/server/council/public-council';
import { councilJson } from '$lib/server/council/open-data';
import { openDataHeaders } from '$lib/server/positions/open-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const gemeente = await publicGemeente(params.gemeente);
	const page = await councilPage(gemeente.code);
	const about = { name: gemeente.displayName, code: gemeente.code, slug: gemeente.slug, page: new URL(`/g/${gemeente.slug}/raad`, url.origin).href, origin: url.origin };
	return new Response(councilJson(about, [...page.past.slice().reverse(), ...page.upcoming], page.motions, page.sources), {
		headers: openDataHeaders('json', `moties-${gemeente.slug}`)
	});
};
