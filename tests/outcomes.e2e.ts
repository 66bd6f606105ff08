// Outcomes from start to finish, as the people involved do it (issue 11): the kring's editor
// records a commitment from a party's answer to the demo letter in Zaanstad and moves it to
// "deels gerealiseerd" with evidence (the form first refuses a step without evidence); the party
// reacts through its private link, once; a journalist follows the chain on the timeline from the
// ask to the newest status and reads "gezegd en gedaan" for that party, on a desktop, at 390 px
// and without JavaScript; the editor follows Zaanstad, gets the daily e-mail, and a one-click
// unsubscribe without any session ends it (a forged link ends nothing). axe on every page.
//
// One serial journey. Sign-ins in this file: at most 1 (the kring editor, shared per worker).
import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import { asKringEditor, expectNoSeriousA11yViolations, expectStatus, KRING_EDITOR, linkIn, readMail, uniqueTag } from './support/browser';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const tag = uniqueTag();
const PARTY = 'Zorgzaam Zaanstad (demo)';
const KRING = 'huisartsen-zaanstreek-demo';
const BASE = `/kring/${KRING}/gemeenten/zaanstad/toezeggingen`;
const PROMISE = `In elk bouwplan van meer dan 500 woningen komt ruimte voor een huisartsenpraktijk (${tag}).`;
const EVIDENCE = `Raadsinformatiebrief bouwplan Achtersluispolder (${tag})`;
const REACTION = `Klopt, en het tweede gezondheidscentrum staat in de kadernota (${tag}).`;

let commitmentUrl = '';
let replyLink = '';

async function headingsOf(page: Page): Promise<string[]> {
	return page.locator('.timeline-entry h3').allInnerTexts();
}

async function noSidewaysScroll(page: Page): Promise<void> {
	const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
	expect(widths.page).toBeLessThanOrEqual(widths.view);
}

test('the editor records a commitment from a party’s answer', async ({ browser }) => {
	await asKringEditor(browser, async (page) => {
		await page.goto(BASE);
		await expect(page.getByRole('heading', { level: 1, name: 'Toezeggingen in Zaanstad' })).toBeVisible();
		await expect(page.getByText(/"We gaan onderzoeken".*zijn geen toezeggingen/).first()).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('link', { name: `Leg vast als toezegging (${PARTY}, vraag 3)` }).click();
		await expect(page.getByLabel('Het antwoord')).toHaveValue(/:/);
		await expect(page.getByLabel('Thema', { exact: true })).toHaveValue('huisvesting');
		await page.getByLabel('Wat is er beloofd?').fill(PROMISE);
		await page.getByLabel('Termijn (als die genoemd is)').fill('2028-12-31');
		await page.getByLabel('Aangenomen motie die het regelt (mag leeg)').selectOption({ label: 'Amendement: Praktijkruimte in de Achtersluispolder (demo) (5 november 2026)' });
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: 'Leg de toezegging vast' }).click();
		const done = page.getByRole('status').filter({ hasText: 'De toezegging is vastgelegd' });
		await expect(done).toBeVisible();
		// The demo party has no e-mail address: the editor sees its link once, to pass on.
		await expect(done).toContainText('Er is geen e-mailadres bekend');
		await done.getByRole('link', { name: 'Open de toezegging' }).click();
		await expect(page).toHaveURL(/\/toezeggingen\/[0-9a-f-]{36}$/);
		commitmentUrl = page.url();
		await expect(page.getByRole('heading', { level: 1, name: `Toezegging van ${PARTY}` })).toBeVisible();
	});
});

