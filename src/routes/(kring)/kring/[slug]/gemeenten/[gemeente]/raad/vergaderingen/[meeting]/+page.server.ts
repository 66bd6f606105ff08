// One meeting for the kring's editors: change it (when entered by hand) or remove it (after a
// confirmation), its agenda (add, change, move, remove items; documents as links), the care themes
// per agenda item (suggested by the Dutch full-text search, confirmed by the editor), its motions
// and which huisartsen go.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { councilContext } from '../../council-context';
import { formFailure, formString, isConfirmed, CONFIRM_MESSAGE } from '$lib/server/platform/forms';
import { getMeeting, saveManualAgendaItem, saveManualMeeting, type AgendaItem } from '$lib/server/council/meetings';
import { deleteAgendaItem, deleteMeeting, moveAgendaItem, REMOVE_REFUSED } from '$lib/server/council/removals';
import { setThemes, suggestThemes } from '$lib/server/council/themes';
import { attendeesOf } from '$lib/server/council/attendance';
import { listThemes } from '$lib/server/gemeenten/themes';
import { db } from '$lib/server/platform/db';
import { amsterdamParts, MEETING_KINDS, MOTION_RESULTS } from '$lib/council';
import { formatDateTime } from '$lib/format';
import { documentsText, meetingInput, meetingValues, parseDocuments } from '../../meeting-form';

const DONE: Record<string, string> = {
	nieuw: 'De vergadering is opgeslagen. Voeg nu de agendapunten toe.',
	opgeslagen: 'De vergadering is opgeslagen.',
	punt: 'Het agendapunt is opgeslagen.',
	verplaatst: 'Het agendapunt is verplaatst.',
	puntweg: 'Het agendapunt is verwijderd.',
	themas: "De thema's zijn opgeslagen."
};

export interface FlatItem {
	id: string;
	depth: number;
	number: string | null;
	title: string;
	isHeading: boolean;
	documents: Array<{ name: string; url: string | null }>;
	themes: string[];
	parentId: string | null;
}

function flatten(items: AgendaItem[], depth = 0, parentId: string | null = null): FlatItem[] {
	return items.flatMap((item) => [
		{ id: item.id, depth, number: item.number, title: item.title, isHeading: item.isHeading, documents: item.documents, themes: item.themes, parentId },
		...flatten(item.children, depth + 1, item.id)
	]);
}

