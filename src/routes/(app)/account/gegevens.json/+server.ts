import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { exportUserData } from '$lib/server/auth/users';

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const data = await exportUserData(user.id);
	const date = new Date().toISOString().slice(0, 10);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="laat-je-horen-gegevens-${date}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
