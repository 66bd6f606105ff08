// The parties of a gemeente (public) and where they are reached (private contact addresses).
// Every change goes through one RPC function that also writes its audit entry. The CSV import
// lives in party-import.ts.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';

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

export interface PartyContact {
	id: string;
	email: string;
	role: ContactRole;
	name: string | null;
}

export interface Party {
	id: string;
	gemeenteCode: string;
	name: string;
	abbreviation: string | null;
	contacts: PartyContact[];
}

const PARTY_COLUMNS = 'id, gemeente_code, name, abbreviation, party_contacts(id, email, role, name, created_at)' as const;

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
		contacts: [...row.party_contacts]
			.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.email.localeCompare(b.email))
			.map((c) => ({ id: c.id, email: c.email, role: contactRole(c.role), name: c.name }))
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

/** Adds (partyId null) or renames a party of the gemeente. */
export async function saveParty(
	actorId: string,
	gemeenteCode: string,
	partyId: string | null,
	input: PartyInput
): Promise<{ id: string } | 'exists' | 'not_found'> {
	const { data, error } = await db().rpc('save_party', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_name: input.name,
		p_abbreviation: input.abbreviation,
		...(partyId ? { p_party_id: partyId } : {})
	});
	if (error?.code === '23505') return 'exists';
	if (error?.code === '22P02') return 'not_found';
	if (error) throw new Error(`saveParty: ${error.message}`);
	return data ? { id: data } : 'not_found';
}

export async function removeParty(
	actorId: string,
	gemeenteCode: string,
	partyId: string
): Promise<'removed' | 'in_use' | 'not_found'> {
	const { data, error } = await db().rpc('remove_party', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_party_id: partyId
	});
	if (error?.code === '22P02') return 'not_found';
	if (error) throw new Error(`removeParty: ${error.message}`);
	return oneOf(data, ['removed', 'in_use', 'not_found'], 'removeParty');
}

/** Adds (contactId null) or changes a contact address of a party in the gemeente. */
export async function saveContact(
	actorId: string,
	gemeenteCode: string,
	partyId: string,
	contactId: string | null,
	input: ContactInput
): Promise<'saved' | 'exists' | 'not_found'> {
	const { data, error } = await db().rpc('save_party_contact', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_party_id: partyId,
		p_email: input.email,
		p_role: input.role,
		p_name: input.name,
		...(contactId ? { p_contact_id: contactId } : {})
	});
	if (error?.code === '22P02') return 'not_found';
	if (error) throw new Error(`saveContact: ${error.message}`);
	return oneOf(data, ['saved', 'exists', 'not_found'], 'saveContact');
}

export async function removeContact(actorId: string, gemeenteCode: string, contactId: string): Promise<boolean> {
	const { data, error } = await db().rpc('remove_party_contact', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_contact_id: contactId
	});
	if (error?.code === '22P02') return false;
	if (error) throw new Error(`removeContact: ${error.message}`);
	return data === true;
}
