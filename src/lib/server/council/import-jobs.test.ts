// Imports an editor starts from the page, against the real local Supabase and a local
// OpenBesluitvorming server: a file import writes its progress while it runs (held halfway by the
// test, so no timing is guessed) and its counts when done; a malformed line fails the job with its
// line number and leaves nothing of the file; "sync now" runs the same import through the feed and
// reports pages and counts; without ORI_API_URL it says that syncing is not set up.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { councilGemeente, gemeenteWithoutSource, makeCouncilEditor } from '$test/council-fixtures';
import { fixtureLines, makeParties, makeSource, renames, tag } from '$test/ori-fixtures';
import { exportLine } from '$test/ori-export';
import { fileFeed, startOriServer, type OriServer } from '$test/ori-server';
import { fakeClock } from '$test/fake-clock';
import { councilRows } from '$test/council-rows';
import { getJob, recentJobs, startFileImport, startSyncNow } from './import-jobs';
import { RatePacer } from './ori/http';

beforeAll(() => {
	connectTestDatabase();
});

const servers: OriServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A file whose bytes stop after `before` lines until `release()` is called. */
function gatedFile(lines: string[], before: number) {
	let release = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	const encoder = new TextEncoder();
	class GatedFile extends File {
		override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
			let index = 0;
			return new ReadableStream({
				async pull(controller) {
					if (index === before) await gate;
					if (index >= lines.length) return controller.close();
					controller.enqueue(encoder.encode(lines[index++] + '\n'));
				}
			});
		}
	}
	return { file: new GatedFile([lines.join('\n')], 'export.ndjson'), release };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
	for (let attempt = 0; attempt < 200; attempt++) {
		const value = await read();
		if (done(value)) return value;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('until: condition never met');
}

describe('a file import started from the page', () => {
	it('shows how far it got while it runs, then what it did', async () => {
		const gemeente = await councilGemeente();
		const editor = await makeCouncilEditor(gemeente.code);
		const sourceKey = await makeSource('gen', gemeente.code, 'ibabs');
		const spec = { sourceKey, meetings: 10, motions: 590, parties: ['Partij A', 'Partij B'] };
		const lines = Array.from({ length: 600 }, (_, i) => exportLine(spec, i));
		const { file, release } = gatedFile(lines, 300);

		const { jobId, done } = await startFileImport(editor.id, gemeente.code, file);
		const halfway = await until(() => getJob(gemeente.code, jobId), (job) => (job?.records ?? 0) >= 250);
		expect(halfway).toMatchObject({ status: 'bezig', kind: 'bestand', fileName: 'export.ndjson' });
		expect(halfway!.records).toBeLessThan(600);
		release();
		await done;

		const finished = await getJob(gemeente.code, jobId);
		expect(finished).toMatchObject({ status: 'klaar', records: 600, errors: [], counts: { inserted: 600, records: 600 } });
		expect((await recentJobs(gemeente.code))[0].id).toBe(jobId);
		expect((await councilRows(sourceKey)).motions).toHaveLength(590);
	}, 120_000);

	it('fails with the line number of a malformed line, and nothing of the file is saved', async () => {
		const gemeente = await councilGemeente();
		const editor = await makeCouncilEditor(gemeente.code);
		const sourceKey = await makeSource('alkmaar', gemeente.code);
		const good = fixtureLines('alkmaar-snapshot-1.ndjson', { sourceKey });
		const text = [...good.slice(0, 2), '{"seq": 103, "op": "upsert", kapot', ...good.slice(2)].join('\n');
		const { jobId, done } = await startFileImport(editor.id, gemeente.code, new File([text], 'kapot.ndjson'));
		await done;
		const job = await getJob(gemeente.code, jobId);
		expect(job).toMatchObject({ status: 'mislukt', errors: ['Regel 3: geen geldige JSON', 'Er is niets van dit bestand opgeslagen.'] });
		expect(await councilRows(sourceKey)).toEqual({ meetings: [], motions: [] });
	});
});

describe('sync now', () => {
	it('runs the feed through the same import and reports pages and counts', async () => {
		const gemeente = await gemeenteWithoutSource();
		const editor = await makeCouncilEditor(gemeente.code);
		const sourceKey = await makeSource('alkmaar', gemeente.code);
		const parties = await makeParties(gemeente.code, ['GroenLinks', 'PvdA', 'VVD', 'CDA', 'D66', 'Partij voor de Dieren'], tag());
		const clock = fakeClock();
		const server = await startOriServer({
			clock,
			feed: fileFeed({ snapshot: ['alkmaar-snapshot-1.ndjson', 'alkmaar-snapshot-2.ndjson'], changesCursor: '121' }, { sourceKey, parties: renames(parties) })
		});
		servers.push(server);
		const started = await startSyncNow(editor.id, gemeente.code, { apiUrl: server.url, clock, pacer: new RatePacer(clock), timeoutMs: 2000 });
		expect(started).not.toBeNull();
		await started!.done;
		const job = await getJob(gemeente.code, started!.jobId);
		expect(job).toMatchObject({ status: 'klaar', kind: 'synchronisatie', errors: [], counts: { inserted: 3, pages: 3, pendingPartyNames: 1 } });
		expect(server.requests.map((r) => r.endpoint)).toEqual(['snapshot', 'snapshot', 'changes']);
		expect((await councilRows(sourceKey)).meetings).toHaveLength(1);
	});

	it('says syncing is not set up without ORI_API_URL', async () => {
		const gemeente = await councilGemeente();
		const editor = await makeCouncilEditor(gemeente.code);
		expect(process.env.ORI_API_URL).toBeUndefined();
		expect(await startSyncNow(editor.id, gemeente.code)).toBeNull();
		expect(await recentJobs(gemeente.code)).toEqual([]);
	});
});
