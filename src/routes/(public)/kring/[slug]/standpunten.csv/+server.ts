// Open data: the published positions in all gemeenten of a kring as CSV (CC BY 4.0).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { kringBySlug } from '$lib/server/kringen/kringen';
import { asCsv, openDataHeaders, openRows } from '$lib/server/positions/open-data';

export const GET: RequestHandler = async ({ params }) => {
	const kring = await kringBySlug(params.slug);
	if (!kring) error(404, 'Onbekende kring.');
	return new Response(asCsv(await openRows(kring.gemeenten.map((g) => g.code))), { headers: openDataHeaders('csv', `standpunten-${kring.slug}`) });
};