test('the editor moves it forward, and to "deels gerealiseerd" with evidence', async ({ browser }) => {
	await asKringEditor(browser, async (page) => {
		await page.goto(commitmentUrl);
		// A step without evidence is refused, in Dutch, next to the field.
		await page.getByLabel(/^In uitvoering/).check();
		await page.getByLabel('Wat is er gebeurd?').fill('Het college werkt het bouwplan uit.');
		await page.getByRole('button', { name: 'Leg de nieuwe stand vast' }).click();
		await expect(page.getByText('Geef het bewijs: de titel van het stuk, een link, of allebei.')).toBeVisible();
		await page.getByLabel('Bewijs: titel van het stuk').fill('Collegebesluit bouwplan');
		await page.getByRole('button', { name: 'Leg de nieuwe stand vast' }).click();
		await expectStatus(page, /^Stap 2 is vastgelegd/);

		await page.getByLabel(/^Deels gerealiseerd/).check();
		await page.getByLabel('Wat is er gebeurd?').fill('Eén gezondheidscentrum is gereserveerd, het tweede niet.');
		await page.getByLabel('Bewijs: titel van het stuk').fill(EVIDENCE);
		await page.getByLabel('Bewijs: link (mag leeg als de titel er staat)').fill('https://example.org/demo/raadsinformatiebrief.pdf');
		await page.getByLabel('Pagina (mag leeg)').fill('2');
		await page.getByRole('button', { name: 'Leg de nieuwe stand vast' }).click();
		const moved = page.getByRole('status').filter({ hasText: /^\s*Stap 3 is vastgelegd/ });
		await expect(moved).toBeVisible();
		replyLink = (await moved.getByRole('link').getAttribute('href'))!;
		expect(replyLink).toMatch(/\/toezeggingen\/reageer\/[a-z2-7]{24}$/);

		await page.goto(commitmentUrl);
		const steps = page.getByRole('list', { name: 'Geschiedenis van de toezegging, oudste eerst' }).getByRole('listitem');
		await expect(steps).toHaveCount(3);
		await expect(steps.nth(0)).toContainText('Stap 1: Toegezegd');
		await expect(steps.nth(1)).toContainText('Stap 2: Toegezegd → In uitvoering');
		await expect(steps.nth(2)).toContainText('Stap 3: In uitvoering → Deels gerealiseerd');
		await expect(steps.nth(2)).toContainText(`Bewijs: ${EVIDENCE}, pagina 2`);
		await expect(steps.nth(2)).toContainText(`Vastgelegd door ${KRING_EDITOR.name}`);
		await expectNoSeriousA11yViolations(page);
	});
});

test('the party reacts to that step through its link, once', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(replyLink);
	await expect(page.getByRole('heading', { level: 1, name: 'Uw reactie op een toezegging in Zaanstad' })).toBeVisible();
	await expect(page.locator('[aria-current="step"]')).toContainText('In uitvoering → Deels gerealiseerd');
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Uw reactie', { exact: true }).fill(REACTION);
	await page.getByLabel('Uw naam').fill('Ilse Mol (demo)');
	await page.getByLabel('Uw functie (mag leeg)').fill('lijsttrekker');
	await page.getByRole('button', { name: 'Plaats de reactie' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Bevestig dat u namens de partij' })).toBeVisible();
	await page.getByLabel(`Ik reageer namens ${PARTY} en weet dat deze reactie openbaar wordt`).check();
	await page.getByRole('button', { name: 'Plaats de reactie' }).click();
	await expectStatus(page, /^Dank u wel\. Op deze stap is gereageerd door Ilse Mol \(demo\)/);
	await page.goto(replyLink);
	await expect(page.getByRole('button', { name: 'Plaats de reactie' })).toHaveCount(0);
	await expect(page.getByRole('status')).toContainText('Per stap kan één keer worden gereageerd');
	await context.close();
});

async function journalist(browser: Browser, options: { width?: number; javaScript?: boolean } = {}) {
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1200, height: 900 },
		javaScriptEnabled: options.javaScript ?? true
	});
	return { context, page: await context.newPage() };
}

