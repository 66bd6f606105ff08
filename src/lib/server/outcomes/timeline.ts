// The linked timeline of a gemeente: letter asks, party answers, published positions, meetings,
// motions with their votes, commitments and every later status, newest first, filtered by theme,
// party and kind, paged by keyset (the position of the last item seen, never an offset). One
// database call per page whatever the number of items (gemeente_timeline), one per chain
// (timeline_chain). Items say which items they follow from; a chain is everything linked to one.
import { z } from 'zod';
import { db } from '../platform/db';
import { ASK_ANSWERS, type AskAnswer } from '$lib/ask-answers';
import { STANCES, DOCUMENT_KINDS, type DocumentKind, type Stance } from '$lib/positions';
import { COMMITMENT_STATUSES, PROMISERS, SOURCE_KINDS, type CommitmentStatus, type Promiser, type SourceKind } from '$lib/commitments';
import { TIMELINE_KINDS, type TimelineKind } from '$lib/timeline';
import type { PartyVote } from '../council/types';

export const PAGE_SIZE = 40;

const text = z.string();
const maybe = z.string().nullable();
const reaction = z.object({ body: text, responder: text, responder_role: maybe, at: text, copy_sent: z.boolean().nullable().optional() }).nullable();

const DATA = {
	vraag: z.object({ number: z.number(), body: text, letter: text }),
	antwoord: z.object({
		answer: z.enum(ASK_ANSWERS),
		explanation: maybe,
		ask_number: z.number(),
		ask_body: text,
		party: text,
		responder: text,
		responder_role: maybe,
		channel: text,
		letter: text
	}),
	standpunt: z.object({
		stance: z.enum(STANCES),
		quote: maybe,
		page: z.number().nullable(),
		section: maybe,
		party: text,
		document: text,
		document_kind: z.enum(DOCUMENT_KINDS),
		document_url: maybe,
		without_reply: z.boolean().nullable(),
		position_id: text
	}),
	vergadering: z.object({ name: text, kind: text, status: text, location: maybe, url: maybe, motions: z.number() }),
	motie: z.object({
		title: text,
		type: z.enum(['motie', 'amendement']),
		result: z.enum(['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig']).nullable(),
		hamerstuk: z.boolean(),
		url: maybe,
		decided_on: maybe,
		meeting: maybe,
		votes: z.array(z.object({ party_id: text, party: text, vote: z.enum(['voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend']), source: text })),
		submitters: z.array(z.object({ party: text, role: text }))
	}),
	toezegging: z.object({
		commitment_id: text,
		body: text,
		promiser: z.enum(PROMISERS),
		party: maybe,
		promiser_detail: maybe,
		source_kind: z.enum(SOURCE_KINDS),
		source_title: text,
		source_quote: maybe,
		source_url: maybe,
		source_page: z.number().nullable(),
		deadline: maybe,
		status: z.enum(COMMITMENT_STATUSES),
		status_on: text,
		promised_on: text,
		recorded_by: maybe,
		reaction
	}),
	status: z.object({
		commitment_id: text,
		seq: z.number(),
		status: z.enum(COMMITMENT_STATUSES),
		previous_status: z.enum(COMMITMENT_STATUSES),
		happened_on: text,
		note: maybe,
		evidence_title: maybe,
		evidence_url: maybe,
		evidence_page: z.number().nullable(),
		recorded_by: maybe,
		body: text,
		promiser: z.enum(PROMISERS),
		party: maybe,
		reaction
	})
} satisfies Record<TimelineKind, z.ZodType>;

const rawItem = z.object({
	key: text,
	kind: z.enum(TIMELINE_KINDS),
	at: text,
	recorded_at: text,
	seq: z.number(),
	theme_keys: z.array(text),
	party_ids: z.array(text),
	links: z.array(text),
	data: z.record(z.string(), z.unknown())
});

type RawItem = z.infer<typeof rawItem>;

export interface Reaction {
	body: string;
	responder: string;
	responderRole: string | null;
	at: string;
	/** False when the promiser got no copy of it (no address known; the kring passed the link on). */
	copySent: boolean | null;
}

interface Base {
	key: string;
	at: string;
	themes: Array<{ key: string; label: string }>;
	/** The items this one follows from, with what to call them. */
	links: Array<{ key: string; label: string }>;
}

