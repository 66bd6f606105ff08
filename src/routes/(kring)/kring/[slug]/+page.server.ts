// The kring dashboard: per gemeente letter, signatures, answers, positions coverage and the latest
// change, sortable (?sorteer=…, no JavaScript needed) and as CSV; per theme across the kring.
import type { PageServerLoad } from './$types';
import { kringContext } from './kring-context';
import { SORT_KEYS, kringDashboard, sortGemeenten, type SortKey } from '$lib/server/kringen/dashboard';
import { KRING_KINDS } from '$lib/server/kringen/kringen';
import { formatShortDateTime } from '$lib/format';
import { STANCE_LABELS, POSITION_STATUS_LABELS } from '$lib/positions';

export const load: PageServerLoad = async (event) => {
	const { kring } = await kringContext(event);
	const requested = event.url.searchParams.get('sorteer');
	const sort: SortKey = SORT_KEYS.find((key) => key === requested) ?? 'naam';
	const dashboard = await kringDashboard(kring.id);
	return {
		kring: { slug: kring.slug, name: kring.name, kind: KRING_KINDS[kring.kind], needApproval: kring.needApproval },
		sort,
		themeCount: dashboard.themeCount,
		gemeenten: sortGemeenten(dashboard.gemeenten, sort).map((g) => ({
			...g,
			lastChange: g.lastChange ? formatShortDateTime(g.lastChange) : null
		})),
		themes: dashboard.themes,
		changes: dashboard.changes.map((c) => ({
			...c,
			at: formatShortDateTime(c.at),
			stanceLabel: STANCE_LABELS[c.stance],
			statusLabel: POSITION_STATUS_LABELS[c.status]
		}))
	};
};
