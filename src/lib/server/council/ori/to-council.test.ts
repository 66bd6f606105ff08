// Mapping feed payloads to council records: the vote per party from per-member votes, the
// conservative reading of a free-text vote summary, party names matched despite spelling, and
// meetings with their nested agenda in order.
import { describe, expect, it } from 'vitest';
import { aggregatePartyVotes, meetingKind, toCouncilRecord, toMotion } from './to-council';
import { createPartyMatcher, partyNameKey } from './party-match';
import { parseVoteSummary } from './vote-summary';
import { parseFeedRecord } from './feed-record';
import { fixtureLines } from '$test/ori-fixtures';

const parties = [
	{ id: 'cda', name: 'CDA', abbreviation: null },
	{ id: 'gl', name: 'GroenLinks', abbreviation: 'GL' },
	{ id: 'pvda', name: 'Partij van de Arbeid', abbreviation: 'PvdA' },
	{ id: 'd66', name: 'D66', abbreviation: null },
	{ id: 'lb', name: 'Lokaal Belang', abbreviation: 'LB' },
	{ id: 'lb2', name: 'Leefbaar Beter', abbreviation: 'LB' }
];
const match = createPartyMatcher(parties);

function feedRecord(file: string, index: number) {
	const parsed = parseFeedRecord(JSON.parse(fixtureLines(file)[index]));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.record;
}

describe('party names', () => {
	it('matches case, accents, "fractie" around the name, abbreviations and national full names', () => {
		expect(match('Fractie CDA')).toBe('cda');
		expect(match('raadsleden cda')).toBe('cda');
		expect(match('CDA-fractie')).toBe('cda');
		expect(match('groenlinks')).toBe('gl');
		expect(match('Groen Links')).toBe('gl');
		expect(match('GL')).toBe('gl');
		expect(match('PvdA')).toBe('pvda');
		expect(match('Démocraten 66')).toBe('d66');
		expect(match('Lokaal Belang')).toBe('lb');
	});

	it('does not guess: an unknown name or an abbreviation two parties share gives no party', () => {
		expect(match('Houtens Belang')).toBeNull();
		expect(match('LB')).toBeNull();
		expect(match('VVD')).toBeNull();
	});

	it('remembers names by a key that ignores spelling', () => {
		expect(partyNameKey('Fractie  CDA')).toBe(partyNameKey('cda'));
		expect(partyNameKey('De fractie van D66')).toBe('d66');
	});
});

describe('per-party votes from member votes', () => {
	it('all voor → voor, all tegen → tegen, mixed → verdeeld, with the member counts', () => {
		const votes = [
			{ option: 'voor', group_name: 'A' },
			{ option: 'voor', group_name: 'A' },
			{ option: 'tegen', group_name: 'B' },
			{ option: 'voor', group_name: 'C' },
			{ option: 'tegen', group_name: 'C' },
			{ option: 'voor' } // no fractie: left out
		] as const;
		expect(aggregatePartyVotes(votes.map((v) => ({ ...v })))).toEqual([
			{ name: 'A', vote: 'voor', membersFor: 2, membersAgainst: 0 },
			{ name: 'B', vote: 'tegen', membersFor: 0, membersAgainst: 1 },
			{ name: 'C', vote: 'verdeeld', membersFor: 1, membersAgainst: 1 }
		]);
	});

	it('maps the Houten motion: fracties aggregated, matched where possible, the rest left for review', () => {
		const houten = createPartyMatcher([
			{ id: 'ith', name: 'Partij ITH', abbreviation: null },
			{ id: 'vvd', name: 'VVD', abbreviation: null },
			{ id: 'cda', name: 'CDA', abbreviation: null },
			{ id: 'gl', name: 'GroenLinks', abbreviation: null },
			{ id: 'volt', name: 'Volt', abbreviation: null },
			{ id: 'd66', name: 'D66', abbreviation: null }
		]);
		const record = toCouncilRecord(feedRecord('houten-snapshot.ndjson', 1), houten);
		if (record?.entity !== 'motion' || record.op !== 'upsert') throw new Error('expected a motion');
		expect(record.motion).toMatchObject({ type: 'motie', result: 'aangenomen', tallyFor: 18, tallyAgainst: 8, memberVotes: true, decidedOn: '2026-01-29' });
		expect(record.votes.map((v) => [v.name, v.partyId, v.vote, v.source])).toEqual([
			['Partij ITH', 'ith', 'verdeeld', 'aggregated'],
			['VVD', 'vvd', 'tegen', 'aggregated'],
			['Fractie CDA', 'cda', 'voor', 'aggregated'],
			['GroenLinks', 'gl', 'voor', 'aggregated'],
			['Volt', 'volt', 'voor', 'aggregated'],
			['D66', 'd66', 'voor', 'aggregated'],
			['Houtens Belang', null, 'tegen', 'aggregated']
		]);
		expect(record.submitters.map((s) => [s.name, s.partyId, s.role])).toEqual([
			['Volt', 'volt', 'indiener'],
			['Partij ITH', 'ith', 'mede-indiener']
		]);
	});
});

