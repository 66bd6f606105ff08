// What the public gets of council work, read back with independent libraries: the iCalendar feed
// parsed with ical.js (every time carries Europe/Amsterdam, none floats, winter and summer time
// land on the right instant whatever the server's own zone), the open data parsed as JSON and with
// csv-parse; and the public council page costs the same number of database calls for 1 meeting
// and motion as for 12 meetings and 30 motions.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { db, useTestDatabase } from '$lib/server/platform/db';
import { countingFetch } from '$test/positions-fixtures';
import { makeParties, makeSource, tag } from '$test/ori-fixtures';
import { councilGemeente, makeCouncilEditor } from '$test/council-fixtures';
import { saveManualAgendaItem, saveManualMeeting } from './meetings';
import { saveManualMotion } from './motions';
import { setThemes } from './themes';
import { careMeetings, careMotions, councilPage } from './public-council';
import { meetingsCalendar } from './calendar';
import { councilJson, motionRows, motionsCsv, MOTION_FIELDS } from './open-data';
import type { SessionUser } from '$lib/server/auth/session';
import { newRequestState, runWithRequestState } from '$lib/server/platform/request-context';
import { load as councilLoad } from '../../../routes/(public)/g/[gemeente]/raad/+page.server';

type CouncilLoadEvent = Parameters<typeof councilLoad>[0];

const counter = countingFetch();
const { url, serviceRoleKey } = inject('supabase');
useTestDatabase(url, serviceRoleKey, counter.fetch);

const BESLUITENLIJST = 'https://raad.example.nl/besluitenlijst-2027-01-14.pdf';

async function meetingAt(editor: SessionUser, gemeenteCode: string, startsAt: string, endsAt: string | null, theme = 'huisvesting') {
	const meeting = await saveManualMeeting(editor.id, gemeenteCode, null, {
		kind: 'raadsvergadering',
		name: `Gemeenteraad ${tag()}`,
		startsAt,
		endsAt,
		location: 'Raadzaal, stadhuis',
		url: null,
		status: 'gepland'
	});
	if (!meeting.ok) throw new Error(meeting.message);
	const item = await saveManualAgendaItem(editor.id, meeting.id, null, { parentId: null, number: '7', title: 'Huisvesting huisartsen', isHeading: false, documents: [] });
	if (!item.ok) throw new Error(item.message);
	await setThemes(editor.id, gemeenteCode, 'agenda_item', item.id, [theme]);
	return { id: meeting.id, itemId: item.id };
}

const originalZone = process.env.TZ;
afterEach(() => {
	process.env.TZ = originalZone;
});

describe('the iCalendar feed', () => {
	it('gives every meeting its time in Europe/Amsterdam with a VTIMEZONE, right in winter and summer, wherever the server runs', async () => {
		const gemeente = await councilGemeente();
		const editor = await makeCouncilEditor(gemeente.code);
		// 19:30 Dutch time: 18:30 UTC in winter, 17:30 UTC in summer.
		const winter = await meetingAt(editor, gemeente.code, '2027-01-14T18:30:00Z', '2027-01-14T22:00:00Z');
		const summer = await meetingAt(editor, gemeente.code, '2027-06-24T17:30:00Z', null);
		const meetings = await careMeetings([gemeente.code]);
		const info = { name: 'Raad en zorg', description: 'Test', url: 'https://laatjehoren.nl/g/x/raad', host: 'laatjehoren.nl', themeLabels: { huisvesting: 'Huisvesting van huisartsenpraktijken' } };

		for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
			process.env.TZ = zone;
			const text = meetingsCalendar(info, meetings, 'https://laatjehoren.nl');
			expect(text).toContain('BEGIN:VTIMEZONE');
			expect(text).toContain('TZID:Europe/Amsterdam');
			// The events' own times (the VTIMEZONE's rules have local DTSTARTs by definition).
			const events = text.split('BEGIN:VEVENT').slice(1).map((part) => part.split('END:VEVENT')[0]);
			const times = events.flatMap((part) => part.split(/\r?\n/).filter((line) => /^(DTSTART|DTEND)/.test(line)));
			expect(times).toHaveLength(4);
			// No floating times: each carries its zone.
			expect(times.every((line) => line.includes(';TZID=Europe/Amsterdam:'))).toBe(true);
			expect(times).toContain('DTSTART;TZID=Europe/Amsterdam:20270114T193000');
			expect(times).toContain('DTSTART;TZID=Europe/Amsterdam:20270624T193000');

			const calendar = new ICAL.Component(ICAL.parse(text));
			for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
			const parsed = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
			const byUid = new Map(parsed.map((e) => [e.uid, e]));
			const w = byUid.get(`${winter.id}@laatjehoren.nl`)!;
			const s = byUid.get(`${summer.id}@laatjehoren.nl`)!;
			expect(w.startDate.toJSDate().toISOString()).toBe('2027-01-14T18:30:00.000Z');
			expect(w.endDate.toJSDate().toISOString()).toBe('2027-01-14T22:00:00.000Z');
			expect(s.startDate.toJSDate().toISOString()).toBe('2027-06-24T17:30:00.000Z');
			expect(s.startDate.zone.tzid).toBe('Europe/Amsterdam');
			expect(w.summary).toMatch(/^Gemeenteraad .* \(/);
			expect(w.description).toContain("Zorgthema's: Huisvesting van huisartsenpraktijken.");
			expect(w.location).toBe('Raadzaal, stadhuis');
		}
	});
});

