// Meetings entered by hand (with their agenda items and document links), and reading a meeting
// with its agenda as a tree. Imported meetings belong to their source and are not edited here.
// Times are instants (ISO with offset); the pages show them in Europe/Amsterdam.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import type { MeetingKind, MeetingStatus } from './types';

const webUrl = z
	.string()
	.trim()
	.max(2000, 'Deze link is te lang.')
	.refine((value) => /^https?:\/\/\S+$/i.test(value) && URL.canParse(value), 'Een link begint met https:// of http://.');

export const manualMeetingSchema = z
	.object({
		kind: z.enum(['raadsvergadering', 'commissievergadering', 'informatiebijeenkomst', 'overig'], { message: 'Kies het soort vergadering.' }),
		name: z.string().trim().min(2, 'Geef de naam van de vergadering.').max(500, 'Deze naam is te lang.'),
		startsAt: z.iso.datetime({ offset: true, message: 'Geef een geldige begintijd.' }),
		endsAt: z.iso.datetime({ offset: true, message: 'Geef een geldige eindtijd.' }).nullable(),
		location: z.string().trim().max(500, 'Deze plaats is te lang.').nullable(),
		url: webUrl.nullable(),
		status: z.enum(['gepland', 'geannuleerd', 'verplaatst', 'uitgesteld'], { message: 'Kies een status.' })
	})
	.refine((m) => !m.endsAt || Date.parse(m.endsAt) >= Date.parse(m.startsAt), { message: 'De vergadering eindigt voordat ze begint.', path: ['endsAt'] });

export const manualAgendaItemSchema = z.object({
	parentId: z.uuid().nullable(),
	number: z.string().trim().max(50, 'Dit nummer is te lang.').nullable(),
	title: z.string().trim().min(2, 'Geef de titel van het agendapunt.').max(1000, 'Deze titel is te lang.'),
	isHeading: z.boolean(),
	documents: z.array(z.object({ name: z.string().trim().min(1, 'Geef het document een naam.').max(1000), url: webUrl }))
});

export type ManualMeetingInput = z.input<typeof manualMeetingSchema>;
export type ManualAgendaItemInput = z.input<typeof manualAgendaItemSchema>;

