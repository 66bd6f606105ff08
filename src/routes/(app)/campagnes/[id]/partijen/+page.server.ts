// The recipients: the parties of the campaign's gemeente and their contact addresses, kept by
// the coordinators; plus the CSV import (check first, then import all valid lines at once).
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formString } from '$lib/server/platform/forms';
import { formatDate } from '$lib/server/letter/deliveries';
import * as parties from '$lib/server/gemeenten/parties';
import { isSent } from '$lib/campaign-status';
import { campaignContext } from '../campaign-context';

// The recipients are the gemeente's; once this letter is sent they are part of its record, so a
// coordinator changes them only while the letter is still being written or signed. The page then
// shows no forms; a tab opened before the sending that still posts gets this refusal in the page.
const FIXED_MESSAGE = 'Dit is niet opgeslagen: de brief is inmiddels verstuurd en de ontvangers liggen vast.';

async function editableRecipients(event: RequestEvent) {
	const context = await campaignContext(event, { coordinator: true });
	return { ...context, fixed: isSent(context.campaign.status) };
}

function refuseFixed() {
	return fail(409, { action: 'fixed' as const, message: FIXED_MESSAGE });
}

export const load: PageServerLoad = async (event) => {
	const { campaign } = await campaignContext(event, { coordinator: true });
	const list = await parties.partiesInGemeente(campaign.gemeenteCode);
	const search = event.url.searchParams;
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			gemeenteName: campaign.gemeenteName,
			status: campaign.status
		},
		fixed: isSent(campaign.status),
		sentAt: campaign.sentAt ? formatDate(campaign.sentAt) : null,
		parties: list,
		suggestions: [...parties.PARTY_SUGGESTIONS],
		roles: parties.CONTACT_ROLES,
		saved: search.get('opgeslagen'),
		imported:
			search.get('opgeslagen') === 'import'
				? { parties: Number(search.get('partijen') ?? 0), contacts: Number(search.get('adressen') ?? 0) }
				: null
	};
};

export const actions: Actions = {
	addParty,
	updateParty,
	removeParty,
	addContact,
	updateContact,
	removeContact,
	previewImport,
	importParties
};

function back(event: RequestEvent, saved: string, anchor = ''): never {
	redirect(303, `/campagnes/${event.params.id}/partijen?opgeslagen=${saved}${anchor}`);
}

async function addParty(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const form = await event.request.formData();
	const values = { name: formString(form, 'name'), abbreviation: formString(form, 'abbreviation') };
	const parsed = parties.partySchema.safeParse(values);
	if (!parsed.success) return fail(400, { action: 'addParty' as const, values, errors: fieldErrors(parsed.error.issues) });
	const result = await parties.saveParty(user.id, campaign.gemeenteCode, null, parsed.data);
	if (result === 'exists' || result === 'not_found') {
		return fail(409, {
			action: 'addParty' as const,
			values,
			errors: { name: `Er staat al een partij "${parsed.data.name}" in ${campaign.gemeenteName}.` } as Record<string, string>
		});
	}
	back(event, 'partij', `#partij-${result.id}`);
}

async function updateParty(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const form = await event.request.formData();
	const partyId = formString(form, 'partyId');
	const values = { name: formString(form, 'name'), abbreviation: formString(form, 'abbreviation') };
	const parsed = parties.partySchema.safeParse(values);
	if (!parsed.success) {
		return fail(400, { action: 'updateParty' as const, partyId, values, errors: fieldErrors(parsed.error.issues) });
	}
	const result = await parties.saveParty(user.id, campaign.gemeenteCode, partyId, parsed.data);
	if (result === 'not_found') {
		return fail(404, { action: 'updateParty' as const, partyId, values, errors: { form: 'Deze partij bestaat niet (meer).' } as Record<string, string> });
	}
	if (result === 'exists') {
		return fail(409, {
			action: 'updateParty' as const,
			partyId,
			values,
			errors: { name: `Er staat al een partij "${parsed.data.name}" in ${campaign.gemeenteName}.` } as Record<string, string>
		});
	}
	back(event, 'partij', `#partij-${partyId}`);
}

