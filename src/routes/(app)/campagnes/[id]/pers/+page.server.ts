// The letter's press contact, for its coordinators: who is on the public page (or who was asked
// and has not agreed yet), a form to step forward oneself with the name, e-mail and phone shown
// (and the tick that agrees to it), one to ask a fellow coordinator (they get a mail), and one to
// take the contact off the page. Every form works without JavaScript.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, mayBePressContact, mayChoosePressContact } from '$lib/server/auth/permissions';
import { coordinatorsOf } from '$lib/server/letter/campaigns';
import * as press from '$lib/server/letter/press-contact';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { formatDate } from '$lib/format';
import { campaignContext } from '../campaign-context';

export const load: PageServerLoad = async (event) => {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const [contact, coordinators, roles] = await Promise.all([press.pressContactOf(campaign.id), coordinatorsOf(campaign.id), loadRoles(user.id)]);
	const mine = contact?.userId === user.id;
	return {
		campaign: { id: campaign.id, title: campaign.title, gemeenteName: campaign.gemeenteName, gemeenteSlug: campaign.gemeenteSlug, status: campaign.status },
		contact: contact && {
			mine,
			consented: contact.consentedAt !== null,
			name: contact.name,
			email: contact.email,
			phone: contact.phone,
			who: contact.account.name ?? contact.account.email,
			chosenBy: contact.chosenBy,
			chosenAt: formatDate(contact.chosenAt),
			consentedAt: contact.consentedAt ? formatDate(contact.consentedAt) : null
		},
		// What the consent form starts with: what is shown now if it is mine, else my own account.
		me: {
			canBe: mayBePressContact(roles, campaign.id),
			name: mine && contact?.name ? contact.name : (user.name ?? ''),
			email: mine && contact?.email ? contact.email : user.email,
			phone: mine ? (contact?.phone ?? '') : ''
		},
		others: coordinators
			.filter((c) => c.userId !== user.id)
			.map((c) => ({ userId: c.userId, label: c.name ? `${c.name} (${c.email})` : c.email })),
		done: event.url.searchParams.get('klaar')
	};
};

export const actions: Actions = { consent, ask, remove };

async function consent(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { name: formString(form, 'name'), email: formString(form, 'email'), phone: formString(form, 'phone') };
	if (!mayBePressContact(await loadRoles(user.id), campaign.id)) {
		return formFailure(403, 'consent', { values, message: 'Alleen een coördinator van deze brief kan perscontact zijn.' });
	}
	const parsed = press.pressContactSchema.safeParse({ ...values, consent: formString(form, 'consent') });
	if (!parsed.success) return formFailure(400, 'consent', { values, errors: fieldErrors(parsed.error.issues) });
	if ((await press.consentAsPressContact(campaign.id, user.id, parsed.data)) !== 'consented') {
		return formFailure(403, 'consent', { values, message: 'Alleen een coördinator van deze brief kan perscontact zijn.' });
	}
	redirect(303, `/campagnes/${campaign.id}/pers?klaar=toestemming`);
}

async function ask(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { userId: formString(form, 'userId') };
	if (!mayChoosePressContact(await loadRoles(user.id), campaign.id)) {
		return formFailure(403, 'ask', { values, message: 'Alleen de coördinatoren van deze brief kunnen het perscontact kiezen.' });
	}
	const coordinators = await coordinatorsOf(campaign.id);
	if (!values.userId || values.userId === user.id || !coordinators.some((c) => c.userId === values.userId)) {
		return formFailure(400, 'ask', { values, errors: { userId: 'Kies een mede-coördinator van deze brief.' } });
	}
	const result = await press.choosePressContact(campaign, user, values.userId);
	if (result !== 'chosen') {
		return formFailure(409, 'ask', { values, message: 'Dat kan niet (meer): bekijk de pagina opnieuw.' });
	}
	redirect(303, `/campagnes/${campaign.id}/pers?klaar=gevraagd`);
}

async function remove(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const result = await press.removePressContact(campaign.id, user.id);
	if (result === 'forbidden') {
		return formFailure(403, 'remove', { message: 'Alleen de coördinatoren van deze brief kunnen het perscontact weghalen.' });
	}
	redirect(303, `/campagnes/${campaign.id}/pers?klaar=${result === 'removed' ? 'weg' : 'geen'}`);
}