export type SaveOutcome = { ok: true; id: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

const saveResult = z.object({ status: z.enum(['saved', 'not_found', 'imported', 'invalid_parent']), id: z.string().optional() });

const MESSAGES = {
	not_found: 'Deze vergadering of dit agendapunt bestaat niet (meer).',
	imported: 'Deze vergadering komt uit de import van de gemeente en kan hier niet worden gewijzigd.',
	invalid_parent: 'Een agendapunt kan niet onder zichzelf of onder een eigen subpunt staan.'
} as const;

function invalid(error: z.ZodError): SaveOutcome {
	const fieldErrors: Record<string, string> = {};
	for (const issue of error.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
	return { ok: false, message: 'Niet alles is goed ingevuld.', fieldErrors };
}

function outcome(data: unknown): SaveOutcome {
	const result = saveResult.parse(data);
	if (result.status === 'saved' && result.id) return { ok: true, id: result.id };
	return { ok: false, message: MESSAGES[result.status === 'saved' ? 'not_found' : result.status], fieldErrors: {} };
}

/** Adds (meetingId null) or changes a meeting entered by hand (audited). */
export async function saveManualMeeting(actorId: string, gemeenteCode: string, meetingId: string | null, input: unknown): Promise<SaveOutcome> {
	const parsed = manualMeetingSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const m = parsed.data;
	const { data, error } = await db().rpc('save_manual_meeting', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		...(meetingId ? { p_meeting_id: meetingId } : {}),
		p_meeting: { kind: m.kind, name: m.name, starts_at: m.startsAt, ends_at: m.endsAt, location: m.location || null, url: m.url || null, status: m.status }
	});
	if (error) throw new Error(`saveManualMeeting: ${error.message}`);
	return outcome(data);
}

/** Adds (itemId null, placed last) or changes an agenda item of a meeting entered by hand. */
export async function saveManualAgendaItem(actorId: string, meetingId: string, itemId: string | null, input: unknown): Promise<SaveOutcome> {
	const parsed = manualAgendaItemSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const item = parsed.data;
	const { data, error } = await db().rpc('save_manual_agenda_item', {
		p_actor_id: actorId,
		p_meeting_id: meetingId,
		...(itemId ? { p_item_id: itemId } : {}),
		p_item: { parent_id: item.parentId, number: item.number || null, title: item.title, is_heading: item.isHeading, documents: item.documents }
	});
	if (error) throw new Error(`saveManualAgendaItem: ${error.message}`);
	return outcome(data);
}

export interface AgendaItem {
	id: string;
	number: string | null;
	title: string;
	isHeading: boolean;
	documents: Array<{ name: string; url: string | null }>;
	/** Confirmed care themes (keys). */
	themes: string[];
	children: AgendaItem[];
}

export interface Meeting {
	id: string;
	gemeenteCode: string;
	kind: MeetingKind;
	name: string;
	startsAt: string;
	endsAt: string | null;
	location: string | null;
	url: string | null;
	status: MeetingStatus;
	source: 'handmatig' | 'openbesluitvorming';
	agenda: AgendaItem[];
}

const meetingRow = z.object({
	id: z.string(),
	gemeente_code: z.string(),
	kind: z.enum(['raadsvergadering', 'commissievergadering', 'informatiebijeenkomst', 'overig']),
	name: z.string(),
	starts_at: z.string(),
	ends_at: z.string().nullable(),
	location: z.string().nullable(),
	url: z.string().nullable(),
	status: z.enum(['gepland', 'geannuleerd', 'verplaatst', 'uitgesteld']),
	source: z.enum(['handmatig', 'openbesluitvorming']),
	agenda_items: z.array(
		z.object({
			id: z.string(),
			parent_id: z.string().nullable(),
			position: z.number(),
			number: z.string().nullable(),
			title: z.string(),
			is_heading: z.boolean(),
			agenda_item_themes: z.array(z.object({ theme_key: z.string() })),
			agenda_item_documents: z.array(z.object({ position: z.number(), name: z.string(), url: z.string().nullable() }))
		})
	)
});

/** One meeting with its agenda as a tree (each level in agenda order); null if unknown. */
export async function getMeeting(id: string): Promise<Meeting | null> {
	const { data, error } = await db()
		.from('meetings')
		.select(
			'id, gemeente_code, kind, name, starts_at, ends_at, location, url, status, source, agenda_items(id, parent_id, position, number, title, is_heading, agenda_item_themes(theme_key), agenda_item_documents(position, name, url))'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`getMeeting: ${error.message}`);
	if (!data) return null;
	const row = meetingRow.parse(data);
	const items = [...row.agenda_items].sort((a, b) => a.position - b.position);
	const nodes = new Map<string, AgendaItem>(
		items.map((i) => [
			i.id,
			{
				id: i.id,
				number: i.number,
				title: i.title,
				isHeading: i.is_heading,
				documents: [...i.agenda_item_documents].sort((a, b) => a.position - b.position).map((d) => ({ name: d.name, url: d.url })),
				themes: i.agenda_item_themes.map((t) => t.theme_key).sort(),
				children: []
			}
		])
	);
	const agenda: AgendaItem[] = [];
	for (const item of items) {
		const parent = item.parent_id ? nodes.get(item.parent_id) : undefined;
		(parent ? parent.children : agenda).push(nodes.get(item.id)!);
	}
	return {
		id: row.id,
		gemeenteCode: row.gemeente_code,
		kind: row.kind,
		name: row.name,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		location: row.location,
		url: row.url,
		status: row.status,
		source: row.source,
		agenda
	};
}