async function removeParty(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const partyId = formString(await event.request.formData(), 'partyId');
	const result = await parties.removeParty(user.id, campaign.gemeenteCode, partyId);
	if (result === 'in_use') {
		return fail(409, {
			action: 'removeParty' as const,
			partyId,
			message: 'Deze partij heeft al een brief gekregen of geantwoord. Ze blijft staan, zodat die geschiedenis klopt.'
		});
	}
	back(event, 'verwijderd');
}

function readContact(form: FormData) {
	return { email: formString(form, 'email'), role: formString(form, 'role') || 'fractie', name: formString(form, 'contactName') };
}

async function addContact(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const form = await event.request.formData();
	const partyId = formString(form, 'partyId');
	const values = readContact(form);
	const parsed = parties.contactSchema.safeParse(values);
	if (!parsed.success) {
		return fail(400, { action: 'addContact' as const, partyId, values, errors: fieldErrors(parsed.error.issues) });
	}
	const result = await parties.saveContact(user.id, campaign.gemeenteCode, partyId, null, parsed.data);
	if (result !== 'saved') {
		return fail(result === 'exists' ? 409 : 404, {
			action: 'addContact' as const,
			partyId,
			values,
			errors: (result === 'exists'
				? { email: 'Deze partij heeft dit e-mailadres al.' }
				: { form: 'Deze partij bestaat niet (meer).' }) as Record<string, string>
		});
	}
	back(event, 'adres', `#partij-${partyId}`);
}

async function updateContact(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const form = await event.request.formData();
	const partyId = formString(form, 'partyId');
	const contactId = formString(form, 'contactId');
	const values = readContact(form);
	const parsed = parties.contactSchema.safeParse(values);
	if (!parsed.success) {
		return fail(400, { action: 'updateContact' as const, partyId, contactId, values, errors: fieldErrors(parsed.error.issues) });
	}
	const result = await parties.saveContact(user.id, campaign.gemeenteCode, partyId, contactId, parsed.data);
	if (result !== 'saved') {
		return fail(result === 'exists' ? 409 : 404, {
			action: 'updateContact' as const,
			partyId,
			contactId,
			values,
			errors: (result === 'exists'
				? { email: 'Deze partij heeft dit e-mailadres al.' }
				: { form: 'Dit adres bestaat niet (meer).' }) as Record<string, string>
		});
	}
	back(event, 'adres', `#partij-${partyId}`);
}

async function removeContact(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const form = await event.request.formData();
	const partyId = formString(form, 'partyId');
	await parties.removeContact(user.id, campaign.gemeenteCode, formString(form, 'contactId'));
	back(event, 'adres-verwijderd', `#partij-${partyId}`);
}

/** The CSV text of an import form: an uploaded file wins over the text area. */
async function readCsv(form: FormData): Promise<{ text: string } | { error: string }> {
	const file = form.get('bestand');
	if (file instanceof File && file.size > 0) {
		if (file.size > parties.IMPORT_MAX_BYTES) return { error: 'Het bestand is groter dan 100 kB. Splits het in delen.' };
		return { text: parties.decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) };
	}
	return { text: formString(form, 'csv') };
}

async function previewImport(event: RequestEvent) {
	const { campaign, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const csv = await readCsv(await event.request.formData());
	if ('error' in csv) return fail(400, { action: 'previewImport' as const, csv: '', message: csv.error });
	const preview = parties.previewImport(csv.text, await parties.partiesInGemeente(campaign.gemeenteCode));
	const text = csv.text.replace(/^\uFEFF/, '');
	if (preview.fileError) return fail(400, { action: 'previewImport' as const, csv: text, message: preview.fileError });
	return { action: 'previewImport' as const, csv: text, preview };
}

async function importParties(event: RequestEvent) {
	const { campaign, user, fixed } = await editableRecipients(event);
	if (fixed) return refuseFixed();
	const csv = formString(await event.request.formData(), 'csv');
	// Checked again: the list may have changed since the preview, and the form is the client's.
	const preview = parties.previewImport(csv, await parties.partiesInGemeente(campaign.gemeenteCode));
	if (preview.fileError) return fail(400, { action: 'previewImport' as const, csv, message: preview.fileError });
	const added = await parties.applyImport(user.id, campaign.gemeenteCode, preview);
	redirect(303, `/campagnes/${campaign.id}/partijen?opgeslagen=import&partijen=${added.parties}&adressen=${added.contacts}`);
}
