// The timeline of a gemeente against the real database: every kind of item in one chronological
// view, the filters (theme, party, kind), keyset paging that visits each item once, links between
// items and the chain from the ask to the newest status; one database call per page, for a
// handful of items and for 2,000.
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useTestDatabase } from '../platform/db';
import { countingFetch } from '$test/positions-fixtures';
import { answerAs, motionWithVotes, outcomeScene, type OutcomeScene } from '$test/outcomes-fixtures';
import { bulkTimeline } from '$test/timeline-bulk';
import * as commitments from './commitments';
import { commitmentSchema, emptyCommitmentValues, statusSchema } from './commitments';
import { decodeCursor, timelineChain, timelinePage, type TimelineItem } from './timeline';
import { addDocument } from '../positions/documents';
import { db } from '../platform/db';

const counter = countingFetch();
const { url, serviceRoleKey } = inject('supabase');
useTestDatabase(url, serviceRoleKey, counter.fetch);

const NO_FILTER = { theme: null, party: null, kind: null };
let scene: OutcomeScene;
let responseId = '';
let motionId = '';
let commitmentId = '';
let laterStatusKeys: string[] = [];
let positionKey = '';

beforeAll(async () => {
	scene = await outcomeScene(['Zorgpartij', 'Stadspartij']);
	responseId = await answerAs(scene, 'Zorgpartij', { '1': 'ja', '2': 'nee' });
	await answerAs(scene, 'Stadspartij', { '1': 'deels' });
	motionId = await motionWithVotes(scene, {
		title: 'Motie snellere Wmo-besluiten',
		result: 'aangenomen',
		decidedOn: '2026-06-18',
		votes: { Zorgpartij: 'voor', Stadspartij: 'tegen' },
		themes: ['wmo']
	});
	const recorded = await commitments.recordCommitment(
		scene.editor.id,
		scene.gemeente.code,
		commitmentSchema(['wmo', 'ggz']).parse({
			...emptyCommitmentValues(),
			sourceKind: 'antwoord',
			promiser: 'partij',
			themeKey: 'wmo',
			body: 'Binnen vier weken een besluit over een Wmo-aanvraag.',
			answer: `${responseId}:${scene.asks.wmo.id}`,
			motionId
		})
	);
	if (!recorded.ok) throw new Error(recorded.reason);
	commitmentId = recorded.id;
	for (const [status, on] of [['in_uitvoering', '2027-02-01'], ['deels_gerealiseerd', '2027-06-01']] as const) {
		const result = await commitments.updateStatus(
			scene.editor.id,
			commitmentId,
			statusSchema.parse({ status, happenedOn: on, note: `Nu ${status}`, evidenceTitle: 'Raadsinformatiebrief', evidenceUrl: '', evidencePage: '' })
		);
		if (!result.ok) throw new Error(result.reason);
	}
	const statuses = await db().from('commitment_updates').select('id').eq('commitment_id', commitmentId).gt('seq', 1).order('seq');
	laterStatusKeys = (statuses.data ?? []).map((row) => `status-${row.id}`);
	// A published position of the committed party on the same theme: its programme.
	const doc = await addDocument(scene.editor.id, scene.gemeente.code, {
		title: 'Programma Zorgpartij', kind: 'verkiezingsprogramma', url: 'https://example.org/p.pdf', publishedOn: '2026-01-10',
		partyIds: [scene.partyIds.Zorgpartij], format: 'markdown', text: '# Zorg\n\nWij beslissen binnen vier weken.'
	});
	if ('error' in doc) throw new Error(doc.error);
	const position = await db()
		.from('positions')
		.insert({
			gemeente_code: scene.gemeente.code, party_id: scene.partyIds.Zorgpartij, theme_key: 'wmo', document_id: doc.id, stance: 'concreet',
			quote: 'Wij beslissen binnen vier weken.', page: 1, status: 'gepubliceerd', reply_due_at: new Date().toISOString(),
			published_at: '2026-02-01T10:00:00Z', assessed_by: scene.editor.id, updated_by: scene.editor.id
		})
		.select('id')
		.single();
	positionKey = `standpunt-${position.data!.id}`;
}, 90_000);

async function calls(work: () => Promise<unknown>): Promise<number> {
	counter.reset();
	await work();
	return counter.count();
}

const keys = (items: TimelineItem[]) => items.map((i) => i.key);

