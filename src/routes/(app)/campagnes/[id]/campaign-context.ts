// Every page and action under /campagnes/[id] starts here: the campaign (404 if unknown), the
// signed-in user (else to /inloggen) and what they may do (authz.campaignAccess). Pass
// { coordinator: true } for coordinator-only pages: others get a 403 in Dutch.
import { error } from '@sveltejs/kit';
import { campaignAccess, requireUser, type CampaignAccess } from '$lib/server/auth/permissions';
import { getCampaign, type Campaign } from '$lib/server/letter/campaigns';
import type { SessionUser } from '$lib/server/auth/session';

const NOT_FOUND = 'Deze brief bestaat niet (meer).';

export interface CampaignContext {
	campaign: Campaign;
	user: SessionUser;
	access: CampaignAccess;
}

export async function campaignContext(
	event: { params: { id: string }; locals: App.Locals; url: URL },
	options: { coordinator?: boolean } = {}
): Promise<CampaignContext> {
	const user = requireUser(event.locals, event.url);
	const campaign = await getCampaign(event.params.id);
	if (!campaign) error(404, NOT_FOUND);
	const access = await campaignAccess(user, campaign);
	// A draft is private: to anyone who may not know of it, it looks exactly like no letter at all.
	if (!access.see) error(404, NOT_FOUND);
	if (options.coordinator && !access.coordinate) {
		error(403, 'Alleen de coördinatoren van deze brief kunnen dit doen.');
	}
	return { campaign, user, access };
}
