// "Said and did" for one party: per theme its programme, its answer to the letter, its votes (a
// series in words, with how many are known) and its commitments. One database call.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../../gemeente-context';
import { saidAndDid } from '$lib/server/outcomes/said-and-did';
import { dutchDay } from '$lib/server/outcomes/policy-cycle';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML without scripts, like the gemeente page: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	// Keyed by day too: what is overdue changes at midnight.
	const today = dutchDay(new Date());
	const record = await cachedPublic(gemeente.code, `said:${params.partij}:${today}`, () => saidAndDid(params.partij, today));
	if (!record || record.gemeente.code !== gemeente.code) error(404, `Deze partij kennen we niet in ${gemeente.displayName}.`);
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		party: record.party,
		known: record.themes.filter((t) => t.known),
		unknown: record.themes.filter((t) => !t.known).map((t) => t.label)
	};
};
