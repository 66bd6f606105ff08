// The policy cycle of a gemeente: the coming moments that matter for huisartsen (real dates where
// the kring or a coordinator set them, else an estimate that says so), with a suggestion and a
// link to start a letter for each.
import type { PageServerLoad } from './$types';
import { publicGemeente } from '../gemeente-context';
import { letterLink, policyCycle } from '$lib/server/outcomes/policy-moments';
import { REMIND_DAYS_BEFORE } from '$lib/server/outcomes/policy-moments';

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params);
	const { upcoming } = await policyCycle(gemeente.code);
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		moments: upcoming.map((m) => ({ ...m, start: letterLink(gemeente.code, m) })),
		remindDays: REMIND_DAYS_BEFORE
	};
};
