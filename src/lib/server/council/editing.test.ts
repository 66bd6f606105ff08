// Council work by people, against the real local Supabase: only a kring editor of the gemeente (or
// an admin) may write it, and the database itself refuses anyone else; themes are suggested from
// the text by the Dutch full-text search and kept only when an editor confirms them; hand-entered
// work can be ordered and removed, imported work cannot; huisartsen with a confirmed practice say
// they go (the public sees the count, names only with consent) and get one reminder the day before.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { db } from '$lib/server/platform/db';
import { makeUser } from '$test/signing-fixtures';
import { confirmedHuisarts, councilGemeente, makeCouncilEditor, makeMeeting } from '$test/council-fixtures';
import { getMeeting, saveManualAgendaItem, saveManualMeeting } from './meetings';
import { getMotion, saveManualMotion } from './motions';
import { setThemes, suggestThemes } from './themes';
import { deleteAgendaItem, deleteMeeting, deleteMotion, moveAgendaItem } from './removals';
import { attendeesOf, sendMeetingReminders, setAttendance, withdrawAttendance } from './attendance';
import { careMeetings } from './public-council';

const { service } = connectTestDatabase();
let gemeente: { code: string; name: string };

beforeAll(async () => {
	gemeente = await councilGemeente();
});

async function outboxTo(email: string) {
	const { data, error } = await db().from('outbox').select('subject, text_body').eq('to_address', email);
	if (error) throw error;
	return data;
}

describe('who may write council work', () => {
	it('refuses a stranger and a kring editor of another gemeente, in the app and in the database', async () => {
		const stranger = await makeUser('vreemde');
		const elsewhere = await makeCouncilEditor('GM0363');
		const editor = await makeCouncilEditor(gemeente.code);
		const input = { kind: 'raadsvergadering', name: 'Gemeenteraad', startsAt: '2027-01-14T19:30:00+01:00', endsAt: null, location: null, url: null, status: 'gepland' };
		for (const person of [stranger, elsewhere]) {
			await expect(saveManualMeeting(person.id, gemeente.code, null, input)).rejects.toThrow(/may not edit council work/);
			const direct = await service.rpc('save_manual_meeting', { p_actor_id: person.id, p_gemeente_code: gemeente.code, p_meeting: { ...input, starts_at: input.startsAt } });
			expect(direct.error?.code).toBe('42501');
		}
		const { meetingId } = await makeMeeting(editor, gemeente.code, 48);
		// Nor may they remove, theme or add to what the editor entered.
		await expect(deleteMeeting(stranger.id, gemeente.code, meetingId)).rejects.toThrow(/may not edit council work/);
		await expect(saveManualAgendaItem(elsewhere.id, meetingId, null, { parentId: null, number: null, title: 'Ingeslopen punt', isHeading: false, documents: [] })).rejects.toThrow(
			/may not edit council work/
		);
		expect((await getMeeting(meetingId))!.agenda).toHaveLength(1);
	});
});

