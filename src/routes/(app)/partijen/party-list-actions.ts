// The actions that change a gemeente's party list, shared by the two pages that show the editor:
// a letter's recipients page and the gemeente's own party page. Each page says, per request, which
// gemeente it is about, who edits, where to go back to, and whether this person may edit now
// (permissions.mayEditPartyList; the database checks it again). Every change is attributed and
// mails the other coordinators there (gemeenten/parties.ts).
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import * as parties from '$lib/server/gemeenten/parties';
import * as partyImport from '$lib/server/gemeenten/party-import';

export interface PartyListContext {
	gemeente: parties.Gemeente;
	editor: parties.Editor;
	/** The page to come back to after a change (an anchor is added). */
	back: string;
	/** Why this person may not change the list now (403: not allowed; 409: the letter was sent
	 * meanwhile), or null when they may. */
	refusal: { status: 403 | 409; message: string } | null;
}

export const NOT_ALLOWED = {
	status: 403,
	message:
		'Dit is niet opgeslagen: je mag de partijenlijst van deze gemeente niet (meer) wijzigen. Dat kunnen de kring, beheerders en geverifieerde huisartsen die een brief in deze gemeente coördineren.'
} as const;

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

const refuse = (refusal: { status: 403 | 409; message: string }) => formFailure(refusal.status, 'refused', { message: refusal.message });

/** The table of contents of a party-list page's actions. */
export function partyListActions<E extends RequestEvent>(resolve: (event: E) => Promise<PartyListContext>) {
	function back(context: PartyListContext, saved: string, anchor = ''): never {
		const join = context.back.includes('?') ? '&' : '?';
		redirect(303, `${context.back}${join}opgeslagen=${saved}${anchor}`);
	}

	const taken = (name: string, context: PartyListContext) => ({ name: `Er staat al een partij "${name}" in ${context.gemeente.name}.` });

	async function addParty(event: E) {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const values = readParty(await event.request.formData());
		const parsed = parties.partySchema.safeParse(values);
		if (!parsed.success) return formFailure(400, 'addParty', { values, errors: fieldErrors(parsed.error.issues) });
		const result = await parties.saveParty(context.editor, context.gemeente, null, parsed.data);
		if (result === 'not_allowed') return refuse(NOT_ALLOWED);
		if (result === 'exists' || result === 'not_found') return formFailure(409, 'addParty', { values, errors: taken(parsed.data.name, context) });
		back(context, 'partij', `#partij-${result.id}`);
	}

	async function updateParty(event: E) {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const values = readParty(await event.request.formData());
		const parsed = parties.partySchema.safeParse(values);
		if (!parsed.success) return formFailure(400, 'updateParty', { values, errors: fieldErrors(parsed.error.issues) });
		const result = await parties.saveParty(context.editor, context.gemeente, values.partyId, parsed.data);
		if (result === 'not_allowed') return refuse(NOT_ALLOWED);
		if (result === 'not_found') return formFailure(404, 'updateParty', { values, message: 'Deze partij bestaat niet (meer) in deze gemeente.' });
		if (result === 'exists') return formFailure(409, 'updateParty', { values, errors: taken(parsed.data.name, context) });
		back(context, 'partij', `#partij-${values.partyId}`);
	}

	async function removeParty(event: E) {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const values = { partyId: formString(await event.request.formData(), 'partyId') };
		const result = await parties.removeParty(context.editor, context.gemeente, values.partyId);
		if (result === 'not_allowed') return refuse(NOT_ALLOWED);
		if (result === 'not_found') {
			return formFailure(404, 'removeParty', { values, message: `Deze partij staat niet (meer) in de lijst van ${context.gemeente.name}; er is niets verwijderd.` });
		}
		if (result === 'in_use') {
			return formFailure(409, 'removeParty', {
				values,
				message:
					'Over deze partij staat al iets vast: een verstuurde brief, een antwoord, een standpunt of een stemming in de raad. Ze blijft staan, zodat die geschiedenis klopt.'
			});
		}
		back(context, 'verwijderd');
	}

	async function saveContact(event: E, action: 'addContact' | 'updateContact') {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const values = readContact(await event.request.formData());
		const parsed = parties.contactSchema.safeParse(values);
		if (!parsed.success) return formFailure(400, action, { values, errors: fieldErrors(parsed.error.issues) });
		const contactId = action === 'updateContact' ? values.contactId : null;
		const result = await parties.saveContact(context.editor, context.gemeente, values.partyId, contactId, parsed.data);
		if (result === 'not_allowed') return refuse(NOT_ALLOWED);
		if (result === 'exists') return formFailure(409, action, { values, errors: { email: 'Deze partij heeft dit e-mailadres al.' } });
		if (result === 'not_found') {
			return formFailure(404, action, { values, message: contactId ? 'Dit adres bestaat niet (meer).' : 'Deze partij bestaat niet (meer).' });
		}
		back(context, 'adres', `#partij-${values.partyId}`);
	}

	async function removeContact(event: E) {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const form = await event.request.formData();
		const values = { partyId: formString(form, 'partyId'), contactId: formString(form, 'contactId') };
		const result = await parties.removeContact(context.editor, context.gemeente, values.contactId);
		if (result === 'not_allowed') return refuse(NOT_ALLOWED);
		if (result === 'not_found') {
			return formFailure(404, 'removeContact', { values, message: 'Dit adres staat niet (meer) bij een partij van deze gemeente; er is niets verwijderd.' });
		}
		back(context, 'adres-verwijderd', `#partij-${values.partyId}`);
	}

	async function previewImport(event: E) {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const csv = await readCsv(await event.request.formData());
		if ('error' in csv) return formFailure(400, 'previewImport', { values: { csv: '' }, message: csv.error });
		const preview = partyImport.previewImport(csv.text, await parties.partiesInGemeente(context.gemeente.code));
		const text = csv.text.replace(/^\uFEFF/, '');
		if (preview.fileError) return formFailure(400, 'previewImport', { values: { csv: text }, message: preview.fileError });
		return { action: 'previewImport' as const, values: { csv: text }, preview };
	}

	async function importParties(event: E) {
		const context = await resolve(event);
		if (context.refusal) return refuse(context.refusal);
		const csv = formString(await event.request.formData(), 'csv');
		// Checked again: the list may have changed since the preview, and the form is the client's.
		const preview = partyImport.previewImport(csv, await parties.partiesInGemeente(context.gemeente.code));
		if (preview.fileError) return formFailure(400, 'previewImport', { values: { csv }, message: preview.fileError });
		const added = await partyImport.applyImport(context.editor, context.gemeente, preview);
		if (added === 'not_allowed') return refuse(NOT_ALLOWED);
		const join = context.back.includes('?') ? '&' : '?';
		redirect(303, `${context.back}${join}opgeslagen=import&partijen=${added.parties}&adressen=${added.contacts}`);
	}

	return {
		addParty,
		updateParty,
		removeParty,
		addContact: (event: E) => saveContact(event, 'addContact'),
		updateContact: (event: E) => saveContact(event, 'updateContact'),
		removeContact,
		previewImport,
		importParties
	};
}
