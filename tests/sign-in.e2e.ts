// Signing in with an e-mailed code, signing out, and the pages that guard an account.
// Sign-ins in this file: 7 (see the budget in helpers.ts).
import { expect, test, type Page } from '@playwright/test';
import {
	enterLoginCode,
	expectNoSeriousA11yViolations,
	codeReference,
	readLoginCode,
	requestLoginCode,
	signIn,
	siteHeader,
	uniqueEmail
} from './support/browser';

/** The same code with its last digit changed: certainly wrong, and shaped like a real one. */
function wrongCodeFor(code: string): string {
	const last = Number(code.at(-1));
	return `${code.slice(0, -1)}${(last + 1) % 10}`;
}

async function expectAccountPage(page: Page): Promise<void> {
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
	await expect(siteHeader(page).getByRole('button', { name: 'Uitloggen' })).toBeVisible();
}

async function expectSentToSignIn(page: Page): Promise<void> {
	await page.goto('/account');
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Faccount$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
}

test('a new huisarts signs in with the code from the mail, survives a typo and signs out', async ({ page }) => {
	const email = uniqueEmail();
	await page.goto('/');
	await siteHeader(page).getByRole('link', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/inloggen$/);

	await requestLoginCode(page, email);
	await expect(page.getByText(email)).toBeVisible();
	// The page names the request; the mail with that reference holds the code.
	const code = await readLoginCode(page.context(), email, await codeReference(page));
	expect(code).toMatch(/^\d{4} \d{4}$/);

	const wrong = wrongCodeFor(code);
	await enterLoginCode(page, wrong);
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
	await expect(page.getByLabel('Inlogcode')).toHaveValue(wrong);
	await expect(page).toHaveURL(/\/inloggen\/code/);
	await expectNoSeriousA11yViolations(page);

	await enterLoginCode(page, code);
	await expectAccountPage(page);
	await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();

	await siteHeader(page).getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
	await expect(siteHeader(page).getByRole('link', { name: 'Inloggen' })).toBeVisible();
	await expect(siteHeader(page).getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
	await expectSentToSignIn(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('signing in works end to end', async ({ page }) => {
		const email = uniqueEmail();
		await signIn(page, email);
		await expectAccountPage(page);
		await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
	});

	test('an invalid address is explained and kept', async ({ page }) => {
		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill('dokter@praktijk');
		await page.getByRole('button', { name: 'Stuur inlogcode' }).click();
		await expect(page.getByRole('alert')).toContainText('Dit is geen geldig e-mailadres');
		await expect(page.getByLabel('E-mailadres')).toHaveValue('dokter@praktijk');
	});
});

test('an invalid address is explained and kept', async ({ page }) => {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill('dokter.praktijk.nl');
	await page.getByRole('button', { name: 'Stuur inlogcode' }).click();
	await expect(page.getByRole('alert')).toContainText('Dit is geen geldig e-mailadres');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('dokter.praktijk.nl');
	await expect(page).toHaveURL(/\/inloggen$/);
});

// On a slow connection people type before the scripts have loaded; starting the scripts must not
// wipe what they typed (it once did, and the address was then sent empty).
test('an address typed before the scripts have loaded is kept', async ({ page }) => {
	let releaseScripts!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/inloggen', { waitUntil: 'commit' });
	await page.getByLabel('E-mailadres').fill('dokter@praktijk.nl');
	releaseScripts();
	await page.waitForLoadState('networkidle');
	// Scripts are running now: the enhanced form shows the same value it had before.
	await expect(page.getByLabel('E-mailadres')).toHaveValue('dokter@praktijk.nl');
	await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null))));
	await expect(page.getByLabel('E-mailadres')).toHaveValue('dokter@praktijk.nl');
});

test('"Overal uitloggen" also ends the session in another browser', async ({ browser }) => {
	const email = uniqueEmail();
	// One code at a time: a new code replaces the previous one, so sign in one after the other.
	const laptop = await browser.newContext();
	const phone = await browser.newContext();
	try {
		const a = await laptop.newPage();
		await signIn(a, email);
		await expectAccountPage(a);
		const b = await phone.newPage();
		await signIn(b, email);
		await expectAccountPage(b);

		await a.getByRole('button', { name: 'Overal uitloggen' }).click();
		await expect(a).toHaveURL(/\/inloggen/);
		await expect(a.getByRole('status')).toHaveText('Je bent op al je apparaten uitgelogd.');
		await expect(siteHeader(a).getByRole('link', { name: 'Inloggen' })).toBeVisible();

		await expectSentToSignIn(b);
		await expect(siteHeader(b).getByRole('link', { name: 'Inloggen' })).toBeVisible();
	} finally {
		await laptop.close();
		await phone.close();
	}
});

test('/account asks to sign in first and comes back afterwards', async ({ page }) => {
	await expectSentToSignIn(page);
	await signIn(page, uniqueEmail());
	await expectAccountPage(page);
});

test('a huisarts who already works in a practice lands on the letters after signing in', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Begin een brief voor je gemeente' }).click();
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Fcampagnes%2Fnieuw$/);
	// Straight from the sign-in page instead: no page to return to, so the letters it is.
	await page.goto('/inloggen');
	await signIn(page, 'pieter.visser@demo.laatjehoren.nl');
	await expect(page).toHaveURL(/\/campagnes$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn brieven' })).toBeVisible();
});

test('sign-in pages, the mailbox and the account page pass axe', async ({ page }) => {
	const email = uniqueEmail();
	await page.goto('/inloggen');
	await expectNoSeriousA11yViolations(page);

	await requestLoginCode(page, email);
	await expectNoSeriousA11yViolations(page);

	await page.goto('/dev/mail');
	await expect(page.getByRole('heading', { level: 1, name: 'Ontwikkelpostbus' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await page.goto('/inloggen/code');
	const code = await readLoginCode(page.context(), email);
	await enterLoginCode(page, code);
	await expectAccountPage(page);
	await expectNoSeriousA11yViolations(page);
});
