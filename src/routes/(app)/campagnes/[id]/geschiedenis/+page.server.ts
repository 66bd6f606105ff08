import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { actionLabel, actorLabel, campaignHistory, detailText } from '$lib/server/letter/history';
import { campaignContext } from '../campaign-context';

// ?voor=<entry id> pages further back; anything else shows the newest page.
const pageSchema = z.coerce.number().int().positive().optional().catch(undefined);

export const load: PageServerLoad = async (event) => {
	const { campaign } = await campaignContext(event, { coordinator: true });
	const before = pageSchema.parse(event.url.searchParams.get('voor') ?? undefined);
	const page = await campaignHistory(campaign, { before });
	return {
		campaign,
		older: before !== undefined,
		olderBefore: page.olderBefore,
		entries: page.entries.map((entry) => ({
			id: entry.id,
			at: entry.at,
			label: actionLabel(entry.action),
			detail: detailText(entry.action, entry.details),
			actor: actorLabel(entry.action, entry.actor)
		}))
	};
};
