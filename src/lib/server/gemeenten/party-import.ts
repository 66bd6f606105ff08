// Importing parties and addresses from a CSV (as people export it from Excel): every line is
// parsed and checked first against what the gemeente already has (a preview writes nothing), then
// all valid lines are applied in one database call.
import Papa from 'papaparse';
import { z } from 'zod';
import { db } from '../platform/db';
import { normalizeName } from '$lib/gemeente-name';
import { emailSchema, partySchema, type ContactRole, type Editor, type Gemeente, type NotAllowed, type Party } from './parties';
import { partyListNotice } from './party-list-notice';

export const IMPORT_MAX_ROWS = 200;
export const IMPORT_MAX_BYTES = 100 * 1024;

type Column = 'party' | 'abbreviation' | 'email' | 'role' | 'contactName';

/** Header names as people write them, after normalizeName (lower case, accents off). */
const HEADERS: Record<string, Column> = {
	partij: 'party',
	partijnaam: 'party',
	'naam partij': 'party',
	fractie: 'party',
	afkorting: 'abbreviation',
	'e mail': 'email',
	email: 'email',
	'e mailadres': 'email',
	emailadres: 'email',
	mail: 'email',
	rol: 'role',
	functie: 'role',
	naam: 'contactName',
	contactpersoon: 'contactName',
	'naam contactpersoon': 'contactName',
	contactnaam: 'contactName'
};

const ROLE_WORDS: Record<string, ContactRole> = {
	'': 'fractie',
	fractie: 'fractie',
	fractievoorzitter: 'fractie',
	lijsttrekker: 'lijsttrekker',
	anders: 'anders',
	overig: 'anders',
	overige: 'anders'
};

export interface ImportLine {
	/** The line in the file where this record starts (the header is line 1 in most files). */
	line: number;
	party: string;
	abbreviation: string;
	email: string;
	role: ContactRole;
	contactName: string;
	status: 'nieuw' | 'bestaat_al' | 'fout';
	/** What happens on import, or what is wrong (Dutch). */
	message: string;
}

export interface ImportPreview {
	/** A problem with the whole file: nothing can be imported. */
	fileError: string | null;
	lines: ImportLine[];
	newParties: number;
	newContacts: number;
}

/** The bytes of an uploaded file as text: UTF-8 (with or without BOM), else Windows-1252 as
 * older Excel versions save it. */
