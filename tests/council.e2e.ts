// Council work from start to finish, as the people involved do it (issue 10): the kring's editor
// enters a meeting, an agenda item and a motion with votes (and is told first that a hamerstuk
// with votes does not add up), imports an OpenBesluitvorming export twice, maps the party name it
// did not know, and sees nothing twice; a huisarts says she comes and wants to speak; a journalist
// reads the motion and the party's votes on a desktop, at 390 px and without JavaScript, and the
// calendar feed holds the meeting. axe on every page on the way.
//
// One serial journey. Sign-ins in this file: 1 (the demo huisarts; the kring editor's session is
// shared through asKringEditor).
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_HUISARTS, KRING_EDITOR, asKringEditor, expectNoSeriousA11yViolations, expectStatus, signIn, uniqueTag } from './support/browser';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const RAAD = '/kring/huisartsen-zaanstreek-demo/gemeenten/zaanstad/raad';
const EXPORT = fileURLToPath(new URL('./fixtures/ori/zaanstad-export.ndjson', import.meta.url));
const tag = uniqueTag();
const MEETING = `Commissie Samenleving ${tag}`;
const ITEM = `Huisvesting van huisartsenpraktijken in nieuwbouwwijken ${tag}`;
const MOTION = `Motie Een praktijkruimte in elke nieuwe wijk ${tag}`;
const BESLUITENLIJST = 'https://zaanstad.notubiz.nl/document/besluitenlijst-e2e.pdf';
const IMPORTED_MOTION = 'Motie Ruimte voor huisartsen in nieuwbouwwijken (import)';

let meetingUrl = '';

/** Two weeks from now, as the date field wants it (yyyy-mm-dd), in Dutch time. */
function inTwoWeeks(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + 14 * 86_400_000));
}

async function editor(browser: Browser, work: (page: Page) => Promise<void>) {
	await asKringEditor(browser, work);
}

test('the editor enters a meeting with an agenda item, and a motion whose votes first do not add up', async ({ browser }) => {
	await editor(browser, async (page) => {
		await page.goto(RAAD);
		await expect(page.getByRole('heading', { level: 1, name: 'Raadswerk in Zaanstad' })).toBeVisible();
		await expectNoSeriousA11yViolations(page);

		await page.getByRole('link', { name: 'Vergadering toevoegen', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Vergadering toevoegen' })).toBeVisible();
		await page.getByLabel('Soort').selectOption({ label: 'Commissievergadering' });
		await page.getByLabel('Naam', { exact: true }).fill(MEETING);
		await page.getByLabel('Datum').fill(inTwoWeeks());
		await page.getByLabel('Begintijd (Nederlandse tijd)').fill('19:30');
		await page.getByLabel('Plaats (optioneel)').fill('Raadzaal, stadhuis Zaandam');
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: 'Vergadering opslaan' }).click();
		await expectStatus(page, 'De vergadering is opgeslagen. Voeg nu de agendapunten toe.');
		await expect(page.getByText(/om 19:30, Raadzaal, stadhuis Zaandam/)).toBeVisible();
		meetingUrl = new URL(page.url()).pathname;

		await page.getByLabel('Nummer (optioneel)').fill('4');
		await page.getByLabel('Titel van het agendapunt').fill(ITEM);
		await page.getByLabel('Documenten (optioneel), één per regel: naam | link').fill('Raadsvoorstel | https://zaanstad.notubiz.nl/document/rv-e2e.pdf');
		await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
		await expectStatus(page, 'Het agendapunt is opgeslagen.');
		const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: `4. ${ITEM}` }) });
		await expect(item.getByRole('link', { name: 'Raadsvoorstel' })).toBeVisible();
		// The app suggests the theme from the title; the editor confirms it.
		const themes = item.getByRole('group', { name: `Zorgthema's van “${ITEM}”` });
		await expect(themes.getByText('Voorgesteld op grond van de tekst: Huisvesting van huisartsenpraktijken. Vink aan wat klopt.')).toBeVisible();
		await themes.getByLabel(/^Huisvesting van huisartsenpraktijken/).check();
		await item.getByRole('button', { name: /^Thema's opslaan/ }).click();
		await expectStatus(page, "De thema's zijn opgeslagen.");
		await expect(item.getByText("Thema's: Huisvesting van huisartsenpraktijken")).toBeVisible();
		await expectNoSeriousA11yViolations(page);

		await page.getByRole('link', { name: 'Motie of amendement toevoegen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Motie of amendement toevoegen' })).toBeVisible();
		await page.getByLabel('Titel', { exact: true }).fill(MOTION);
		await page.getByLabel('Agendapunt').selectOption({ label: `4. ${ITEM}` });
		await page.getByLabel('Uitslag').selectOption({ label: 'Aangenomen' });
		await page.getByLabel('Hamerstuk (besloten zonder stemming)').check();
		await page.getByRole('table', { name: 'Indieners' }).getByLabel('SP', { exact: true }).selectOption({ label: 'Indiener' });
		const votes = page.getByRole('table', { name: 'Stemmen per partij' });
		await votes.getByLabel('SP', { exact: true }).selectOption({ label: 'Voor' });
		await votes.getByLabel('PVV', { exact: true }).selectOption({ label: 'Tegen' });
		await page.getByLabel('Link naar de besluitenlijst of notulen').fill(BESLUITENLIJST);
		await page.getByLabel('Pagina').fill('3');
		await page.getByRole('button', { name: 'Motie opslaan' }).click();
		// Refused, with what is wrong, and everything typed is still there.
		await expect(page.getByRole('alert').filter({ hasText: 'Een hamerstuk is zonder stemming afgehandeld, maar er staan stemmen bij.' })).toBeVisible();
		await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(MOTION);
		await expect(votes.getByLabel('PVV', { exact: true })).toHaveValue('tegen');
		await expectNoSeriousA11yViolations(page);

		await page.getByLabel('Hamerstuk (besloten zonder stemming)').uncheck();
		await page.getByRole('button', { name: 'Motie opslaan' }).click();
		await expectStatus(page, "De motie is opgeslagen. Kies nu de zorgthema's, dan komt ze op de openbare pagina.");
		await page.getByRole('group', { name: "Zorgthema's", exact: true }).getByLabel(/^Huisvesting van huisartsenpraktijken/).check();
		await page.getByRole('button', { name: "Thema's opslaan" }).click();
		await expectStatus(page, "De thema's zijn opgeslagen.");
		await expectNoSeriousA11yViolations(page);
	});
});