describe('the timeline of a gemeente', () => {
	it('holds every kind, newest first, with what each item follows from', async () => {
		const page = await timelinePage(scene.gemeente.code, NO_FILTER);
		const kinds = new Set(page.items.map((i) => i.kind));
		expect([...kinds].sort()).toEqual(['antwoord', 'motie', 'standpunt', 'status', 'toezegging', 'vraag']);
		const times = page.items.map((i) => Date.parse(i.at));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(page.total).toBe(page.items.length);

		const answer = page.items.find((i) => i.kind === 'antwoord' && i.party === 'Zorgpartij' && i.askNumber === 1)!;
		expect(answer.links).toEqual([{ key: `vraag-${scene.asks.wmo.id}`, label: 'Vraag 1 uit de brief' }]);
		const commitment = page.items.find((i) => i.key === `toezegging-${commitmentId}`)!;
		expect(commitment.links.map((l) => l.key).sort()).toEqual(
			[`antwoord-${responseId}-${scene.asks.wmo.id}`, `motie-${motionId}`, `vraag-${scene.asks.wmo.id}`].sort()
		);
		expect(commitment).toMatchObject({ kind: 'toezegging', status: 'deels_gerealiseerd', party: 'Zorgpartij', recordedBy: scene.editor.name });
		const later = page.items.filter((i) => i.kind === 'status');
		expect(later.map((i) => (i.kind === 'status' ? [i.previousStatus, i.status] : null))).toEqual([
			['in_uitvoering', 'deels_gerealiseerd'],
			['toegezegd', 'in_uitvoering']
		]);
		const motion = page.items.find((i) => i.kind === 'motie')!;
		expect(motion.kind === 'motie' && motion.votes.map((v) => [v.party, v.vote])).toEqual([['Stadspartij', 'tegen'], ['Zorgpartij', 'voor']]);
	});

	it('filters by theme, by party and by kind', async () => {
		const ggz = await timelinePage(scene.gemeente.code, { ...NO_FILTER, theme: 'ggz' });
		expect(ggz.items.length).toBeGreaterThan(0);
		expect(ggz.items.every((i) => i.themes.some((t) => t.key === 'ggz'))).toBe(true);
		expect(ggz.items.some((i) => i.kind === 'antwoord' && i.answer === 'nee')).toBe(true);

		const stad = await timelinePage(scene.gemeente.code, { ...NO_FILTER, party: scene.partyIds.Stadspartij });
		expect(stad.items.map((i) => i.kind).sort()).toEqual(['antwoord', 'motie']);

		const moved = await timelinePage(scene.gemeente.code, { ...NO_FILTER, kind: 'status' });
		expect(keys(moved.items)).toEqual([...laterStatusKeys].reverse());
	});

	it('pages by keyset: every item once, in the same order as one long page', async () => {
		const all = await timelinePage(scene.gemeente.code, NO_FILTER, null, 200);
		const seen: string[] = [];
		let after: string | null = null;
		do {
			const page: Awaited<ReturnType<typeof timelinePage>> = await timelinePage(scene.gemeente.code, NO_FILTER, after, 3);
			expect(page.items.length).toBeLessThanOrEqual(3);
			seen.push(...keys(page.items));
			after = page.next;
		} while (after);
		expect(seen).toEqual(keys(all.items));
		expect(decodeCursor('nonsens')).toBeNull();
		expect(decodeCursor(Buffer.from(JSON.stringify({ at: 'gisteren', recorded_at: 'x', seq: 1, key: 'a' })).toString('base64url'))).toBeNull();
	});

	it('the chain from the ask reaches the answers, the motion, the commitment, every later status and the programme', async () => {
		const chain = (await timelineChain(scene.gemeente.code, `vraag-${scene.asks.wmo.id}`))!;
		const story = keys(chain.items);
		for (const key of [
			`vraag-${scene.asks.wmo.id}`,
			`antwoord-${responseId}-${scene.asks.wmo.id}`,
			`motie-${motionId}`,
			`toezegging-${commitmentId}`,
			...laterStatusKeys,
			positionKey
		]) {
			expect(story).toContain(key);
		}
		// Oldest first: a story from the ask to the newest status.
		const times = chain.items.map((i) => Date.parse(i.at));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(story.indexOf(`toezegging-${commitmentId}`)).toBeLessThan(story.indexOf(laterStatusKeys[1]));
		// The other ask (ggz) is not part of this story.
		expect(story).not.toContain(`vraag-${scene.asks.ggz.id}`);

		// Following the newest status back gives the same story (with every party's answer to the ask).
		const back = (await timelineChain(scene.gemeente.code, laterStatusKeys[1]))!;
		expect(new Set(keys(back.items))).toEqual(new Set(story));
		expect(story.filter((key) => key.startsWith('antwoord-'))).toHaveLength(2);
		expect(await timelineChain(scene.gemeente.code, 'toezegging-00000000-0000-4000-8000-000000000000')).toBeNull();
	});

	it('one database call per page and per chain, for a few items and for 2,000', async () => {
		const few = await calls(() => timelinePage(scene.gemeente.code, NO_FILTER));
		const big = await outcomeScene(['Partij Een', 'Partij Twee', 'Partij Drie']);
		await bulkTimeline(big, 500, 3);
		const page = await timelinePage(big.gemeente.code, NO_FILTER);
		expect(page.total).toBeGreaterThanOrEqual(2000);
		expect(page.items).toHaveLength(40);
		expect(few).toBe(1);
		expect(await calls(() => timelinePage(big.gemeente.code, NO_FILTER))).toBe(1);
		expect(await calls(() => timelinePage(big.gemeente.code, NO_FILTER, page.next))).toBe(1);
		expect(await calls(() => timelinePage(big.gemeente.code, { theme: 'ggz', party: big.partyIds['Partij Twee'], kind: 'status' }))).toBe(1);
		expect(await calls(() => timelineChain(big.gemeente.code, page.items[0].key))).toBe(1);
	}, 120_000);
});
