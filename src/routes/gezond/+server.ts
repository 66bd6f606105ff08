// Health check for a load balancer or monitor: 200 when the database answers a light read within
// two seconds, else 503 (with Retry-After). Never cached.
import { json } from '@sveltejs/kit';
import { checkDatabase } from '$lib/server/platform/database-health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const report = await checkDatabase();
	return json(report, {
		status: report.ok ? 200 : 503,
		headers: { 'cache-control': 'no-store', ...(report.ok ? {} : { 'retry-after': '5' }) }
	});
};