async function motionWithVotes(editor: SessionUser, gemeenteCode: string, parties: Record<string, { id: string; name: string }>, meetingId: string | null, title: string) {
	const [a, b] = Object.values(parties);
	const motion = await saveManualMotion(editor.id, gemeenteCode, null, {
		meetingId,
		agendaItemId: null,
		title,
		type: 'motie',
		decidedOn: '2027-01-14',
		result: 'aangenomen',
		hamerstuk: false,
		text: 'De raad, verzoekt het college ruimte te reserveren voor huisartsen, "ook in de wijk".',
		url: null,
		submitters: [{ partyId: a.id, role: 'indiener' }],
		votes: [
			{ partyId: a.id, vote: 'voor', sourceDocument: 'besluitenlijst', sourceUrl: BESLUITENLIJST, sourcePage: 3 },
			{ partyId: b.id, vote: 'tegen', sourceDocument: 'notulen', sourceUrl: BESLUITENLIJST, sourcePage: 12 }
		]
	});
	if (!motion.ok) throw new Error(motion.message);
	await setThemes(editor.id, gemeenteCode, 'motion', motion.id, ['huisvesting']);
	return motion.id;
}

describe('open data of council work', () => {
	it('parses back: JSON with meetings, motions and each vote with its source; CSV one row per motion and party', async () => {
		const gemeente = await councilGemeente();
		const editor = await makeCouncilEditor(gemeente.code);
		const parties = await makeParties(gemeente.code, ['Zorgpartij', 'Kritische Lijst'], tag());
		const meeting = await meetingAt(editor, gemeente.code, '2027-01-14T18:30:00Z', null);
		const motionId = await motionWithVotes(editor, gemeente.code, parties, meeting.id, 'Motie Ruimte, voor "de huisarts"');
		const page = await councilPage(gemeente.code);
		const about = { name: gemeente.name, code: gemeente.code, slug: 'test', page: 'https://laatjehoren.nl/g/test/raad', origin: 'https://laatjehoren.nl' };

		const json = JSON.parse(councilJson(about, [...page.past, ...page.upcoming], page.motions, page.sources));
		expect(json.licentie.name).toBe('CC BY 4.0');
		expect(json.vergaderingen.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
		expect(json.moties).toEqual([
			expect.objectContaining({
				id: motionId,
				uitslag: 'aangenomen',
				themas: ['huisvesting'],
				indieners: [{ partij: parties.Zorgpartij.name, rol: 'indiener' }],
				stemmen: [
					expect.objectContaining({ partij: parties['Kritische Lijst'].name, stem: 'tegen', bron: 'manual', document: 'notulen', pagina: 12 }),
					expect.objectContaining({ partij: parties.Zorgpartij.name, stem: 'voor', bron: 'manual', document: 'besluitenlijst', link: BESLUITENLIJST, pagina: 3 })
				]
			})
		]);

		const csv = motionsCsv(motionRows(await careMotions(gemeente.code), 'test', 'https://laatjehoren.nl'));
		const rows: Array<Record<string, string>> = parse(csv, { columns: true });
		expect(Object.keys(rows[0])).toEqual(Object.keys(MOTION_FIELDS));
		expect(rows.map((r) => [r.titel, r.partij, r.stem, r.stem_bron, r.stem_pagina])).toEqual([
			['Motie Ruimte, voor "de huisarts"', parties['Kritische Lijst'].name, 'tegen', 'manual', '12'],
			['Motie Ruimte, voor "de huisarts"', parties.Zorgpartij.name, 'voor', 'manual', '3']
		]);
		expect(rows[0].pagina).toBe(`https://laatjehoren.nl/g/test/raad/moties/${motionId}`);
		expect(rows[0].themas).toBe('huisvesting');
	});
});

describe('the public council page', () => {
	let small: string;
	let large: string;

	beforeAll(async () => {
		const one = await councilGemeente();
		const many = await councilGemeente();
		small = one.code;
		large = many.code;
		const [smallEditor, largeEditor] = await Promise.all([makeCouncilEditor(small), makeCouncilEditor(large)]);
		const smallParties = await makeParties(small, ['Zorgpartij', 'Kritische Lijst'], tag());
		const m = await meetingAt(smallEditor, small, '2027-02-11T18:30:00Z', null);
		await motionWithVotes(smallEditor, small, smallParties, m.id, 'Motie één');
		// The small one has no council source, the large one two: still the same calls.
		const noSource = await db().from('council_sources').delete().eq('gemeente_code', small);
		if (noSource.error) throw new Error(noSource.error.message);
		await makeSource('groot', large, 'ibabs');
		await makeSource('groot', large);
		const largeParties = await makeParties(large, ['Zorgpartij', 'Kritische Lijst', 'Derde Partij'], tag());
		const meetings = [];
		for (let i = 0; i < 12; i++) meetings.push(await meetingAt(largeEditor, large, new Date(Date.UTC(2026, 6 + i, 10, 17, 30)).toISOString(), null, i % 2 ? 'wmo' : 'jeugdzorg'));
		for (let i = 0; i < 30; i++) await motionWithVotes(largeEditor, large, largeParties, meetings[i % 12].id, `Motie ${i}`);
	}, 180_000);

	it('takes the same number of database calls for 1 meeting and 1 motion as for 12 meetings and 30 motions', async () => {
		const calls = async (code: string) => {
			counter.reset();
			const page = await councilPage(code);
			return { calls: counter.count(), meetings: page.upcoming.length + page.past.length, motions: page.motions.length };
		};
		const one = await calls(small);
		const many = await calls(large);
		expect(one.meetings).toBe(1);
		expect(many).toMatchObject({ meetings: 12, motions: 30 });
		expect(many.calls).toBe(one.calls);
		expect(one.calls).toBeLessThanOrEqual(6);
	});
});

describe('the public council page and the cache', () => {
	it('costs no database call while nothing changed, and shows an editor’s change at once', async () => {
		const gemeente = await councilGemeente();
		const editor = await makeCouncilEditor(gemeente.code);
		const first = await meetingAt(editor, gemeente.code, '2027-03-11T18:30:00Z', null);
		const pageLoad = async () => {
			const state = newRequestState();
			const data = await runWithRequestState(state, () =>
				councilLoad({ params: { gemeente: gemeente.code }, url: new URL(`http://localhost/g/${gemeente.code}/raad`) } as CouncilLoadEvent)
			);
			if (!data) throw new Error('no page data');
			return { ids: [...data.upcoming, ...data.past].map((m) => m.id), calls: state.calls };
		};
		const cold = await pageLoad();
		expect(cold.ids).toContain(first.id);
		const warm = await pageLoad();
		expect(warm.ids).toEqual(cold.ids);
		expect(warm.calls).toBe(0);

		// A theme confirmed on a new meeting's agenda item: the database bumps the gemeente's version.
		const second = await meetingAt(editor, gemeente.code, '2027-03-25T18:30:00Z', null, 'ggz');
		const after = await pageLoad();
		expect(after.ids).toContain(second.id);
	});
});
