// What the public pages show of a gemeente's council work on the care themes: meetings with a
// confirmed care theme on the agenda or on a motion (upcoming and past, with how many huisartsen
// go), the motions on the care themes with their result and vote per party (and where each vote
// came from), and one party's votes. A fixed number of database calls, whatever the rows.
import { db } from '$lib/server/platform/db';
import { publicAttendance } from './attendance';
import { councilSourcesOf } from './sources';
import { getMeeting } from './meetings';
import { listThemes } from '$lib/server/gemeenten/themes';
import type { MeetingKind, MeetingStatus, MotionResult, MotionType, PartyVote, VoteSource } from './types';

const MEETING_KINDS = ['raadsvergadering', 'commissievergadering', 'informatiebijeenkomst', 'overig'] as const;
const MEETING_STATUSES = ['gepland', 'geannuleerd', 'verplaatst', 'uitgesteld'] as const;
const RESULTS = ['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig'] as const;
const VOTES = ['voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend'] as const;
const VOTE_SOURCES = ['aggregated', 'summary', 'manual'] as const;

const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T): T => allowed.find((a) => a === value) ?? fallback;

export interface CareMeeting {
	id: string;
	gemeenteCode: string;
	gemeenteName: string;
	gemeenteSlug: string;
	kind: MeetingKind;
	name: string;
	startsAt: string;
	endsAt: string | null;
	location: string | null;
	url: string | null;
	status: MeetingStatus;
	/** Care themes on its agenda items and motions. */
	themes: string[];
	/** Agenda items with a care theme, in agenda order. */
	careItems: Array<{ number: string | null; title: string; themes: string[] }>;
	motionCount: number;
	attendance: { count: number; names: string[] };
}

const MEETING_COLUMNS =
	'id, gemeente_code, kind, name, starts_at, ends_at, location, url, status, gemeenten(name, slug), agenda_items(position, number, title, agenda_item_themes(theme_key)), motions(id, motion_themes(theme_key)), meeting_attendance(name_public, users(name))';

/** Meetings of these gemeenten on the care themes (from `from` on, when given), by start. One call. */
export async function careMeetings(gemeenteCodes: string[], from?: Date): Promise<CareMeeting[]> {
	if (gemeenteCodes.length === 0) return [];
	const { data, error } = await db()
		// A read: sent as GET, so it does not count as a write that makes the public cache look again.
		.rpc('council_care_meetings', { p_gemeente_codes: gemeenteCodes, ...(from ? { p_from: from.toISOString() } : {}) }, { get: true })
		.select(MEETING_COLUMNS);
	if (error) throw new Error(`careMeetings: ${error.message}`);
	return data.map((row) => {
		const items = [...row.agenda_items].sort((a, b) => a.position - b.position);
		const careItems = items
			.filter((i) => i.agenda_item_themes.length > 0)
			.map((i) => ({ number: i.number, title: i.title, themes: i.agenda_item_themes.map((t) => t.theme_key) }));
		const themes = new Set([...careItems.flatMap((i) => i.themes), ...row.motions.flatMap((m) => m.motion_themes.map((t) => t.theme_key))]);
		return {
			id: row.id,
			gemeenteCode: row.gemeente_code,
			gemeenteName: row.gemeenten?.name ?? '',
			gemeenteSlug: row.gemeenten?.slug ?? row.gemeente_code,
			kind: pick(row.kind, MEETING_KINDS, 'overig'),
			name: row.name,
			startsAt: row.starts_at,
			endsAt: row.ends_at,
			location: row.location,
			url: row.url,
			status: pick(row.status, MEETING_STATUSES, 'gepland'),
			themes: [...themes].sort(),
			careItems,
			motionCount: row.motions.length,
			attendance: publicAttendance(row.meeting_attendance)
		};
	});
}

export interface PartyVoteRow {
	partyId: string;
	partyName: string;
	vote: PartyVote;
	source: VoteSource;
	sourceDocument: string | null;
	sourceUrl: string | null;
	sourcePage: number | null;
	membersFor: number | null;
	membersAgainst: number | null;
}

export interface CareMotion {
	id: string;
	gemeenteCode: string;
	title: string;
	type: MotionType;
	decidedOn: string | null;
	result: MotionResult | null;
	hamerstuk: boolean;
	url: string | null;
	source: 'handmatig' | 'openbesluitvorming';
	themes: string[];
	meeting: { id: string; name: string; startsAt: string } | null;
	submitters: Array<{ partyName: string; role: string }>;
	votes: PartyVoteRow[];
	updatedAt: string;
}

const MOTION_COLUMNS =
	'id, gemeente_code, title, type, decided_on, result, hamerstuk, url, source, updated_at, motion_themes!inner(theme_key), meetings(id, name, starts_at), motion_submitters(role, parties(name)), motion_party_votes(party_id, vote, source, source_document, source_url, source_page, members_for, members_against, parties(name))';

