import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { emailSchema } from '$lib/server/auth/login-code';
import { openForSigning } from '$lib/server/letter/open-for-signing';
import * as campaigns from '$lib/server/letter/campaigns';
import { coverage } from '$lib/server/letter/coverage';
import { publicOrigin } from '$lib/server/platform/env';
import { mailName } from '$lib/server/platform/names';
import { CONFIRM_MESSAGE, formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { enqueueMails } from '$lib/server/platform/mail';
import { consume } from '$lib/server/platform/rate-limit';
import { campaignContext } from './campaign-context';
import { mySignature } from '$lib/server/letter/signatures';
import { practicesOfUser } from '$lib/server/gemeenten/practices';
import { nextSigningStep, PRACTICES_BEFORE_SENDING } from '$lib/server/letter/next-step';
import { openCommentCount } from '$lib/server/letter/draft-comments';

export const load: PageServerLoad = async (event) => {
	const { campaign, access, user } = await campaignContext(event);
	const signing = access.coordinate && campaign.status === 'ter_ondertekening';
	const [coordinators, reach, mine, practices, openComments] = await Promise.all([
		campaigns.coordinatorsOf(campaign.id),
		// (Colleagues reading along with a draft get no signing counts: nothing can be signed yet.)
		access.coordinate || (access.readLetter && campaign.status !== 'concept') ? coverage(campaign.id, campaign.gemeenteCode) : null,
		signing ? mySignature(campaign.id, user.id) : null,
		signing ? practicesOfUser(user.id) : [],
		access.coordinate ? openCommentCount(campaign.id) : 0
	]);
	return {
		campaign,
		access,
		// Counts only: which practices have not signed stays on the coordinators' signers page.
		coverage: reach && { signers: reach.signers, practicesSigned: reach.practicesSigned, practicesTotal: reach.practicesTotal },
		coordinators: access.coordinate ? coordinators : coordinators.map((c) => ({ ...c, email: '' })),
		done: event.url.searchParams.get('klaar'),
		nextStep: signing
			? nextSigningStep({
					signedMyself: Boolean(mine && !mine.withdrawn),
					canSign: practices.some((p) => p.gemeenteCode === campaign.gemeenteCode),
					practicesSigned: reach?.practicesSigned ?? 0
				})
			: null,
		canSign: practices.some((p) => p.gemeenteCode === campaign.gemeenteCode),
		practicesBeforeSending: PRACTICES_BEFORE_SENDING,
		// Colleagues' remarks on the draft the coordinators have not handled yet.
		openComments
	};
};

export const actions: Actions = { openSigning, reopen, close, addCoordinator, askToJoin };

async function transition(event: RequestEvent, from: campaigns.CampaignStatus, to: campaigns.CampaignStatus, done: string) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	if (!isConfirmed(form)) return formFailure(400, done, { message: CONFIRM_MESSAGE });
	if (campaign.status !== from || !(await campaigns.changeStatus(campaign.id, user.id, from, to))) {
		return formFailure(409, done, { message: 'De status is intussen veranderd. Bekijk de pagina opnieuw.' });
	}
	return { campaign, user };
}

async function openSigning(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	if (!isConfirmed(form)) return formFailure(400, 'openSigning', { message: CONFIRM_MESSAGE });
	if ((await openForSigning(campaign.id, user.id)) === null) {
		return formFailure(409, 'openSigning', { message: 'De brief is intussen veranderd. Bekijk de pagina opnieuw.' });
	}
	redirect(303, `/campagnes/${campaign.id}?klaar=geopend`);
}

async function reopen(event: RequestEvent) {
	const result = await transition(event, 'ter_ondertekening', 'concept', 'reopen');
	if ('status' in result) return result;
	redirect(303, `/campagnes/${result.campaign.id}/brief`);
}

async function close(event: RequestEvent) {
	const result = await transition(event, 'verstuurd', 'afgerond', 'close');
	if ('status' in result) return result;
	redirect(303, `/campagnes/${result.campaign.id}?klaar=afgerond`);
}

async function addCoordinator(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { email: formString(form, 'email') };
	if (!(await consume({ name: 'add-coordinator', max: 10, windowSeconds: 3600 }, user.id))) {
		return formFailure(429, 'addCoordinator', {
			values,
			message: 'Je hebt het afgelopen uur al veel coördinatoren toegevoegd. Probeer het later opnieuw.'
		});
	}
	const parsed = emailSchema.safeParse(values.email);
	if (!parsed.success) return formFailure(400, 'addCoordinator', { values, errors: { email: parsed.error.issues[0].message } });
	const added = await campaigns.addCoordinator(campaign, user, parsed.data);
	if (added === 'already') {
		return formFailure(409, 'addCoordinator', { values, errors: { email: 'Deze persoon is al coördinator van deze brief.' } });
	}
	redirect(303, `/campagnes/${campaign.id}?klaar=coordinator`);
}

async function askToJoin(event: RequestEvent) {
	const { campaign, user, access } = await campaignContext(event);
	if (access.coordinate) redirect(303, `/campagnes/${campaign.id}`);
	if (!(await consume({ name: 'ask-to-join', max: 3, windowSeconds: 24 * 3600 }, `${user.id}:${campaign.id}`))) {
		return formFailure(429, 'askToJoin', { message: 'Je hebt dit vandaag al gevraagd. De coördinatoren hebben je bericht.' });
	}
	const coordinators = await campaigns.coordinatorsOf(campaign.id);
	// One insert: every coordinator hears of it, or nobody does and the form can be sent again.
	await enqueueMails(
		coordinators.map((coordinator) => ({
			to: coordinator.email,
			replyTo: user.email,
			subject: `${mailName(user.name, user.email)} wil meeschrijven aan de brief in ${campaign.gemeenteName}`,
			text: [
				`${mailName(user.name, 'Een collega')} (${user.email}) wil meeschrijven aan "${campaign.title}".`,
				'',
				`Voeg hem of haar toe als mede-coördinator op ${publicOrigin()}/campagnes/${campaign.id}, of antwoord op deze e-mail.`,
				'',
				'Laat je horen'
			].join('\n')
		}))
	);
	redirect(303, `/campagnes/${campaign.id}?klaar=gevraagd`);
}
