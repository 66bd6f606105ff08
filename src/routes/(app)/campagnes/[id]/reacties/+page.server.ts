// The parties' answers, for coordinators: a table party × numbered ask (the newest answer
// counts), every answer in full, answers that came by e-mail or phone entered by hand, the
// answer links (revoke, or make a new one that is shown once; both after ticking a box), and the
// reminder to parties that have not answered (one click, once a day).
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { CONFIRM_MESSAGE, fieldErrors, formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { formatDate, formatDateTime } from '$lib/format';
import * as responses from '$lib/server/letter/answers';
import * as answerLinks from '$lib/server/letter/answer-links';
import * as reminders from '$lib/server/letter/reminders';
import { campaignContext } from '../campaign-context';

export const load: PageServerLoad = async (event) => {
	const { campaign } = await campaignContext(event, { coordinator: true });
	const header = { id: campaign.id, title: campaign.title, gemeenteName: campaign.gemeenteName, status: campaign.status };
	const search = event.url.searchParams;
	const common = {
		campaign: header,
		answerLabels: responses.ASK_ANSWER_LABELS,
		saved: search.get('opgeslagen'),
		reminded: search.has('herinnerd') ? Number(search.get('herinnerd')) : null
	};
	if (campaign.status !== 'verstuurd' && campaign.status !== 'afgerond') return { ...common, sent: null };
	const [answers, unanswered, lastReminder] = await Promise.all([
		responses.answersOf(campaign),
		reminders.unansweredParties(campaign.id),
		reminders.lastPartyReminder(campaign.id)
	]);
	return {
		...common,
		sent: {
			at: campaign.sentAt ? formatDate(campaign.sentAt) : null,
			asks: answers.asks,
			recipients: answers.recipients.map((r) => ({
				...r,
				responses: r.responses.map((response) => ({
					...response,
					at: formatDateTime(response.createdAt),
					disowned: response.disowned ? { at: formatDateTime(response.disowned.at), note: response.disowned.note } : null,
					channelLabel: responses.CHANNEL_LABELS[response.channel]
				})),
				activeLink: r.activeLink ? { until: formatDate(r.activeLink.expiresAt) } : null
			})),
			answered: answers.recipients.filter((r) => r.responses.length > 0).length,
			unanswered: unanswered.map((p) => ({ id: p.partyId, name: p.name, reachable: p.emails.length > 0 })),
			canRemind: campaign.status === 'verstuurd',
			lastReminder: lastReminder ? formatDateTime(lastReminder) : null
		}
	};
};

export const actions: Actions = { enterAnswer, renewLink, revokeLink, remind };

async function enterAnswer(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const answers = await responses.answersOf(campaign);
	const values = {
		...responses.readResponseForm(form, answers.asks),
		partyId: formString(form, 'partyId'),
		channel: formString(form, 'channel')
	};
	const parsed = responses.responseSchema(answers.asks).safeParse(values);
	const channel = responses.enteredChannelSchema.safeParse(values.channel);
	const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error.issues);
	if (!answers.recipients.some((r) => r.partyId === values.partyId)) errors.partyId = 'Kies de partij die antwoordde.';
	if (!channel.success) errors.channel = channel.error.issues[0].message;
	if (!parsed.success || !channel.success || errors.partyId) return formFailure(400, 'enterAnswer', { values, errors });
	const ok = await responses.enterResponse(campaign, values.partyId, user.id, channel.data, parsed.data);
	if (!ok) {
		return formFailure(409, 'enterAnswer', {
			values,
			message: 'De brief is niet naar deze partij gestuurd, of de campagne is nog niet verstuurd.'
		});
	}
	redirect(303, `/campagnes/${campaign.id}/reacties?opgeslagen=antwoord#partij-${values.partyId}`);
}

// Renewing or revoking kills the link the party already got by e-mail, so both ask first.

async function renewLink(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { partyId: formString(form, 'partyId') };
	if (!isConfirmed(form)) return formFailure(400, 'renewLink', { values, message: CONFIRM_MESSAGE });
	const link = await answerLinks.renewLink(campaign.id, values.partyId, user.id);
	if (!link) return formFailure(404, 'renewLink', { values, message: 'De brief is niet naar deze partij gestuurd.' });
	// Shown once: only the hash is stored.
	return { action: 'renewLink' as const, values, url: link.url, until: formatDate(link.expiresAt) };
}

async function revokeLink(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { partyId: formString(form, 'partyId') };
	if (!isConfirmed(form)) return formFailure(400, 'revokeLink', { values, message: CONFIRM_MESSAGE });
	const ok = await answerLinks.revokeLinks(campaign.id, values.partyId, user.id);
	if (!ok) return formFailure(404, 'revokeLink', { values, message: 'De brief is niet naar deze partij gestuurd.' });
	redirect(303, `/campagnes/${campaign.id}/reacties?opgeslagen=ingetrokken#partij-${values.partyId}`);
}

// One click, as the fourteen-day e-mail promises: a reminder harms nobody, and the page names
// who gets it next to the button. It counts once a day only when it went out, so a failure can be retried at once.
async function remind(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const count = await reminders.remindPartiesOnceADay(campaign, user.id);
	if (count === 'already_today') {
		return formFailure(429, 'remind', { message: 'De partijen zijn vandaag al herinnerd. Probeer het morgen opnieuw.' });
	}
	if (count === null) {
		return formFailure(409, 'remind', { message: 'Herinneren kan alleen zolang de brief verstuurd en niet afgerond is.' });
	}
	redirect(303, `/campagnes/${campaign.id}/reacties?herinnerd=${count}#herinneren`);
}
