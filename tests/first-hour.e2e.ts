// The first hour on a fresh machine: `npm start` serves the existing build at once when nothing
// changed (a few lines of output, no rebuild), the address it prints works for forms (also when
// ORIGIN names localhost and the browser uses 127.0.0.1), and a form from another site is refused
// with a Dutch page that says what to do.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { recordBuild, sourceHash } from '../src/lib/server/platform/start/build-freshness.ts';
import { freePort, startApp } from './support/app-process';

const root = resolve(import.meta.dirname, '..');

test('npm start serves the up-to-date build at once, and the address it prints takes forms', async ({ page }) => {
	test.setTimeout(120_000);
	// npm run test:e2e has just built the app from these sources.
	recordBuild(root, sourceHash(root));
	const port = await freePort();
	const started = Date.now();
	const child = spawn(process.execPath, [join(root, 'src/lib/server/platform/start/start-cli.ts')], {
		cwd: root,
		env: { ...process.env, DATA_DIR: ':memory:', HOST: '127.0.0.1', PORT: String(port), ORIGIN: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	try {
		await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Listening on (http:\/\/\S+)/);
		const seconds = (Date.now() - started) / 1000;
		expect(output).not.toMatch(/wordt gebouwd/);
		expect(seconds).toBeLessThan(20);
		const lines = output.trim().split('\n').filter((line) => line.trim());
		expect(lines.length).toBeLessThanOrEqual(5);

		const printed = output.match(/Listening on (http:\/\/\S+)/)![1];
		expect(printed).toBe(`http://127.0.0.1:${port}`);
		await page.goto(`${printed}/inloggen`);
		await page.getByLabel('E-mailadres').fill(`eerste-uur-${Date.now()}@example.nl`);
		await page.getByRole('button', { name: 'Stuur inlogcode' }).click();
		await expect(page).toHaveURL(/\/inloggen\/code/);
		console.log(`first hour: npm start served an up-to-date build in ${seconds.toFixed(1)} s with ${lines.length} lines of output`);
	} finally {
		child.kill('SIGTERM');
	}
});

test('with ORIGIN on localhost, forms work at 127.0.0.1 too; another site gets a Dutch refusal', async ({ page }) => {
	test.setTimeout(120_000);
	const port = await freePort();
	const app = await startApp(':memory:', { PORT: String(port), ORIGIN: `http://localhost:${port}` });
	try {
		const base = `http://127.0.0.1:${port}`;
		await page.goto(`${base}/inloggen`);
		await page.getByLabel('E-mailadres').fill(`loopback-${Date.now()}@example.nl`);
		await page.getByRole('button', { name: 'Stuur inlogcode' }).click();
		await expect(page).toHaveURL(/\/inloggen\/code/);

		const crossSite = await fetch(`${base}/inloggen`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: 'https://elders.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: 'email=iemand%40example.nl'
		});
		expect(crossSite.status).toBe(403);
		expect(crossSite.headers.get('content-security-policy')).toContain("default-src 'none'");
		const body = await crossSite.text();
		expect(body).toContain('Formulier niet aangenomen');
		expect(body).toContain('https://elders.example');
		expect(body).toContain(`Open Laat je horen via http://localhost:${port}`);
	} finally {
		await app.stop();
	}
});