export type TimelineItem = Base &
	(
		| { kind: 'vraag'; number: number; body: string; letter: string }
		| {
				kind: 'antwoord';
				answer: AskAnswer;
				explanation: string | null;
				askNumber: number;
				askBody: string;
				party: string;
				responder: string;
				responderRole: string | null;
				channel: string;
				letter: string;
		  }
		| {
				kind: 'standpunt';
				stance: Stance;
				quote: string | null;
				page: number | null;
				section: string | null;
				party: string;
				document: string;
				documentKind: DocumentKind;
				documentUrl: string | null;
				withoutReply: boolean;
				positionId: string;
		  }
		| { kind: 'vergadering'; name: string; meetingKind: string; status: string; location: string | null; url: string | null; motions: number }
		| {
				kind: 'motie';
				title: string;
				type: 'motie' | 'amendement';
				result: string | null;
				hamerstuk: boolean;
				url: string | null;
				meeting: string | null;
				votes: Array<{ partyId: string; party: string; vote: PartyVote; source: string }>;
				submitters: Array<{ party: string; role: string }>;
		  }
		| {
				kind: 'toezegging';
				commitmentId: string;
				body: string;
				promiser: Promiser;
				party: string | null;
				promiserDetail: string | null;
				sourceKind: SourceKind;
				sourceTitle: string;
				sourceQuote: string | null;
				sourceUrl: string | null;
				sourcePage: number | null;
				deadline: string | null;
				status: CommitmentStatus;
				statusOn: string;
				recordedBy: string | null;
				reaction: Reaction | null;
		  }
		| {
				kind: 'status';
				commitmentId: string;
				seq: number;
				status: CommitmentStatus;
				previousStatus: CommitmentStatus;
				happenedOn: string;
				note: string | null;
				evidenceTitle: string | null;
				evidenceUrl: string | null;
				evidencePage: number | null;
				recordedBy: string | null;
				body: string;
				promiser: Promiser;
				party: string | null;
				reaction: Reaction | null;
		  }
	);

function toReaction(value: z.infer<typeof reaction>): Reaction | null {
	return value ? { body: value.body, responder: value.responder, responderRole: value.responder_role, at: value.at, copySent: value.copy_sent ?? null } : null;
}

/** What to call a link from this item to `target`, from what this item knows about it. */
function linkLabel(item: TimelineItem, target: string): string {
	if (target.startsWith('vraag-')) return item.kind === 'antwoord' ? `Vraag ${item.askNumber} uit de brief` : 'De vraag uit de brief';
	if (target.startsWith('antwoord-')) return item.kind === 'toezegging' && item.sourceKind === 'antwoord' ? item.sourceTitle : 'Het antwoord van de partij';
	if (target.startsWith('motie-')) return item.kind === 'toezegging' && item.sourceKind === 'motie' ? item.sourceTitle : 'De motie';
	if (target.startsWith('vergadering-')) return item.kind === 'motie' && item.meeting ? `Vergadering: ${item.meeting}` : 'De vergadering';
	if (target.startsWith('toezegging-')) return 'De toezegging';
	return 'Het onderdeel';
}

function toItem(raw: RawItem, themeLabels: Map<string, string>): TimelineItem {
	const base = {
		key: raw.key,
		at: raw.at,
		themes: raw.theme_keys.map((key) => ({ key, label: themeLabels.get(key) ?? key }))
	};
	const item = ((): TimelineItem => {
		switch (raw.kind) {
			case 'vraag': {
				const d = DATA.vraag.parse(raw.data);
				return { ...base, links: [], kind: 'vraag', number: d.number, body: d.body, letter: d.letter };
			}
			case 'antwoord': {
				const d = DATA.antwoord.parse(raw.data);
				return {
					...base, links: [], kind: 'antwoord', answer: d.answer, explanation: d.explanation, askNumber: d.ask_number,
					askBody: d.ask_body, party: d.party, responder: d.responder, responderRole: d.responder_role, channel: d.channel, letter: d.letter
				};
			}
			case 'standpunt': {
				const d = DATA.standpunt.parse(raw.data);
				return {
					...base, links: [], kind: 'standpunt', stance: d.stance, quote: d.quote, page: d.page, section: d.section, party: d.party,
					document: d.document, documentKind: d.document_kind, documentUrl: d.document_url, withoutReply: d.without_reply === true,
					positionId: d.position_id
				};
			}
			case 'vergadering': {
				const d = DATA.vergadering.parse(raw.data);
				return { ...base, links: [], kind: 'vergadering', name: d.name, meetingKind: d.kind, status: d.status, location: d.location, url: d.url, motions: d.motions };
			}
			case 'motie': {
				const d = DATA.motie.parse(raw.data);
				return {
					...base, links: [], kind: 'motie', title: d.title, type: d.type, result: d.result, hamerstuk: d.hamerstuk, url: d.url, meeting: d.meeting,
					votes: d.votes.map((v) => ({ partyId: v.party_id, party: v.party, vote: v.vote, source: v.source })), submitters: d.submitters
				};
			}
			case 'toezegging': {
				const d = DATA.toezegging.parse(raw.data);
				return {
					...base, links: [], kind: 'toezegging', commitmentId: d.commitment_id, body: d.body, promiser: d.promiser, party: d.party,
					promiserDetail: d.promiser_detail, sourceKind: d.source_kind, sourceTitle: d.source_title, sourceQuote: d.source_quote,
					sourceUrl: d.source_url, sourcePage: d.source_page, deadline: d.deadline, status: d.status, statusOn: d.status_on,
					recordedBy: d.recorded_by, reaction: toReaction(d.reaction)
				};
			}
			case 'status': {
				const d = DATA.status.parse(raw.data);
				return {
					...base, links: [], kind: 'status', commitmentId: d.commitment_id, seq: d.seq, status: d.status, previousStatus: d.previous_status,
					happenedOn: d.happened_on, note: d.note, evidenceTitle: d.evidence_title, evidenceUrl: d.evidence_url, evidencePage: d.evidence_page,
					recordedBy: d.recorded_by, body: d.body, promiser: d.promiser, party: d.party, reaction: toReaction(d.reaction)
				};
			}
		}
	})();
	item.links = raw.links.map((key) => ({ key, label: linkLabel(item, key) }));
	return item;
}