export function decodeCsvBytes(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

function guessDelimiter(text: string): string {
	const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
	const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 0 ? counts[0][0] : ',';
}

interface RawRecord {
	line: number;
	fields: string[];
}

function parseRecords(text: string): { records: RawRecord[]; error: string | null } {
	const delimiter = guessDelimiter(text);
	const records: RawRecord[] = [];
	let error: string | null = null;
	let start = 0;
	let line = 1;
	Papa.parse<string[]>(text, {
		delimiter,
		step(result) {
			const end = result.meta.cursor;
			if (result.errors.length > 0 && !error) {
				error = `Regel ${line}: de aanhalingstekens kloppen niet (een veld begint met " maar sluit niet af).`;
			}
			const fields = result.data.map((field) => String(field ?? '').trim());
			if (fields.some((field) => field !== '')) records.push({ line, fields });
			for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
			start = end;
		}
	});
	return { records, error };
}

/** Parses and checks a CSV against the parties the gemeente already has. Writes nothing. */
export function previewImport(csvText: string, existing: Party[]): ImportPreview {
	const empty = (fileError: string): ImportPreview => ({ fileError, lines: [], newParties: 0, newContacts: 0 });
	const text = csvText.replace(/^\uFEFF/, '');
	if (new TextEncoder().encode(text).length > IMPORT_MAX_BYTES) {
		return empty('Het bestand is groter dan 100 kB. Splits het in delen.');
	}
	if (text.trim() === '') return empty('Plak de regels in het tekstvak of kies een bestand.');

	const { records, error } = parseRecords(text);
	if (error) return empty(error);
	const [header, ...rows] = records;
	const columns = header.fields.map((name) => HEADERS[normalizeName(name)] ?? null);
	if (!columns.includes('party')) {
		return empty(
			'De eerste regel moet de kolomnamen bevatten, met minstens "partij". Mogelijke kolommen: partij, afkorting, e-mail, rol, naam.'
		);
	}
	const duplicate = columns.find((column, i) => column && columns.indexOf(column) !== i);
	if (duplicate) return empty(`De kolom "${header.fields[columns.lastIndexOf(duplicate)]}" staat er twee keer in.`);
	if (rows.length === 0) return empty('Het bestand heeft alleen kolomnamen en geen regels met partijen.');
	if (rows.length > IMPORT_MAX_ROWS) {
		return empty(`Het bestand heeft ${rows.length} regels; dat zijn er meer dan ${IMPORT_MAX_ROWS}. Splits het in delen.`);
	}

	const partiesByKey = new Map(existing.map((p) => [p.name.toLocaleLowerCase('nl'), p]));
	const seenParties = new Map<string, { name: string; line: number }>();
	const seenContacts = new Map<string, number>();
	let newParties = 0;
	let newContacts = 0;

	const lines = rows.map(({ line, fields }): ImportLine => {
		const value = (column: Column) => {
			const index = columns.indexOf(column);
			return index >= 0 ? (fields[index] ?? '').trim() : '';
		};
		const base = {
			line,
			party: value('party'),
			abbreviation: value('abbreviation'),
			email: value('email').toLowerCase(),
			role: 'fractie' as ContactRole,
			contactName: value('contactName')
		};
		const errors: string[] = [];
		if (fields.length > header.fields.length) errors.push('deze regel heeft meer kolommen dan de kopregel');
		const partyCheck = partySchema.safeParse({ name: base.party, abbreviation: base.abbreviation });
		if (!partyCheck.success) errors.push(...partyCheck.error.issues.map((i) => lowerFirst(i.message)));
		const role = ROLE_WORDS[normalizeName(value('role'))];
		if (!role) errors.push(`onbekende rol "${value('role')}" (kies fractie, lijsttrekker of anders)`);
		if (base.email) {
			if (!emailSchema.safeParse(base.email).success) errors.push(`"${base.email}" is geen geldig e-mailadres`);
		} else if (base.contactName || value('role')) {
			errors.push('er staat een rol of naam maar geen e-mailadres');
		}
		if (base.contactName.length > 200) errors.push('de naam mag hoogstens 200 tekens hebben');
		if (errors.length > 0) {
			return { ...base, role: role ?? 'fractie', status: 'fout', message: capitalize(errors.join('; ')) + '.' };
		}

		const key = base.party.toLocaleLowerCase('nl');
		const known = partiesByKey.get(key);
		const earlier = seenParties.get(key);
		// One spelling per party: the one the gemeente already has, else the first in the file.
		const party = known?.name ?? earlier?.name ?? base.party;
		const checked = { ...base, party, role: role! };
		const partyIsNew = !known && !earlier;
		if (partyIsNew) {
			seenParties.set(key, { name: party, line });
			newParties++;
		}
		if (!base.email) {
			if (partyIsNew) return { ...checked, status: 'nieuw', message: 'Nieuwe partij, zonder e-mailadres.' };
			return {
				...checked,
				status: 'bestaat_al',
				message: earlier ? `Deze partij staat al op regel ${earlier.line}.` : 'Deze partij bestaat al.'
			};
		}
		const contactKey = `${key}\n${base.email}`;
		const contactLine = seenContacts.get(contactKey);
		if (contactLine) {
			return { ...checked, status: 'bestaat_al', message: `Dit adres staat al op regel ${contactLine} van het bestand.` };
		}
		seenContacts.set(contactKey, line);
		if (known?.contacts.some((c) => c.email === base.email)) {
			return { ...checked, status: 'bestaat_al', message: 'Deze partij heeft dit adres al.' };
		}
		newContacts++;
		return {
			...checked,
			status: 'nieuw',
			message: partyIsNew
				? 'Nieuwe partij met e-mailadres.'
				: earlier
					? `Nieuw e-mailadres bij de partij van regel ${earlier.line}.`
					: 'Nieuw e-mailadres bij een bestaande partij.'
		};
	});
	return { fileError: null, lines, newParties, newContacts };
}

function lowerFirst(value: string): string {
	return value.charAt(0).toLowerCase() + value.slice(1).replace(/\.$/, '');
}

function capitalize(value: string): string {
	return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Writes every new line of a preview in one database call; returns what was added. */
export async function applyImport(
	editor: Editor,
	gemeente: Gemeente,
	preview: ImportPreview
): Promise<{ parties: number; contacts: number } | NotAllowed> {
	const rows = preview.lines
		.filter((line) => line.status === 'nieuw')
		.map((line) => ({
			name: line.party,
			abbreviation: line.abbreviation,
			email: line.email,
			role: line.role,
			contact_name: line.contactName
		}));
	if (rows.length === 0) return { parties: 0, contacts: 0 };
	const added = rows.filter((row) => row.email).map((row) => `- ${row.name}: ${row.email}`);
	const change = [
		`Geïmporteerd uit een bestand: ${preview.newParties} nieuwe partij(en) en ${preview.newContacts} nieuw(e) e-mailadres(sen).`,
		...added.slice(0, 50),
		...(added.length > 50 ? [`en ${added.length - 50} meer`] : [])
	].join('\n');
	const { data, error } = await db().rpc('import_parties', {
		p_actor_id: editor.id,
		p_gemeente_code: gemeente.code,
		p_rows: rows,
		p_notice: { ...partyListNotice(gemeente.name, editor, change) }
	});
	if (error?.code === '42501') return 'not_allowed';
	if (error) throw new Error(`applyImport: ${error.message}`);
	return z.object({ parties: z.number(), contacts: z.number() }).parse(data);
}
