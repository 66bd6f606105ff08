// Entering council work by hand against the real local Supabase: a meeting, an agenda item with
// a document and a motion with its votes, each audited; entries that do not add up are refused
// with a Dutch message before anything is written (and by the database itself when the app's
// checks are bypassed); hand-entered votes on an imported motion replace the imported vote of
// that party and keep their source.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { db } from '$lib/server/platform/db';
import type { Json } from '$lib/server/platform/database.types';
import { makeCouncilEditor } from '$test/council-fixtures';
import { getMeeting, saveManualAgendaItem, saveManualMeeting } from './meetings';
import { getMotion, saveManualMotion, saveManualVotes } from './motions';
import { importFeed } from './ori/import';
import { bytesOf, fixtureLines, fixtureText, makeParties, makeSource, renames, tag } from '$test/ori-fixtures';

const HAARLEM = 'GM0392';
const BESLUITENLIJST = 'https://haarlem.notubiz.nl/document/besluitenlijst-2026-02-12.pdf';

beforeAll(() => {
	connectTestDatabase();
});

async function setup() {
	const suffix = tag();
	const editor = await makeCouncilEditor(HAARLEM);
	const parties = await makeParties(HAARLEM, ['Trots Haarlem', 'Actiepartij', 'Hart voor Haarlem'], suffix);
	return { suffix, editor, parties };
}

const meetingInput = {
	kind: 'raadsvergadering',
	name: 'Gemeenteraad Haarlem',
	startsAt: '2026-02-12T19:30:00+01:00',
	endsAt: '2026-02-12T23:00:00+01:00',
	location: 'Raadzaal, Stadhuis',
	url: 'https://haarlem.notubiz.nl/vergadering/1400001',
	status: 'gepland'
};

function motionInput(parties: Awaited<ReturnType<typeof setup>>['parties'], overrides: Record<string, unknown> = {}) {
	return {
		meetingId: null,
		agendaItemId: null,
		title: 'Motie Ruimte voor de huisarts in Schalkwijk',
		type: 'motie',
		decidedOn: '2026-02-12',
		result: 'aangenomen',
		hamerstuk: false,
		text: null,
		url: 'https://haarlem.notubiz.nl/document/motie-ruimte-huisarts.pdf',
		submitters: [{ partyId: parties.Actiepartij.id, role: 'indiener' }],
		votes: [
			{ partyId: parties.Actiepartij.id, vote: 'voor', sourceDocument: 'besluitenlijst', sourceUrl: BESLUITENLIJST, sourcePage: 4 },
			{ partyId: parties['Trots Haarlem'].id, vote: 'tegen', sourceDocument: 'besluitenlijst', sourceUrl: BESLUITENLIJST, sourcePage: 4 }
		],
		...overrides
	};
}

async function motionCount(title: string): Promise<number> {
	const { count, error } = await db().from('motions').select('*', { count: 'exact', head: true }).eq('gemeente_code', HAARLEM).eq('title', title);
	if (error) throw error;
	return count ?? 0;
}

