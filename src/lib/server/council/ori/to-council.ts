// Turns a checked feed record into this app's council records: a meeting with its agenda, a
// motion with its submitters and its vote per party, or a delete. Party votes come from the
// per-member votes (all of a fractie voor → voor, all tegen → tegen, mixed → verdeeld) or, where a
// source has none, from a plainly worded vote summary. The source only records voor and tegen:
// a member who abstained and one who was absent are both simply missing, so a fractie with no
// member votes gets no vote (unknown), never "afwezig" or "onthouden".
// Values that would break a database rule (an end before the start, a non-web link) are dropped.
import type { AgendaItemPayload, FeedRecord, MeetingPayload, MemberVote, MotionPayload } from './feed-record';
import { partyNameKey } from './party-match';
import { parseVoteSummary } from './vote-summary';
import type { MeetingKind, MeetingStatus, MotionResult, MotionType, PartyVote } from '../types';


export interface AgendaItemRecord {
	externalId: string;
	parentExternalId: string | null;
	position: number;
	number: string | null;
	title: string;
	isHeading: boolean;
	documents: Array<{ externalId: string; name: string; url: string | null }>;
}

export interface MeetingRecord {
	entity: 'meeting';
	op: 'upsert';
	externalId: string;
	contentHash: string;
	meeting: {
		kind: MeetingKind;
		name: string;
		startsAt: string;
		endsAt: string | null;
		location: string | null;
		url: string | null;
		status: MeetingStatus;
		sourceStatus: string | null;
	};
	agenda: AgendaItemRecord[];
}

export interface PartyRef {
	/** The name as the source wrote it, and the key it is remembered by. */
	name: string;
	nameKey: string;
	/** The party the app recognised, or null: the database then uses an editor's mapping. */
	partyId: string | null;
}

export interface SubmitterRef extends PartyRef {
	role: 'indiener' | 'mede-indiener';
}

export interface VoteRef extends PartyRef {
	vote: PartyVote;
	source: 'aggregated' | 'summary';
	membersFor: number | null;
	membersAgainst: number | null;
}

export interface MotionRecord {
	entity: 'motion';
	op: 'upsert';
	externalId: string;
	contentHash: string;
	motion: {
		title: string;
		type: MotionType;
		sourceType: string | null;
		decidedOn: string | null;
		result: MotionResult | null;
		sourceStatus: string | null;
		hamerstuk: boolean;
		text: string | null;
		url: string | null;
		voteSummary: string | null;
		tallyFor: number | null;
		tallyAgainst: number | null;
		memberVotes: boolean;
		meetingExternalId: string | null;
		agendaItemExternalId: string | null;
		agendaItemHint: string | null;
	};
	submitters: SubmitterRef[];
	votes: VoteRef[];
}

export interface DeleteRecord {
	entity: 'meeting' | 'motion';
	op: 'delete';
	externalId: string;
}

export type CouncilRecord = MeetingRecord | MotionRecord | DeleteRecord;

export type MatchParty = (name: string) => string | null;

/** The council record for a feed record, or null for what this app does not keep (documents,
 * committees, recordings, people). */
export function toCouncilRecord(record: FeedRecord, matchParty: MatchParty): CouncilRecord | null {
	if (record.op === 'delete') {
		if (record.entityType === 'Meeting') return { entity: 'meeting', op: 'delete', externalId: record.entityId };
		if (record.entityType === 'Motion') return { entity: 'motion', op: 'delete', externalId: record.entityId };
		return null;
	}
	if (record.kind === 'meeting') return toMeeting(record.entityId, record.contentHash, record.payload);
	if (record.kind === 'motion') return toMotion(record.entityId, record.contentHash, record.payload, matchParty);
	return null;
}

