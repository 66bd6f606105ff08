// Reading and signing the letter: sign with name, practice and BIG number; withdraw until it is
// sent (with a confirmation step that works without JavaScript: ?intrekken); confirm a newer
// text after a reopen. Who may sign is authz.campaignAccess; every action asks again.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { formatDate } from '$lib/format';
import { practicesOfUser } from '$lib/server/gemeenten/practices';
import * as signatures from '$lib/server/letter/signatures';
import { getProfile } from '$lib/server/auth/users';
import { campaignContext } from '../campaign-context';
import { isSent } from '$lib/campaign-status';

export const load: PageServerLoad = async (event) => {
	const { campaign, user, access } = await campaignContext(event);
	const open = campaign.status === 'ter_ondertekening';
	const sent = isSent(campaign.status);
	const showLetter = access.readLetter && (open || sent) && campaign.signingRevisionId !== null;
	const [mine, practices, profile, revision] = await Promise.all([
		signatures.mySignature(campaign.id, user.id),
		practicesOfUser(user.id),
		getProfile(user.id),
		showLetter ? signatures.revisionById(campaign.signingRevisionId!) : null
	]);
	const here = `/campagnes/${campaign.id}/ondertekenen`;
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			status: campaign.status,
			gemeenteName: campaign.gemeenteName,
			gemeenteSlug: campaign.gemeenteSlug,
			sentOn: campaign.sentAt ? formatDate(campaign.sentAt) : null
		},
		access,
		revision,
		signature: mine && !mine.withdrawn ? mine : null,
		withdrawnBefore: mine?.withdrawn ?? false,
		practices: practices
			.filter((p) => p.gemeenteCode === campaign.gemeenteCode)
			.map((p) => ({ id: p.id, name: p.name, address: p.address })),
		prefill: { signerName: profile.name ?? '', bigNumber: profile.bigNumber ?? '' },
		// Back here after adding or joining a practice on the account page.
		accountLink: `/account?gemeente=${campaign.gemeenteCode}&naar=${encodeURIComponent(here)}#praktijk`,
		confirmWithdraw: event.url.searchParams.has('intrekken'),
		done: event.url.searchParams.get('klaar'),
		big: event.url.searchParams.get('big')
	};
};

export const actions: Actions = { sign, withdraw, confirm };

async function sign(event: RequestEvent) {
	const { campaign, user, access } = await campaignContext(event);
	const form = await event.request.formData();
	const values = {
		practiceId: formString(form, 'practiceId'),
		signerName: formString(form, 'signerName'),
		bigNumber: formString(form, 'bigNumber'),
		showName: formString(form, 'showName') === 'ja'
	};
	if (!access.sign) {
		const message =
			campaign.status === 'ter_ondertekening'
				? `Je kunt deze brief niet ondertekenen: hij is voor de huisartsen van ${campaign.gemeenteName}. Koppel eerst je praktijk daar aan je account.`
				: 'De brief ligt nu niet ter ondertekening.';
		return formFailure(403, 'sign', { values, message });
	}
	const parsed = signatures.signSchema.safeParse(values);
	if (!parsed.success) {
		return formFailure(400, 'sign', { values, errors: fieldErrors(parsed.error.issues) });
	}
	const { result, outcome } = await signatures.signAndVerify(campaign.id, user, parsed.data);
	switch (result) {
		case 'practice_not_allowed':
			return formFailure(400, 'sign', {
				values,
				errors: { practiceId: `Kies een praktijk in ${campaign.gemeenteName} waaraan je gekoppeld bent.` }
			});
		case 'closed':
			return formFailure(409, 'sign', { values, message: 'De brief ligt niet meer ter ondertekening.' });
		case 'already_signed':
			redirect(303, `/campagnes/${campaign.id}/ondertekenen?klaar=al-ondertekend`);
		case 'signed':
			// What the register said, so the signer knows whether the signature counts as verified.
			redirect(303, `/campagnes/${campaign.id}/ondertekenen?klaar=ondertekend${outcome ? `&big=${outcome}` : ''}`);
	}
}

async function withdraw(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event);
	const form = await event.request.formData();
	if (!isConfirmed(form)) {
		redirect(303, `/campagnes/${campaign.id}/ondertekenen?intrekken`);
	}
	const result = await signatures.withdrawSignature(campaign.id, user.id);
	if (result === 'not_signed') {
		return formFailure(409, 'withdraw', { message: 'Je hebt deze brief niet (meer) ondertekend; er was niets in te trekken.' });
	}
	if (result === 'closed') {
		return formFailure(409, 'withdraw', {
			message: 'De brief is verstuurd: je handtekening ligt vast en kan niet meer worden ingetrokken.'
		});
	}
	redirect(303, `/campagnes/${campaign.id}/ondertekenen?klaar=ingetrokken`);
}

async function confirm(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event);
	const result = await signatures.confirmSignature(campaign.id, user.id);
	if (result === 'closed') {
		return formFailure(409, 'confirm', {
			message: 'De brief ligt nu niet ter ondertekening; bevestigen kan pas als hij weer open is.'
		});
	}
	if (result === 'not_signed') {
		return formFailure(409, 'confirm', { message: 'Je hebt deze brief niet (meer) ondertekend.' });
	}
	redirect(303, `/campagnes/${campaign.id}/ondertekenen?klaar=bevestigd`);
}
