// The public matrix and the kring dashboard take a fixed number of database calls, whatever the
// number of parties, themes, positions or gemeenten: counted on every request supabase-js makes.
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useTestDatabase } from '../platform/db';
import { countingFetch, kringWithGemeenten, publishedMatrix } from '$test/positions-fixtures';
import { publicMatrix } from './matrix';
import { kringDashboard } from '../kringen/dashboard';

const counter = countingFetch();
const { url, serviceRoleKey } = inject('supabase');
useTestDatabase(url, serviceRoleKey, counter.fetch);

async function callsFor(work: () => Promise<unknown>): Promise<number> {
	counter.reset();
	await work();
	return counter.count();
}

describe('fixed number of database calls', () => {
	let small: Awaited<ReturnType<typeof publishedMatrix>>;
	let large: Awaited<ReturnType<typeof publishedMatrix>>;
	let fewGemeenten: { kringId: string };
	let manyGemeenten: { kringId: string; partyName: string };

	beforeAll(async () => {
		small = await publishedMatrix(2, 2);
		large = await publishedMatrix(15, 12);
		fewGemeenten = await kringWithGemeenten(2);
		manyGemeenten = await kringWithGemeenten(30);
	}, 120_000);

	it('the matrix: 3 calls for 2 × 2 and for 15 parties × 12 themes', async () => {
		const filter = { theme: null, documents: 'alle' as const };
		const matrix = await publicMatrix(large.gemeente.code, filter);
		expect(matrix.rows).toHaveLength(15);
		expect(matrix.themes.filter((t) => large.themeKeys.includes(t.key))).toHaveLength(12);
		expect(matrix.rows.every((row) => large.themeKeys.every((key) => row.cells[key]?.length === 1))).toBe(true);
		expect(await callsFor(() => publicMatrix(small.gemeente.code, filter))).toBe(3);
		expect(await callsFor(() => publicMatrix(large.gemeente.code, filter))).toBe(3);
	});

	it('the kring dashboard: 1 call for 2 gemeenten and for 30', async () => {
		const dashboard = await kringDashboard(manyGemeenten.kringId);
		expect(dashboard.gemeenten).toHaveLength(30);
		// Other test files may work in the same gemeenten at the same time: count only this kring's party.
		expect(dashboard.gemeenten.every((g) => g.parties >= 1 && g.cellsPublished >= 1)).toBe(true);
		expect(dashboard.themes.find((t) => t.key === 'wmo')!.stil.filter((s) => s.startsWith(manyGemeenten.partyName))).toHaveLength(30);
		expect(await callsFor(() => kringDashboard(fewGemeenten.kringId))).toBe(1);
		expect(await callsFor(() => kringDashboard(manyGemeenten.kringId))).toBe(1);
	});
});
