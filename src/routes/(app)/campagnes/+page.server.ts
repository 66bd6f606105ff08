import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { campaignsOfUser } from '$lib/server/letter/campaigns';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { campaigns: await campaignsOfUser(user.id) };
};
