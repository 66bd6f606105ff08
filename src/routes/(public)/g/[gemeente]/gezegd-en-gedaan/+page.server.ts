// "Said and did": choose a party of the gemeente.
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../gemeente-context';
import { partiesToChoose } from '$lib/server/outcomes/said-and-did';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML without scripts, like the gemeente page: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		parties: await cachedPublic(gemeente.code, 'parties', () => partiesToChoose(gemeente.code))
	};
};
