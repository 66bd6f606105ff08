// The outcomes' public pages and the public cache: the timeline page costs two database calls
// (the versions and the timeline itself) and none while nothing changed; every write to a table it reads — a
// commitment, a status step, a reaction, a policy date, a motion, a vote, a motion's theme —
// bumps the gemeente's version from any client, so the next load shows the change at once.
process.env.CACHE_CHECK_MS = '300';

import { createClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { answerAs, motionWithVotes, outcomeScene, type OutcomeScene } from '$test/outcomes-fixtures';
import { load } from '../../../routes/(public)/g/[gemeente]/tijdlijn/+page.server';
import { GET as kringFeedGet } from '../../../routes/(public)/kring/[slug]/feed.atom/+server';
import { newRequestState, runWithRequestState } from '../platform/request-context';
import { clearPublicCache, setCacheCheckInterval } from '../platform/public-cache';
import type { Database } from '../platform/database.types';
import * as commitments from './commitments';
import { commitmentSchema, emptyCommitmentValues, statusSchema } from './commitments';
import type { TimelinePage } from './timeline';
import { findGemeente } from '../gemeenten/gemeenten';

let other: ReturnType<typeof createClient<Database>>;
let scene: OutcomeScene;
let responseId = '';

beforeAll(async () => {
	const { url, serviceRoleKey } = connectTestDatabase();
	// Another app instance: the same database, a client that is not this process's.
	other = createClient<Database>(url, serviceRoleKey, { auth: { persistSession: false } });
	scene = await outcomeScene(['Zorgpartij']);
	responseId = await answerAs(scene, 'Zorgpartij', { '1': 'ja' });
}, 60_000);

type LoadEvent = Parameters<typeof load>[0];

async function timelineLoad(code: string) {
	const state = newRequestState();
	const data = await runWithRequestState(state, () =>
		load({ params: { gemeente: code }, url: new URL(`http://localhost/g/${code}/tijdlijn`) } as LoadEvent)
	);
	if (!data) throw new Error('no page data');
	// The route's PageData type is generated for its Svelte page; this test reads the same shape.
	return { page: (data as { page: TimelinePage }).page, calls: state.calls };
}

async function version(code: string): Promise<number> {
	const { data } = await other.from('public_page_versions').select('version').eq('gemeente_code', code).maybeSingle();
	return data?.version ?? 0;
}

/** One poll of a kring's Atom feed: its body and how many database calls it made. */
async function kringFeed(slug: string) {
	const state = newRequestState();
	// The handler reads only its params.
	const response = await runWithRequestState(state, () => kringFeedGet({ params: { slug } } as Parameters<typeof kringFeedGet>[0]));
	return { body: await response.text(), calls: state.calls };
}

describe('the outcomes pages and the public cache', () => {
	it("a kring's Atom feed costs one call for the kring while nothing changed, and shows a change at once", async () => {
		const { data: kring } = await other.from('kringen').select('slug').eq('id', scene.kringId).single();
		// A slow machine could make the versions' re-read interval pass between two polls: counted
		// with it out of the way (this process's own writes still show at once).
		setCacheCheckInterval(60_000);
		onTestFinished(() => setCacheCheckInterval(null));
		clearPublicCache();
		const cold = await kringFeed(kring!.slug);
		expect(cold.calls).toBeGreaterThanOrEqual(2);
		const warm = await kringFeed(kring!.slug);
		// The kring itself (its name and gemeenten); the changes come from the cache.
		expect(warm.calls).toBe(1);
		expect(warm.body).toBe(cold.body);

		const recorded = await commitments.recordCommitment(
			scene.editor.id,
			scene.gemeente.code,
			commitmentSchema(['wmo']).parse({
				...emptyCommitmentValues(), sourceKind: 'antwoord', promiser: 'partij', themeKey: 'wmo',
				body: 'Een vast aanspreekpunt voor huisartsen bij het Wmo-loket.', answer: `${responseId}:${scene.asks.wmo.id}`
			})
		);
		if (!recorded.ok) throw new Error(recorded.reason);
		expect((await kringFeed(kring!.slug)).body).toContain('Een vast aanspreekpunt voor huisartsen bij het Wmo-loket.');
	});


	it('the timeline costs one call, none when nothing changed, and shows this process’s change at once', async () => {
		// The list of 342 gemeenten is loaded once per process, before any page: not part of a page load.
		await findGemeente(scene.gemeente.code);
		clearPublicCache();
		const cold = await timelineLoad(scene.gemeente.code);
		// The versions of the public data, and the timeline itself.
		expect(cold.calls).toBe(2);
		const warm = await timelineLoad(scene.gemeente.code);
		expect(warm.calls).toBe(0);
		expect(warm.page.total).toBe(cold.page.total);

		const recorded = await commitments.recordCommitment(
			scene.editor.id,
			scene.gemeente.code,
			commitmentSchema(['wmo']).parse({
				...emptyCommitmentValues(), sourceKind: 'antwoord', promiser: 'partij', themeKey: 'wmo',
				body: 'Binnen vier weken een besluit.', answer: `${responseId}:${scene.asks.wmo.id}`
			})
		);
		if (!recorded.ok) throw new Error(recorded.reason);
		const after = await timelineLoad(scene.gemeente.code);
		expect(after.page.total).toBe(cold.page.total + 1);
		expect(after.page.items.map((i) => i.key)).toContain(`toezegging-${recorded.id}`);
	});

	it('every table the outcomes pages read bumps the version, from any client', async () => {
		const code = scene.gemeente.code;
		const changes = async (what: string, write: () => PromiseLike<{ error: unknown }>) => {
			const seen = await version(code);
			const { error } = await write();
			expect(error, what).toBeNull();
			expect(await version(code), what).not.toBe(seen);
		};
		const recorded = await commitments.recordCommitment(
			scene.editor.id,
			code,
			commitmentSchema(['wmo']).parse({
				...emptyCommitmentValues(), sourceKind: 'antwoord', promiser: 'partij', themeKey: 'wmo',
				body: 'Een vast aanspreekpunt bij het loket.', answer: `${responseId}:${scene.asks.wmo.id}`
			})
		);
		if (!recorded.ok) throw new Error(recorded.reason);
		await changes('commitments', () => other.from('commitments').update({ promiser_detail: 'fractievoorzitter' }).eq('id', recorded.id));
		const seen = await version(code);
		await commitments.updateStatus(scene.editor.id, recorded.id, statusSchema.parse({ status: 'in_uitvoering', happenedOn: '2027-01-01', note: 'Gestart', evidenceTitle: 'Brief', evidenceUrl: '', evidencePage: '' }));
		expect(await version(code), 'commitment_updates').not.toBe(seen);
		const step = (await other.from('commitment_updates').select('id').eq('commitment_id', recorded.id).eq('seq', 2).single()).data!;
		await changes('commitment_reactions', () =>
			other.from('commitment_reactions').insert({ commitment_id: recorded.id, update_id: step.id, responder_name: 'Fractie', body: 'Klopt.' })
		);
		await changes('policy_moments', () => other.from('policy_moments').insert({ gemeente_code: code, kind: 'begroting', year: 2027, on_date: '2027-11-05' }));
		const motion = await motionWithVotes(scene, { title: 'Motie', result: 'aangenomen', decidedOn: '2026-06-01', votes: { Zorgpartij: 'voor' }, themes: [] });
		await changes('motions', () => other.from('motions').update({ title: 'Motie over het loket' }).eq('id', motion));
		await changes('motion_party_votes', () => other.from('motion_party_votes').update({ vote: 'tegen' }).eq('motion_id', motion));
		await changes('motion_themes', () => other.from('motion_themes').insert({ motion_id: motion, theme_key: 'wmo' }));
	});
});
