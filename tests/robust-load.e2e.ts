// Overload through the real HTTP stack (bounded, loopback only): 400 concurrent page loads by
// signed-in huisartsen together with 500 concurrent repeat signatures (50 huisartsen, 10 times
// each). Database calls queue within a bound and are then refused with a calm Dutch 503 and
// Retry-After: never a 500, and every huisarts is signed exactly once.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postForm, seedSigningScenario, signFields, signatureCount, startApp, stopStartedApps } from './support/app-process';

test('400 page loads and 500 repeat signatures at once: no 500, signatures exact', async () => {
	test.setTimeout(240_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'ljh-load-'));
	try {
		const scenario = await seedSigningScenario(dataDir, 50);
		// Small bounds, so the test reaches them on any machine: 2 calls in flight, 100 waiting, 2 s.
		const app = await startApp(dataDir, { DB_MAX_CONCURRENT: '2', DB_MAX_QUEUE: '100', DB_QUEUE_TIMEOUT_MS: '2000' });
		const signPath = `/campagnes/${scenario.campaignId}/ondertekenen?/sign`;
		const statuses = new Map<number, number>();
		let calm503 = 0;
		const record = async (response: Response) => {
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			const body = await response.text();
			if (response.status === 503 && response.headers.get('retry-after') && /Het is nu erg druk|Even niet bereikbaar/.test(body)) calm503++;
		};

		const pages = Array.from({ length: 400 }, (_, i) =>
			fetch(`${app.base}/g/zaanstad`, { headers: { cookie: scenario.signers[i % 50].cookie } }).then(record)
		);
		const signatures = Array.from({ length: 500 }, (_, i) => {
			const n = i % 50;
			return postForm(app.base, signPath, scenario.signers[n].cookie, signFields(scenario.signers[n], n)).then(record);
		});
		await Promise.all([...pages, ...signatures]);

		// Still serving afterwards.
		await expect.poll(async () => (await fetch(`${app.base}/gezond`)).status, { timeout: 30_000 }).toBe(200);
		await app.stop();

		console.log(`load test: ${[...statuses].sort().map(([s, n]) => `${n}×${s}`).join(', ')}`);
		expect(statuses.get(500) ?? 0).toBe(0);
		expect([...statuses.keys()].every((status) => [200, 303, 503].includes(status))).toBe(true);
		expect(calm503).toBe(statuses.get(503) ?? 0);
		expect(statuses.get(503) ?? 0).toBeGreaterThan(0);

		// Nobody signed twice; whoever got a 503 every time is not signed and was told so. One
		// more try each (as the page asks) signs the rest: exactly one signature per huisarts.
		const during = await signatureCount(dataDir, scenario.campaignId);
		expect(during.perUser).toBeLessThanOrEqual(1);
		const again = await startApp(dataDir);
		for (const [n, signer] of scenario.signers.entries()) {
			const response = await postForm(again.base, signPath, signer.cookie, signFields(signer, n));
			expect(response.status).toBe(303);
		}
		await again.stop();
		const after = await signatureCount(dataDir, scenario.campaignId);
		expect(after).toEqual({ total: 50, perUser: 1 });
		console.log(`load test: ${during.total} of 50 signed during the burst, 50 after one more try each`);
	} finally {
		await stopStartedApps();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
