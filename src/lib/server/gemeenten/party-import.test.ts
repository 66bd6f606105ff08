// The CSV import of parties and addresses: a preview that writes nothing and reports per line
// (with the file's own line numbers), then one call that writes all valid lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import * as parties from './parties';
import * as partyImport from './party-import';
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
			changed: { at: '2026-01-01T00:00:00Z', by: null },
			contacts: [{ id: 'c', email: 'fractie@vvd.example', role: 'fractie', name: null, changed: { at: '2026-01-01T00:00:00Z', by: null } }]
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
		const preview = partyImport.previewImport(csv, existing);
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
		const preview = partyImport.previewImport(csv, []);
		expect(preview.lines.map((l) => [l.line, l.party, l.status])).toEqual([
			[2, 'Twee\nRegels', 'nieuw'],
			[4, 'D66', 'nieuw']
		]);
	});

	it('refuses a file without a party column, without lines, too long or too large, in Dutch', () => {
		expect(partyImport.previewImport('naam;email\nA;a@b.nl', []).fileError).toMatch(/minstens "partij"/);
		expect(partyImport.previewImport('partij\n', []).fileError).toMatch(/geen regels/);
		expect(partyImport.previewImport('', []).fileError).toMatch(/Plak de regels/);
		const many = ['partij', ...Array.from({ length: 201 }, (_, i) => `Partij ${i}`)].join('\n');
		expect(partyImport.previewImport(many, []).fileError).toMatch(/201 regels.*meer dan 200/);
		const large = `partij\n${'x'.repeat(101 * 1024)}`;
		expect(partyImport.previewImport(large, []).fileError).toMatch(/groter dan 100 kB/);
		expect(partyImport.previewImport('partij;email\n"open;a@b.nl\n', []).fileError).toMatch(/aanhalingstekens/);
	});

	it('decodes UTF-8 and, failing that, Windows-1252 as older Excel saves it', () => {
		expect(partyImport.decodeCsvBytes(new TextEncoder().encode('Fryslân'))).toBe('Fryslân');
		expect(partyImport.decodeCsvBytes(new Uint8Array([0x46, 0x72, 0x79, 0x73, 0x6c, 0xe2, 0x6e]))).toBe('Fryslân');
	});
});

describe('CSV import against the database', () => {
	it('writes nothing on preview, then every valid line in one call, and leaves existing rows alone', async () => {
		const gemeente = await freshGemeente();
		const user = await makeUser('import', true);
		await allowCampaignStart(service, user.id, gemeente.code);
		const created = await parties.saveParty(user, gemeente, null, { name: 'CDA', abbreviation: '' });
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
		const preview = partyImport.previewImport(csv, await parties.partiesInGemeente(gemeente.code));
		expect(preview.lines.map((l) => l.status)).toEqual(['nieuw', 'nieuw', 'nieuw', 'fout', 'nieuw']);
		expect(await partyRows(gemeente.code)).toEqual(before);

		const added = await partyImport.applyImport(user, gemeente, preview);
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
		expect(audit.data).toEqual([{ details: { lines: 4, parties: 2, contacts: 3, gemeente: gemeente.code } }]);

		// The same file again: everything exists, nothing is new.
		const again = partyImport.previewImport(csv, after);
		expect(again.lines.map((l) => l.status)).toEqual(['bestaat_al', 'bestaat_al', 'bestaat_al', 'fout', 'bestaat_al']);
		expect(await partyImport.applyImport(user, gemeente, again)).toEqual({ parties: 0, contacts: 0 });
		// Someone who may not keep the list imports nothing.
		const stranger = await makeUser('import-vreemd', true);
		const sneaky = partyImport.previewImport('partij;e-mail\nCDA;vreemde@evil.example', after);
		expect(await partyImport.applyImport(stranger, gemeente, sneaky)).toBe('not_allowed');
		expect((await parties.partiesInGemeente(gemeente.code)).flatMap((p) => p.contacts.map((c) => c.email))).not.toContain('vreemde@evil.example');
	});
});