describe('entering a meeting, an agenda item and a motion by hand', () => {
	it('saves them linked together, with the votes and where they come from, and audits each step', async () => {
		const { editor, parties, suffix } = await setup();
		const meeting = await saveManualMeeting(editor.id, HAARLEM, null, { ...meetingInput, name: `Gemeenteraad ${suffix}` });
		if (!meeting.ok) throw new Error(meeting.message);
		const heading = await saveManualAgendaItem(editor.id, meeting.id, null, { parentId: null, number: '7', title: 'Zorg en welzijn', isHeading: true, documents: [] });
		if (!heading.ok) throw new Error(heading.message);
		const item = await saveManualAgendaItem(editor.id, meeting.id, null, {
			parentId: heading.id,
			number: '7a',
			title: 'Raadsvoorstel Huisvesting huisartsen',
			isHeading: false,
			documents: [{ name: 'Raadsvoorstel', url: 'https://haarlem.notubiz.nl/document/rv-huisvesting.pdf' }]
		});
		if (!item.ok) throw new Error(item.message);

		const motion = await saveManualMotion(editor.id, HAARLEM, null, motionInput(parties, { meetingId: meeting.id, agendaItemId: item.id }));
		if (!motion.ok) throw new Error(motion.message);

		const shown = await getMeeting(meeting.id);
		expect(shown).toMatchObject({ kind: 'raadsvergadering', source: 'handmatig', location: 'Raadzaal, Stadhuis', startsAt: expect.stringMatching(/^2026-02-12T18:30:00/) });
		expect(shown!.agenda).toEqual([
			{
				id: heading.id,
				number: '7',
				title: 'Zorg en welzijn',
				isHeading: true,
				documents: [],
				themes: [],
				children: [
					{
						id: item.id,
						number: '7a',
						title: 'Raadsvoorstel Huisvesting huisartsen',
						isHeading: false,
						documents: [{ name: 'Raadsvoorstel', url: 'https://haarlem.notubiz.nl/document/rv-huisvesting.pdf' }],
						themes: [],
						children: []
					}
				]
			}
		]);
		const saved = await getMotion(motion.id);
		expect(saved).toMatchObject({ meetingId: meeting.id, agendaItemId: item.id, result: 'aangenomen', source: 'handmatig' });
		expect(saved!.submitters).toEqual([{ partyId: parties.Actiepartij.id, partyName: parties.Actiepartij.name, role: 'indiener' }]);
		expect(saved!.votes.map((v) => [v.partyName, v.vote, v.source, v.sourceDocument, v.sourceUrl, v.sourcePage])).toEqual([
			[parties.Actiepartij.name, 'voor', 'manual', 'besluitenlijst', BESLUITENLIJST, 4],
			[parties['Trots Haarlem'].name, 'tegen', 'manual', 'besluitenlijst', BESLUITENLIJST, 4]
		]);
		const { data: audit } = await db().from('audit_log').select('action').eq('actor_id', editor.id).order('id');
		expect(audit!.map((a) => a.action)).toEqual(['meeting_added', 'agenda_item_added', 'agenda_item_added', 'motion_added']);
	});

	it('refuses entries that do not add up, saying what is wrong, and writes nothing', async () => {
		const { editor, parties, suffix } = await setup();
		const title = `Motie die niet klopt ${suffix}`;
		const twice = await saveManualMotion(editor.id, HAARLEM, null, motionInput(parties, {
			title,
			votes: [
				{ partyId: parties.Actiepartij.id, vote: 'voor', sourceDocument: 'notulen', sourceUrl: BESLUITENLIJST, sourcePage: 2 },
				{ partyId: parties.Actiepartij.id, vote: 'tegen', sourceDocument: 'notulen', sourceUrl: BESLUITENLIJST, sourcePage: 2 }
			]
		}));
		expect(twice).toMatchObject({ ok: false, message: expect.stringContaining(`${parties.Actiepartij.name} staat er 2 keer in (voor én tegen)`) });

		const hamerstuk = await saveManualMotion(editor.id, HAARLEM, null, motionInput(parties, { title, hamerstuk: true }));
		expect(hamerstuk).toMatchObject({ ok: false, message: expect.stringContaining('Een hamerstuk is zonder stemming afgehandeld') });

		const noSource = await saveManualMotion(editor.id, HAARLEM, null, motionInput(parties, {
			title,
			votes: [{ partyId: parties.Actiepartij.id, vote: 'voor', sourceDocument: 'besluitenlijst', sourceUrl: '', sourcePage: 4 }]
		}));
		expect(noSource).toMatchObject({ ok: false, message: `Bij de stem van ${parties.Actiepartij.name} ontbreekt de bron: voeg de link naar de besluitenlijst of de notulen toe.` });

		const elsewhere = (await makeParties('GM0361', ['Elders'], suffix)).Elders;
		const foreign = await saveManualMotion(editor.id, HAARLEM, null, motionInput(parties, {
			title,
			votes: [{ partyId: elsewhere.id, vote: 'voor', sourceDocument: 'notulen', sourceUrl: BESLUITENLIJST, sourcePage: 1 }]
		}));
		expect(foreign).toMatchObject({ ok: false, message: 'Een van de gekozen partijen hoort niet bij deze gemeente.' });

		const blank = await saveManualMotion(editor.id, HAARLEM, null, { ...motionInput(parties), title: '', type: 'petitie' });
		expect(blank).toMatchObject({ ok: false, fieldErrors: { title: 'Geef de titel van de motie.', type: 'Kies motie of amendement.' } });

		expect(await motionCount(title)).toBe(0);
	});

	it('is refused by the database too when the app checks are bypassed', async () => {
		const { editor, parties, suffix } = await setup();
		const motion = { title: `Omzeild ${suffix}`, type: 'motie', result: 'aangenomen', hamerstuk: true };
		const vote = { party_id: parties.Actiepartij.id, vote: 'voor', source_document: 'notulen', source_url: BESLUITENLIJST, source_page: 1 };
		const call = (m: Json, votes: Json[]) =>
			db().rpc('save_manual_motion', { p_actor_id: editor.id, p_gemeente_code: HAARLEM, p_motion: m, p_submitters: [], p_votes: votes });
		expect((await call(motion, [vote])).error?.code).toBe('22023');
		expect((await call({ ...motion, hamerstuk: false }, [vote, { ...vote, vote: 'tegen' }])).error?.code).toBe('22023');
		expect((await call({ ...motion, hamerstuk: false }, [{ ...vote, source_url: null }])).error?.code).toBe('23514');
		expect(await motionCount(motion.title)).toBe(0);
	});

	it('says why a meeting cannot be saved, and keeps imported meetings to their source', async () => {
		const { editor } = await setup();
		expect(await saveManualMeeting(editor.id, HAARLEM, null, { ...meetingInput, endsAt: '2026-02-12T18:00:00+01:00' })).toMatchObject({
			ok: false,
			fieldErrors: { endsAt: 'De vergadering eindigt voordat ze begint.' }
		});
		expect(await saveManualMeeting(editor.id, HAARLEM, null, { ...meetingInput, startsAt: '12-02-2026 19:30' })).toMatchObject({
			ok: false,
			fieldErrors: { startsAt: 'Geef een geldige begintijd.' }
		});

		const sourceKey = await makeSource('haarlem', HAARLEM);
		const entity = JSON.parse(fixtureText('haarlem-meeting.json'));
		entity.source_info.source = sourceKey;
		await importFeed(bytesOf(JSON.stringify(entity)), { gemeenteCode: HAARLEM, actorId: editor.id });
		const { data } = await db().from('meetings').select('id').eq('source_key', sourceKey).single();
		expect(await saveManualMeeting(editor.id, HAARLEM, data!.id, meetingInput)).toEqual({
			ok: false,
			message: 'Deze vergadering komt uit de import van de gemeente en kan hier niet worden gewijzigd.',
			fieldErrors: {}
		});
		expect(await saveManualAgendaItem(editor.id, data!.id, null, { parentId: null, number: null, title: 'Extra punt', isHeading: false, documents: [] })).toMatchObject({ ok: false });

		const own = await saveManualMeeting(editor.id, HAARLEM, null, meetingInput);
		if (!own.ok) throw new Error(own.message);
		const top = await saveManualAgendaItem(editor.id, own.id, null, { parentId: null, number: '1', title: 'Bovenaan', isHeading: true, documents: [] });
		const sub = await saveManualAgendaItem(editor.id, own.id, null, { parentId: top.ok ? top.id : null, number: '1a', title: 'Eronder', isHeading: false, documents: [] });
		expect(await saveManualAgendaItem(editor.id, own.id, top.ok ? top.id : '', { parentId: sub.ok ? sub.id : null, number: '1', title: 'Bovenaan', isHeading: true, documents: [] })).toEqual({
			ok: false,
			message: 'Een agendapunt kan niet onder zichzelf of onder een eigen subpunt staan.',
			fieldErrors: {}
		});
	});
});