describe('themes on agenda items and motions', () => {
	it('suggests themes from the text with Dutch stemming, and keeps only what the editor confirms', async () => {
		const suggestions = await suggestThemes([
			{ id: 'a', text: 'Raadsvoorstel ruimte voor huisartsenpraktijken in nieuwbouwplannen' },
			{ id: 'b', text: 'Motie wachtlijsten jeugdhulp terugdringen' },
			{ id: 'c', text: 'Herinrichting van het marktplein' }
		]);
		expect(suggestions.get('a')).toContain('huisvesting');
		expect(suggestions.get('b')).toContain('jeugdzorg');
		expect(suggestions.has('c')).toBe(false);

		const editor = await makeCouncilEditor(gemeente.code);
		const { meetingId, itemId } = await makeMeeting(editor, gemeente.code, 72);
		// A suggestion alone puts nothing on the public page.
		expect((await careMeetings([gemeente.code])).map((m) => m.id)).not.toContain(meetingId);
		expect(await setThemes(editor.id, gemeente.code, 'agenda_item', itemId, ['huisvesting'])).toBe('saved');
		expect((await getMeeting(meetingId))!.agenda[0].themes).toEqual(['huisvesting']);
		const listed = (await careMeetings([gemeente.code])).find((m) => m.id === meetingId);
		expect(listed).toMatchObject({ themes: ['huisvesting'], careItems: [{ number: '5', themes: ['huisvesting'] }] });
		expect(await setThemes(editor.id, gemeente.code, 'agenda_item', itemId, ['bestaat_niet'])).toBe('unknown_theme');
		// An agenda item of another gemeente is not found from here.
		expect(await setThemes(editor.id, 'GM0363', 'agenda_item', itemId, ['huisvesting']).catch((e: Error) => e.message)).toMatch(/may not edit/);

		const motion = await saveManualMotion(editor.id, gemeente.code, null, {
			meetingId,
			agendaItemId: itemId,
			title: 'Motie Plek voor de huisarts',
			type: 'motie',
			decidedOn: null,
			result: null,
			hamerstuk: false,
			text: null,
			url: null,
			submitters: [],
			votes: []
		});
		if (!motion.ok) throw new Error(motion.message);
		expect(await setThemes(editor.id, gemeente.code, 'motion', motion.id, ['huisvesting', 'wmo'])).toBe('saved');
		expect((await getMotion(motion.id))!.themes).toEqual(['huisvesting', 'wmo']);
		expect(await setThemes(editor.id, gemeente.code, 'motion', motion.id, [])).toBe('saved');
		expect((await getMotion(motion.id))!.themes).toEqual([]);
	});
});

describe('ordering and removing hand-entered work', () => {
	it('moves agenda items among their siblings, removes an item with its sub-items, and keeps a meeting that has motions', async () => {
		const editor = await makeCouncilEditor(gemeente.code);
		const { meetingId, itemId: first } = await makeMeeting(editor, gemeente.code, 96, 'Opening');
		const second = await saveManualAgendaItem(editor.id, meetingId, null, { parentId: null, number: '6', title: 'Zorg en welzijn', isHeading: true, documents: [] });
		if (!second.ok) throw new Error(second.message);
		const child = await saveManualAgendaItem(editor.id, meetingId, null, { parentId: second.id, number: '6a', title: 'Wmo-beleid', isHeading: false, documents: [] });
		if (!child.ok) throw new Error(child.message);
		expect(await moveAgendaItem(editor.id, gemeente.code, second.id, true)).toBe('moved');
		expect((await getMeeting(meetingId))!.agenda.map((i) => i.title)).toEqual(['Zorg en welzijn', 'Opening']);
		expect(await moveAgendaItem(editor.id, gemeente.code, second.id, true)).toBe('unchanged');
		expect(await moveAgendaItem(editor.id, gemeente.code, child.id, false)).toBe('unchanged');

		const motion = await saveManualMotion(editor.id, gemeente.code, null, {
			meetingId, agendaItemId: child.id, title: 'Motie Wmo-loket', type: 'motie', decidedOn: null, result: null, hamerstuk: false, text: null, url: null, submitters: [], votes: []
		});
		if (!motion.ok) throw new Error(motion.message);
		expect(await deleteAgendaItem(editor.id, gemeente.code, second.id)).toBe('deleted');
		expect((await getMeeting(meetingId))!.agenda.map((i) => i.id)).toEqual([first]);
		// The motion stays, no longer on the removed item.
		expect((await getMotion(motion.id))!.agendaItemId).toBeNull();
		expect(await deleteMeeting(editor.id, gemeente.code, meetingId)).toBe('has_motions');
		expect(await deleteMotion(editor.id, gemeente.code, motion.id)).toBe('deleted');
		expect(await deleteMeeting(editor.id, gemeente.code, meetingId)).toBe('deleted');
		expect(await getMeeting(meetingId)).toBeNull();
		const { data: audit } = await db().from('audit_log').select('action').eq('actor_id', editor.id).in('action', ['agenda_item_removed', 'motion_removed', 'meeting_removed']);
		expect(audit!.map((a) => a.action).sort()).toEqual(['agenda_item_removed', 'meeting_removed', 'motion_removed']);
	});
});

