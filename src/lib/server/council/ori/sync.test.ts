// The sync against a local server that answers as OpenBesluitvorming's export API: snapshot
// pages, then the changes feed from X-Changes-Cursor with an update and a delete tombstone; the
// rate limit (429 + Retry-After, RateLimit-* pacing) proven with a clock shared with the server;
// 500s with a request id retried and reported; a stalled answer timed out; a malformed page not
// applied; a run that failed halfway resumes from the last applied page; progress; the schedule.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { RatePacer } from './http';
import { startCouncilSync, stopCouncilSync, syncGemeente, syncSource, type SyncOptions, type SyncProgress } from './sync';
import { syncStateOf } from './sync-state';
import { importFeed } from './import';
import { bytesOf, fixtureLines, makeParties, makeSource, renames, tag } from '$test/ori-fixtures';
import { fileFeed, startOriServer, type FixtureFeed, type OriServer, type OriServerOptions } from '$test/ori-server';
import { generatedFeed } from '$test/ori-export';
import { fakeClock, type FakeClock } from '$test/fake-clock';
import { councilRows, partyVotes } from '$test/council-rows';

const ALKMAAR = 'GM0361';
const MEETING = 'meeting:notubiz:gemeente:alkmaar:1203412';
const MOTION_15 = 'motion:notubiz:gemeente:alkmaar:1124979';
const MOTION_17 = 'motion:notubiz:gemeente:alkmaar:1125193';

beforeAll(() => {
	connectTestDatabase();
});

const servers: OriServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Scenario {
	sourceKey: string;
	server: OriServer;
	clock: FakeClock;
	options: SyncOptions;
	parties: Record<string, { id: string; name: string }>;
}

/** A source of this test's own, its parties, and a local API serving the Alkmaar fixtures. */
async function scenario(
	feed: (rewrite: { sourceKey: string; parties: Record<string, string> }) => FixtureFeed,
	server: Omit<OriServerOptions, 'feed'> = {}
): Promise<Scenario> {
	const suffix = tag();
	const sourceKey = await makeSource('alkmaar', ALKMAAR);
	const parties = await makeParties(ALKMAAR, ['GroenLinks', 'PvdA', 'VVD', 'CDA', 'D66', 'Partij voor de Dieren'], suffix);
	const clock = fakeClock();
	const api = await startOriServer({ clock, ...server, feed: feed({ sourceKey, parties: renames(parties, { 'Alkmaar Beter': `Alkmaar Beter ${suffix}` }) }) });
	servers.push(api);
	return { sourceKey, server: api, clock, parties, options: { apiUrl: api.url, clock, pacer: new RatePacer(clock), timeoutMs: 2000 } };
}

const alkmaarSnapshot = (rewrite: Parameters<typeof fileFeed>[1]) =>
	fileFeed({ snapshot: ['alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'], changes: ['alkmaar-changes-1.ndjson'], changesCursor: '121' }, rewrite);

