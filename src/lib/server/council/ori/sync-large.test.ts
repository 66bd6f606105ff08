// A 10,000-motion export (100 meetings, per-member votes for eight fracties, one motion in five
// with a vote summary instead) synced from the local ORI server in pages of 1000, streamed: the
// heap of this process may not grow by anything near the size of the export. Prints time and
// memory figures.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { db } from '$lib/server/platform/db';
import { RatePacer } from './http';
import { syncSource } from './sync';
import { makeParties, makeSource, tag } from '$test/ori-fixtures';
import { startOriServer } from '$test/ori-server';
import { exportBytes, generatedFeed, type ExportSpec } from '$test/ori-export';
import { fakeClock } from '$test/fake-clock';
import { partyVotes } from '$test/council-rows';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

beforeAll(() => {
	connectTestDatabase();
});

describe('a large export', () => {
	it('imports 10,000 motions in bounded memory', { timeout: 600_000 }, async () => {
		const suffix = tag();
		const sourceKey = await makeSource('houten', 'GM0321', 'ibabs');
		const names = ['VVD', 'CDA', 'GroenLinks', 'D66', 'Partij ITH', 'Volt', 'ChristenUnie', 'SP'];
		const parties = await makeParties('GM0321', names, suffix);
		const spec: ExportSpec = { sourceKey, meetings: 100, motions: 10_000, parties: names.map((n) => parties[n].name) };
		const bytes = exportBytes(spec);
		const clock = fakeClock();
		const server = await startOriServer({ clock, feed: generatedFeed(spec) });

		gc();
		const before = process.memoryUsage();
		let peakHeap = before.heapUsed;
		let peakRss = before.rss;
		const sampler = setInterval(() => {
			const now = process.memoryUsage();
			peakHeap = Math.max(peakHeap, now.heapUsed);
			peakRss = Math.max(peakRss, now.rss);
		}, 10);
		const started = performance.now();
		let pages = 0;
		// What stays alive: the heap after a full collection, at the end of every page.
		let retained = 0;
		try {
			const result = await syncSource(sourceKey, {
				apiUrl: server.url,
				clock,
				pacer: new RatePacer(clock),
				pageLimit: 1000,
				timeoutMs: 120_000,
				onProgress: (progress) => {
					pages = progress.pages;
					gc();
					retained = Math.max(retained, process.memoryUsage().heapUsed - before.heapUsed);
				}
			});
			expect(result).toMatchObject({ status: 'ok', error: null, counts: { inserted: 10_100, records: 10_100, pendingPartyNames: 0 } });
		} finally {
			clearInterval(sampler);
			await server.close();
		}
		const seconds = (performance.now() - started) / 1000;
		const growth = peakHeap - before.heapUsed;
		console.log(
			`[10k-import] ${spec.motions} motions + ${spec.meetings} meetings, ${(bytes / MB).toFixed(1)} MB of NDJSON in ${pages} pages: ` +
				`${seconds.toFixed(1)} s (${Math.round((spec.motions + spec.meetings) / seconds)} records/s); ` +
				`heap ${(before.heapUsed / MB).toFixed(1)} MB, live after each page at most +${(retained / MB).toFixed(1)} MB, ` +
				`peak with garbage ${(peakHeap / MB).toFixed(1)} MB (+${(growth / MB).toFixed(1)} MB); ` +
				`rss peak ${(peakRss / MB).toFixed(0)} MB (+${((peakRss - before.rss) / MB).toFixed(0)} MB)`
		);
		// Holding the export (or its parsed records) would take several times its size; streaming
		// keeps at most a page and a staging chunk alive, and the garbage V8 lets pile up between
		// collections stays well under the export's size.
		expect(retained).toBeLessThan(16 * MB);
		expect(growth).toBeLessThan(bytes);

		const { count: motions } = await db().from('motions').select('*', { count: 'exact', head: true }).eq('source_key', sourceKey);
		expect(motions).toBe(10_000);
		const { count: linked } = await db()
			.from('motions')
			.select('*', { count: 'exact', head: true })
			.eq('source_key', sourceKey)
			.not('agenda_item_id', 'is', null);
		expect(linked).toBe(10_000);
		// Motion 0: every fractie 3 members; the first fractie split, the rest by the generator's rule.
		expect(await partyVotes(sourceKey, `motion:ibabs:gemeente:${sourceKey}:n-0000000`)).toHaveLength(8);
		expect(await partyVotes(sourceKey, `motion:ibabs:gemeente:${sourceKey}:n-0000004`)).toEqual(
			names.map((n): [string, string, string] => [parties[n].name, 'voor', 'summary']).sort((a, b) => a[0].localeCompare(b[0]))
		);
	});
});