describe('free-text vote summary', () => {
	it('reads plainly listed parties for and against', () => {
		expect(parseVoteSummary('Voor: GroenLinks, PvdA en Partij voor de Dieren\nTegen: VVD, CDA, D66, Alkmaar Beter')).toEqual([
			{ name: 'GroenLinks', vote: 'voor' },
			{ name: 'PvdA', vote: 'voor' },
			{ name: 'Partij voor de Dieren', vote: 'voor' },
			{ name: 'VVD', vote: 'tegen' },
			{ name: 'CDA', vote: 'tegen' },
			{ name: 'D66', vote: 'tegen' },
			{ name: 'Alkmaar Beter', vote: 'tegen' }
		]);
		expect(parseVoteSummary('Stemmen voor: 23 CDA, AL, SGP. Stemmen tegen (4): PvdA')).toEqual([
			{ name: 'CDA', vote: 'voor' },
			{ name: 'AL', vote: 'voor' },
			{ name: 'SGP', vote: 'voor' },
			{ name: 'PvdA', vote: 'tegen' }
		]);
	});

	it('gives nothing for what it cannot read for certain', () => {
		expect(parseVoteSummary('Stemmen voor: 27 - overige fracties\nTegen: PVV')).toEqual([{ name: 'PVV', vote: 'tegen' }]);
		expect(parseVoteSummary('Aangenomen met algemene stemmen')).toEqual([]);
		expect(parseVoteSummary('Unaniem aangenomen.')).toEqual([]);
		expect(parseVoteSummary('Voor: VVD (mevr. Jansen tegen), CDA')).toEqual([{ name: 'CDA', vote: 'voor' }]);
		expect(parseVoteSummary('Voor: VVD, CDA\nTegen: VVD')).toEqual([{ name: 'CDA', vote: 'voor' }]);
		expect(parseVoteSummary('De motie is aangenomen met 20 stemmen voor en 11 tegen.')).toEqual([]);
		expect(parseVoteSummary(null)).toEqual([]);
	});

	it('is used only when the source has no member votes', () => {
		const record = toMotion(
			'motion:x',
			'sha256:1',
			{ id: 'motion:x', type: 'Motion', name: 'M1', vote_summary: 'Voor: CDA\nTegen: D66', votes: [{ option: 'tegen', group_name: 'CDA' }] },
			match
		);
		expect(record.votes.map((v) => [v.name, v.vote, v.source])).toEqual([['CDA', 'tegen', 'aggregated']]);
	});
});

describe('meetings', () => {
	it('maps the Alkmaar meeting with its nested agenda, depth first, and documents as links', () => {
		const record = toCouncilRecord(feedRecord('alkmaar-snapshot-1.ndjson', 3), match);
		if (record?.entity !== 'meeting' || record.op !== 'upsert') throw new Error('expected a meeting');
		expect(record.meeting).toMatchObject({
			kind: 'raadsvergadering',
			name: 'Gemeenteraad',
			startsAt: '2026-01-22T18:30:00.000Z',
			location: 'Raadzaal',
			url: 'https://alkmaar.notubiz.nl/vergadering/1203412',
			status: 'gepland'
		});
		expect(record.agenda.map((a) => [a.position, a.number, a.parentExternalId?.split(':').at(-1) ?? null, a.documents.length])).toEqual([
			[0, '1', null, 0],
			[1, '15', null, 1],
			[2, '15-A-1', '9977000', 1],
			[3, '17', null, 0],
			[4, '17-A-1', '9978800', 1]
		]);
	});

	it('tells the kind of meeting from its name', () => {
		expect(meetingKind('Raadsinformatiebijeenkomst Zorg')).toBe('informatiebijeenkomst');
		expect(meetingKind('Commissie Bestuur en Middelen')).toBe('commissievergadering');
		expect(meetingKind('Raadscommissie Samenleving')).toBe('commissievergadering');
		expect(meetingKind('Gemeenteraad')).toBe('raadsvergadering');
		expect(meetingKind('Presidium')).toBe('overig');
	});

	it('drops an end before the start and links that are not web addresses', () => {
		const parsed = parseFeedRecord({
			seq: 1,
			op: 'upsert',
			entity_id: 'meeting:a',
			entity_type: 'Meeting',
			source_key: 's',
			supplier: 'notubiz',
			content_hash: 'h',
			schema_version: 'v1alpha1',
			payload: { id: 'meeting:a', type: 'Meeting', name: 'Raad', start_date: '2026-03-01T19:00:00+01:00', end_date: '2026-03-01T17:00:00+01:00', source_url: 'javascript:alert(1)' }
		});
		if (!parsed.ok) throw new Error(parsed.message);
		const record = toCouncilRecord(parsed.record, match);
		expect(record?.entity === 'meeting' && record.op === 'upsert' && record.meeting).toMatchObject({ startsAt: '2026-03-01T18:00:00.000Z', endsAt: null, url: null });
	});
});