describe('syncing a source', () => {
	it('pages through the snapshot, then follows the changes feed, applying an update and a tombstone', async () => {
		let published = false;
		const { sourceKey, server, options } = await scenario((rewrite) => {
			const feed = alkmaarSnapshot(rewrite);
			return { snapshot: feed.snapshot, changes: (cursor, limit) => (published ? feed.changes(cursor, limit) : { lines: [], nextCursor: cursor ?? '0', hasMore: false }) };
		});

		const first = await syncSource(sourceKey, options);
		expect(first).toMatchObject({ status: 'ok', error: null, pages: 3, phase: 'changes', counts: { inserted: 3, skipped: 3, records: 6 } });
		expect(server.requests.map((r) => [r.endpoint, r.source, r.cursor])).toEqual([
			['snapshot', sourceKey, null],
			['snapshot', sourceKey, MEETING],
			['changes', sourceKey, '121']
		]);
		expect(await syncStateOf(sourceKey)).toMatchObject({ phase: 'changes', changesCursor: '121', snapshotCursor: null, lastError: null, pagesApplied: 3 });
		expect((await councilRows(sourceKey)).motions.map((m) => m.external_id)).toEqual([MOTION_15, MOTION_17]);

		published = true;
		const second = await syncSource(sourceKey, options);
		expect(second).toMatchObject({ status: 'ok', pages: 1, counts: { updated: 2, deleted: 1, inserted: 0 } });
		expect(server.requests.at(-1)).toMatchObject({ endpoint: 'changes', cursor: '121' });
		const rows = await councilRows(sourceKey);
		expect(rows.motions.map((m) => m.external_id)).toEqual([MOTION_15]);
		expect(rows.meetings[0]).toMatchObject({ location: 'Raadzaal, Stadskantoor Alkmaar' });
		const state = await syncStateOf(sourceKey);
		expect(state).toMatchObject({ changesCursor: '124', lastError: null, lastCounts: { updated: 2, deleted: 1, pages: 1 } });
		expect(state.lastSucceededAt).not.toBeNull();

		const third = await syncSource(sourceKey, options);
		expect(third).toMatchObject({ status: 'ok', pages: 1, counts: { inserted: 0, updated: 0, deleted: 0, records: 0 } });
		expect(server.requests.at(-1)).toMatchObject({ endpoint: 'changes', cursor: '124' });
	});

	it('waits out a 429 for its Retry-After before asking again', async () => {
		const { sourceKey, server, clock, options } = await scenario(alkmaarSnapshot, { rateLimit: { capacity: 60, tokens: 0 } });
		const result = await syncSource(sourceKey, options);
		expect(result).toMatchObject({ status: 'ok', pages: 3 });
		expect(server.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
		expect(clock.sleeps[0]).toBe(1000);
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(1000);
	});

	it('gives up with a Dutch message when the source keeps refusing, and applies nothing', async () => {
		const { sourceKey, server, options } = await scenario(alkmaarSnapshot, { rateLimit: { capacity: 60, tokens: 0 } });
		const result = await syncSource(sourceKey, { ...options, maxRateLimitWaits: 0 });
		expect(result).toMatchObject({ status: 'failed', pages: 0, error: 'De bron blijft zeggen dat we te veel vragen (429), ook na 0 keer wachten.' });
		expect(server.requests.map((r) => r.status)).toEqual([429]);
		expect(await syncStateOf(sourceKey)).toMatchObject({ lastError: result.error, snapshotCursor: null, pagesApplied: 0 });
	});

	it('paces itself by the RateLimit headers, so the limit is never hit', async () => {
		const { sourceKey, server, clock, options } = await scenario(
			(rewrite) => generatedFeed({ sourceKey: rewrite.sourceKey, meetings: 2, motions: 8, parties: ['VVD', 'CDA'] }),
			{ rateLimit: { capacity: 3 } }
		);
		const result = await syncSource(sourceKey, { ...options, pageLimit: 2 });
		expect(result).toMatchObject({ status: 'ok', pages: 6, counts: { inserted: 10 } });
		expect(server.requests.every((r) => r.status === 200)).toBe(true);
		// 3 units a minute: after the first three, one request every 20 seconds.
		expect(clock.sleeps).toEqual([20_000, 20_000, 20_000]);
	});

	it('retries a 500 and goes on; when it persists, reports the request id and resumes later from the last applied page', async () => {
		let failing: 'once' | 'always' | 'never' = 'once';
		let failedOnce = false;
		const { sourceKey, server, clock, options } = await scenario(alkmaarSnapshot, {
			fault: (request) => {
				if (request.cursor !== MEETING || failing === 'never') return null;
				if (failing === 'once' && failedOnce) return null;
				failedOnce = true;
				return { kind: 'server-error', requestId: 'req-4f2a' };
			}
		});
		const retried = await syncSource(sourceKey, options);
		expect(retried).toMatchObject({ status: 'ok', pages: 3 });
		expect(server.requests.map((r) => r.status)).toEqual([200, 500, 200, 200]);
		expect(clock.sleeps).toEqual([1000]);

		// Now page 2 fails every time, on a fresh source.
		const { sourceKey: other, server: otherServer, options: otherOptions, clock: otherClock } = await scenario(alkmaarSnapshot, {
			fault: (request) => (request.cursor === MEETING && failing === 'always' ? { kind: 'server-error', requestId: 'req-9c1d' } : null)
		});
		failing = 'always';
		const failed = await syncSource(other, otherOptions);
		expect(failed).toMatchObject({
			status: 'failed',
			pages: 1,
			error: 'De bron gaf een serverfout (500 export_failed, request-id req-9c1d) (4 keer geprobeerd).'
		});
		expect(otherClock.sleeps).toEqual([1000, 2000, 4000]);
		expect(await syncStateOf(other)).toMatchObject({ phase: 'snapshot', snapshotCursor: MEETING, lastError: failed.error, pagesApplied: 1 });
		expect((await councilRows(other)).meetings).toHaveLength(1);

		failing = 'never';
		const resumed = await syncSource(other, otherOptions);
		expect(resumed).toMatchObject({ status: 'ok', pages: 2 });
		expect(otherServer.requests.filter((r) => r.status === 200).map((r) => r.cursor)).toEqual([null, MEETING, '121']);
		const [a, b] = [await councilRows(sourceKey), await councilRows(other)];
		const shape = (rows: typeof a) => rows.motions.map((m) => [m.external_id, m.result, m.meeting_id !== null, m.agenda_item_id !== null]);
		expect(shape(b)).toEqual(shape(a));
		expect(await syncStateOf(other)).toMatchObject({ lastError: null, phase: 'changes' });
	});

	it('times out a stalled answer and asks again', async () => {
		const { sourceKey, server, options } = await scenario(alkmaarSnapshot, {
			fault: (_, n) => (n === 1 ? { kind: 'stall' } : null)
		});
		const result = await syncSource(sourceKey, { ...options, timeoutMs: 150 });
		expect(result).toMatchObject({ status: 'ok', pages: 3 });
		expect(server.requests).toHaveLength(4);
	});

	it('reports a malformed line of a page with its page and line number, and applies nothing of it', async () => {
		const { sourceKey, options } = await scenario((rewrite) => fileFeed({ snapshot: ['alkmaar-malformed.ndjson'] }, rewrite));
		const result = await syncSource(sourceKey, { ...options, chunkSize: 1 });
		expect(result).toMatchObject({
			status: 'failed',
			pages: 0,
			error: 'Pagina 1 (momentopname): Regel 3: geen geldige JSON. Er is niets van deze pagina opgeslagen.'
		});
		expect(await councilRows(sourceKey)).toEqual({ meetings: [], motions: [] });
		expect(await syncStateOf(sourceKey)).toMatchObject({ snapshotCursor: null, phase: 'snapshot', lastError: result.error });
	});

	it('refuses to apply a page twice: the cursor must still stand where the page was fetched', async () => {
		const { sourceKey, options } = await scenario(alkmaarSnapshot);
		await syncSource(sourceKey, options);
		const before = await councilRows(sourceKey);
		// A second server (or a run that hung) comes back with the first snapshot page.
		const page = { phase: 'snapshot' as const, cursor: null, nextCursor: MEETING, changesCursor: '121', hasMore: true };
		const text = fixtureLines('alkmaar-snapshot-1.ndjson', { sourceKey }).join('\n');
		const outcome = await importFeed(bytesOf(text), { gemeenteCode: ALKMAAR, sourceKey, actorId: null, page });
		expect(outcome).toEqual({ status: 'stale' });
		expect(await syncStateOf(sourceKey)).toMatchObject({ phase: 'changes', changesCursor: '124' });
		expect(await councilRows(sourceKey)).toEqual(before);
	});

	it('reports progress per page', async () => {
		const { sourceKey, options } = await scenario(alkmaarSnapshot);
		const seen: SyncProgress[] = [];
		await syncSource(sourceKey, { ...options, onProgress: (progress) => seen.push(progress) });
		expect(seen.map((p) => [p.phase, p.pages, p.records, p.counts.inserted])).toEqual([
			['snapshot', 1, 4, 1],
			['snapshot', 2, 6, 3],
			['changes', 3, 9, 3]
		]);
	});

	it('runs one sync per source at a time', async () => {
		const { sourceKey, options } = await scenario(alkmaarSnapshot);
		const [a, b] = await Promise.all([syncSource(sourceKey, options), syncSource(sourceKey, options)]);
		expect([a.status, b.status].sort()).toEqual(['busy', 'ok']);
	});

	it('says plainly when no API address is configured', async () => {
		const { sourceKey } = await scenario(alkmaarSnapshot);
		const previous = process.env.ORI_API_URL;
		delete process.env.ORI_API_URL;
		try {
			expect(await syncSource(sourceKey)).toMatchObject({ status: 'failed', error: 'Synchroniseren is niet ingesteld: ORI_API_URL ontbreekt.' });
		} finally {
			if (previous !== undefined) process.env.ORI_API_URL = previous;
		}
	});

	it('syncs the enabled sources of a gemeente', async () => {
		const { server, options } = await scenario(alkmaarSnapshot);
		// Kampen (GM0166) has no source in the catalog: add one for this test only.
		const sourceKey = await makeSource('kampen', 'GM0166');
		const results = await syncGemeente('GM0166', options);
		expect(results.map((r) => [r.sourceKey, r.status])).toEqual([[sourceKey, 'ok']]);
		expect(server.requests.some((r) => r.source === sourceKey)).toBe(true);
	});

	it('keeps followed sources in step on a schedule', async () => {
		const { sourceKey, options, parties } = await scenario(alkmaarSnapshot);
		startCouncilSync({ ...options, intervalMs: 60_000, sources: async () => [sourceKey] });
		await stopCouncilSync(); // waits for the run that started at once
		expect(await syncStateOf(sourceKey)).toMatchObject({ phase: 'changes', lastError: null });
		expect(await partyVotes(sourceKey, MOTION_15)).toContainEqual([parties.VVD.name, 'tegen', 'summary']);
	});
});
