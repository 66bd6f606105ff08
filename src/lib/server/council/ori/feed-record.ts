// One record of OpenBesluitvorming's export feed (snapshot or changes, schema v1alpha1), checked
// with zod: unknown fields are allowed everywhere, the fields this app uses must be right. A
// problem comes back as one Dutch sentence naming the field ("'entity_type' ontbreekt").
// Meeting and Motion payloads are checked in full; other entity types are passed on unchecked.
import { z } from 'zod';

const text = z.string().trim();
const optionalText = z.string().nullish();
const dateTime = z.iso.datetime({ offset: true });

export const agendaDocumentSchema = z.looseObject({
	id: z.string().min(1),
	name: z.string(),
	original_url: optionalText
});

export const agendaItemSchema = z.looseObject({
	id: z.string().min(1),
	title: optionalText,
	number: optionalText,
	order: z.number().nullish(),
	is_heading: z.boolean().nullish(),
	documents: z.array(agendaDocumentSchema).nullish(),
	get agenda_items() {
		return z.array(agendaItemSchema).nullish();
	}
});

export const meetingPayloadSchema = z.looseObject({
	id: z.string().min(1),
	type: z.literal('Meeting'),
	name: text.min(1),
	start_date: dateTime,
	end_date: dateTime.nullish(),
	status: optionalText,
	location: optionalText,
	classification: z.union([z.string(), z.array(z.string())]).nullish(),
	source_url: optionalText,
	agenda: z.array(agendaItemSchema).nullish()
});

export const memberVoteSchema = z.looseObject({
	option: z.enum(['voor', 'tegen']),
	voter: optionalText,
	voter_name: optionalText,
	group: optionalText,
	group_name: optionalText
});

export const MOTION_RESULTS = ['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig'] as const;

export const motionPayloadSchema = z.looseObject({
	id: z.string().min(1),
	type: z.literal('Motion'),
	name: text.min(1),
	motion_type: optionalText,
	classification: z.array(z.string()).nullish(),
	status: optionalText,
	result: z.enum(MOTION_RESULTS).nullish(),
	date: optionalText,
	description: optionalText,
	proposers: z.array(z.string()).nullish(),
	co_proposers: z.array(z.string()).nullish(),
	parties: z.array(z.string()).nullish(),
	votes: z.array(memberVoteSchema).nullish(),
	tally: z.looseObject({ in_favour: z.number().int().min(0), against: z.number().int().min(0) }).nullish(),
	vote_summary: optionalText,
	meeting: optionalText,
	agenda_item: optionalText,
	agenda_item_hint: optionalText,
	attachment: z.array(z.string()).nullish()
});

export type AgendaItemPayload = z.infer<typeof agendaItemSchema>;
export type MeetingPayload = z.infer<typeof meetingPayloadSchema>;
export type MotionPayload = z.infer<typeof motionPayloadSchema>;
export type MemberVote = z.infer<typeof memberVoteSchema>;

export const SCHEMA_VERSION = 'v1alpha1';

/** The envelope of every line: {seq, op, time, entity_id, entity_type, source_key, supplier,
 * commit_id, content_hash, schema_version, payload}; a delete (tombstone) has no payload. */
export const feedRecordSchema = z
	.looseObject({
		seq: z.number().int().min(0),
		op: z.enum(['upsert', 'delete']),
		time: optionalText,
		entity_id: z.string().min(1).max(500),
		entity_type: z.string().min(1),
		source_key: z.string().min(1).max(100),
		supplier: z.string().min(1),
		commit_id: optionalText,
		content_hash: z.string().min(1).max(300).nullish(),
		schema_version: z.literal(SCHEMA_VERSION),
		payload: z.unknown().optional()
	})
	.superRefine((record, ctx) => {
		if (record.op !== 'upsert') return;
		if (!record.content_hash) ctx.addIssue({ code: 'custom', path: ['content_hash'], message: 'missing' });
		if (typeof record.payload !== 'object' || record.payload === null || Array.isArray(record.payload)) {
			ctx.addIssue({ code: 'custom', path: ['payload'], message: 'missing' });
		}
	});