describe('going to a meeting together', () => {
	it('lets confirmed huisartsen sign up (to speak, name public or not), shows the public only the count and consented names', async () => {
		const editor = await makeCouncilEditor(gemeente.code);
		const { meetingId, itemId } = await makeMeeting(editor, gemeente.code, 120);
		await setThemes(editor.id, gemeente.code, 'agenda_item', itemId, ['huisvesting']);
		const anna = await confirmedHuisarts(gemeente.code, 'Anna Openbaar');
		const bram = await confirmedHuisarts(gemeente.code, 'Bram Bescheiden');
		const outsider = await makeUser('buiten', true);

		expect(await setAttendance(outsider.id, meetingId, { speaksOn: null, namePublic: true })).toBe('not_allowed');
		expect(await setAttendance(anna.id, meetingId, { speaksOn: itemId, namePublic: true })).toBe('saved');
		expect(await setAttendance(bram.id, meetingId, { speaksOn: null, namePublic: false })).toBe('saved');
		// Saying it twice changes the choice, it does not count twice.
		expect(await setAttendance(bram.id, meetingId, { speaksOn: null, namePublic: false })).toBe('saved');

		const listed = (await careMeetings([gemeente.code])).find((m) => m.id === meetingId)!;
		expect(listed.attendance).toEqual({ count: 2, names: ['Anna Openbaar'] });
		expect((await attendeesOf(meetingId)).map((a) => [a.name, a.speaksOn?.id ?? null, a.namePublic])).toEqual([
			['Anna Openbaar', itemId, true],
			['Bram Bescheiden', null, false]
		]);
		const other = await makeMeeting(editor, gemeente.code, 130);
		expect(await setAttendance(anna.id, meetingId, { speaksOn: other.itemId, namePublic: true })).toBe('invalid_item');

		expect(await withdrawAttendance(bram.id, meetingId)).toBe('withdrawn');
		expect((await careMeetings([gemeente.code])).find((m) => m.id === meetingId)!.attendance.count).toBe(1);
	});

	it('refuses a meeting that has begun', async () => {
		const editor = await makeCouncilEditor(gemeente.code);
		const { meetingId } = await makeMeeting(editor, gemeente.code, -1);
		const huisarts = await confirmedHuisarts(gemeente.code, 'Carla Laat');
		expect(await setAttendance(huisarts.id, meetingId, { speaksOn: null, namePublic: false })).toBe('past');
	});

	it('sends each one reminder the day before, naming who else goes, however often the worker runs', async () => {
		const editor = await makeCouncilEditor(gemeente.code);
		const soon = await makeMeeting(editor, gemeente.code, 20, 'Wachtlijsten ggz');
		const later = await makeMeeting(editor, gemeente.code, 24 * 5);
		const dirk = await confirmedHuisarts(gemeente.code, 'Dirk Dinsdag');
		const eva = await confirmedHuisarts(gemeente.code, 'Eva Woensdag');
		await setAttendance(dirk.id, soon.meetingId, { speaksOn: soon.itemId, namePublic: false });
		await setAttendance(eva.id, soon.meetingId, { speaksOn: null, namePublic: false });
		await setAttendance(dirk.id, later.meetingId, { speaksOn: null, namePublic: false });

		await sendMeetingReminders();
		await sendMeetingReminders();
		const toDirk = await outboxTo(dirk.email);
		expect(toDirk).toHaveLength(1);
		expect(toDirk[0].subject).toMatch(/^Morgen: Gemeenteraad/);
		expect(toDirk[0].text_body).toContain('Je wilt inspreken bij: Wachtlijsten ggz');
		expect(toDirk[0].text_body).toContain('Ook aangemeld: Eva Woensdag');
		expect(await outboxTo(eva.email)).toHaveLength(1);
	});
});