export interface TimelineFilter {
	theme: string | null;
	party: string | null;
	kind: TimelineKind | null;
}

const cursorSchema = z.object({ at: z.string().max(40), recorded_at: z.string().max(40), seq: z.number().int(), key: z.string().max(120) });

export function encodeCursor(next: z.infer<typeof cursorSchema>): string {
	return Buffer.from(JSON.stringify(next)).toString('base64url');
}

/** The keyset from a ?na= parameter; null when it is absent or not one of ours. */
export function decodeCursor(value: string | null): z.infer<typeof cursorSchema> | null {
	if (!value || value.length > 400) return null;
	try {
		const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
		return parsed.success && !Number.isNaN(Date.parse(parsed.data.at)) && !Number.isNaN(Date.parse(parsed.data.recorded_at)) ? parsed.data : null;
	} catch {
		return null;
	}
}

const pageSchema = z.object({
	total: z.number(),
	items: z.array(rawItem),
	next: cursorSchema.nullable(),
	parties: z.array(z.object({ id: z.string(), name: z.string() })),
	themes: z.array(z.object({ key: z.string(), label: z.string() }))
});

export interface TimelinePage {
	total: number;
	items: TimelineItem[];
	/** For ?na= on the next page; null on the last. */
	next: string | null;
	parties: Array<{ id: string; name: string }>;
	themes: Array<{ key: string; label: string }>;
}

/** One page of the timeline, after `after` (a ?na= value) when given. One database call. */
export async function timelinePage(gemeenteCode: string, filter: TimelineFilter, after: string | null = null, limit = PAGE_SIZE): Promise<TimelinePage> {
	const before = decodeCursor(after);
	const { data, error } = await db().rpc('gemeente_timeline', {
		p_gemeente_code: gemeenteCode,
		p_limit: limit,
		...(filter.theme ? { p_theme: filter.theme } : {}),
		...(filter.party ? { p_party: filter.party } : {}),
		...(filter.kind ? { p_kind: filter.kind } : {}),
		// By GET: a read, not a write (the public cache re-reads its versions after writes).
		...(before ? { p_before: JSON.stringify(before) } : {})
	}, { get: true });
	if (error) throw new Error(`timelinePage: ${error.message}`);
	const page = pageSchema.parse(data);
	const labels = new Map(page.themes.map((t) => [t.key, t.label]));
	return {
		total: page.total,
		items: page.items.map((raw) => toItem(raw, labels)),
		next: page.next ? encodeCursor(page.next) : null,
		parties: page.parties,
		themes: page.themes
	};
}

const chainSchema = z.object({ start: z.string(), items: z.array(rawItem), themes: z.array(z.object({ key: z.string(), label: z.string() })) });

export interface Chain {
	start: string;
	/** Oldest first: the story from the ask to the newest status. */
	items: TimelineItem[];
}

/** Everything linked to one item, oldest first; null when the item is not on this timeline. */
export async function timelineChain(gemeenteCode: string, key: string): Promise<Chain | null> {
	const { data, error } = await db().rpc('timeline_chain', { p_gemeente_code: gemeenteCode, p_key: key }, { get: true });
	if (error) throw new Error(`timelineChain: ${error.message}`);
	if (data === null) return null;
	const chain = chainSchema.parse(data);
	const labels = new Map(chain.themes.map((t) => [t.key, t.label]));
	return { start: chain.start, items: chain.items.map((raw) => toItem(raw, labels)) };
}
