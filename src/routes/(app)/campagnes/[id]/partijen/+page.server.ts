// The recipients: the parties of the campaign's gemeente and their contact addresses, kept by
// the coordinators (permissions.mayEditPartyList); plus the CSV import (check first, then import
// all valid lines at once).
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { formatDate } from '$lib/format';
import { loadRoles, mayEditPartyList } from '$lib/server/auth/permissions';
import * as parties from '$lib/server/gemeenten/parties';
import * as partyImport from '$lib/server/gemeenten/party-import';
import { isSent } from '$lib/campaign-status';
import { campaignContext } from '../campaign-context';

// The recipients are the gemeente's; once this letter is sent they are part of its record, so a
// coordinator changes them only while the letter is still being written or signed. The page then
// shows no forms; a tab opened before the sending that still posts gets this refusal in the page.
const FIXED_MESSAGE = 'Dit is niet opgeslagen: de brief is inmiddels verstuurd en de ontvangers liggen vast.';

/** The campaign and its coordinator, or (as the failure to return) why the list cannot change. */
async function editableRecipients(event: RequestEvent) {
	const context = await campaignContext(event, { coordinator: true });
	const allowed = mayEditPartyList(await loadRoles(context.user.id), context.campaign);
	return { ...context, refusal: allowed ? null : formFailure(409, 'fixed', { message: FIXED_MESSAGE }) };
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

function readParty(form: FormData) {
	return { partyId: formString(form, 'partyId'), name: formString(form, 'name'), abbreviation: formString(form, 'abbreviation') };
}

function readContact(form: FormData) {
	return {
		partyId: formString(form, 'partyId'),
		contactId: formString(form, 'contactId'),
		email: formString(form, 'email'),
		role: formString(form, 'role') || 'fractie',
		name: formString(form, 'contactName')
	};
}

const taken = (name: string, gemeenteName: string) => ({ name: `Er staat al een partij "${name}" in ${gemeenteName}.` });

async function addParty(event: RequestEvent) {
	const { campaign, user, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const values = readParty(await event.request.formData());
	const parsed = parties.partySchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'addParty', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await parties.saveParty(user.id, campaign.gemeenteCode, null, parsed.data);
	if (result === 'exists' || result === 'not_found') {
		return formFailure(409, 'addParty', { values, errors: taken(parsed.data.name, campaign.gemeenteName) });
	}
	back(event, 'partij', `#partij-${result.id}`);
}

async function updateParty(event: RequestEvent) {
	const { campaign, user, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const values = readParty(await event.request.formData());
	const parsed = parties.partySchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'updateParty', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await parties.saveParty(user.id, campaign.gemeenteCode, values.partyId, parsed.data);
	if (result === 'not_found') return formFailure(404, 'updateParty', { values, message: 'Deze partij bestaat niet (meer).' });
	if (result === 'exists') return formFailure(409, 'updateParty', { values, errors: taken(parsed.data.name, campaign.gemeenteName) });
	back(event, 'partij', `#partij-${values.partyId}`);
}

async function removeParty(event: RequestEvent) {
	const { campaign, user, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const values = { partyId: formString(await event.request.formData(), 'partyId') };
	const result = await parties.removeParty(user.id, campaign.gemeenteCode, values.partyId);
	if (result === 'in_use') {
		return formFailure(409, 'removeParty', {
			values,
			message: 'Deze partij heeft al een brief gekregen of geantwoord. Ze blijft staan, zodat die geschiedenis klopt.'
		});
	}
	back(event, 'verwijderd');
}

async function saveContact(event: RequestEvent, action: 'addContact' | 'updateContact') {
	const { campaign, user, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const values = readContact(await event.request.formData());
	const parsed = parties.contactSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, action, { values, errors: fieldErrors(parsed.error.issues) });
	const contactId = action === 'updateContact' ? values.contactId : null;
	const result = await parties.saveContact(user.id, campaign.gemeenteCode, values.partyId, contactId, parsed.data);
	if (result === 'exists') return formFailure(409, action, { values, errors: { email: 'Deze partij heeft dit e-mailadres al.' } });
	if (result === 'not_found') {
		return formFailure(404, action, { values, message: contactId ? 'Dit adres bestaat niet (meer).' : 'Deze partij bestaat niet (meer).' });
	}
	back(event, 'adres', `#partij-${values.partyId}`);
}

function addContact(event: RequestEvent) {
	return saveContact(event, 'addContact');
}

function updateContact(event: RequestEvent) {
	return saveContact(event, 'updateContact');
}

async function removeContact(event: RequestEvent) {
	const { campaign, user, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const form = await event.request.formData();
	const partyId = formString(form, 'partyId');
	await parties.removeContact(user.id, campaign.gemeenteCode, formString(form, 'contactId'));
	back(event, 'adres-verwijderd', `#partij-${partyId}`);
}

/** The CSV text of an import form: an uploaded file wins over the text area. */
async function readCsv(form: FormData): Promise<{ text: string } | { error: string }> {
	const file = form.get('bestand');
	if (file instanceof File && file.size > 0) {
		if (file.size > partyImport.IMPORT_MAX_BYTES) return { error: 'Het bestand is groter dan 100 kB. Splits het in delen.' };
		const text = partyImport.decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
		// A spreadsheet or other binary file instead of CSV text.
		if (text.includes('\u0000')) {
			return { error: 'Dit bestand is geen CSV-tekst (misschien een Excel-bestand). Kies in Excel "Opslaan als" → "CSV UTF-8" en kies dat bestand.' };
		}
		return { text };
	}
	return { text: formString(form, 'csv') };
}

async function previewImport(event: RequestEvent) {
	const { campaign, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const csv = await readCsv(await event.request.formData());
	if ('error' in csv) return formFailure(400, 'previewImport', { values: { csv: '' }, message: csv.error });
	const preview = partyImport.previewImport(csv.text, await parties.partiesInGemeente(campaign.gemeenteCode));
	const text = csv.text.replace(/^\uFEFF/, '');
	if (preview.fileError) return formFailure(400, 'previewImport', { values: { csv: text }, message: preview.fileError });
	return { action: 'previewImport' as const, csv: text, preview };
}

async function importParties(event: RequestEvent) {
	const { campaign, user, refusal } = await editableRecipients(event);
	if (refusal) return refusal;
	const csv = formString(await event.request.formData(), 'csv');
	// Checked again: the list may have changed since the preview, and the form is the client's.
	const preview = partyImport.previewImport(csv, await parties.partiesInGemeente(campaign.gemeenteCode));
	if (preview.fileError) return formFailure(400, 'previewImport', { values: { csv }, message: preview.fileError });
	const added = await partyImport.applyImport(user.id, campaign.gemeenteCode, preview);
	redirect(303, `/campagnes/${campaign.id}/partijen?opgeslagen=import&partijen=${added.parties}&adressen=${added.contacts}`);
}
