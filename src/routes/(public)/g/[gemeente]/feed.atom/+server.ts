// Atom feed of what changed in a gemeente: new answers, positions, votes, commitments and their
// new statuses. One database call.
import type { RequestHandler } from './$types';
import { publicGemeente } from '../gemeente-context';
import { ATOM_HEADERS, changesFeed } from '$lib/server/outcomes/atom';
import { cachedPublic } from '$lib/server/platform/public-cache';

export const GET: RequestHandler = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	const xml = await cachedPublic(gemeente.code, 'feed', () =>
		changesFeed({ title: gemeente.displayName, pagePath: `/g/${gemeente.slug}`, feedPath: `/g/${gemeente.slug}/feed.atom` }, [gemeente.code])
	);
	return new Response(xml, { headers: ATOM_HEADERS });
};
