// File import against the real local Supabase: an export imported into a gemeente shows its
// meeting, agenda and motions with votes; the same file twice changes nothing; a malformed line
// or a record of another gemeente's source leaves nothing behind; an unknown party name waits for
// an editor and, once mapped, is applied and remembered; one entity's JSON is a file too.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { db } from '$lib/server/platform/db';
import { importFeed, importFile } from './import';
import { mapPartyName, pendingPartyNames } from '../party-names';
import { bytesOf, fixtureLines, fixtureText, makeParties, makeSource, renames, tag } from '$test/ori-fixtures';
import { councilRows, partyVotes, stagedRowCount } from '$test/council-rows';
import { makeCouncilEditor } from '$test/council-fixtures';

const ALKMAAR = 'GM0361';
const MOTION_15 = 'motion:notubiz:gemeente:alkmaar:1124979';
const MOTION_17 = 'motion:notubiz:gemeente:alkmaar:1125193';
const FIXTURE_PARTIES = ['GroenLinks', 'PvdA', 'VVD', 'CDA', 'D66', 'Partij voor de Dieren'];

beforeAll(() => {
	connectTestDatabase();
});

/** A test's own source for Alkmaar, its own parties, and the fixture files rewritten for them. */
async function alkmaarScenario() {
	const suffix = tag();
	const sourceKey = await makeSource('alkmaar', ALKMAAR);
	const parties = await makeParties(ALKMAAR, FIXTURE_PARTIES, suffix);
	const rename = renames(parties, { 'Alkmaar Beter': `Alkmaar Beter ${suffix}` });
	const file = (...names: string[]) =>
		new Blob([names.flatMap((name) => fixtureLines(name, { sourceKey, parties: rename })).join('\n') + '\n']);
	const editor = await makeCouncilEditor(ALKMAAR);
	return { suffix, sourceKey, parties, file, editor };
}