test('the editor imports an export twice, maps the unknown party name once, and sees nothing twice', async ({ browser }) => {
	await editor(browser, async (page) => {
		for (const round of [1, 2]) {
			await page.goto(RAAD);
			await page.getByLabel('Exportbestand').setInputFiles(EXPORT);
			await page.getByRole('button', { name: 'Importeer' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Import van zaanstad-export.ndjson' })).toBeVisible();
			await expect(page.getByText(/^De import is klaar: 6 records gelezen\.$|^De import is klaar: 3 records gelezen\.$/)).toBeVisible({ timeout: 30_000 });
			const counts = page.locator('dl');
			if (round === 1) {
				await expect(counts).toContainText('nieuw 3');
				await expectNoSeriousA11yViolations(page);
				await page.getByRole('link', { name: 'Kijk de onbekende partijnamen na' }).click();
				const name = page.getByRole('listitem').filter({ hasText: '“Lokaal Zaans Belang”' });
				await name.getByLabel('Dit is').selectOption({ label: 'Lokaal Zaans Belang (demo)' });
				await name.getByRole('button', { name: 'Opslaan voor “Lokaal Zaans Belang”' }).click();
				await expectStatus(page, 'De partijnaam is opgeslagen. Volgende imports gebruiken hem ook.');
				await expect(page.getByText('“Lokaal Zaans Belang”')).toHaveCount(0);
			} else {
				await expect(counts).toContainText('nieuw 0');
				await expect(counts).toContainText('ongewijzigd 3');
			}
		}
		await page.goto(RAAD);
		await expect(page.getByRole('link', { name: 'Gemeenteraad Zaanstad (import)' })).toHaveCount(1);
		await expect(page.getByText('“Lokaal Zaans Belang”')).toHaveCount(0);

		// Theme the imported motion, so it is on the public page.
		await page.getByRole('link', { name: 'Gemeenteraad Zaanstad (import)' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Gemeenteraad Zaanstad (import)' })).toBeVisible();
		await page.getByRole('link', { name: IMPORTED_MOTION }).click();
		await expect(page.getByRole('heading', { level: 1, name: IMPORTED_MOTION })).toBeVisible();
		await page.getByRole('group', { name: "Zorgthema's", exact: true }).getByLabel(/^Huisvesting van huisartsenpraktijken/).check();
		await page.getByRole('button', { name: "Thema's opslaan" }).click();
		await expectStatus(page, "De thema's zijn opgeslagen.");
		await expect(page.getByRole('table', { name: 'Geïmporteerde stemmen' }).getByRole('row', { name: /Lokaal Zaans Belang \(demo\) Voor/ })).toBeVisible();
	});
});

test('a huisarts says she comes and wants to speak; the public page counts her', async ({ browser }) => {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`/g/zaanstad/raad`);
		await page.getByRole('link', { name: MEETING }).first().click();
		await expect(page.getByText('Nog geen huisartsen aangemeld.')).toBeVisible();
		await page.getByRole('link', { name: 'Meld je aan' }).click();
		await expect(page).toHaveURL(/\/inloggen\?naar=%2Fvergadering%2F/);
		await signIn(page, DEMO_HUISARTS.email);
		await expect(page.getByRole('heading', { level: 1, name: 'Samen naar de raad' })).toBeVisible();
		await page.getByLabel('Wil je inspreken? Kies het agendapunt').selectOption({ label: `4. ${ITEM}` });
		await page.getByLabel(/Mijn naam mag op de openbare pagina staan/).check();
		await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: 'Ik kom' }).click();
		await expectStatus(page, 'Je staat op de lijst. De dag voor de vergadering krijg je een herinnering.');
		await expect(page.getByRole('heading', { name: 'Je gaat' })).toBeVisible();

		await page.goto(`/g/zaanstad/raad`);
		await page.getByRole('link', { name: MEETING }).first().click();
		await expect(page.getByText(`1 huisarts komt naar deze vergadering.`)).toBeVisible();
		await expect(page.getByText(`Onder hen: ${DEMO_HUISARTS.name}.`)).toBeVisible();
	} finally {
		await context.close();
	}
});

