// Reading the export feed: records with their line numbers, every malformed line reported in
// Dutch with its number, lines split across network chunks, a single (pretty-printed) entity read
// as one record, and an overlong line reported without being kept.
import { describe, expect, it } from 'vitest';
import { readFeed, type FeedLine } from './ndjson';
import { bytesOf, fixtureText } from '$test/ori-fixtures';

async function collect(text: string, options = {}): Promise<FeedLine[]> {
	const lines: FeedLine[] = [];
	for await (const line of readFeed(bytesOf(text, 13), options)) lines.push(line);
	return lines;
}

const record = (fields: Record<string, unknown>) =>
	JSON.stringify({
		seq: 1,
		op: 'delete',
		entity_id: 'motion:notubiz:gemeente:alkmaar:1',
		entity_type: 'Motion',
		source_key: 'alkmaar',
		supplier: 'notubiz',
		schema_version: 'v1alpha1',
		...fields
	});

describe('readFeed', () => {
	it('reads every record of a real-shaped snapshot page with its line number', async () => {
		const lines = await collect(fixtureText('alkmaar-snapshot-1.ndjson'));
		expect(lines.map((l) => [l.line, l.error ?? l.record.entityType])).toEqual([
			[1, 'Committee'],
			[2, 'Document'],
			[3, 'Document'],
			[4, 'Meeting']
		]);
		const meeting = lines[3].record!;
		expect(meeting.op === 'upsert' && meeting.kind === 'meeting' && meeting.payload.agenda?.length).toBe(3);
	});

	it('reports a malformed line by its number and goes on reading', async () => {
		const lines = await collect(fixtureText('alkmaar-malformed.ndjson'));
		expect(lines.map((l) => l.error ?? 'ok')).toEqual(['ok', 'ok', 'Regel 3: geen geldige JSON', 'ok']);
	});

	it('names the field that is missing or wrong, in Dutch', async () => {
		const text = [
			record({}),
			record({ entity_type: undefined }),
			'',
			record({ op: 'replace' }),
			record({ schema_version: 'v2' }),
			record({ op: 'upsert', content_hash: 'sha256:x', entity_type: 'Meeting', payload: { id: 'motion:notubiz:gemeente:alkmaar:1', type: 'Meeting', name: 'Raad' } }),
			record({ op: 'upsert', content_hash: 'sha256:x', entity_type: 'Meeting', payload: { id: 'motion:notubiz:gemeente:alkmaar:1', type: 'Meeting', name: 'Raad', start_date: '22-01-2026 19:30' } }),
			record({ op: 'upsert', content_hash: 'sha256:x' }),
			'[1, 2]'
		].join('\r\n');
		const lines = await collect(text);
		expect(lines.map((l) => l.error ?? 'ok')).toEqual([
			'ok',
			"Regel 2: 'entity_type' ontbreekt",
			"Regel 4: 'op' moet 'upsert' of 'delete' zijn",
			'Regel 5: schemaversie "v2" wordt niet ondersteund (verwacht: v1alpha1)',
			"Regel 6: 'payload.start_date' ontbreekt",
			"Regel 7: 'payload.start_date' is geen geldige datum en tijd met tijdzone",
			"Regel 8: 'payload' ontbreekt",
			'Regel 9: geen record (een JSON-object verwacht)'
		]);
	});

	it('reads the JSON of one entity, spread over several lines, as one upsert record', async () => {
		const lines = await collect(fixtureText('haarlem-meeting.json'));
		expect(lines).toHaveLength(1);
		const only = lines[0].record!;
		expect(only).toMatchObject({ op: 'upsert', kind: 'meeting', sourceKey: 'haarlem', supplier: 'notubiz', entityId: 'meeting:notubiz:gemeente:haarlem:123' });
		// Formatting is no change: the same entity on one line has the same hash.
		const [oneLine] = await collect(JSON.stringify(JSON.parse(fixtureText('haarlem-meeting.json'))));
		expect(oneLine.record!.op === 'upsert' && only.op === 'upsert' && oneLine.record!.contentHash === only.contentHash).toBe(true);
	});

	it('reports a file that is neither NDJSON nor one JSON document', async () => {
		const lines = await collect('{\n  "id": "x",\n  broken\n}\n');
		expect(lines).toEqual([{ line: 1, error: 'Regel 1: geen geldige JSON' }]);
	});

	it('reports an overlong line without keeping it, and reads on', async () => {
		const long = record({ padding: 'x'.repeat(5000) });
		const lines = await collect([record({}), long, record({ seq: 3 })].join('\n'), { maxLineLength: 1000 });
		expect(lines.map((l) => l.error ?? 'ok')).toEqual(['ok', 'Regel 2: de regel is te lang (meer dan 1000 tekens)', 'ok']);
	});
});