describe('hand-entered votes on an imported motion', () => {
	it('replace the imported vote of that party, keep the others, and keep the source', async () => {
		const suffix = tag();
		const editor = await makeCouncilEditor('GM0321');
		const sourceKey = await makeSource('houten', 'GM0321', 'ibabs');
		const parties = await makeParties('GM0321', ['Partij ITH', 'VVD', 'CDA', 'GroenLinks', 'Volt', 'D66', 'Houtens Belang'], suffix);
		const text = fixtureLines('houten-snapshot.ndjson', { sourceKey, parties: renames(parties, { 'Fractie CDA': `Fractie CDA ${suffix}` }) }).join('\n');
		const imported = await importFeed(bytesOf(text), { gemeenteCode: 'GM0321', actorId: editor.id });
		expect(imported).toMatchObject({ status: 'applied', counts: { inserted: 3, pendingPartyNames: 0 } });
		const { data } = await db().from('motions').select('id').eq('source_key', sourceKey).eq('result', 'aangenomen').single();
		const before = await getMotion(data!.id);
		expect(before!.votes.find((v) => v.partyId === parties['Partij ITH'].id)).toMatchObject({ vote: 'verdeeld', source: 'aggregated', membersFor: 3, membersAgainst: 2 });

		// The notulen say the ITH members who voted against had left: the fractie voted voor.
		const saved = await saveManualVotes(editor.id, 'GM0321', data!.id, [
			{ partyId: parties['Partij ITH'].id, vote: 'voor', sourceDocument: 'notulen', sourceUrl: 'https://houten.raadsinformatie.nl/notulen-29-01-2026.pdf', sourcePage: 17 }
		]);
		expect(saved).toEqual({ ok: true, id: data!.id });
		const after = await getMotion(data!.id);
		expect(after!.votes.find((v) => v.partyId === parties['Partij ITH'].id)).toMatchObject({ vote: 'voor', source: 'manual', sourcePage: 17 });
		expect(after!.votes.filter((v) => v.source === 'aggregated')).toHaveLength(before!.votes.length - 1);

		// Re-importing the unchanged motion leaves the hand-entered vote alone.
		await importFeed(bytesOf(text), { gemeenteCode: 'GM0321', actorId: editor.id });
		expect(await getMotion(data!.id)).toEqual(after);

		expect(await saveManualMotion(editor.id, 'GM0321', data!.id, motionInput({ Actiepartij: parties.VVD, 'Trots Haarlem': parties.CDA, 'Hart voor Haarlem': parties.D66 }))).toMatchObject({
			ok: false,
			message: 'Deze motie komt uit de import; voeg stemmen toe met de bron erbij.'
		});
	});
});
