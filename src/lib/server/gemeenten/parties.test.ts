// Parties and their contact addresses: changes stay within the gemeente, each with an audit entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import * as parties from './parties';
import { freshGemeente, makeUser } from '$test/sending-fixtures';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

describe('parties and contacts', () => {
	it('adds, renames and removes within the gemeente only, with an audit entry per change', async () => {
		const gemeente = await freshGemeente();
		const other = await freshGemeente();
		const user = await makeUser('partijen');
		const created = await parties.saveParty(user.id, gemeente.code, null, { name: 'Volt', abbreviation: 'V' });
		if (typeof created === 'string') throw new Error(created);
		expect(await parties.saveParty(user.id, gemeente.code, null, { name: 'Volt', abbreviation: '' })).toBe('exists');
		expect(await parties.saveParty(user.id, other.code, created.id, { name: 'Gekaapt', abbreviation: '' })).toBe('not_found');
		expect(await parties.saveParty(user.id, gemeente.code, 'geen-uuid', { name: 'X', abbreviation: '' })).toBe('not_found');

		expect(await parties.saveContact(user.id, gemeente.code, created.id, null, { email: 'a@volt.example', role: 'fractie', name: '' })).toBe('saved');
		expect(await parties.saveContact(user.id, gemeente.code, created.id, null, { email: 'a@volt.example', role: 'anders', name: '' })).toBe('exists');
		expect(await parties.saveContact(user.id, other.code, created.id, null, { email: 'b@volt.example', role: 'fractie', name: '' })).toBe('not_found');
		const [volt] = await parties.partiesInGemeente(gemeente.code);
		const contactId = volt.contacts[0].id;
		expect(await parties.saveContact(user.id, gemeente.code, created.id, contactId, { email: 'lijst@volt.example', role: 'lijsttrekker', name: 'Els' })).toBe('saved');
		expect(await parties.removeContact(user.id, other.code, contactId)).toBe(false);
		expect((await parties.partiesInGemeente(gemeente.code))[0].contacts).toEqual([
			{ id: contactId, email: 'lijst@volt.example', role: 'lijsttrekker', name: 'Els' }
		]);
		expect(await parties.removeContact(user.id, gemeente.code, contactId)).toBe(true);

		expect(await parties.saveParty(user.id, gemeente.code, created.id, { name: 'Volt Nederland', abbreviation: 'Volt' })).toEqual(created);
		expect(await parties.removeParty(user.id, other.code, created.id)).toBe('not_found');
		expect(await parties.removeParty(user.id, gemeente.code, created.id)).toBe('removed');
		expect(await parties.partiesInGemeente(gemeente.code)).toEqual([]);

		const audit = await service.from('audit_log').select('action').eq('entity', 'party').eq('entity_id', created.id).order('id');
		expect(audit.data?.map((a) => a.action)).toEqual([
			'party_added',
			'party_contact_added',
			'party_contact_updated',
			'party_contact_removed',
			'party_updated',
			'party_removed'
		]);
	});

	it('validates form input in Dutch', () => {
		expect(parties.contactSchema.safeParse({ email: ' Fractie@Partij.NL ', role: 'fractie', name: '' }).data?.email).toBe(
			'fractie@partij.nl'
		);
		const bad = parties.contactSchema.safeParse({ email: 'geen adres', role: 'burgemeester', name: '' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([
			'Dit is geen geldig e-mailadres.',
			'Kies fractie, lijsttrekker of anders.'
		]);
		expect(parties.partySchema.safeParse({ name: ' ', abbreviation: '' }).error?.issues[0].message).toBe(
			'Vul de naam van de partij in.'
		);
	});
});
