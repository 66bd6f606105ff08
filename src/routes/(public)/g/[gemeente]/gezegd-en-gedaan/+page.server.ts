// "Said and did": choose a party of the gemeente.
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../gemeente-context';
import { partiesToChoose } from '$lib/server/outcomes/said-and-did';

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		parties: await partiesToChoose(gemeente.code)
	};
};
