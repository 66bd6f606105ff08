// Benchmark of the outcomes part (run: npm run bench:timeline). Prints, for the record, on a
// gemeente whose timeline holds 2,000+ items (500 commitments with 3 later statuses each, and a
// letter with answers): the first page, a page deep into the keyset, the filters, one chain,
// "said and did" for one party, the Atom feed and the kring view; each with its database calls.
// Times are medians of several runs on the embedded PGlite stack (one backend, in memory).
import { it } from 'vitest';
import { measure, useCountedDatabase } from './measure';
import { answerAs, outcomeScene } from '$test/outcomes-fixtures';
import { bulkTimeline } from '$test/timeline-bulk';
import { timelineChain, timelinePage } from '$lib/server/outcomes/timeline';
import { saidAndDid } from '$lib/server/outcomes/said-and-did';
import { changesFeed } from '$lib/server/outcomes/atom';
import { kringCommitments } from '$lib/server/outcomes/kring-commitments';

useCountedDatabase();

it('timeline benchmark', async () => {
	console.log('\nOutcomes benchmark (embedded PGlite + PostgREST, in memory)\n');
	const scene = await outcomeScene(['Partij Een', 'Partij Twee', 'Partij Drie', 'Partij Vier']);
	for (const party of Object.keys(scene.partyIds)) await answerAs(scene, party, { '1': 'ja', '2': 'deels' });
	const added = await bulkTimeline(scene, 500, 3);
	const empty = { theme: null, party: null, kind: null };
	const first = await timelinePage(scene.gemeente.code, empty);
	console.log(`timeline of ${scene.gemeente.name}: ${first.total} items (${added} from commitments and their statuses)\n`);

	await measure('timeline, first page (40 items)', 20, () => timelinePage(scene.gemeente.code, empty));
	await measure('timeline, second page (keyset)', 20, () => timelinePage(scene.gemeente.code, empty, first.next));
	let deep = first.next;
	for (let page = 2; page < 45 && deep; page++) {
		const next = (await timelinePage(scene.gemeente.code, empty, deep)).next;
		if (!next) break;
		deep = next;
	}
	await measure('timeline, a page near the end (keyset)', 20, () => timelinePage(scene.gemeente.code, empty, deep));
	await measure('timeline, filtered by theme', 20, () => timelinePage(scene.gemeente.code, { ...empty, theme: 'ggz' }));
	await measure('timeline, filtered by party and kind', 20, () =>
		timelinePage(scene.gemeente.code, { ...empty, party: scene.partyIds['Partij Twee'], kind: 'status' })
	);
	const commitment = first.items.find((i) => i.kind === 'toezegging' || i.kind === 'status')!;
	await measure('one chain (a commitment with its statuses)', 20, () => timelineChain(scene.gemeente.code, commitment.key));
	await measure('one chain from the letter’s first ask', 20, () => timelineChain(scene.gemeente.code, `vraag-${scene.asks.wmo.id}`));
	await measure('said and did, one party (125 commitments)', 20, () => saidAndDid(scene.partyIds['Partij Een']));
	await measure('Atom feed of the gemeente (50 newest changes)', 20, () =>
		changesFeed({ title: scene.gemeente.name, pagePath: '/', feedPath: '/feed.atom' }, [scene.gemeente.code])
	);
	await measure('kring view of commitments', 20, () => kringCommitments(scene.kringId));
	console.log('');
});
