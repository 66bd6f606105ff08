// Atom feed of what changed across all gemeenten of a kring.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { kringBySlug } from '$lib/server/kringen/kringen';
import { ATOM_HEADERS, changesFeed } from '$lib/server/outcomes/atom';

export const GET: RequestHandler = async ({ params }) => {
	const kring = await kringBySlug(params.slug);
	if (!kring) error(404, 'Onbekende kring.');
	const xml = await changesFeed(
		{ title: kring.name, pagePath: `/kring/${kring.slug}`, feedPath: `/kring/${kring.slug}/feed.atom` },
		kring.gemeenten.map((g) => g.code)
	);
	return new Response(xml, { headers: ATOM_HEADERS });
};
