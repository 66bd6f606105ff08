// The public gemeente page as its load sees the database: a fixed number of database calls
// whatever the number of signatures, parties and answers; none while the data is unchanged; the
// change at once after a write by this process, and within CACHE_CHECK_MS after a write by
// another process (database triggers bump the gemeente's version, nobody clears by hand).
process.env.CACHE_CHECK_MS = '300';

import { createClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { makeParties } from '$test/sending-fixtures';
import { sentLetter } from '$test/public-page-data';
import { load } from '../../../routes/(public)/g/[gemeente]/+page.server';
import { load as homeLoad } from '../../../routes/(public)/+page.server';
import { load as lettersLoad } from '../../../routes/(public)/brieven/+page.server';
import { GET as letterJsonGet } from '../../../routes/(public)/g/[gemeente]/brieven/[id].json/+server';
import { GET as letterCsvGet } from '../../../routes/(public)/g/[gemeente]/brieven/[id].csv/+server';
import { consentAsPressContact } from '$lib/server/letter/press-contact';
import type { ListedLetter } from '$lib/server/letter/letter-index';
import { newRequestState, runWithRequestState } from './request-context';
import { clearPublicCache, setCacheCheckInterval } from './public-cache';
import type { Database } from './database.types';
import type { GemeentePage } from '$lib/server/gemeenten/gemeenten';
import type { PublicCampaign } from '$lib/server/letter/public-letter';

let other: ReturnType<typeof createClient<Database>>;
beforeAll(() => {
	const { url, serviceRoleKey } = connectTestDatabase();
	// Another app instance: the same database, a client that is not this process's.
	other = createClient<Database>(url, serviceRoleKey, { auth: { persistSession: false } });
});

type LoadEvent = Parameters<typeof load>[0];

/** One page load of /g/<code>: its data and how many database calls it made. */
async function pageLoad(code: string) {
	const state = newRequestState();
	const data = await runWithRequestState(state, () =>
		load({ params: { gemeente: code }, url: new URL(`http://localhost/g/${code}`) } as LoadEvent)
	);
	if (!data) throw new Error('no page data');
	// The route's own PageData type is generated for its Svelte page; this test reads the same shape.
	return { data: data as { gemeente: GemeentePage; campaigns: PublicCampaign[] }, calls: state.calls, dependsOn: state.dependsOn };
}

describe('the public gemeente page and its cache', () => {
	it('costs the same few database calls for a small and a large letter, and none when nothing changed', async () => {
		// Versions are re-read every CACHE_CHECK_MS (300 ms here): on a loaded machine a cold load can
		// take longer than that, so this test counts calls with the interval out of the way.
		setCacheCheckInterval(60_000);
		onTestFinished(() => setCacheCheckInterval(null));
		const small = await sentLetter(2, 2, 1);
		const large = await sentLetter(40, 12, 10);
		// A press contact on one and not the other costs nothing extra either.
		await consentAsPressContact(large.campaign.id, large.coordinator.id, { name: 'dr. Pers', email: 'pers@example.nl', phone: null });
		// The list of 342 gemeenten is loaded once per process, before any page: not part of a page load.
		await pageLoad('GM0363');
		clearPublicCache();
		const coldSmall = await pageLoad(small.gemeente.code);
		clearPublicCache();
		const coldLarge = await pageLoad(large.gemeente.code);
		expect(coldLarge.data.campaigns[0].signerCount).toBe(40);
		expect(coldLarge.data.campaigns[0].sent?.parties.filter((p) => p.response)).toHaveLength(10);
		expect(coldLarge.data.campaigns[0].practicesTotal).toBe(40);
		expect(coldLarge.data.campaigns[0].pressContact).toEqual({ name: 'dr. Pers', email: 'pers@example.nl', phone: null });
		// Versions, the gemeente with its parties and kringen, the letter with everything in it, the
		// themes, the positions matrix and the upcoming council meetings: a handful, whatever the
		// number of rows.
		expect(coldSmall.calls).toBeLessThanOrEqual(9);
		expect(coldLarge.calls).toBe(coldSmall.calls);

		const warm = await pageLoad(large.gemeente.code);
		expect(warm.calls).toBe(0);
		expect(warm.data.campaigns[0].signerCount).toBe(40);
	});

	it('shows a write by this process at once, and one by another process within CACHE_CHECK_MS', async () => {
		const scenario = await sentLetter(3, 2, 0);
		const code = scenario.gemeente.code;
		const before = await pageLoad(code);
		expect(before.data.gemeente.parties.map((p) => p.name)).toEqual(['Partij 0', 'Partij 1']);

		// This process adds a party: the very next load shows it.
		await makeParties(code, [{ name: 'Partij Nieuw', emails: [] }]);
		const mine = await pageLoad(code);
		expect(mine.data.gemeente.parties.map((p) => p.name)).toContain('Partij Nieuw');
		expect(mine.dependsOn.get(code)).not.toBe(before.dependsOn.get(code));

		// Another instance verifies a signature and answers for a party.
		const { error } = await other.from('signatures').update({ withdrawn_at: new Date().toISOString() }).eq('campaign_id', scenario.campaign.id).eq('signer_name', 'Dokter 0');
		expect(error).toBeNull();
		await new Promise((resolve) => setTimeout(resolve, 400));
		const later = await pageLoad(code);
		expect(later.data.campaigns[0].signerCount).toBe(2);
	});

	it('bumps the version on a write to any table the page reads, from any client', async () => {
		const scenario = await sentLetter(2, 1, 0);
		const code = scenario.gemeente.code;
		const version = async () => {
			const { data } = await other.from('public_page_versions').select('version').eq('gemeente_code', code).maybeSingle();
			return data?.version ?? 0;
		};
		const writes: Array<[string, () => PromiseLike<{ error: unknown }>]> = [
			['parties', () => other.from('parties').update({ abbreviation: 'P' }).eq('gemeente_code', code)],
			['campaigns', () => other.from('campaigns').update({ title: 'Nieuwe titel' }).eq('id', scenario.campaign.id)],
			['signatures', () => other.from('signatures').update({ verified_at: new Date().toISOString() }).eq('campaign_id', scenario.campaign.id)],
			['letter_revisions', () => other.from('letter_revisions').update({ body_html: '<p>x</p>' }).eq('campaign_id', scenario.campaign.id)],
			['deliveries', () => other.from('deliveries').update({ channel: 'email' }).eq('campaign_id', scenario.campaign.id)],
			['practices', () => other.from('practices').update({ name: 'Andere naam' }).eq('gemeente_code', code)],
			['press_contacts', () => other.from('press_contacts').insert({ campaign_id: scenario.campaign.id, user_id: scenario.coordinator.id, name: 'dr. Pers', email: 'p@example.nl', consented_at: new Date().toISOString() })]
		];
		for (const [table, write] of writes) {
			const seen = await version();
			const { error } = await write();
			expect(error, table).toBeNull();
			expect(await version(), table).not.toBe(seen);
		}
	});

	it('bumps the version when the positions matrix changes: documents, positions, replies, and any theme', async () => {
		const scenario = await sentLetter(1, 1, 0);
		const code = scenario.gemeente.code;
		const version = async () => {
			const { data } = await other.from('public_page_versions').select('version').eq('gemeente_code', code).maybeSingle();
			return data?.version ?? 0;
		};
		const changes = async (what: string, write: () => PromiseLike<{ error: unknown }>) => {
			const seen = await version();
			const { error } = await write();
			expect(error, what).toBeNull();
			expect(await version(), what).not.toBe(seen);
		};
		const party = (await other.from('parties').select('id').eq('gemeente_code', code).limit(1).single()).data!;
		const document = (
			await other.from('documents').insert({ gemeente_code: code, kind: 'verkiezingsprogramma', title: 'Programma', format: 'tekst' }).select('id').single()
		).data!;
		let position = '';
		await changes('positions', async () => {
			const inserted = await other
				.from('positions')
				.insert({ gemeente_code: code, party_id: party.id, theme_key: 'wmo', document_id: document.id, stance: 'niet_genoemd' })
				.select('id')
				.single();
			position = inserted.data?.id ?? '';
			return inserted;
		});
		await changes('documents', () => other.from('documents').update({ title: 'Verkiezingsprogramma' }).eq('id', document.id));
		await changes('position_replies', () =>
			other.from('position_replies').insert({ position_id: position, party_id: party.id, position_version: 1, agrees: true, responder_name: 'Fractie' })
		);
		const { data: theme } = await other.from('themes').select('label').eq('key', 'wmo').single();
		await changes('themes', () => other.from('themes').update({ label: theme!.label }).eq('key', 'wmo'));
	});
});

/** One request to a letter's open data: its body and how many database calls it made. */
async function letterData(format: 'json' | 'csv', code: string, id: string) {
	const state = newRequestState();
	const event = { params: { gemeente: code, id }, url: new URL(`http://localhost/g/${code}/brieven/${id}.${format}`) };
	// The handlers read only params and url of their RequestEvent.
	const response = await runWithRequestState(state, () =>
		format === 'json' ? letterJsonGet(event as Parameters<typeof letterJsonGet>[0]) : letterCsvGet(event as Parameters<typeof letterCsvGet>[0])
	);
	return { status: response.status, body: await response.text(), calls: state.calls };
}

describe('the open data of a letter and the lists of letters', () => {
	it("a letter's JSON and CSV come from the page's cache: no database call while nothing changed", async () => {
		const scenario = await sentLetter(6, 3, 2);
		const code = scenario.gemeente.code;
		await pageLoad(code);
		const json = await letterData('json', code, scenario.campaign.id);
		expect(json.status).toBe(200);
		expect(json.calls).toBe(0);
		expect(JSON.parse(json.body).brief.ondertekening.huisartsen).toBe(6);
		const csv = await letterData('csv', code, scenario.campaign.id);
		expect(csv.calls).toBe(0);
		expect(csv.body.split('\n')[0]).toMatch(/^gemeente_code,gemeente,brief_id,/);
		// Another gemeente's code, or no letter at all: not found, as if it did not exist.
		await expect(letterData('json', 'GM0363', scenario.campaign.id)).rejects.toMatchObject({ status: 404 });
	});

	it('the home page lists the newest letters in one call, none when nothing changed, and again after any change', async () => {
		const home = async () => {
			const state = newRequestState();
			const data = await runWithRequestState(state, () => homeLoad({ url: new URL('http://localhost/') } as Parameters<typeof homeLoad>[0]));
			if (!data) throw new Error('no home data');
			return { letters: data.letters, calls: state.calls };
		};
		const first = await sentLetter(3, 2, 1);
		clearPublicCache();
		const cold = await home();
		// The versions and the list: whatever the number of letters.
		expect(cold.calls).toBeLessThanOrEqual(2);
		expect(cold.letters.list.length).toBeLessThanOrEqual(5);
		expect(cold.letters.total).toBeGreaterThanOrEqual(cold.letters.list.length);
		expect((await home()).calls).toBe(0);

		// A letter sent in another gemeente: the next home page is built again and counts it.
		// (Other test files send letters at the same time, so the order is checked on /brieven.)
		const second = await sentLetter(1, 1, 0);
		const after = await home();
		expect(after.calls).toBeGreaterThan(0);
		expect(after.letters.total).toBeGreaterThan(cold.letters.total);
		expect((await home()).calls).toBe(0);

		const all = (await lettersLoad({} as Parameters<typeof lettersLoad>[0])) as { letters: ListedLetter[] } | void;
		if (!all) throw new Error('no /brieven data');
		const ids = all.letters.map((l) => l.id);
		expect(ids.indexOf(second.campaign.id)).toBeGreaterThanOrEqual(0);
		expect(ids.indexOf(second.campaign.id)).toBeLessThan(ids.indexOf(first.campaign.id));
		expect(all.letters.find((l) => l.id === second.campaign.id)).toMatchObject({
			sent: true,
			signers: 1,
			practicesSigned: 1,
			practicesTotal: 1,
			parties: 1,
			answered: 0,
			gemeente: { code: second.gemeente.code }
		});
		expect(all.letters.find((l) => l.id === first.campaign.id)).toMatchObject({ signers: 3, parties: 2, answered: 1 });
	});
});
