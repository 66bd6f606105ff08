// Browser journeys against the built app (`node build`) with a fresh in-memory database.
// Run with `npm run test:e2e` (builds first). Chromium: $CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, else Playwright's own browser where `npx playwright install` works.
import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Playwright evaluates this file in the runner and again in every worker. The port is chosen
// once, by the runner, and handed to the workers through the environment they inherit.
function freePort(): number {
	const script =
		"const s=require('node:net').createServer();" +
		"s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
	return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

process.env.E2E_PORT ??= String(freePort());
process.env.E2E_BIG_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// The local stand-in of the BIG-register (tests/support/big-register-stub.ts), which the app asks.
const bigRegisterPort = Number(process.env.E2E_BIG_PORT);

function chromiumExecutable(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export default defineConfig({
	testDir: 'tests',
	testMatch: '*.e2e.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['line'], ['github']] : 'list',
	use: {
		baseURL,
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumExecutable(),
					// Without these Chromium keeps calling home, which floods a closed network.
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: [
		{
			command: `node tests/support/big-register-stub-cli.ts ${bigRegisterPort}`,
			url: `http://127.0.0.1:${bigRegisterPort}/health`,
			reuseExistingServer: false,
			timeout: 20_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			command: 'node build',
			url: baseURL,
			// adapter-node assumes https unless ORIGIN says otherwise, and then refuses our form posts.
			// BODY_SIZE_LIMIT as npm start sets it (a pasted letter over the limit keeps its text).
			env: {
				BODY_SIZE_LIMIT: '26M',
				DATA_DIR: ':memory:',
				HOST: '127.0.0.1',
				PORT: String(port),
				ORIGIN: baseURL,
				BIG_REGISTER_URL: `http://127.0.0.1:${bigRegisterPort}/zksrv/soap/4`,
				BIG_REGISTER_TIMEOUT_MS: '2000'
			},
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe'
		}
	]
});
