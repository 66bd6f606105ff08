import type { PageServerLoad } from './$types';
import { actionLabel, campaignHistory, detailText } from '$lib/server/history';
import { campaignContext } from '../campaign-context';

export const load: PageServerLoad = async (event) => {
	const { campaign } = await campaignContext(event, { coordinator: true });
	const entries = await campaignHistory(campaign.id);
	return {
		campaign,
		entries: entries.map((entry) => ({
			id: entry.id,
			at: entry.at,
			label: actionLabel(entry.action),
			detail: detailText(entry.action, entry.details),
			actor: entry.actor
		}))
	};
};