/** The gemeente's motions on the care themes, newest decision first. One call. */
export async function careMotions(gemeenteCode: string): Promise<CareMotion[]> {
	const { data, error } = await db()
		.from('motions')
		.select(MOTION_COLUMNS)
		.eq('gemeente_code', gemeenteCode)
		.order('decided_on', { ascending: false, nullsFirst: false })
		.order('title');
	if (error) throw new Error(`careMotions: ${error.message}`);
	return data.map((row) => ({
		id: row.id,
		gemeenteCode: row.gemeente_code,
		title: row.title,
		type: row.type === 'amendement' ? 'amendement' : 'motie',
		decidedOn: row.decided_on,
		result: row.result ? pick(row.result, RESULTS, 'overig') : null,
		hamerstuk: row.hamerstuk,
		url: row.url,
		source: row.source === 'openbesluitvorming' ? 'openbesluitvorming' : 'handmatig',
		themes: row.motion_themes.map((t) => t.theme_key).sort(),
		meeting: row.meetings ? { id: row.meetings.id, name: row.meetings.name, startsAt: row.meetings.starts_at } : null,
		submitters: row.motion_submitters.map((s) => ({ partyName: s.parties.name, role: s.role })).sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl')),
		votes: row.motion_party_votes
			.map((v) => ({
				partyId: v.party_id,
				partyName: v.parties.name,
				vote: pick(v.vote, VOTES, 'onbekend'),
				source: pick(v.source, VOTE_SOURCES, 'manual'),
				sourceDocument: v.source_document,
				sourceUrl: v.source_url,
				sourcePage: v.source_page,
				membersFor: v.members_for,
				membersAgainst: v.members_against
			}))
			.sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl')),
		updatedAt: row.updated_at
	}));
}

export interface PartyCareVote {
	motionId: string;
	title: string;
	type: MotionType;
	decidedOn: string | null;
	result: MotionResult | null;
	themes: string[];
	vote: PartyVote;
	source: VoteSource;
	sourceDocument: string | null;
	sourceUrl: string | null;
	sourcePage: number | null;
}

/** One party's votes on motions on the care themes, newest first. One call. */
export async function partyCareVotes(partyId: string): Promise<PartyCareVote[]> {
	const { data, error } = await db()
		.from('motion_party_votes')
		.select('vote, source, source_document, source_url, source_page, motions!inner(id, title, type, decided_on, result, motion_themes!inner(theme_key))')
		.eq('party_id', partyId);
	if (error) throw new Error(`partyCareVotes: ${error.message}`);
	return data
		.map((row) => ({
			motionId: row.motions.id,
			title: row.motions.title,
			type: (row.motions.type === 'amendement' ? 'amendement' : 'motie') as MotionType,
			decidedOn: row.motions.decided_on,
			result: row.motions.result ? pick(row.motions.result, RESULTS, 'overig') : null,
			themes: row.motions.motion_themes.map((t) => t.theme_key).sort(),
			vote: pick(row.vote, VOTES, 'onbekend'),
			source: pick(row.source, VOTE_SOURCES, 'manual'),
			sourceDocument: row.source_document,
			sourceUrl: row.source_url,
			sourcePage: row.source_page
		}))
		.sort((a, b) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? '') || a.title.localeCompare(b.title, 'nl'));
}

export interface CouncilPage {
	sources: Awaited<ReturnType<typeof councilSourcesOf>>;
	upcoming: CareMeeting[];
	past: CareMeeting[];
	motions: CareMotion[];
	themeLabels: Record<string, string>;
	parties: Array<{ id: string; name: string }>;
}

/** Everything the public council page of a gemeente shows: 6 database calls, whatever the rows. */
export async function councilPage(gemeenteCode: string, now = new Date()): Promise<CouncilPage> {
	const [sources, meetings, motions, themes, parties] = await Promise.all([
		councilSourcesOf(gemeenteCode),
		careMeetings([gemeenteCode]),
		careMotions(gemeenteCode),
		listThemes(),
		db().from('parties').select('id, name').eq('gemeente_code', gemeenteCode).order('name')
	]);
	if (parties.error) throw new Error(`councilPage: ${parties.error.message}`);
	// A meeting stays "upcoming" until it has been going for three hours.
	const cut = now.getTime() - 3 * 60 * 60 * 1000;
	return {
		sources,
		upcoming: meetings.filter((m) => Date.parse(m.startsAt) >= cut),
		past: meetings.filter((m) => Date.parse(m.startsAt) < cut).reverse(),
		motions,
		themeLabels: Object.fromEntries(themes.map((t) => [t.key, t.label])),
		parties: parties.data
	};
}

/** A meeting's public page: the meeting with its agenda (getMeeting), its motions with result and
 * themes, and the public count and consented names of the huisartsen who go. 3 calls. */
export async function publicMeeting(gemeenteCode: string, meetingId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
	const [meeting, motions, attendance] = await Promise.all([
		getMeeting(meetingId),
		db().from('motions').select('id, title, type, result, hamerstuk, motion_themes(theme_key)').eq('meeting_id', meetingId).order('title'),
		db().from('meeting_attendance').select('name_public, users(name)').eq('meeting_id', meetingId)
	]);
	if (motions.error) throw new Error(`publicMeeting: ${motions.error.message}`);
	if (attendance.error) throw new Error(`publicMeeting: ${attendance.error.message}`);
	if (!meeting || meeting.gemeenteCode !== gemeenteCode) return null;
	return {
		meeting,
		motions: motions.data.map((m) => ({
			id: m.id,
			title: m.title,
			type: m.type,
			result: m.result ? pick(m.result, RESULTS, 'overig') : null,
			hamerstuk: m.hamerstuk,
			themes: m.motion_themes.map((t) => t.theme_key)
		})),
		attendance: publicAttendance(attendance.data)
	};
}
