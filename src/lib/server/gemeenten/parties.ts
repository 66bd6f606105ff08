// The parties of a gemeente (public) and where they are reached (private contact addresses).
// Every change goes through one RPC function that also writes its audit entry. The CSV import
// lives in party-import.ts.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { partyListNotice, type Editor } from './party-list-notice';

export type { Editor } from './party-list-notice';

/** The gemeente a list belongs to, as its code and the name the notices use. */
export interface Gemeente {
	code: string;
	name: string;
}

export type ContactRole = 'fractie' | 'lijsttrekker' | 'anders';

export const CONTACT_ROLES: Record<ContactRole, string> = {
	fractie: 'Fractie',
	lijsttrekker: 'Lijsttrekker',
	anders: 'Anders'
};

/** Offered while typing a party name; local parties have names of their own. */
export const PARTY_SUGGESTIONS = [
	'VVD',
	'GroenLinks-PvdA',
	'D66',
	'CDA',
	'SP',
	'PVV',
	'ChristenUnie',
	'Partij voor de Dieren',
	'JA21',
	'BBB',
	'SGP',
	'Volt',
	'DENK',
	'50PLUS',
	'FvD',
	'Nieuw Sociaal Contract',
	'Lokale partij'
] as const;

/** Who last added or changed something in the list, and when (null: a deleted account or the
 * demo data). */
export interface Change {
	at: string;
	by: string | null;
}

export interface PartyContact {
	id: string;
	email: string;
	role: ContactRole;
	name: string | null;
	changed: Change;
}

export interface Party {
	id: string;
	gemeenteCode: string;
	name: string;
	abbreviation: string | null;
	contacts: PartyContact[];
	changed: Change;
}

const PARTY_COLUMNS =
	'id, gemeente_code, name, abbreviation, updated_at, editor:users(name, email), party_contacts(id, email, role, name, created_at, updated_at, editor:users(name, email))' as const;

function changeOf(at: string, editor: { name: string | null; email: string } | null): Change {
	return { at, by: editor ? (editor.name ? `${editor.name} (${editor.email})` : editor.email) : null };
}

function partyQuery() {
	return db().from('parties').select(PARTY_COLUMNS);
}

type PartyRow = QueryData<ReturnType<typeof partyQuery>>[number];

const ROLES: readonly ContactRole[] = ['fractie', 'lijsttrekker', 'anders'];

function contactRole(value: string): ContactRole {
	return ROLES.find((known) => known === value) ?? 'anders';
}

function toParty(row: PartyRow): Party {
	return {
		id: row.id,
		gemeenteCode: row.gemeente_code,
		name: row.name,
		abbreviation: row.abbreviation,
		changed: changeOf(row.updated_at, row.editor),
		contacts: [...row.party_contacts]
			.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.email.localeCompare(b.email))
			.map((c) => ({
				id: c.id,
				email: c.email,
				role: contactRole(c.role),
				name: c.name,
				changed: changeOf(c.updated_at, c.editor)
			}))
	};
}

/** The parties of a gemeente with their contact addresses, by name (one query). */
export async function partiesInGemeente(gemeenteCode: string): Promise<Party[]> {
	const { data, error } = await partyQuery().eq('gemeente_code', gemeenteCode).order('name');
	if (error) throw new Error(`partiesInGemeente: ${error.message}`);
	return data.map(toParty);
}

export const partySchema = z.object({
	name: z.string().trim().min(1, 'Vul de naam van de partij in.').max(200, 'De naam mag hoogstens 200 tekens hebben.'),
	abbreviation: z.string().trim().max(40, 'De afkorting mag hoogstens 40 tekens hebben.')
});

export type PartyInput = z.infer<typeof partySchema>;

export const emailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'Vul een e-mailadres in.')
	.pipe(z.email('Dit is geen geldig e-mailadres.'));

export const contactSchema = z.object({
	email: emailSchema,
	role: z.enum(['fractie', 'lijsttrekker', 'anders'], { message: 'Kies fractie, lijsttrekker of anders.' }),
	name: z.string().trim().max(200, 'De naam mag hoogstens 200 tekens hebben.')
});

export type ContactInput = z.infer<typeof contactSchema>;

export type NotAllowed = 'not_allowed';

/** The database refuses (42501) anyone who may not change the list (may_edit_party_list). */
function refusal(code: string | undefined): NotAllowed | 'not_found' | null {
	if (code === '42501') return 'not_allowed';
	if (code === '22P02') return 'not_found';
	return null;
}

