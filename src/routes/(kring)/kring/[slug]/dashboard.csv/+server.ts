// The kring dashboard's table as CSV, for the kring's editors.
import type { RequestHandler } from './$types';
import { kringContext } from '../kring-context';
import { dashboardCsv, kringDashboard, sortGemeenten } from '$lib/server/kringen/dashboard';

export const GET: RequestHandler = async (event) => {
	const { kring } = await kringContext(event);
	const dashboard = await kringDashboard(kring.id);
	return new Response(dashboardCsv(sortGemeenten(dashboard.gemeenten, 'naam')), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${kring.slug}-overzicht.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
