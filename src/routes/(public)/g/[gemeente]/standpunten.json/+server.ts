// Open data: the gemeente's published positions as JSON (CC BY 4.0, fields described inside).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import { asJson, openDataHeaders, openRows } from '$lib/server/positions/open-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const gemeente = await findGemeente(params.gemeente.slice(0, 100));
	if (!gemeente) error(404, 'Onbekende gemeente.');
	const rows = await openRows([gemeente.code]);
	const page = new URL(`/g/${gemeente.slug}`, url.origin).href;
	return new Response(asJson({ kind: 'gemeente', name: gemeente.displayName, page }, rows), {
		headers: openDataHeaders('json', `standpunten-${gemeente.slug}`)
	});
};
