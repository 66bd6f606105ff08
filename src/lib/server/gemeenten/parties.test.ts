// Parties and their contact addresses, and the CSV import: a preview that writes nothing and
// reports per line (with the file's own line numbers), then one call that writes all valid lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import * as parties from './parties';
import { freshGemeente, makeUser } from '$test/sending-fixtures';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

async function partyRows(gemeenteCode: string) {
	const { data, error } = await service
		.from('parties')
		.select('name, abbreviation, party_contacts(email, role, name)')
		.eq('gemeente_code', gemeenteCode)
		.order('name');
	if (error) throw error;
	return data;
}

describe('CSV preview', () => {
	const existing: parties.Party[] = [
		{
			id: 'x',
			gemeenteCode: 'GM0000',
			name: 'VVD',
			abbreviation: 'VVD',
			contacts: [{ id: 'c', email: 'fractie@vvd.example', role: 'fractie', name: null }]
		}
	];

	it('reads semicolons, a BOM, Dutch header names with accents and case, and reports every line', () => {
		const csv = [
			'\uFEFFPartij;Afkorting;E-MAIL;Rôl;Naam',
			'vvd;VVD;fractie@vvd.example;fractie;',
			'VVD;;lijsttrekker@vvd.example;Lijsttrekker;Piet Puk',
			'',
			'Lokaal Belang;LB;info@lokaalbelang.example;;',
			'Lokaal Belang;;info@lokaalbelang.example;fractie;',
			'Lokaal Belang;;geen-adres;fractie;',
			';;zonder@partij.example;;',
			'Partij Zonder Adres;;;;',
			'"Partij; met puntkomma";;a@b.example;wethouder;'
		].join('\r\n');
		const preview = parties.previewImport(csv, existing);
		expect(preview.fileError).toBeNull();
		expect(preview.lines.map((l) => [l.line, l.status])).toEqual([
			[2, 'bestaat_al'],
			[3, 'nieuw'],
			[5, 'nieuw'],
			[6, 'bestaat_al'],
			[7, 'fout'],
			[8, 'fout'],
			[9, 'nieuw'],
			[10, 'fout']
		]);
		expect(preview.lines[0]).toMatchObject({ party: 'VVD', message: 'Deze partij heeft dit adres al.' });
		expect(preview.lines[1]).toMatchObject({ party: 'VVD', role: 'lijsttrekker', contactName: 'Piet Puk' });
		expect(preview.lines[3].message).toBe('Dit adres staat al op regel 5 van het bestand.');
		expect(preview.lines[4].message).toBe('"geen-adres" is geen geldig e-mailadres.');
		expect(preview.lines[5].message).toBe('Vul de naam van de partij in.');
		expect(preview.lines[7].message).toBe('Onbekende rol "wethouder" (kies fractie, lijsttrekker of anders).');
		expect(preview).toMatchObject({ newParties: 2, newContacts: 2 });
	});

	it('reads commas, and counts lines inside a quoted field that spans two lines', () => {
		const csv = 'partij,email\n"Twee\nRegels",twee@example.nl\nD66,d66@example.nl\n';
		const preview = parties.previewImport(csv, []);
		expect(preview.lines.map((l) => [l.line, l.party, l.status])).toEqual([
			[2, 'Twee\nRegels', 'nieuw'],
			[4, 'D66', 'nieuw']
		]);
	});

	it('refuses a file without a party column, without lines, too long or too large, in Dutch', () => {
		expect(parties.previewImport('naam;email\nA;a@b.nl', []).fileError).toMatch(/minstens "partij"/);
		expect(parties.previewImport('partij\n', []).fileError).toMatch(/geen regels/);
		expect(parties.previewImport('', []).fileError).toMatch(/Plak de regels/);
		const many = ['partij', ...Array.from({ length: 201 }, (_, i) => `Partij ${i}`)].join('\n');
		expect(parties.previewImport(many, []).fileError).toMatch(/201 regels.*meer dan 200/);
		const large = `partij\n${'x'.repeat(101 * 1024)}`;
		expect(parties.previewImport(large, []).fileError).toMatch(/groter dan 100 kB/);
		expect(parties.previewImport('partij;email\n"open;a@b.nl\n', []).fileError).toMatch(/aanhalingstekens/);
	});

	it('decodes UTF-8 and, failing that, Windows-1252 as older Excel saves it', () => {
		expect(parties.decodeCsvBytes(new TextEncoder().encode('Fryslân'))).toBe('Fryslân');
		expect(parties.decodeCsvBytes(new Uint8Array([0x46, 0x72, 0x79, 0x73, 0x6c, 0xe2, 0x6e]))).toBe('Fryslân');
	});
});

describe('CSV import against the database', () => {
	it('writes nothing on preview, then every valid line in one call, and leaves existing rows alone', async () => {
		const gemeente = await freshGemeente();
		const user = await makeUser('import');
		const created = await parties.saveParty(user.id, gemeente.code, null, { name: 'CDA', abbreviation: '' });
		expect(created).toHaveProperty('id');
		const csv = [
			'partij;afkorting;e-mail;rol;naam',
			'CDA;CDA;fractie@cda.example;fractie;',
			'Nieuwe Lokale Partij;NLP;Info@NLP.example;lijsttrekker;Jan Jansen',
			'Nieuwe Lokale Partij;;fractie@nlp.example;;',
			'Kapot;;niet-goed;;',
			'SP;;;;'
		].join('\n');

		const before = await partyRows(gemeente.code);
		const preview = parties.previewImport(csv, await parties.partiesInGemeente(gemeente.code));
		expect(preview.lines.map((l) => l.status)).toEqual(['nieuw', 'nieuw', 'nieuw', 'fout', 'nieuw']);
		expect(await partyRows(gemeente.code)).toEqual(before);

		const added = await parties.applyImport(user.id, gemeente.code, preview);
		expect(added).toEqual({ parties: 2, contacts: 3 });
		const after = await parties.partiesInGemeente(gemeente.code);
		expect(after.map((p) => [p.name, p.abbreviation, p.contacts.map((c) => `${c.email}:${c.role}:${c.name ?? ''}`)])).toEqual([
			['CDA', null, ['fractie@cda.example:fractie:']],
			['Nieuwe Lokale Partij', 'NLP', ['fractie@nlp.example:fractie:', 'info@nlp.example:lijsttrekker:Jan Jansen']],
			['SP', null, []]
		]);
		const audit = await service
			.from('audit_log')
			.select('details')
			.eq('action', 'parties_imported')
			.eq('entity_id', gemeente.code);
		expect(audit.data).toEqual([{ details: { lines: 4, parties: 2, contacts: 3 } }]);

		// The same file again: everything exists, nothing is new.
		const again = parties.previewImport(csv, after);
		expect(again.lines.map((l) => l.status)).toEqual(['bestaat_al', 'bestaat_al', 'bestaat_al', 'fout', 'bestaat_al']);
		expect(await parties.applyImport(user.id, gemeente.code, again)).toEqual({ parties: 0, contacts: 0 });
	});
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
