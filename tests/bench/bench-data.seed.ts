// The benchmark's data (npm run bench): an embedded database in BENCH_DATA_DIR with one gemeente
// whose sent letter has 15 parties, 500 signatures and 15 answers, three with a smaller letter,
// and the demo data; the gemeenten's slugs go to bench.json in that folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { startLocalSupabase } from '$lib/server/platform/local-supabase/index';
import { db, useTestDatabase } from '$lib/server/platform/db';
import { sentLetter } from '$test/public-page-data';

it('makes the benchmark data', async () => {
	const dataDir = process.env.BENCH_DATA_DIR;
	if (!dataDir) throw new Error('BENCH_DATA_DIR is not set');
	const stack = await startLocalSupabase({ dataDir });
	try {
		useTestDatabase(stack.url, stack.serviceRoleKey);
		const big = await sentLetter(500, 15, 15);
		const small = [];
		for (let i = 0; i < 3; i++) small.push(await sentLetter(40, 8, 4));
		const codes = [big, ...small].map((s) => s.gemeente.code);
		const { data, error } = await db().from('gemeenten').select('code, slug').in('code', codes);
		if (error) throw new Error(error.message);
		const slug = (code: string) => data.find((row) => row.code === code)?.slug ?? code;
		writeFileSync(
			join(dataDir, 'bench.json'),
			JSON.stringify({ big: slug(big.gemeente.code), small: small.map((s) => slug(s.gemeente.code)) })
		);
	} finally {
		await stack.stop();
	}
});