export function toMeeting(externalId: string, contentHash: string, payload: MeetingPayload): MeetingRecord {
	const startsAt = new Date(payload.start_date).toISOString();
	const endsAt = payload.end_date ? new Date(payload.end_date).toISOString() : null;
	return {
		entity: 'meeting',
		op: 'upsert',
		externalId,
		contentHash,
		meeting: {
			kind: meetingKind(payload.name, payload.classification),
			name: clip(payload.name, 500),
			startsAt,
			endsAt: endsAt && endsAt >= startsAt ? endsAt : null,
			location: optional(payload.location, 500),
			url: webUrl(payload.source_url),
			status: meetingStatus(payload.status),
			sourceStatus: optional(payload.status, 200)
		},
		agenda: flattenAgenda(payload.agenda ?? [])
	};
}

/** The agenda depth first, siblings in the source's order; an id seen twice is kept once. */
function flattenAgenda(items: AgendaItemPayload[]): AgendaItemRecord[] {
	const result: AgendaItemRecord[] = [];
	const seen = new Set<string>();
	const walk = (level: AgendaItemPayload[], parent: string | null) => {
		const ordered = level
			.map((item, index) => ({ item, index }))
			.sort((a, b) => (a.item.order ?? a.index) - (b.item.order ?? b.index) || a.index - b.index);
		for (const { item } of ordered) {
			if (seen.has(item.id)) continue;
			seen.add(item.id);
			const number = optional(item.number, 50);
			result.push({
				externalId: item.id,
				parentExternalId: parent,
				position: result.length,
				number,
				title: optional(item.title, 1000) ?? (number ? `Agendapunt ${number}` : 'Agendapunt zonder titel'),
				isHeading: item.is_heading ?? false,
				documents: (item.documents ?? []).map((document) => ({
					externalId: document.id,
					name: clip(document.name.trim() || 'Document', 1000),
					url: webUrl(document.original_url)
				}))
			});
			walk(item.agenda_items ?? [], item.id);
		}
	};
	walk(items, null);
	return result;
}

export function meetingKind(name: string, classification?: string | string[] | null): MeetingKind {
	const text = [name, ...(Array.isArray(classification) ? classification : [classification ?? ''])].join(' ').toLowerCase();
	if (/informatie|beeldvorm|presentatie|rondetafel|hoorzitting|technische sessie|werksessie/.test(text)) {
		return 'informatiebijeenkomst';
	}
	if (/commissie/.test(text)) return 'commissievergadering';
	if (/raad/.test(text)) return 'raadsvergadering';
	return 'overig';
}

/** schema.org event statuses as ORI uses them; anything else counts as planned. */
export function meetingStatus(status?: string | null): MeetingStatus {
	const value = (status ?? '').toLowerCase();
	if (value.includes('cancel') || value.includes('geannuleerd')) return 'geannuleerd';
	if (value.includes('postpone') || value.includes('uitgesteld')) return 'uitgesteld';
	if (value.includes('reschedule') || value.includes('verplaatst')) return 'verplaatst';
	return 'gepland';
}

export function toMotion(externalId: string, contentHash: string, payload: MotionPayload, matchParty: MatchParty): MotionRecord {
	const memberVotes = (payload.votes ?? []).filter((vote) => vote.group_name?.trim());
	const votes: VoteRef[] =
		memberVotes.length > 0
			? aggregatePartyVotes(memberVotes).map((group) => ({
					...partyRef(group.name, matchParty),
					vote: group.vote,
					source: 'aggregated',
					membersFor: group.membersFor,
					membersAgainst: group.membersAgainst
				}))
			: parseVoteSummary(payload.vote_summary).map((found) => ({
					...partyRef(found.name, matchParty),
					vote: found.vote,
					source: 'summary',
					membersFor: null,
					membersAgainst: null
				}));
	const status = optional(payload.status, 500);
	return {
		entity: 'motion',
		op: 'upsert',
		externalId,
		contentHash,
		motion: {
			title: clip(payload.name, 1000),
			type: /amendement/i.test(`${payload.motion_type ?? ''} ${payload.name}`) && !/^motie/i.test(payload.motion_type ?? '') ? 'amendement' : 'motie',
			sourceType: optional(payload.motion_type, 200),
			decidedOn: calendarDate(payload.date),
			result: payload.result ?? null,
			sourceStatus: status,
			hamerstuk: /hamerstuk/i.test(status ?? ''),
			text: optional(payload.description, 100_000),
			url: null,
			voteSummary: optional(payload.vote_summary, 20_000),
			tallyFor: payload.tally?.in_favour ?? null,
			tallyAgainst: payload.tally?.against ?? null,
			memberVotes: memberVotes.length > 0,
			meetingExternalId: payload.meeting ?? null,
			agendaItemExternalId: payload.agenda_item ?? null,
			agendaItemHint: optional(payload.agenda_item_hint, 1000)
		},
		submitters: submitters(payload, matchParty),
		votes
	};
}

