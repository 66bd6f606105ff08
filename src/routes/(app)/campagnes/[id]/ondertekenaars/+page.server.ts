// Coordinators only: coverage in the gemeente, the practices not reached yet, every signature
// (with BIG number, to verify), invitations by e-mail and the link to share.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { coverage } from '$lib/server/letter/coverage';
import { formatDate, formatShortDate } from '$lib/format';
import { formFailure, formString } from '$lib/server/platform/forms';
import * as invitations from '$lib/server/letter/invitations';
import * as signatures from '$lib/server/letter/signatures';
import { getProfile } from '$lib/server/auth/users';
import { campaignContext } from '../campaign-context';
import { isSent } from '$lib/campaign-status';

export const load: PageServerLoad = async (event) => {
	const { campaign } = await campaignContext(event, { coordinator: true });
	const [reach, list, invited] = await Promise.all([
		coverage(campaign.id, campaign.gemeenteCode),
		signatures.signaturesOf(campaign.id),
		invitations.invitationsOf(campaign.id)
	]);
	const now = Date.now();
	const sent = isSent(campaign.status);
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			status: campaign.status,
			gemeenteName: campaign.gemeenteName
		},
		// Once sent, inviting and signing are closed: the page says so and no longer offers the link.
		sent: sent ? { at: campaign.sentAt ? formatDate(campaign.sentAt) : null } : null,
		coverage: reach,
		signatures: list.map((s) => ({ ...s, signedOn: formatShortDate(s.createdAt) })),
		invitations: invited.map((i) => ({
			email: i.email,
			invitedOn: formatShortDate(i.invitedAt),
			status: i.acceptedAt
				? 'Geaccepteerd'
				: new Date(i.expiresAt).getTime() <= now
					? 'Verlopen'
					: `Open tot ${formatShortDate(i.expiresAt)}`
		})),
		shareLink: sent ? null : `${event.url.origin}/campagnes/${campaign.id}/ondertekenen`,
		canVerify: campaign.status === 'concept' || campaign.status === 'ter_ondertekening',
		invited: event.url.searchParams.get('uitgenodigd'),
		alreadySigned: event.url.searchParams.get('al-getekend'),
		done: event.url.searchParams.get('klaar')
	};
};

export const actions: Actions = { verify, invite };

async function verify(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const result = await signatures.verifySignature(
		campaign.id,
		formString(form, 'signatureId'),
		user.id,
		formString(form, 'verified') === 'ja'
	);
	if (result === 'closed') {
		return formFailure(409, 'verify', { message: 'De brief is verstuurd: de handtekeningen liggen vast.' });
	}
	if (result === 'not_found') {
		return formFailure(404, 'verify', { message: 'Deze handtekening bestaat niet (meer) of is ingetrokken.' });
	}
	redirect(303, `/campagnes/${campaign.id}/ondertekenaars?klaar=${result}#handtekeningen`);
}

async function invite(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const raw = formString(await event.request.formData(), 'emails');
	const parsed = invitations.parseEmailList(raw);
	// One message per bad line, each on its own line of the field's error.
	if (!parsed.ok) return formFailure(400, 'invite', { values: { emails: raw }, errors: { emails: parsed.errors.join('\n') } });
	const profile = await getProfile(user.id);
	const result = await invitations.inviteColleagues(
		campaign,
		{ id: user.id, email: user.email, name: profile.name },
		parsed.emails
	);
	if (result === 'closed') {
		return formFailure(409, 'invite', {
			values: { emails: raw },
			message: 'Uitnodigen kan alleen zolang de brief ter ondertekening ligt.'
		});
	}
	const sent = result.filter((r) => r.status === 'invited').length;
	const skipped = result.filter((r) => r.status === 'already_signed').length;
	const limited = result.filter((r) => r.status === 'rate_limited').map((r) => r.email);
	if (limited.length > 0) {
		return formFailure(429, 'invite', {
			// Keep only what still has to go, so sending again later is one click.
			values: { emails: limited.join('\n') },
			message: `${sent} ${sent === 1 ? 'uitnodiging is' : 'uitnodigingen zijn'} verstuurd. De ${limited.length} adressen hieronder niet: je kunt hoogstens ${invitations.INVITE_LIMIT.max} uitnodigingen per uur sturen. Probeer het over een uur opnieuw.`
		});
	}
	redirect(303, `/campagnes/${campaign.id}/ondertekenaars?uitgenodigd=${sent}&al-getekend=${skipped}#uitnodigen`);
}