async function meetingOf(gemeenteCode: string, id: string) {
	const meeting = /^[0-9a-f-]{36}$/i.test(id) ? await getMeeting(id) : null;
	if (!meeting || meeting.gemeenteCode !== gemeenteCode) error(404, 'Deze vergadering bestaat niet (meer).');
	return meeting;
}

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await councilContext(event);
	const meeting = await meetingOf(gemeente.code, event.params.meeting);
	const items = flatten(meeting.agenda);
	const [themes, suggestions, motions, attendees] = await Promise.all([
		listThemes({ activeOnly: true }),
		suggestThemes(items.map((i) => ({ id: i.id, text: [i.title, ...i.documents.map((d) => d.name)].join('\n') }))),
		db().from('motions').select('id, title, result, source, motion_themes(theme_key)').eq('meeting_id', meeting.id).order('title'),
		attendeesOf(meeting.id)
	]);
	if (motions.error) throw new Error(motions.error.message);
	const { date, time } = amsterdamParts(meeting.startsAt);
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		base,
		meeting: {
			id: meeting.id,
			name: meeting.name,
			kindLabel: MEETING_KINDS[meeting.kind],
			when: formatDateTime(meeting.startsAt),
			manual: meeting.source === 'handmatig',
			location: meeting.location,
			url: meeting.url
		},
		values: {
			kind: meeting.kind,
			name: meeting.name,
			date,
			startTime: time,
			endTime: meeting.endsAt ? amsterdamParts(meeting.endsAt).time : '',
			location: meeting.location ?? '',
			url: meeting.url ?? '',
			status: meeting.status
		},
		items: items.map((i) => ({ ...i, documentsText: documentsText(i.documents), suggested: (suggestions.get(i.id) ?? []).filter((key) => !i.themes.includes(key)) })),
		themes: themes.map((t) => ({ key: t.key, label: t.label })),
		motions: motions.data.map((m) => ({ id: m.id, title: m.title, result: m.result ? (MOTION_RESULTS[m.result as keyof typeof MOTION_RESULTS] ?? m.result) : 'Nog niet besloten', themed: m.motion_themes.length > 0 })),
		attendees,
		done: DONE[event.url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { saveMeeting, removeMeeting, addItem, saveItem, moveItem, removeItem, itemThemes };

function back(event: RequestEvent, base: string, done: string, anchor: string): never {
	redirect(303, `${base}/vergaderingen/${event.params.meeting}?klaar=${done}#${anchor}`);
}

async function saveMeeting(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const values = meetingValues(await event.request.formData());
	const parsed = meetingInput(values);
	if ('errors' in parsed) return formFailure(400, 'saveMeeting', { values, errors: parsed.errors });
	const saved = await saveManualMeeting(user.id, gemeente.code, event.params.meeting, parsed.input);
	if (!saved.ok) return formFailure(400, 'saveMeeting', { values, message: saved.message, errors: saved.fieldErrors });
	back(event, base, 'opgeslagen', 'vergadering-kop');
}

async function removeMeeting(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const form = await event.request.formData();
	if (!isConfirmed(form)) return formFailure(400, 'removeMeeting', { errors: { confirm: CONFIRM_MESSAGE } });
	const result = await deleteMeeting(user.id, gemeente.code, event.params.meeting);
	if (result !== 'deleted') return formFailure(409, 'removeMeeting', { message: REMOVE_REFUSED[result] });
	redirect(303, `${base}?klaar=verwijderd#vergaderingen-kop`);
}

function itemValues(form: FormData) {
	return {
		parentId: formString(form, 'parentId'),
		number: formString(form, 'number'),
		title: formString(form, 'title'),
		isHeading: formString(form, 'isHeading') === 'ja',
		documents: formString(form, 'documents')
	};
}

async function storeItem(event: RequestEvent, action: string, itemId: string | null) {
	const { user, base, gemeente } = await councilContext(event);
	await meetingOf(gemeente.code, event.params.meeting);
	const values = itemValues(await event.request.formData());
	const docs = parseDocuments(values.documents);
	if ('error' in docs) return formFailure(400, action, { values, errors: { documents: docs.error } });
	const saved = await saveManualAgendaItem(user.id, event.params.meeting, itemId, {
		parentId: values.parentId || null,
		number: values.number.trim() || null,
		title: values.title,
		isHeading: values.isHeading,
		documents: docs.documents
	});
	if (!saved.ok) return formFailure(400, action, { values, message: saved.message, errors: saved.fieldErrors });
	back(event, base, 'punt', `punt-${saved.id}`);
}

async function addItem(event: RequestEvent) {
	return storeItem(event, 'addItem', null);
}

async function saveItem(event: RequestEvent) {
	const itemId = event.url.searchParams.get('punt') ?? '';
	return storeItem(event, `saveItem-${itemId}`, itemId);
}

async function moveItem(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const form = await event.request.formData();
	const itemId = formString(form, 'item');
	const result = await moveAgendaItem(user.id, gemeente.code, itemId, formString(form, 'direction') === 'op');
	if (result === 'not_found' || result === 'imported') return formFailure(409, 'agenda', { message: REMOVE_REFUSED[result] });
	back(event, base, 'verplaatst', `punt-${itemId}`);
}

async function removeItem(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const form = await event.request.formData();
	const itemId = formString(form, 'item');
	if (!isConfirmed(form)) return formFailure(400, `removeItem-${itemId}`, { errors: { confirm: CONFIRM_MESSAGE } });
	const result = await deleteAgendaItem(user.id, gemeente.code, itemId);
	if (result !== 'deleted') return formFailure(409, `removeItem-${itemId}`, { message: REMOVE_REFUSED[result] });
	back(event, base, 'puntweg', 'agenda-kop');
}

async function itemThemes(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const form = await event.request.formData();
	const itemId = formString(form, 'item');
	const keys = form.getAll('themes').filter((v): v is string => typeof v === 'string');
	const result = await setThemes(user.id, gemeente.code, 'agenda_item', itemId, keys);
	if (result !== 'saved') return formFailure(400, `themes-${itemId}`, { message: result === 'unknown_theme' ? 'Kies bestaande thema’s.' : REMOVE_REFUSED.not_found });
	back(event, base, 'themas', `punt-${itemId}`);
}
