// Open data: the published positions in all gemeenten of a kring as JSON (CC BY 4.0).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { kringBySlug } from '$lib/server/kringen/kringen';
import { asJson, openDataHeaders, openRows } from '$lib/server/positions/open-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const kring = await kringBySlug(params.slug);
	if (!kring) error(404, 'Onbekende kring.');
	const rows = await openRows(kring.gemeenten.map((g) => g.code));
	const page = new URL('/open-data', url.origin).href;
	return new Response(asJson({ kind: 'kring', name: kring.name, page }, rows), { headers: openDataHeaders('json', `standpunten-${kring.slug}`) });
};
