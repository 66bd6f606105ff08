// One chain of the timeline, oldest first: everything linked to one item (from the letter's ask to
// the newest status of a commitment). One database call.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../../gemeente-context';
import { timelineChain } from '$lib/server/outcomes/timeline';
import { isTimelineKey } from '$lib/timeline';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML without scripts, like the gemeente page: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	const chain = isTimelineKey(params.item) ? await cachedPublic(gemeente.code, `chain:${params.item}`, () => timelineChain(gemeente.code, params.item)) : null;
	if (!chain) error(404, `Dit onderdeel staat niet (meer) op de tijdlijn van ${gemeente.displayName}.`);
	return { gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug }, chain };
};