async function readMotionAndVotes(page: Page, checkA11y: boolean) {
	const a11y = async () => {
		if (checkA11y) await expectNoSeriousA11yViolations(page);
	};
	await page.goto('/g/zaanstad');
	await page.getByRole('link', { name: 'Alle vergaderingen, moties en hoe elke partij stemde' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Gemeenteraad en zorg in Zaanstad' })).toBeVisible();
	await expect(page.getByText(/De raadsinformatie van Zaanstad komt van Notubiz/)).toBeVisible();
	await expect(page.getByText(/Notubiz publiceert geen stemmen per raadslid/)).toBeVisible();
	await a11y();

	await page.getByRole('link', { name: IMPORTED_MOTION }).click();
	await expect(page.getByRole('heading', { level: 1, name: IMPORTED_MOTION })).toBeVisible();
	const votes = page.getByRole('table', { name: `Stem per partij over ${IMPORTED_MOTION}` });
	await expect(votes.getByRole('row', { name: /^VVD Voor Stemverklaring van de bron$/ })).toBeVisible();
	await expect(votes.getByRole('row', { name: /^PVV Tegen Stemverklaring van de bron$/ })).toBeVisible();
	await expect(votes.getByRole('row', { name: /^Lokaal Zaans Belang \(demo\) Voor/ })).toBeVisible();
	await expect(votes.getByRole('row', { name: /^ChristenUnie Niet bekend Geen gegevens$/ })).toBeVisible();
	await a11y();

	await page.goto('/g/zaanstad/raad');
	await page.getByRole('link', { name: MOTION }).click();
	const manual = page.getByRole('table', { name: `Stem per partij over ${MOTION}` });
	await expect(manual.getByRole('row', { name: new RegExp(`^SP Voor Besluitenlijst, pagina 3; ingevoerd door ${KRING_EDITOR.name} op `) })).toBeVisible();
	await expect(manual.getByRole('link', { name: 'Besluitenlijst' }).first()).toHaveAttribute('href', BESLUITENLIJST);

	await manual.getByRole('link', { name: 'PVV' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hoe PVV stemde over zorg' })).toBeVisible();
	const party = page.getByRole('table', { name: 'Stemmen van PVV over zorg' });
	await expect(party.getByRole('row').filter({ hasText: IMPORTED_MOTION })).toContainText('Tegen');
	await expect(party.getByRole('row').filter({ hasText: MOTION })).toContainText('Tegen');
	await a11y();
}

test('a journalist reads the motion and the party’s votes, on a desktop, at 390 px and without JavaScript', async ({ browser }) => {
	test.setTimeout(240_000);
	// axe needs JavaScript in the page: it runs on the desktop and at 390 px.
	for (const options of [{}, { viewport: { width: 390, height: 844 } }, { javaScriptEnabled: false }]) {
		const context = await browser.newContext(options);
		try {
			const page = await context.newPage();
			await readMotionAndVotes(page, !('javaScriptEnabled' in options));
			if ('viewport' in options) {
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow).toBeLessThanOrEqual(0);
			}
		} finally {
			await context.close();
		}
	}
});

test('the calendar feeds of the gemeente and the kring hold the meeting on the care themes, in Dutch time', async ({ request }) => {
	const response = await request.get('/g/zaanstad/raad.ics');
	expect(response.headers()['content-type']).toContain('text/calendar');
	const body = await response.text();
	expect(body).toContain(`SUMMARY:${MEETING} (Zaanstad)`);
	expect(body).toMatch(/DTSTART;TZID=Europe\/Amsterdam:\d{8}T193000/);
	expect(body).toContain(`${meetingUrl.split('/').pop()}@`);
	// The kring's feed covers all its gemeenten, Zaanstad among them.
	const kring = await (await request.get('/kring/huisartsen-zaanstreek-demo/raad.ics')).text();
	expect(kring).toContain(`SUMMARY:${MEETING} (Zaanstad)`);
	expect(kring).toContain('BEGIN:VTIMEZONE');
});