describe('importing an export file', () => {
	it('shows the meeting with its nested agenda and documents, the motions with submitters and votes', async () => {
		const { sourceKey, parties, file, editor, suffix } = await alkmaarScenario();
		const outcome = await importFile(ALKMAAR, editor.id, file('alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'));
		expect(outcome).toEqual({
			status: 'applied',
			sourceKey,
			counts: { inserted: 3, updated: 0, deleted: 0, unchanged: 0, pendingPartyNames: 1, records: 6, skipped: 3 }
		});

		const { meetings, motions } = await councilRows(sourceKey);
		expect(meetings).toHaveLength(1);
		const [meeting] = meetings;
		expect(meeting).toMatchObject({
			gemeente_code: ALKMAAR,
			kind: 'raadsvergadering',
			name: 'Gemeenteraad',
			location: 'Raadzaal',
			status: 'gepland',
			source: 'openbesluitvorming',
			entered_by: null
		});
		expect(new Date(meeting.starts_at).toISOString()).toBe('2026-01-22T18:30:00.000Z');
		const items = meeting.agenda_items as Array<{ id: string; parent_id: string | null; number: string; title: string; agenda_item_documents: Array<{ name: string; url: string }> }>;
		expect(items.map((i) => i.number)).toEqual(['1', '15', '15-A-1', '17', '17-A-1']);
		expect(items[2].parent_id).toBe(items[1].id);
		expect(items[4].parent_id).toBe(items[3].id);
		expect(items[2].agenda_item_documents).toEqual([
			expect.objectContaining({ url: 'https://api.notubiz.nl/document/16506217/1', name: expect.stringContaining('Geotechnisch onderzoek') })
		]);

		const [m15, m17] = motions as Array<Record<string, unknown> & { motion_submitters: Array<{ role: string; parties: { name: string } }> }>;
		expect(m15).toMatchObject({ type: 'amendement', result: 'verworpen', source_status: 'verworpen', decided_on: '2026-01-22', meeting_id: meeting.id, agenda_item_id: items[2].id });
		expect(m17).toMatchObject({ result: 'aangenomen', meeting_id: meeting.id, agenda_item_id: items[4].id });
		expect(m15.motion_submitters.map((s) => [s.parties.name, s.role]).sort()).toEqual([
			[parties.GroenLinks.name, 'indiener'],
			[parties.PvdA.name, 'indiener']
		]);
		// Read from the vote summary; "Alkmaar Beter" is no party here yet, so it has no vote.
		expect(await partyVotes(sourceKey, MOTION_15)).toEqual(
			[
				[parties.CDA.name, 'tegen', 'summary'],
				[parties.D66.name, 'tegen', 'summary'],
				[parties.GroenLinks.name, 'voor', 'summary'],
				[parties['Partij voor de Dieren'].name, 'voor', 'summary'],
				[parties.PvdA.name, 'voor', 'summary'],
				[parties.VVD.name, 'tegen', 'summary']
			].sort((a, b) => a[0].localeCompare(b[0]))
		);
		expect(await partyVotes(sourceKey, MOTION_17)).toEqual([]);
		const pending = await pendingPartyNames(ALKMAAR);
		expect(pending.find((p) => p.name === `Alkmaar Beter ${suffix}`)).toMatchObject({ waiting: 1, motions: [{ title: expect.stringContaining('15-A-1') }] });

		const { data: audit } = await db().from('audit_log').select('action, details').eq('actor_id', editor.id);
		expect(audit).toEqual([{ action: 'council_file_imported', details: expect.objectContaining({ source_key: sourceKey, inserted: 3, items: 3 }) }]);
	});

	it('changes nothing when the same export is imported twice', async () => {
		const { sourceKey, file, editor } = await alkmaarScenario();
		await importFile(ALKMAAR, editor.id, file('alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'));
		const before = await councilRows(sourceKey);
		const again = await importFile(ALKMAAR, editor.id, file('alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'));
		expect(again).toMatchObject({ status: 'applied', counts: { inserted: 0, updated: 0, deleted: 0, unchanged: 3, pendingPartyNames: 0 } });
		expect(await councilRows(sourceKey)).toEqual(before);
	});

	it('applies updates and delete tombstones, keeping agenda item ids so later links survive', async () => {
		const { sourceKey, file, editor } = await alkmaarScenario();
		await importFile(ALKMAAR, editor.id, file('alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'));
		const before = await councilRows(sourceKey);
		const outcome = await importFile(ALKMAAR, editor.id, file('alkmaar-changes-1.ndjson'));
		expect(outcome).toMatchObject({ status: 'applied', counts: { inserted: 0, updated: 2, deleted: 1, unchanged: 0 } });
		const after = await councilRows(sourceKey);
		expect(after.motions.map((m) => m.external_id)).toEqual([MOTION_15]);
		expect(after.motions[0]).toMatchObject({ id: before.motions[0].id, source_status: 'Amendement verworpen', text: expect.stringContaining('geotechnisch onderzoek') });
		expect(after.meetings[0]).toMatchObject({ id: before.meetings[0].id, location: 'Raadzaal, Stadskantoor Alkmaar' });
		const ids = (m: { agenda_items: Array<{ id: string }> }) => m.agenda_items.map((i) => i.id);
		expect(ids(after.meetings[0])).toEqual(ids(before.meetings[0]));
		// A tombstone for something never imported is simply nothing to do.
		const repeat = await importFile(ALKMAAR, editor.id, file('alkmaar-changes-1.ndjson'));
		expect(repeat).toMatchObject({ counts: { updated: 0, deleted: 0, unchanged: 3 } });
	});

	it('lets an unknown party name wait for an editor, applies it once mapped, and remembers it', async () => {
		const { suffix, sourceKey, file, editor } = await alkmaarScenario();
		await importFile(ALKMAAR, editor.id, file('alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'));
		const local = (await makeParties(ALKMAAR, ['Lokale partij Alkmaar Beter'], suffix))['Lokale partij Alkmaar Beter'];
		const name = `Alkmaar Beter ${suffix}`;
		expect((await pendingPartyNames(ALKMAAR)).map((p) => p.name)).toContain(name);

		expect(await mapPartyName(editor.id, ALKMAAR, name, local.id)).toEqual({ status: 'saved', votes: 1, submitters: 0 });
		expect(await partyVotes(sourceKey, MOTION_15)).toContainEqual([local.name, 'tegen', 'summary']);
		expect((await pendingPartyNames(ALKMAAR)).map((p) => p.name)).not.toContain(name);

		// The motion changes at the source: its votes are placed again, with the remembered mapping.
		const changed = await importFile(ALKMAAR, editor.id, file('alkmaar-changes-1.ndjson'));
		expect(changed).toMatchObject({ counts: { updated: 2, pendingPartyNames: 0 } });
		expect(await partyVotes(sourceKey, MOTION_15)).toContainEqual([local.name, 'tegen', 'summary']);

		const { data: audit } = await db().from('audit_log').select('details').eq('actor_id', editor.id).eq('action', 'council_party_name_mapped');
		expect(audit).toEqual([{ details: expect.objectContaining({ name, party_id: local.id, votes: 1 }) }]);
	});

	it('refuses to map a name to a party of another gemeente', async () => {
		const { editor } = await alkmaarScenario();
		const elsewhere = await makeParties('GM0392', ['Elders'], tag());
		expect(await mapPartyName(editor.id, ALKMAAR, 'Elders', elsewhere.Elders.id)).toEqual({ status: 'not_found' });
	});

	it('reports a malformed line with its number and writes nothing of that file', async () => {
		const { sourceKey, file, editor } = await alkmaarScenario();
		// Small chunks: lines 1 and 2 are already staged when line 3 turns out to be broken.
		const outcome = await importFeed(file('alkmaar-malformed.ndjson').stream(), { gemeenteCode: ALKMAAR, actorId: editor.id }, { chunkSize: 1 });
		expect(outcome).toEqual({ status: 'invalid', errors: ['Regel 3: geen geldige JSON'] });
		expect(await councilRows(sourceKey)).toEqual({ meetings: [], motions: [] });
		expect(await stagedRowCount(sourceKey)).toBe(0);
		const { data: audit } = await db().from('audit_log').select('action').eq('actor_id', editor.id);
		expect(audit).toEqual([]);
	});

	it("refuses records of a source that is not the gemeente's", async () => {
		const { sourceKey, editor } = await alkmaarScenario();
		const haarlem = await makeSource('haarlem', 'GM0392');
		const lines = [...fixtureLines('alkmaar-snapshot-1.ndjson', { sourceKey }), ...fixtureLines('alkmaar-snapshot-2.ndjson', { sourceKey: haarlem })];
		const outcome = await importFeed(bytesOf(lines.join('\n')), { gemeenteCode: ALKMAAR, actorId: editor.id });
		expect(outcome).toEqual({
			status: 'invalid',
			errors: [
				`Regel 5: dit record komt van bron '${haarlem}', en die hoort niet bij Alkmaar`,
				`Regel 6: dit record komt van bron '${haarlem}', en die hoort niet bij Alkmaar`
			]
		});
		expect(await councilRows(sourceKey)).toEqual({ meetings: [], motions: [] });
	});

	it('says so when the file holds no records', async () => {
		const editor = await makeCouncilEditor(ALKMAAR);
		expect(await importFile(ALKMAAR, editor.id, new Blob(['\n\n']))).toEqual({ status: 'invalid', errors: ['Het bestand bevat geen records.'] });
	});

	it('imports the JSON of a single entity as a file', async () => {
		const sourceKey = await makeSource('haarlem', 'GM0392');
		const editor = await makeCouncilEditor('GM0392');
		const entity = JSON.parse(fixtureText('haarlem-meeting.json'));
		entity.source_info.source = sourceKey;
		const outcome = await importFile('GM0392', editor.id, new Blob([JSON.stringify(entity, null, 2)]));
		expect(outcome).toMatchObject({ status: 'applied', sourceKey, counts: { inserted: 1 } });
		const { meetings } = await councilRows(sourceKey);
		expect(meetings[0]).toMatchObject({ name: 'Raadsvergadering Haarlem', kind: 'raadsvergadering', location: 'Raadzaal' });
		expect((meetings[0].agenda_items as Array<{ title: string }>).map((i) => i.title)).toEqual(['Besluitvorming', 'Memo participatie']);
	});
});
