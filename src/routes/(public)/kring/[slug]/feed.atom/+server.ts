// Atom feed of what changed across all gemeenten of a kring. Feed readers poll: the feed is kept in
// the public cache until any gemeente's public data changes (the kring's name and gemeenten are in
// the key), so a poll costs one small call for the kring while nothing changed.
import { error } from '@sveltejs/kit';
import { ALL_GEMEENTEN, cachedPublic } from '$lib/server/platform/public-cache';
import type { RequestHandler } from './$types';
import { kringBySlug } from '$lib/server/kringen/kringen';
import { ATOM_HEADERS, changesFeed } from '$lib/server/outcomes/atom';

export const GET: RequestHandler = async ({ params }) => {
	const kring = await kringBySlug(params.slug);
	if (!kring) error(404, 'Onbekende kring.');
	const codes = kring.gemeenten.map((g) => g.code);
	const xml = await cachedPublic(ALL_GEMEENTEN, `kring-feed\u0000${kring.slug}\u0000${kring.name}\u0000${codes.join(',')}`, () =>
		changesFeed({ title: kring.name, pagePath: `/kring/${kring.slug}`, feedPath: `/kring/${kring.slug}/feed.atom` }, codes)
	);
	return new Response(xml, { headers: ATOM_HEADERS });
};