test('a journalist follows the chain on the timeline from the ask to the newest status', async ({ browser }) => {
	const { context, page } = await journalist(browser);
	await page.goto('/g/zaanstad');
	await page.getByRole('link', { name: 'De tijdlijn' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tijdlijn van Zaanstad' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	// Only the asks of the letter.
	await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Vragen uit de brief' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/soort=vraag/);
	// Other journeys write letters in Zaanstad too: the demo letter's ask.
	const ask = page.getByRole('article', { name: 'Vraag 3 uit de brief' }).filter({ hasText: 'Zorg na de verkiezingen (demo)' });
	await ask.getByRole('link', { name: 'Toon de hele keten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'De keten' })).toBeVisible();

	const headings = await headingsOf(page);
	const at = (text: string) => headings.findIndex((h) => h.includes(text));
	const answer = at(`${PARTY} antwoordt op vraag 3: ja`);
	const commitment = page.getByRole('article', { name: `Toezegging van ${PARTY}` }).filter({ hasText: PROMISE });
	await expect(commitment).toBeVisible();
	expect(at('Vraag 3 uit de brief')).toBe(0);
	expect(answer).toBeGreaterThan(0);
	expect(at('Amendement: Praktijkruimte in de Achtersluispolder (demo)')).toBeGreaterThan(answer);
	const newest = page.getByRole('article').filter({ hasText: EVIDENCE });
	await expect(newest.getByRole('heading')).toHaveText('Nieuwe stand: deels gerealiseerd');
	await expect(newest).toContainText(REACTION);
	// The demo party has no address: the editor passed the link on, and the page says so.
	await expect(newest).toContainText('Geplaatst via een link die de kring zelf doorgaf: wie beloofde kreeg er geen kopie van.');
	const order = await page.locator('.timeline-entry').evaluateAll((entries, texts) => texts.map((t) => entries.findIndex((e) => e.textContent?.includes(t))), [
		'Vraag 3 uit de brief',
		`${PARTY} antwoordt op vraag 3`,
		PROMISE,
		'Collegebesluit bouwplan',
		EVIDENCE
	]);
	expect(order.every((index) => index >= 0)).toBe(true);
	expect(order).toEqual([...order].sort((a, b) => a - b));
	await expectNoSeriousA11yViolations(page);

	// Following the newest status back gives the same story, with that status marked.
	await newest.getByRole('link', { name: 'De toezegging' }).click();
	await expect(page.locator('[aria-current="true"] h3')).toHaveText(`Toezegging van ${PARTY}`);
	await expect(page.getByRole('article', { name: 'Vraag 3 uit de brief' })).toBeVisible();
	await context.close();
});

test('a journalist reads "gezegd en gedaan" for the party, also at 390 px', async ({ browser }) => {
	for (const width of [1200, 390]) {
		const { context, page } = await journalist(browser, { width });
		await page.goto('/g/zaanstad/gezegd-en-gedaan');
		await page.getByRole('link', { name: PARTY }).click();
		await expect(page.getByRole('heading', { level: 1, name: `${PARTY}: gezegd en gedaan` })).toBeVisible();
		const housing = page.getByRole('region', { name: 'Huisvesting van huisartsenpraktijken' });
		await expect(housing).toContainText('Concreet');
		await expect(housing).toContainText('Uit 2 gepubliceerde beoordelingen door de kring, met citaat en pagina');
		await expect(housing).toContainText('Vraag 3');
		// Other journeys send letters in Zaanstad with a housing ask this party has not answered yet.
		await expect(housing).toContainText(/Antwoord op (de vraag|\d+ van de \d+ vragen) over dit thema/);
		// The demo's amendment and motion on housing, both voted for; the council journey may add a
		// motion in Zaanstad meanwhile, so the series is read as words, whatever its length.
		await expect(housing).toContainText(/Praktijkruimte in de Achtersluispolder \(demo\) \(aangenomen, 5 november 2026\):\s*voor/);
		await expect(housing).toContainText(/Stemde (alle \d+ keer voor|\d+ van de \d+ keer voor)/);
		await expect(housing).toContainText(/Stemmen bekend voor (alle \d+ moties|\d+ van de \d+ moties)/);
		await expect(housing.getByRole('link', { name: PROMISE })).toBeVisible();
		await expect(housing).toContainText('Deels gerealiseerd');
		await expect(housing).not.toContainText('%');
		const wmo = page.getByRole('region', { name: 'Wmo-voorzieningen en hulpmiddelen' });
		await expect(wmo).toContainText('Stemde 1 keer: voor');
		if (width === 390) await noSidewaysScroll(page);
		await expectNoSeriousA11yViolations(page);
		await context.close();
	}
});

test('the timeline, the chain and "gezegd en gedaan" work without JavaScript at 390 px', async ({ browser }) => {
	const { context, page } = await journalist(browser, { width: 390, javaScript: false });
	await page.goto('/g/zaanstad/tijdlijn');
	await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Huisvesting van huisartsenpraktijken' });
	await page.getByLabel('Partij', { exact: true }).selectOption({ label: PARTY });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/thema=huisvesting.*partij=/);
	await expect(page.getByRole('status')).toContainText('die bij je keuze passen');
	const newest = page.getByRole('article').filter({ hasText: EVIDENCE });
	await expect(newest).toBeVisible();
	await noSidewaysScroll(page);
	await newest.getByRole('link', { name: 'Toon de hele keten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'De keten' })).toBeVisible();
	await expect(page.getByRole('article', { name: 'Vraag 3 uit de brief' })).toBeVisible();
	await noSidewaysScroll(page);
	await page.goto('/g/zaanstad/gezegd-en-gedaan');
	await page.getByRole('link', { name: PARTY }).click();
	await expect(page.getByRole('region', { name: 'Huisvesting van huisartsenpraktijken' })).toContainText('Deels gerealiseerd');
	await noSidewaysScroll(page);
	await context.close();
});

// Oostzaan, not Zaanstad: other journeys change Zaanstad all the time, and any change there could
// take this follower's one e-mail of the day before the change this journey makes.
test('the editor follows Oostzaan, gets the daily e-mail, and one click without a session unsubscribes', async ({ browser, baseURL }) => {
	let unsubscribe = '';
	const budget = `Begroting 2027 Oostzaan (${tag})`;
	await asKringEditor(browser, async (page) => {
		await page.goto('/g/oostzaan');
		await page.getByRole('link', { name: 'per e-mail' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Gemeenten volgen' })).toBeVisible();
		await page.getByRole('button', { name: 'Volg Oostzaan' }).click();
		await expectStatus(page, /^Je volgt deze gemeente/);
		await expectNoSeriousA11yViolations(page);
		// Something changes there: the editor records a line of the begroting as the college's promise.
		await page.goto(`/kring/${KRING}/gemeenten/oostzaan/toezeggingen/nieuw`);
		await page.getByRole('link', { name: 'Begroting, kadernota of voorjaarsnota' }).click();
		await expect(page.getByLabel('Het college (burgemeester en wethouders)')).toBeChecked();
		await page.getByLabel('Titel van het stuk').fill(budget);
		await page.getByLabel('Link naar het stuk').fill('https://example.org/demo/oostzaan-begroting-2027.pdf');
		await page.getByLabel('Pagina (mag leeg)').fill('31');
		await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Respijtzorg en mantelzorg' });
		await page.getByLabel('Wat is er beloofd?').fill(`Vanaf 2027 jaarlijks 80.000 euro voor logeeropvang (${tag}).`);
		await page.getByLabel('Datum van het stuk').fill('2026-11-12');
		await page.getByRole('button', { name: 'Leg de toezegging vast' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'De toezegging is vastgelegd' })).toBeVisible();

		const mail = await readMail(page.context(), { to: KRING_EDITOR.email, subject: 'Nieuw in Oostzaan', containing: budget });
		expect(mail).toContain('Nieuwe toezegging van het college over Respijtzorg en mantelzorg');
		unsubscribe = linkIn(mail, '/volgen/uit/');
		// The mailbox shows the list headers the message carries.
		await page.goto('/dev/mail');
		const message = page.getByRole('article', { name: /^E-mail aan kring@demo\.laatjehoren\.nl: Nieuw in Oostzaan/ }).first();
		await expect(message).toContainText('List-Unsubscribe-Post');
		await expect(message).toContainText('List-Unsubscribe=One-Click');
		await expect(message).toContainText(`<${unsubscribe}>`);
	});

	// A mail provider's one-click: a bare POST, no cookies, no Origin. A forged signature first.
	const api = await playwrightRequest.newContext({ baseURL });
	const at = unsubscribe.lastIndexOf('.') + 10;
	const forged = unsubscribe.slice(0, at) + (unsubscribe[at] === 'a' ? 'b' : 'a') + unsubscribe.slice(at + 1);
	expect((await api.post(forged, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(404);
	await asKringEditor(browser, async (page) => {
		await page.goto('/volgen');
		await expect(page.getByRole('list', { name: 'Gemeenten die je volgt' })).toContainText('Oostzaan');
	});
	const oneClick = await api.post(unsubscribe, { form: { 'List-Unsubscribe': 'One-Click' } });
	expect(oneClick.status()).toBe(200);
	await api.dispose();

	await asKringEditor(browser, async (page) => {
		await page.goto('/volgen');
		await expect(page.getByText('Je volgt nog geen gemeente.')).toBeVisible();
		// The link from the mail, opened in a browser, now says so (and only asks, never acts, on GET).
		await page.goto(unsubscribe);
		await expectStatus(page, 'Je bent al afgemeld. Je krijgt hierover geen e-mail meer.');
		await expectNoSeriousA11yViolations(page);
	});
});
