// Finding a gemeente on the home page, with and without JavaScript, and its public page.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/browser';

function finderInput(page: Page) {
	return page.getByLabel('Zoek je gemeente');
}

function results(page: Page) {
	return page.getByRole('list', { name: 'Gevonden gemeenten' });
}

test('the home page introduces the product and offers the finder', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Laat je horen' })).toBeVisible();
	await expect(page.getByRole('search').getByRole('button', { name: 'Zoeken' })).toBeVisible();
	await expect(finderInput(page)).toBeVisible();
	await expectNoSeriousA11yViolations(page);
});

test.describe('with JavaScript', () => {
	test('results follow the typing, without pressing Zoeken', async ({ page }) => {
		// Wait until the app has loaded, else the first keystrokes go by unsearched.
		await page.goto('/', { waitUntil: 'networkidle' });

		await finderInput(page).pressSequentially('fryslan');
		await expect(results(page).getByRole('link', { name: 'Súdwest-Fryslân' })).toBeVisible();
		await expect(page).toHaveURL(/\/\?q=fryslan$/);

		await finderInput(page).fill('');
		await finderInput(page).pressSequentially('den haag');
		await expect(results(page).getByRole('link', { name: /'s-Gravenhage/ })).toBeVisible();
		await expect(results(page).getByRole('link', { name: 'Súdwest-Fryslân' })).toHaveCount(0);

		// A huisarts types the place of the practice, not the gemeente.
		await finderInput(page).fill('');
		await finderInput(page).pressSequentially('Zaandam');
		const zaanstad = results(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Zaanstad' }) });
		await expect(zaanstad).toContainText('Zaandam ligt in deze gemeente');

		await finderInput(page).fill('');
		await finderInput(page).pressSequentially('bergen');
		await expect(results(page).getByRole('link', { name: 'Bergen (NH.)' })).toBeVisible();
		await expect(results(page).getByRole('link', { name: 'Bergen (L.)' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('gevonden');
		await expectNoSeriousA11yViolations(page);

		await results(page).getByRole('link', { name: 'Bergen (L.)' }).click();
		await expect(page).toHaveURL(/\/g\/bergen-l$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Bergen (L.)' })).toBeVisible();
		await expect(page.getByText('Limburg', { exact: true })).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	async function search(page: Page, query: string): Promise<void> {
		await finderInput(page).fill(query);
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(page).toHaveURL(new RegExp(`/\\?q=${encodeURIComponent(query).replace(/%20/g, '(\\+|%20)')}$`));
	}

	test('the Zoeken button finds the same gemeenten', async ({ page }) => {
		await page.goto('/');
		await search(page, 'fryslan');
		await expect(results(page).getByRole('link', { name: 'Súdwest-Fryslân' })).toBeVisible();
		await expect(finderInput(page)).toHaveValue('fryslan');

		await search(page, 'den haag');
		await expect(results(page).getByRole('link', { name: /'s-Gravenhage/ })).toBeVisible();

		await search(page, 'bergen');
		await expect(results(page).getByRole('link', { name: 'Bergen (NH.)' })).toBeVisible();
		await expect(results(page).getByRole('link', { name: 'Bergen (L.)' })).toBeVisible();

		await search(page, 'Scheveningen');
		await expect(results(page).getByRole('listitem').filter({ hasText: 'Scheveningen ligt in deze gemeente' })).toContainText("'s-Gravenhage");

		await search(page, 'xqzwv');
		await expect(page.getByText('Geen gemeente gevonden')).toBeVisible();
		await expect(results(page)).toHaveCount(0);

		await search(page, 'fryslan');
		await results(page).getByRole('link', { name: 'Súdwest-Fryslân' }).click();
		await expect(page).toHaveURL(/\/g\/sudwest-fryslan$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Súdwest-Fryslân' })).toBeVisible();
	});
});

test('a gemeente page is found by CBS code and by name', async ({ page }) => {
	for (const path of ['/g/GM0363', '/g/amsterdam']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: 'Amsterdam' })).toBeVisible();
		await expect(page.getByText('Noord-Holland', { exact: true })).toBeVisible();
	}
	// A gemeente without a kring or a letter yet: the empty states must read well too.
	await expectNoSeriousA11yViolations(page);
});

test('the Zaanstad page shows its kring and parties', async ({ page }) => {
	await page.goto('/g/zaanstad');
	await expect(page.getByRole('heading', { level: 1, name: 'Zaanstad' })).toBeVisible();
	await expect(page.getByText('Huisartsenkring Zaanstreek (demo)')).toBeVisible();
	const parties = page.getByRole('region', { name: 'Partijen' });
	for (const party of ['VVD', 'GroenLinks-PvdA', 'Lokaal Zaans Belang (demo)']) {
		await expect(parties.getByText(party, { exact: false }).first()).toBeVisible();
	}
	await expectNoSeriousA11yViolations(page);
});

test('an unknown gemeente gets a Dutch 404 page', async ({ page }) => {
	const response = await page.goto('/g/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
});
