// Reads an export feed from a byte stream, one line at a time, in bounded memory: yields each
// record with its line number, or the line number with a Dutch problem ("Regel 17: geen geldige
// JSON", "Regel 17: 'entity_type' ontbreekt"). A file holding the JSON of one entity or one record
// (possibly spread over several lines) is read as that single record.
import { createHash } from 'node:crypto';
import { parseFeedRecord, SCHEMA_VERSION, type FeedRecord } from './feed-record';

export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export type FeedLine = { line: number; record: FeedRecord; error?: undefined } | { line: number; error: string; record?: undefined };

export interface ReadOptions {
	/** Longest line accepted (characters); longer lines are reported, not kept. */
	maxLineLength?: number;
	/** Largest single JSON document (not NDJSON) accepted, in characters. */
	maxDocumentLength?: number;
}

const DEFAULT_MAX_LINE = 8 * 1024 * 1024;
const DEFAULT_MAX_DOCUMENT = 16 * 1024 * 1024;

type RawLine = { line: number; text: string; tooLong?: false } | { line: number; tooLong: true; text?: undefined };

/** Splits bytes into text lines (\n or \r\n), numbered from 1; keeps at most one line in memory. */
export async function* textLines(source: ByteSource, maxLineLength = DEFAULT_MAX_LINE): AsyncGenerator<RawLine> {
	const decoder = new TextDecoder('utf-8');
	let pending = '';
	let line = 1;
	let skipping = false;
	const emit = function* (segment: string): Generator<RawLine> {
		if (skipping) {
			skipping = false;
			yield { line: line++, tooLong: true };
		} else {
			yield { line: line++, text: segment.endsWith('\r') ? segment.slice(0, -1) : segment };
		}
	};
	for await (const chunk of source as AsyncIterable<Uint8Array>) {
		const piece = decoder.decode(chunk, { stream: true });
		let start = 0;
		let newline = piece.indexOf('\n');
		while (newline !== -1) {
			yield* emit(pending + piece.slice(start, newline));
			pending = '';
			start = newline + 1;
			newline = piece.indexOf('\n', start);
		}
		if (!skipping) pending += piece.slice(start);
		if (pending.length > maxLineLength) {
			pending = '';
			skipping = true;
		}
	}
	const rest = pending + decoder.decode();
	if (skipping || rest.length > 0) yield* emit(rest);
}

/** The feed records of an NDJSON export, or of a file holding one entity or record. */
export async function* readFeed(source: ByteSource, options: ReadOptions = {}): AsyncGenerator<FeedLine> {
	const maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
	const maxDocument = options.maxDocumentLength ?? DEFAULT_MAX_DOCUMENT;
	const lines = textLines(source, maxLine);
	let first = true;
	for await (const raw of lines) {
		if (raw.tooLong) {
			yield { line: raw.line, error: `Regel ${raw.line}: de regel is te lang (meer dan ${maxLine} tekens)` };
			first = false;
			continue;
		}
		const text = first ? raw.text.replace(/^\uFEFF/, '') : raw.text;
		if (text.trim() === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			if (first) {
				// Not one JSON value per line: perhaps one pretty-printed entity. Read it whole.
				yield await readDocument(text, lines, maxDocument);
				return;
			}
			yield { line: raw.line, error: `Regel ${raw.line}: geen geldige JSON` };
			continue;
		}
		if (first && isEntity(value)) {
			yield toLine(raw.line, entityAsRecord(value));
			first = false;
			continue;
		}
		first = false;
		yield toLine(raw.line, value);
	}
}

function toLine(line: number, value: unknown): FeedLine {
	const parsed = parseFeedRecord(value);
	return parsed.ok ? { line, record: parsed.record } : { line, error: `Regel ${line}: ${parsed.message}` };
}

async function readDocument(start: string, rest: AsyncGenerator<RawLine>, maxDocument: number): Promise<FeedLine> {
	let text = start;
	for await (const raw of rest) {
		if (raw.tooLong || text.length + raw.text.length > maxDocument) {
			return { line: 1, error: `Regel 1: geen geldige JSON (het bestand is geen NDJSON en te groot voor één JSON-document)` };
		}
		text += '\n' + raw.text;
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { line: 1, error: 'Regel 1: geen geldige JSON' };
	}
	return toLine(1, isEntity(value) ? entityAsRecord(value) : value);
}

/** A bare entity (a Meeting or Motion as in the schemas), not an export record around one. */
function isEntity(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const object = value as Record<string, unknown>;
	return typeof object.type === 'string' && typeof object.id === 'string' && !('op' in object) && !('payload' in object);
}

/** Wraps a bare entity in an upsert record. Its source comes from source_info or from the id
 * ("motion:notubiz:gemeente:alkmaar:123"); its hash from its canonical JSON, so formatting does
 * not count as a change. */
function entityAsRecord(entity: Record<string, unknown>): Record<string, unknown> {
	const info = (typeof entity.source_info === 'object' && entity.source_info !== null ? entity.source_info : {}) as Record<string, unknown>;
	const idParts = String(entity.id).split(':');
	return {
		seq: 0,
		op: 'upsert',
		entity_id: entity.id,
		entity_type: entity.type,
		source_key: typeof info.source === 'string' ? info.source : idParts[3],
		supplier: typeof info.supplier === 'string' ? info.supplier : idParts[1],
		content_hash: `sha256:${createHash('sha256').update(canonicalJson(entity)).digest('hex')}`,
		schema_version: SCHEMA_VERSION,
		payload: entity
	};
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
