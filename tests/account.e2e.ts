// A huisarts's own account, from first sign-in to deleting it: profile, practice, data export.
// One journey with one sign-in, in steps, because the sign-in budget is shared (helpers.ts).
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, signIn, siteHeader, uniqueEmail } from './support/browser';
import { huisartsNumber } from './support/big-register-stub';

function randomDigits(count: number): string {
	return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

function practiceSection(page: Page) {
	return page.getByRole('region', { name: 'Je praktijk' });
}

/** Practices the user is linked to show an "Ontkoppelen" button named after the practice. */
function linkedPractice(page: Page, name: string) {
	return practiceSection(page).getByRole('button', { name: `Ontkoppelen van ${name}` });
}

test('a huisarts fills in the profile, joins and adds a practice, downloads the data and deletes the account', async ({
	page
}) => {
	// A long journey with several axe runs (the account page lists all 342 gemeenten twice).
	test.setTimeout(120_000);
	const email = uniqueEmail();
	// The register's stand-in knows this number as A.M. Jansen-de Vries, huisarts.
	const name = 'dr. A.M. Jansen-de Vries';
	const bigNumber = huisartsNumber();
	const unknownNumber = `9${randomDigits(10)}`;
	const newPractice = {
		name: `Huisartsenpraktijk De Proefmolen ${randomDigits(4)}`,
		agbCode: `01${randomDigits(6)}`,
		address: 'Proefstraat 3, 1505 AA Zaandam'
	};
	let joinedPractice = '';

	await test.step('sign in', async () => {
		await page.goto('/account');
		await signIn(page, email);
		await expect(page).toHaveURL(/\/account$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
	});

	await test.step('a BIG number of the wrong length is explained; both values stay', async () => {
		await page.getByLabel('Naam', { exact: true }).fill(name);
		await page.getByLabel('BIG-nummer').fill('123');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByText('Een BIG-nummer bestaat uit 11 cijfers.')).toBeVisible();
		await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(name);
		await expect(page.getByLabel('BIG-nummer')).toHaveValue('123');
		await expectNoSeriousA11yViolations(page);
	});

	await test.step('a number the BIG-register does not know is saved but not verified', async () => {
		await page.getByLabel('BIG-nummer').fill(unknownNumber);
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByRole('status')).toHaveText('Je gegevens zijn opgeslagen.');
		await expect(page.getByText('Je BIG-nummer is nog niet geverifieerd.')).toBeVisible();
		await page.getByRole('button', { name: 'Controleer mijn naam en BIG-nummer in het BIG-register' }).click();
		await expect(page.getByRole('alert')).toHaveText(`Het BIG-register kent het nummer ${unknownNumber} niet. Controleer het nummer.`);
	});

	await test.step('a registered huisarts number is saved, kept after a reload and verified by the register', async () => {
		await page.getByLabel('BIG-nummer').fill(bigNumber);
		// The page still shows "opgeslagen" from the save before: wait for this save itself.
		const saving = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('?/profile'));
		await page.getByRole('button', { name: 'Opslaan' }).click();
		expect((await saving).ok()).toBe(true);
		await expect(page.getByRole('status')).toHaveText('Je gegevens zijn opgeslagen.');
		await page.reload();
		await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(name);
		await expect(page.getByLabel('BIG-nummer')).toHaveValue(bigNumber);
		await page.getByRole('button', { name: 'Controleer mijn naam en BIG-nummer in het BIG-register' }).click();
		await expect(page.getByRole('status')).toHaveText('Je BIG-nummer is geverifieerd in het BIG-register.');
		await expect(page.getByText(/Je BIG-nummer en naam zijn geverifieerd/)).toBeVisible();
		await expectNoSeriousA11yViolations(page);
	});

	await test.step('join one of the practices in Zaanstad', async () => {
		await page.getByLabel('Gemeente van je praktijk').selectOption({ label: 'Zaanstad' });
		await page.getByRole('button', { name: 'Toon praktijken' }).click();
		const list = page.getByRole('list', { name: 'Praktijken in Zaanstad' });
		await expect(list).toBeVisible();
		const joinButtons = list.getByRole('button', { name: /^Ik werk hier/ });
		expect(await joinButtons.count()).toBeGreaterThan(1);

		const first = joinButtons.first();
		joinedPractice = ((await first.textContent()) ?? '').replace(/^Ik werk hier:\s*/, '').trim();
		expect(joinedPractice).not.toBe('');
		await first.click();
		await expect(page.getByRole('status')).toHaveText('Je bent aan de praktijk gekoppeld.');
		await expect(linkedPractice(page, joinedPractice)).toBeVisible();
	});

	await test.step('adding a practice with a wrong AGB code is explained; the typed values stay', async () => {
		await page.getByLabel('Naam van de praktijk').fill(newPractice.name);
		await page.getByLabel('AGB-code van de praktijk').fill('12345678');
		await page.getByLabel('Adres (straat, huisnummer, plaats)').fill(newPractice.address);
		await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Zaanstad' });
		await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
		await expect(page.getByText('De AGB-code van een huisartsenpraktijk begint met 01.')).toBeVisible();
		await expect(page.getByLabel('Naam van de praktijk')).toHaveValue(newPractice.name);
		await expect(page.getByLabel('AGB-code van de praktijk')).toHaveValue('12345678');
		await expect(page.getByLabel('Adres (straat, huisnummer, plaats)')).toHaveValue(newPractice.address);
		await expect(page.getByLabel('Gemeente', { exact: true }).locator('option:checked')).toHaveText('Zaanstad');
		// The page now shows everything at once: profile, linked practice, search results, an error.
		await expectNoSeriousA11yViolations(page);
	});

	await test.step('a good AGB code adds the practice and links it', async () => {
		await page.getByLabel('AGB-code van de praktijk').fill(newPractice.agbCode);
		await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'De praktijk is toegevoegd en aan je account gekoppeld. Vraag hieronder om een bevestiging: daarna kun je een brief beginnen.'
		);
		await expect(linkedPractice(page, newPractice.name)).toBeVisible();
		await expect(linkedPractice(page, joinedPractice)).toBeVisible();
		await expect(practiceSection(page).getByText(`AGB ${newPractice.agbCode}`)).toBeVisible();
	});

	await test.step('a practice nobody confirmed gives no right to start a letter, and says how to get it', async () => {
		const added = practiceSection(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: `Ontkoppelen van ${newPractice.name}` }) });
		await expect(added.getByText('nog niet bevestigd')).toBeVisible();
		await expect(added).toContainText('Tot iemand bevestigt dat je hier werkt, kun je geen brief beginnen in Zaanstad');
		await added.getByRole('button', { name: `Vraag om bevestiging van ${newPractice.name}` }).click();
		// The demo kring covers Zaanstad; its editor gets the question (and verified colleagues there).
		await expect(page.getByRole('status')).toHaveText(/^\d+ (mensen hebben|persoon heeft) je vraag om bevestiging per e-mail gekregen\.$/);
		await page.goto('/campagnes/nieuw');
		await expect(page.getByText('Je praktijk in Zaanstad is nog niet bevestigd.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Vraag om bevestiging op je accountpagina' })).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await page.goto('/account');
	});

	await test.step('the data download holds the address, the name and the practices', async () => {
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download al je gegevens (JSON)' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^laat-je-horen-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
		const text = await readFile(await download.path(), 'utf8');
		const data = JSON.parse(text) as Record<string, unknown>;
		expect(data.email).toBe(email);
		expect(data.name).toBe(name);
		expect(text).toContain(bigNumber);
		expect(text).toContain(joinedPractice);
		expect(text).toContain(newPractice.name);
		expect(text).toContain(newPractice.agbCode);
	});

	await test.step('the delete page says what goes and what stays', async () => {
		await page.getByRole('link', { name: 'Account verwijderen' }).click();
		await expect(page).toHaveURL(/\/account\/verwijderen$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Account verwijderen' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Wat wordt verwijderd' })).toBeVisible();
		await expect(page.getByRole('heading', { name: /^Wat blijft bestaan/ })).toBeVisible();
		await expect(page.getByText(email)).toBeVisible();
		await expectNoSeriousA11yViolations(page);
	});

	await test.step('without ticking the box the server refuses and says why', async () => {
		// No browser bubble (it would be in the browser's language): the server answers in Dutch.
		await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
		await expect(page.getByRole('alert')).toContainText('Vink aan');
		await expect(page).toHaveURL(/\/account\/verwijderen$/);
		await expectNoSeriousA11yViolations(page);
	});

	await test.step('ticking the box deletes the account and signs out', async () => {
		await page.getByLabel('Ja, verwijder mijn account definitief').check();
		await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Je account is verwijderd' })).toBeVisible();
		await expect(siteHeader(page).getByRole('link', { name: 'Inloggen' })).toBeVisible();
		await expectNoSeriousA11yViolations(page);

		await page.goto('/account');
		await expect(page).toHaveURL(/\/inloggen\?naar=%2Faccount$/);
	});
});
