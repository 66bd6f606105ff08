// Test support: a large export made up on the fly (never held in memory): `meetings` meetings, then
// `motions` motions of an iBabs source with per-member votes for the given parties (one in five
// carries a free-text vote summary instead), in entity-id order as the real snapshot pages them.
import type { FixtureFeed } from './ori-server';

export interface ExportSpec {
	sourceKey: string;
	meetings: number;
	motions: number;
	/** Party names as the source writes them (the test's parties). */
	parties: string[];
	/** Members per party in every vote. */
	membersPerParty?: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function meetingId(spec: ExportSpec, m: number) {
	return `meeting:ibabs:gemeente:${spec.sourceKey}:m-${pad(m, 6)}`;
}

function itemId(spec: ExportSpec, m: number, k: number) {
	return `agenda_item:ibabs:gemeente:${spec.sourceKey}:m-${pad(m, 6)}-${k}`;
}

function motionId(spec: ExportSpec, n: number) {
	return `motion:ibabs:gemeente:${spec.sourceKey}:n-${pad(n, 7)}`;
}

/** The record on position i (meetings first: 'meeting:' sorts before 'motion:'). */
export function exportLine(spec: ExportSpec, i: number): string {
	const base = { seq: i, op: 'upsert', time: '2026-02-01T00:00:00.000Z', source_key: spec.sourceKey, supplier: 'ibabs', schema_version: 'v1alpha1' };
	if (i < spec.meetings) {
		const start = new Date(Date.UTC(2025, 0, 6) + i * 7 * 86_400_000 + 18 * 3_600_000).toISOString();
		const payload = {
			id: meetingId(spec, i),
			type: 'Meeting',
			name: i % 3 === 0 ? 'Commissie Samenleving' : 'Gemeenteraad',
			start_date: start,
			location: 'Raadzaal',
			agenda: [1, 2, 3].map((k) => ({
				id: itemId(spec, i, k),
				title: `Raadsvoorstel ${i}.${k} over zorg en welzijn in de wijk`,
				number: String(k),
				order: k,
				documents: [{ id: `document:ibabs:gemeente:${spec.sourceKey}:d-${i}-${k}`, name: `Raadsvoorstel ${i}.${k}`, original_url: `https://example.bestuurlijkeinformatie.nl/Document/${i}-${k}` }]
			})),
			source_info: { supplier: 'ibabs', source: spec.sourceKey }
		};
		return JSON.stringify({ ...base, entity_id: payload.id, entity_type: 'Meeting', content_hash: `sha256:gen-meeting-${i}`, payload });
	}
	const n = i - spec.meetings;
	const m = n % spec.meetings;
	const members = spec.membersPerParty ?? 3;
	const withSummary = n % 5 === 4;
	const votes = withSummary
		? []
		: spec.parties.flatMap((party, p) =>
				Array.from({ length: members }, (_, k) => ({
					option: (n + p + (p === 0 ? k : 0)) % 3 === 0 ? 'tegen' : 'voor',
					voter: `person:ibabs:gemeente:${spec.sourceKey}:${p}-${k}`,
					voter_name: `Raadslid ${p}-${k}`,
					group: `party:ibabs:gemeente:${spec.sourceKey}:${p}`,
					group_name: party
				}))
			);
	const inFavour = votes.filter((v) => v.option === 'voor').length;
	const payload = {
		id: motionId(spec, n),
		type: 'Motion',
		name: `${pad(n, 4)}-2026 M Huisartsenzorg en wijkvoorzieningen, voorstel ${n}`,
		motion_type: n % 7 === 0 ? 'Amendementen' : 'Moties',
		status: inFavour * 2 > votes.length ? 'Motie aangenomen' : 'Motie verworpen',
		result: withSummary || inFavour * 2 > votes.length ? 'aangenomen' : 'verworpen',
		date: '2026-01-29T00:00:00Z',
		description: 'De raad, in vergadering bijeen, overwegende dat huisartsen in de wijk ruimte nodig hebben, verzoekt het college om bij nieuwbouwplannen plek voor een huisartsenpraktijk te reserveren en de raad daarover binnen een halfjaar te informeren.',
		proposers: [`Indiener ${n} (${spec.parties[n % spec.parties.length]})`],
		votes,
		...(withSummary ? { vote_summary: `Voor: ${spec.parties.join(', ')}` } : { tally: { in_favour: inFavour, against: votes.length - inFavour } }),
		meeting: meetingId(spec, m),
		agenda_item: itemId(spec, m, 1 + (n % 3)),
		source_info: { supplier: 'ibabs', source: spec.sourceKey }
	};
	return JSON.stringify({ ...base, entity_id: payload.id, entity_type: 'Motion', content_hash: `sha256:gen-motion-${n}`, payload });
}

function* range(spec: ExportSpec, from: number, to: number): Generator<string> {
	for (let i = from; i < to; i++) yield exportLine(spec, i);
}

/** The total size in bytes of the export (for comparing memory use with). */
export function exportBytes(spec: ExportSpec): number {
	let total = 0;
	for (const line of range(spec, 0, spec.meetings + spec.motions)) total += Buffer.byteLength(line) + 1;
	return total;
}

export function generatedFeed(spec: ExportSpec): FixtureFeed {
	const total = spec.meetings + spec.motions;
	const indexAfter = (cursor: string | null) => {
		if (!cursor) return 0;
		const meeting = /:m-(\d+)$/.exec(cursor);
		if (meeting) return Number(meeting[1]) + 1;
		const motion = /:n-(\d+)$/.exec(cursor);
		if (motion) return spec.meetings + Number(motion[1]) + 1;
		throw new Error(`unknown cursor ${cursor}`);
	};
	return {
		snapshot(cursor, limit) {
			const from = indexAfter(cursor);
			const to = Math.min(total, from + limit);
			const last = to - 1;
			return {
				lines: range(spec, from, to),
				nextCursor: last < spec.meetings ? meetingId(spec, last) : motionId(spec, last - spec.meetings),
				hasMore: to < total,
				...(from === 0 ? { changesCursor: String(total) } : {})
			};
		},
		changes(cursor) {
			return { lines: [], nextCursor: cursor ?? String(total), hasMore: false };
		}
	};
}
