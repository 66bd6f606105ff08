// The policy cycle of a gemeente: the coming moments that matter for huisartsen (real dates where
// the kring or a coordinator set them, else an estimate that says so), with a suggestion and a
// link to start a letter for each.
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../gemeente-context';
import { letterLink, policyCycle } from '$lib/server/outcomes/policy-moments';
import { REMIND_DAYS_BEFORE } from '$lib/server/outcomes/policy-moments';
import { dutchDay } from '$lib/server/outcomes/policy-cycle';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML without scripts, like the gemeente page: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	const today = dutchDay(new Date());
	const { upcoming } = await cachedPublic(gemeente.code, `cycle:${today}`, () => policyCycle(gemeente.code, today));
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		moments: upcoming.map((m) => ({ ...m, start: letterLink(gemeente.code, m) })),
		remindDays: REMIND_DAYS_BEFORE
	};
};