interface RecordBase {
	seq: number;
	entityId: string;
	entityType: string;
	sourceKey: string;
	supplier: string;
}

export type FeedRecord = RecordBase &
	(
		| { op: 'delete' }
		| { op: 'upsert'; contentHash: string; kind: 'meeting'; payload: MeetingPayload }
		| { op: 'upsert'; contentHash: string; kind: 'motion'; payload: MotionPayload }
		| { op: 'upsert'; contentHash: string; kind: 'other' }
	);

export type ParsedRecord = { ok: true; record: FeedRecord } | { ok: false; message: string };

/** Checks one decoded line; the message is Dutch and names the first field that is wrong. */
export function parseFeedRecord(value: unknown): ParsedRecord {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, message: 'geen record (een JSON-object verwacht)' };
	}
	const envelope = feedRecordSchema.safeParse(value);
	if (!envelope.success) return { ok: false, message: describeIssue(envelope.error.issues[0], value) };
	const raw = envelope.data;
	const base: RecordBase = {
		seq: raw.seq,
		entityId: raw.entity_id,
		entityType: raw.entity_type,
		sourceKey: raw.source_key,
		supplier: raw.supplier
	};
	if (raw.op === 'delete') return { ok: true, record: { ...base, op: 'delete' } };
	const contentHash = raw.content_hash as string;
	const schema = raw.entity_type === 'Meeting' ? meetingPayloadSchema : raw.entity_type === 'Motion' ? motionPayloadSchema : null;
	if (!schema) return { ok: true, record: { ...base, op: 'upsert', contentHash, kind: 'other' } };
	const payload = schema.safeParse(raw.payload);
	if (!payload.success) {
		const issue = payload.error.issues[0];
		return { ok: false, message: describeIssue({ ...issue, path: ['payload', ...issue.path] }, value) };
	}
	if (payload.data.id !== raw.entity_id) {
		return { ok: false, message: "'payload.id' wijkt af van 'entity_id'" };
	}
	if (payload.data.type === 'Meeting') {
		return { ok: true, record: { ...base, op: 'upsert', contentHash, kind: 'meeting', payload: payload.data } };
	}
	return { ok: true, record: { ...base, op: 'upsert', contentHash, kind: 'motion', payload: payload.data as MotionPayload } };
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** "'payload.agenda.0.id' ontbreekt", "'op' moet 'upsert' of 'delete' zijn", … */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
	const field = `'${issue.path.map(String).join('.')}'`;
	if (valueAt(value, issue.path) === undefined || valueAt(value, issue.path) === null) {
		return `${field} ontbreekt`;
	}
	switch (issue.code) {
		case 'invalid_value':
			return issue.path.at(-1) === 'schema_version'
				? `schemaversie ${JSON.stringify(valueAt(value, issue.path))} wordt niet ondersteund (verwacht: ${SCHEMA_VERSION})`
				: `${field} moet ${issue.values.map((v) => `'${String(v)}'`).join(' of ')} zijn`;
		case 'invalid_format':
			return issue.format === 'datetime' ? `${field} is geen geldige datum en tijd met tijdzone` : `${field} heeft een ongeldige vorm`;
		case 'too_small':
			return issue.origin === 'string' ? `${field} is leeg` : `${field} is te klein`;
		case 'too_big':
			return `${field} is te lang`;
		case 'invalid_type':
			return `${field} heeft het verkeerde type (verwacht: ${dutchType(issue.expected)})`;
		default:
			return `${field} heeft een ongeldige waarde`;
	}
}

function dutchType(expected: string): string {
	const names: Record<string, string> = {
		string: 'tekst',
		number: 'getal',
		int: 'geheel getal',
		boolean: 'true of false',
		array: 'lijst',
		object: 'object'
	};
	return names[expected] ?? expected;
}