export interface GroupVote {
	name: string;
	vote: 'voor' | 'tegen' | 'verdeeld';
	membersFor: number;
	membersAgainst: number;
}

/** Per fractie (by group name as written): all members voor → voor, all tegen → tegen, else
 * verdeeld. Members without a group are left out. */
export function aggregatePartyVotes(votes: MemberVote[]): GroupVote[] {
	const groups = new Map<string, GroupVote>();
	for (const vote of votes) {
		const name = vote.group_name?.trim();
		if (!name) continue;
		const group = groups.get(name) ?? { name, vote: 'voor', membersFor: 0, membersAgainst: 0 };
		if (vote.option === 'voor') group.membersFor++;
		else group.membersAgainst++;
		group.vote = group.membersAgainst === 0 ? 'voor' : group.membersFor === 0 ? 'tegen' : 'verdeeld';
		groups.set(name, group);
	}
	return [...groups.values()];
}

/** Submitting parties: the `parties` field and the fractie in brackets at the end of an iBabs
 * proposer ("Passier, C.E. (Charlotte) (Volt)") are indieners, co-proposers mede-indieners. A
 * proposer without brackets counts only when it is the name of a known party: it may be a person. */
function submitters(payload: MotionPayload, matchParty: MatchParty): SubmitterRef[] {
	const result = new Map<string, SubmitterRef>();
	const add = (name: string, role: SubmitterRef['role']) => {
		const ref = partyRef(name, matchParty);
		const existing = result.get(ref.nameKey);
		if (!existing || (existing.role === 'mede-indiener' && role === 'indiener')) result.set(ref.nameKey, { ...ref, role });
	};
	for (const name of payload.parties ?? []) if (name.trim()) add(name.trim(), 'indiener');
	for (const [list, role] of [
		[payload.proposers, 'indiener'],
		[payload.co_proposers, 'mede-indiener']
	] as const) {
		for (const proposer of list ?? []) {
			const party = partyFromProposer(proposer);
			if (party) add(party, role);
			else if (proposer.trim() && matchParty(proposer.trim())) add(proposer.trim(), role);
		}
	}
	return [...result.values()];
}

function partyFromProposer(proposer: string): string | null {
	const groups = [...proposer.matchAll(/\(([^()]*)\)/g)];
	const last = groups.at(-1)?.[1]?.trim();
	return last ? last : null;
}

function partyRef(name: string, matchParty: MatchParty): PartyRef {
	const clipped = clip(name, 300);
	return { name: clipped, nameKey: clip(partyNameKey(clipped), 300), partyId: matchParty(clipped) };
}

/** "2026-01-22T00:00:00Z" or "2026-01-22 00:00:00" → "2026-01-22"; anything else → null. */
function calendarDate(value?: string | null): string | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
	if (!match) return null;
	const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0] ? null : match[0];
}

function webUrl(value?: string | null): string | null {
	const url = value?.trim();
	if (!url || url.length > 2000 || !URL.canParse(url)) return null;
	return /^https?:$/.test(new URL(url).protocol) ? url : null;
}

function clip(value: string, max: number): string {
	const trimmed = value.trim();
	return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

function optional(value: string | null | undefined, max: number): string | null {
	const trimmed = value?.trim();
	return trimmed ? clip(trimmed, max) : null;
}
