// Open data: the gemeente's published positions as CSV (CC BY 4.0; fields on /open-data).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import { asCsv, openDataHeaders, openRows } from '$lib/server/positions/open-data';

export const GET: RequestHandler = async ({ params }) => {
	const gemeente = await findGemeente(params.gemeente.slice(0, 100));
	if (!gemeente) error(404, 'Onbekende gemeente.');
	return new Response(asCsv(await openRows([gemeente.code])), { headers: openDataHeaders('csv', `standpunten-${gemeente.slug}`) });
};
