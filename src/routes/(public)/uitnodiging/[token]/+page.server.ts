// An invitation link (/uitnodiging/<token>). Unknown or expired: say so. Not signed in: explain
// and offer to sign in (back here afterwards). Signed in with the invited address: mark it
// accepted and go to the letter. With another address: say so, and continue only when that
// account may read the letter anyway (authz.campaignAccess).
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { campaignAccess } from '$lib/server/auth/permissions';
import * as invitations from '$lib/server/letter/invitations';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const found = await invitations.findInvitation(params.token);
	if (!found) return { state: 'unknown' as const };
	const campaign = {
		id: found.campaign.id,
		title: found.campaign.title,
		gemeenteName: found.campaign.gemeenteName
	};
	if (found.expired) return { state: 'expired' as const, campaign };
	const user = locals.user;
	if (!user) {
		return {
			state: 'sign_in' as const,
			campaign,
			invitedEmail: found.email,
			inviterName: found.inviterName,
			signInLink: `/inloggen?naar=${encodeURIComponent(url.pathname)}`
		};
	}
	const result = await invitations.acceptInvitation(found.id, user.id);
	if (result === 'accepted') redirect(303, `/campagnes/${campaign.id}/ondertekenen`);
	if (result === 'invalid') return { state: 'expired' as const, campaign };
	const access = await campaignAccess(user, {
		id: found.campaign.id,
		gemeenteCode: found.campaign.gemeenteCode,
		status: found.campaign.status
	});
	return {
		state: 'other_email' as const,
		campaign,
		invitedEmail: found.email,
		userEmail: user.email,
		canContinue: access.readLetter || access.sign
	};
};
