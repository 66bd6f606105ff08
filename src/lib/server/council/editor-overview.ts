// The editor's list of a gemeente's council work: its meetings (the newest MAX_MEETINGS, with how
// many agenda items, motions and care themes each has) and the motions not tied to a meeting.
// Two database calls.
import { db } from '$lib/server/platform/db';
import type { MeetingKind, MotionResult } from './types';

const MAX_MEETINGS = 200;
const KINDS = ['raadsvergadering', 'commissievergadering', 'informatiebijeenkomst', 'overig'] as const;
const RESULTS = ['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig'] as const;

export interface OverviewMeeting {
	id: string;
	name: string;
	kind: MeetingKind;
	startsAt: string;
	source: 'handmatig' | 'openbesluitvorming';
	status: string;
	items: number;
	motions: number;
	themed: boolean;
}

export interface OverviewMotion {
	id: string;
	title: string;
	result: MotionResult | null;
	decidedOn: string | null;
	source: 'handmatig' | 'openbesluitvorming';
	themed: boolean;
}

export async function councilOverview(gemeenteCode: string): Promise<{ meetings: OverviewMeeting[]; looseMotions: OverviewMotion[] }> {
	const [meetings, motions] = await Promise.all([
		db()
			.from('meetings')
			.select('id, name, kind, starts_at, source, status, agenda_items(id, agenda_item_themes(theme_key)), motions(id, motion_themes(theme_key))')
			.eq('gemeente_code', gemeenteCode)
			.order('starts_at', { ascending: false })
			.limit(MAX_MEETINGS),
		db()
			.from('motions')
			.select('id, title, result, decided_on, source, motion_themes(theme_key)')
			.eq('gemeente_code', gemeenteCode)
			.is('meeting_id', null)
			.order('decided_on', { ascending: false, nullsFirst: true })
			.limit(MAX_MEETINGS)
	]);
	if (meetings.error) throw new Error(`councilOverview: ${meetings.error.message}`);
	if (motions.error) throw new Error(`councilOverview: ${motions.error.message}`);
	return {
		meetings: meetings.data
			.map((m) => ({
				id: m.id,
				name: m.name,
				kind: KINDS.find((k) => k === m.kind) ?? 'overig',
				startsAt: m.starts_at,
				source: m.source === 'openbesluitvorming' ? ('openbesluitvorming' as const) : ('handmatig' as const),
				status: m.status,
				items: m.agenda_items.length,
				motions: m.motions.length,
				themed: m.agenda_items.some((i) => i.agenda_item_themes.length > 0) || m.motions.some((x) => x.motion_themes.length > 0)
			}))
			.reverse(),
		looseMotions: motions.data.map((m) => ({
			id: m.id,
			title: m.title,
			result: RESULTS.find((r) => r === m.result) ?? null,
			decidedOn: m.decided_on,
			source: m.source === 'openbesluitvorming' ? ('openbesluitvorming' as const) : ('handmatig' as const),
			themed: m.motion_themes.length > 0
		}))
	};
}