/** Adds (partyId null) or renames a party of the gemeente. */
export async function saveParty(
	editor: Editor,
	gemeente: Gemeente,
	partyId: string | null,
	input: PartyInput
): Promise<{ id: string } | 'exists' | 'not_found' | NotAllowed> {
	const old = partyId ? (await partiesInGemeente(gemeente.code)).find((p) => p.id === partyId) : undefined;
	const change = old ? `${old.name} heet nu ${input.name}.` : `Partij toegevoegd: ${input.name}.`;
	const { data, error } = await db().rpc('save_party', {
		p_actor_id: editor.id,
		p_gemeente_code: gemeente.code,
		p_name: input.name,
		p_abbreviation: input.abbreviation,
		p_notice: { ...partyListNotice(gemeente.name, editor, change) },
		...(partyId ? { p_party_id: partyId } : {})
	});
	if (error?.code === '23505') return 'exists';
	const refused = refusal(error?.code);
	if (refused) return refused;
	if (error) throw new Error(`saveParty: ${error.message}`);
	return data ? { id: data } : 'not_found';
}

export async function removeParty(
	editor: Editor,
	gemeente: Gemeente,
	partyId: string
): Promise<'removed' | 'in_use' | 'not_found' | NotAllowed> {
	const old = (await partiesInGemeente(gemeente.code)).find((p) => p.id === partyId);
	if (!old) return 'not_found';
	const { data, error } = await db().rpc('remove_party', {
		p_actor_id: editor.id,
		p_gemeente_code: gemeente.code,
		p_party_id: partyId,
		p_notice: { ...partyListNotice(gemeente.name, editor, `Partij verwijderd: ${old.name}.`) }
	});
	const refused = refusal(error?.code);
	if (refused) return refused;
	if (error) throw new Error(`removeParty: ${error.message}`);
	return oneOf(data, ['removed', 'in_use', 'not_found'], 'removeParty');
}

/** Adds (contactId null) or changes a contact address of a party in the gemeente. */
export async function saveContact(
	editor: Editor,
	gemeente: Gemeente,
	partyId: string,
	contactId: string | null,
	input: ContactInput
): Promise<'saved' | 'exists' | 'not_found' | NotAllowed> {
	const party = (await partiesInGemeente(gemeente.code)).find((p) => p.id === partyId);
	if (!party) return 'not_found';
	const old = contactId ? party.contacts.find((c) => c.id === contactId) : undefined;
	const change =
		old && old.email !== input.email
			? `Het e-mailadres ${old.email} van ${party.name} is veranderd in ${input.email}.`
			: old
				? `Het e-mailadres ${input.email} van ${party.name} is aangepast.`
				: `${party.name} kreeg een nieuw e-mailadres: ${input.email}.`;
	const { data, error } = await db().rpc('save_party_contact', {
		p_actor_id: editor.id,
		p_gemeente_code: gemeente.code,
		p_party_id: partyId,
		p_email: input.email,
		p_role: input.role,
		p_name: input.name,
		p_notice: { ...partyListNotice(gemeente.name, editor, change) },
		...(contactId ? { p_contact_id: contactId } : {})
	});
	const refused = refusal(error?.code);
	if (refused) return refused;
	if (error) throw new Error(`saveContact: ${error.message}`);
	return oneOf(data, ['saved', 'exists', 'not_found'], 'saveContact');
}

export async function removeContact(
	editor: Editor,
	gemeente: Gemeente,
	contactId: string
): Promise<'removed' | 'not_found' | NotAllowed> {
	const party = (await partiesInGemeente(gemeente.code)).find((p) => p.contacts.some((c) => c.id === contactId));
	const contact = party?.contacts.find((c) => c.id === contactId);
	if (!party || !contact) return 'not_found';
	const { data, error } = await db().rpc('remove_party_contact', {
		p_actor_id: editor.id,
		p_gemeente_code: gemeente.code,
		p_contact_id: contactId,
		p_notice: { ...partyListNotice(gemeente.name, editor, `Het e-mailadres ${contact.email} van ${party.name} is verwijderd.`) }
	});
	const refused = refusal(error?.code);
	if (refused) return refused;
	if (error) throw new Error(`removeContact: ${error.message}`);
	return data === true ? 'removed' : 'not_found';
}
