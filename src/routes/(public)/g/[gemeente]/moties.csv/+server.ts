// Open data: the gemeente's motions on the care themes as CSV, one row per motion and party vote.
import type { RequestHandler } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { careMotions } from '$lib/server/council/public-council';
import { motionRows, motionsCsv } from '$lib/server/council/open-data';
import { openDataHeaders } from '$lib/server/positions/open-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const gemeente = await publicGemeente(params.gemeente);
	const rows = motionRows(await careMotions(gemeente.code), gemeente.slug, url.origin);
	return new Response(motionsCsv(rows), { headers: openDataHeaders('csv', `moties-${gemeente.slug}`) });
};
