// The public page of a gemeente (/g/zaanstad) read as a journalist would, without signing in,
// around one joint letter (issue 3). A draft nobody signed is not there at all; while it is being
// signed only that it is under way and how many signed; once sent the letter, the numbers of
// huisartsen and practices, only the names that may be shown (with "geverifieerd" where the
// coordinators checked the BIG number), the recipients and the send date, each answer next to the
// asks and "nog geen reactie (N dagen)" for the rest.
// As a journalist reads it (issue 8): the answers first, a table per ask with each answer as a
// label on its colour and the party's explanation, the share of the practices that signed, a press
// contact only once a coordinator agreed to be it, the letter's data as JSON and CSV, the letter
// in the list of letters, OpenGraph tags for a shared link; on a 390 px phone and without
// JavaScript every ask still readable, nothing pushed sideways.
//
// One serial journey. Sign-ins in this file: 2 (the coordinator, who signs with the name shown,
// and a colleague who signs without). The co-coordinator asked to be the press contact, the
// journalist and the party never sign in.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { extractText, getDocumentProxy } from 'unpdf';
import {
	ZAANSTAD_PRACTICES,
	addParty,
	confirmMembershipAsKring,
	expectNoSeriousA11yViolations,
	expectStatus,
	joinPractice,
	linkIn,
	openForSigning,
	randomDigits,
	readMail,
	sendLetter,
	signIn,
	signLetter,
	startLetter,
	uniqueEmail,
	uniqueTag,
	verifySignatureAsKring
} from './support/browser';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const tag = uniqueTag();
const TITLE = `Zorg dichtbij in Zaanstad ${tag}`;
// A sentence only the letter has: the public must not read it before the letter is sent.
const LETTER_LINE = `Onze wachtkamers zitten vol, schrijven wij in ${tag}.`;
const coordinator = {
	email: uniqueEmail('coordinator'),
	name: `dr. J. Verbeek ${tag}`,
	bigNumber: `4${randomDigits(10)}`,
	practice: ZAANSTAD_PRACTICES.pelmolen
};
const hidden = {
	email: uniqueEmail('stil'),
	name: `dr. H. Verborgen ${tag}`,
	bigNumber: `5${randomDigits(10)}`,
	practice: ZAANSTAD_PRACTICES.krommenie
};
const party = { name: `Zaanse Burgerpartij ${tag}`, email: `fractie-${tag}@burgerpartij.example.nl` };
// A co-coordinator who is asked to be the press contact and never answers.
const colleagueEmail = uniqueEmail('pers');
const press = { name: `dr. J. Verbeek ${tag}`, email: `pers-${tag}@pelmolen.example.nl`, phone: '075 123 45 67' };
const EXPLANATION = `Wij trekken in de begroting 2027 ruimte uit voor praktijken ${tag}.`;

let browser: Browser;
let coordinatorContext: BrowserContext;
let page: Page;
let journalistContext: BrowserContext;
let journalist: Page;
let campaignId = '';

test.beforeAll(async ({ browser: b }) => {
	browser = b;
	coordinatorContext = await browser.newContext();
	page = await coordinatorContext.newPage();
	journalistContext = await browser.newContext();
	journalist = await journalistContext.newPage();
});

test.afterAll(async () => {
	await coordinatorContext?.close();
	await journalistContext?.close();
});

function campaignArticle(p: Page) {
	return p.getByRole('article', { name: TITLE });
}

/** The row of one party in a table of answers. */
function partyRow(table: Locator, name: string) {
	return table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
}

/** The paragraph whose text starts like this (getByText would find the bold lead-in inside it). */
function paragraph(scope: Locator, start: RegExp) {
	return scope.getByRole('paragraph').filter({ hasText: start });
}

/** Whether `first` comes before `second` in the page. */
async function isBefore(first: Locator, second: Locator): Promise<boolean> {
	const other = await second.elementHandle();
	return first.evaluate((a, b) => Boolean(b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING), other);
}

/** The date as the public page writes it: "22 november 2026". */
function dutchDate(date: Date): string {
	return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(date);
}

test('a draft nobody has signed is not on the public page', async () => {
	await page.goto('/account');
	await signIn(page, coordinator.email);
	await joinPractice(page, 'GM0479', coordinator.practice);
	await confirmMembershipAsKring(browser, coordinator.email);
	campaignId = await startLetter(page, {
		gemeente: 'Zaanstad',
		title: TITLE,
		themes: ['Huisvesting van huisartsenpraktijken', 'Woonzorgvoorzieningen']
	});
	await page.waitForLoadState('networkidle');
	const editor = page.getByLabel('Tekst van de brief (Markdown)');
	await editor.fill((await editor.inputValue()).replace('## Wat wij zien', `${LETTER_LINE}\n\n## Wat wij zien`));
	await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
	await expectStatus(page, 'Versie 2 is opgeslagen.');

	await journalist.goto('/g/zaanstad');
	await expect(journalist.getByRole('heading', { level: 1, name: 'Zaanstad' })).toBeVisible();
	await expect(campaignArticle(journalist)).toHaveCount(0);
	await expect(journalist.locator('body')).not.toContainText(LETTER_LINE);
});

test('while it is being signed, the public sees only that it is under way and how many signed', async () => {
	await openForSigning(page, campaignId);
	await signLetter(page, campaignId, { ...coordinator, showName: true });

	const colleague = await browser.newContext();
	try {
		const p = await colleague.newPage();
		await p.goto('/account');
		await signIn(p, hidden.email);
		await joinPractice(p, 'GM0479', hidden.practice);
		// A huisarts of the gemeente needs no invitation: the shared link is enough.
		await signLetter(p, campaignId, { ...hidden, showName: false });
	} finally {
		await colleague.close();
	}

	await journalist.goto('/g/zaanstad');
	const campaign = campaignArticle(journalist);
	await expect(campaign).toBeVisible();
	// Nothing but the title, one sentence, the share of the practices and the data links: no
	// letter text, no names.
	const text = (await campaign.innerText()).replace(/\s+/g, ' ').trim();
	const escapedTitle = TITLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	expect(text).toMatch(
		new RegExp(
			`^${escapedTitle} De huisartsen in Zaanstad werken aan een gezamenlijke brief\\. Tot nu toe ondertekend door ` +
				'2 huisartsen uit 2 praktijken\\. De brief verschijnt hier zodra hij verstuurd is\\. ' +
				'\\d+ % van de praktijken in Zaanstad tekende: 2 van de \\d+ praktijken\\. ' +
				'Open data van deze brief: JSON · CSV \\(uitleg\\)$'
		)
	);
	const body = journalist.locator('body');
	await expect(body).not.toContainText(LETTER_LINE);
	await expect(body).not.toContainText(coordinator.name);
	await expect(body).not.toContainText(hidden.name);
	await expectNoSeriousA11yViolations(journalist);

	// The letter's own pages are not for the public either.
	await journalist.goto(`/campagnes/${campaignId}/ondertekenen`);
	await expect(journalist).toHaveURL(/\/inloggen\?naar=/);
	await expect(journalist.locator('body')).not.toContainText(LETTER_LINE);
});

test('the kring verifies the coordinator by hand; she adds a party, sees the count, and sends; the party answers', async () => {
	// Nobody verifies their own signature: her own row offers no button.
	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	const own = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: coordinator.name, exact: true }) });
	await expect(own).toContainText('je eigen handtekening verifieert een ander');
	await expect(own.getByRole('button')).toHaveCount(0);
	// Her unverified signature gives no right to change the gemeente's party list.
	await page.goto(`/campagnes/${campaignId}/partijen`);
	await expect(page.getByRole('region', { name: 'Partij toevoegen' })).toHaveCount(0);
	await expect(page.getByText('Je kunt de partijenlijst van Zaanstad nog niet wijzigen.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Verifieer je BIG-nummer op je accountpagina' })).toBeVisible();

	await verifySignatureAsKring(browser, campaignId, coordinator.name, 'Gebeld met de praktijk; BIG-register bekeken');
	await addParty(page, campaignId, party);

	// The press contact: she first asks a co-coordinator, who never answers; nothing is public.
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByLabel('E-mailadres van een mede-coördinator').fill(colleagueEmail);
	await page.getByRole('button', { name: 'Voeg toe' }).click();
	await expectStatus(page, 'De mede-coördinator is toegevoegd en heeft een e-mail gekregen.');
	await page.getByRole('navigation', { name: 'Onderdelen van de brief' }).getByRole('link', { name: /^Perscontact/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Perscontact' })).toBeVisible();
	await expect(page.getByText('Er staat nog geen perscontact op de openbare pagina.')).toBeVisible();
	await page.getByRole('group', { name: 'Wie vraag je?' }).getByLabel(colleagueEmail).check();
	await page.getByRole('button', { name: 'Vraag om toestemming' }).click();
	await expectStatus(page, /^Je mede-coördinator heeft een e-mail gekregen\./);
	const onPage = page.getByRole('region', { name: 'Op de openbare pagina' });
	await expect(onPage).toContainText(`${colleagueEmail} is gevraagd door ${coordinator.name} op ${dutchDate(new Date())}, maar gaf nog geen toestemming.`);
	const request = await readMail(coordinatorContext, { to: colleagueEmail, subject: 'Wil je perscontact zijn voor de brief in Zaanstad?' });
	expect(request).toContain(`/campagnes/${campaignId}/pers`);
	await expectNoSeriousA11yViolations(page);
	await journalist.goto('/g/zaanstad');
	await expect(campaignArticle(journalist)).toBeVisible();
	await expect(campaignArticle(journalist)).not.toContainText('Perscontact');
	await expect(journalist.locator('body')).not.toContainText(colleagueEmail);

	// She steps forward herself, in a browser without JavaScript: without the tick nothing is
	// public and what she typed stays; with it, her contact is on the page.
	const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await coordinatorContext.storageState() });
	try {
		const p = await noScript.newPage();
		await p.goto(`/campagnes/${campaignId}/pers`);
		await p.getByLabel('Naam', { exact: true }).fill(press.name);
		await p.getByLabel('E-mailadres', { exact: true }).fill(press.email);
		await p.getByLabel('Telefoonnummer (mag leeg)').fill(press.phone);
		await p.getByRole('button', { name: 'Zet mij als perscontact op de pagina' }).click();
		await expect(p).toHaveURL(/#zelf-form$/);
		await expect(p.getByText('Vink aan dat je naam, e-mailadres en telefoonnummer openbaar op de pagina mogen staan.')).toBeVisible();
		await expect(p.getByLabel('E-mailadres', { exact: true })).toHaveValue(press.email);
		await expect(p.getByLabel('Telefoonnummer (mag leeg)')).toHaveValue(press.phone);
		await p.getByLabel(/^Ik geef toestemming dat deze naam/).check();
		await p.getByRole('button', { name: 'Zet mij als perscontact op de pagina' }).click();
		await expectStatus(p, 'Je staat als perscontact op de openbare pagina van de brief.');
		await expect(p.getByRole('region', { name: 'Op de openbare pagina' })).toContainText(press.phone);
	} finally {
		await noScript.close();
	}

	// The review says how many signatures are verified, before anything goes out.
	await page.goto(`/campagnes/${campaignId}/versturen`);
	await expect(page.getByText('2 huisartsen, waarvan 1 geverifieerd door de coördinatoren of de kring.').first()).toBeVisible();
	await sendLetter(page, campaignId);

	// The PDF a coordinator mails or prints says the same, read back as any PDF reader would.
	const pdf = await page.request.get(`/campagnes/${campaignId}/versturen/brief.pdf`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
	const flat = text.replace(/\s+/g, ' ');
	expect(flat).toContain('2 huisartsen, waarvan 1 geverifieerd door de coördinatoren of de kring.');
	expect(flat).toContain(`${coordinator.name}, ${coordinator.practice} (geverifieerd) en 1 andere huisarts`);

	// The party answers through the link in its mail, without an account.
	const link = linkIn(
		await readMail(coordinatorContext, { to: party.email, subject: `Brief van de huisartsen in Zaanstad: ${TITLE}` }),
		'/reageer/'
	);
	const answering = await journalistContext.newPage();
	await answering.goto(link);
	await answering.getByLabel('Uw naam').fill(`Bram Burger ${tag}`);
	await answering.getByRole('group', { name: /^Vraag 1:/ }).getByLabel('ja', { exact: true }).check();
	await answering.getByRole('group', { name: /^Vraag 2:/ }).getByLabel('nee', { exact: true }).check();
	await answering.getByLabel('Toelichting bij vraag 1 (mag leeg)').fill(EXPLANATION);
	await answering.getByLabel('Uw antwoord', { exact: true }).fill('Wij zoeken samen met de huisartsen naar *ruimte*.');
	await answering.getByLabel(`Ik antwoord namens ${party.name} en weet dat dit openbaar wordt`).check();
	await answering.getByRole('button', { name: 'Verstuur het antwoord' }).click();
	await expectStatus(answering, 'Dank u wel. Uw antwoord is opgeslagen en staat op de openbare pagina.');
	await answering.close();
});

test('once sent, the public reads the letter, the counts, consenting names, recipients and answers', async () => {
	await journalist.goto('/g/zaanstad');
	const campaign = campaignArticle(journalist);
	await expect(campaign).toBeVisible();

	await expect(campaign.getByText(/^Verstuurd op /)).toHaveText(
		new RegExp(`^Verstuurd op ${dutchDate(new Date())} aan \\d+ partijen, namens 2 huisartsen uit 2 praktijken\\.$`)
	);
	// Most demo parties have no address: the page says honestly who got it by e-mail.
	await expect(campaign.getByText(/(kreeg|kregen) de brief per e-mail;/)).toHaveText(
		/^(1 partij kreeg|\d+ partijen kregen) de brief per e-mail;\s+\d+ partijen kregen hem van de huisartsen zelf\.$/
	);
	await expect(campaign.getByRole('article', { name: 'De brief van de huisartsen in Zaanstad' })).toContainText(LETTER_LINE);

	// Only the name that may be shown, with "geverifieerd"; the other signer only as a number.
	const names = campaign.getByRole('list').filter({ hasText: coordinator.name });
	await expect(names.getByRole('listitem')).toHaveCount(1);
	await expect(names.getByRole('listitem')).toHaveText(
		new RegExp(`^${coordinator.name}, ${coordinator.practice.replace(/[()]/g, '\\$&')}\\s*geverifieerd$`)
	);
	await expect(campaign.getByText('en 1 huisarts die liever niet met naam wordt genoemd.')).toBeVisible();
	// How many of the signatures are verified, and by whom: said once, for all readers.
	await expect(campaign.getByText('2 huisartsen, waarvan 1 geverifieerd door de coördinatoren of de kring.')).toBeVisible();
	await expect(journalist.locator('body')).not.toContainText(hidden.name);
	await expect(journalist.locator('body')).not.toContainText(hidden.bigNumber);
	await expect(journalist.locator('body')).not.toContainText(coordinator.bigNumber);

	// The answers come before the long letter: a table per ask, every recipient in it.
	expect(await isBefore(campaign.getByRole('heading', { name: 'Antwoorden van de partijen' }), campaign.getByRole('heading', { name: 'De brief', exact: true }))).toBe(true);
	await expect(campaign.getByText(/^1 van \d+ partijen antwoordde\.$/)).toBeVisible();
	const ask1 = campaign.getByRole('table', { name: 'Antwoorden op vraag 1' });
	const ask2 = campaign.getByRole('table', { name: 'Antwoorden op vraag 2' });
	await expect(campaign.getByRole('region', { name: 'Vraag 1' })).toContainText('Reserveer ruimte voor huisartsenzorg');
	await expect(ask1.getByRole('columnheader')).toHaveText(['Partij', 'Antwoord', 'Toelichting']);
	// Each answer as a word on its colour, with the party's own explanation of that ask.
	await expect(partyRow(ask1, party.name).getByRole('cell')).toHaveText(['Ja', EXPLANATION]);
	await expect(partyRow(ask2, party.name).getByRole('cell')).toHaveText(['Nee', 'geen toelichting']);
	for (const other of ['VVD', 'GroenLinks-PvdA', 'Lokaal Zaans Belang (demo)']) {
		for (const table of [ask1, ask2]) {
			await expect(partyRow(table, other).getByRole('cell').first()).toHaveText('Nog geen reactie (vandaag verstuurd)');
		}
	}
	const background = (cell: Locator) => cell.locator('.answer').evaluate((label) => getComputedStyle(label).backgroundColor);
	const colours = [
		await background(partyRow(ask1, party.name).getByRole('cell').first()),
		await background(partyRow(ask2, party.name).getByRole('cell').first()),
		await background(partyRow(ask1, 'VVD').getByRole('cell').first())
	];
	// Ja, nee and "no answer yet" each have a colour of their own; the word is always there too.
	expect(new Set(colours).size).toBe(3);
	await expect(paragraph(campaign, /^Nog geen reactie van:/)).toContainText('VVD (vandaag verstuurd)');

	// How far it reaches, as a share with the counts next to it.
	await expect(paragraph(campaign, /^\d+ % van de praktijken/)).toHaveText(/^\d+ % van de praktijken in Zaanstad tekende:\s+2 van de \d+ praktijken\.$/);
	// The press contact she agreed to show, to mail or to call; nothing of the colleague who never agreed.
	const contact = paragraph(campaign, /^Perscontact:/);
	await expect(contact).toHaveText(`Perscontact: ${press.name}, ${press.email}, ${press.phone}`);
	await expect(contact.getByRole('link', { name: press.email })).toHaveAttribute('href', `mailto:${press.email}`);
	await expect(contact.getByRole('link', { name: press.phone })).toHaveAttribute('href', 'tel:0751234567');
	await expect(journalist.locator('body')).not.toContainText(colleagueEmail);

	const answer = campaign.getByRole('region', { name: `Antwoord van ${party.name}` });
	await expect(answer).toContainText(`Bram Burger ${tag} — via de antwoordlink`);
	await expect(answer.getByRole('article', { name: `Antwoord van ${party.name}` }).locator('em')).toHaveText('ruimte');
	await expectNoSeriousA11yViolations(journalist);
});

test('on a 390 px phone every ask stays readable, nothing scrolls sideways, and no script is needed', async () => {
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
	try {
		const p = await phone.newPage();
		const response = await p.goto('/g/zaanstad');
		// The page sends no script at all: what a phone shows is what a browser without JavaScript shows.
		expect(await response!.text()).not.toContain('<script');
		const campaign = campaignArticle(p);
		await expect(campaign).toBeVisible();
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		for (const number of [1, 2]) {
			const table = campaign.getByRole('table', { name: `Antwoorden op vraag ${number}` });
			await expect(table).toBeVisible();
			// Every party, answer and explanation of every ask lies within the screen.
			for (const cell of [...(await table.getByRole('rowheader').all()), ...(await table.getByRole('cell').all())]) {
				await cell.scrollIntoViewIfNeeded();
				const box = await cell.boundingBox();
				expect(box, 'a cell without a box').not.toBeNull();
				expect(box!.x).toBeGreaterThanOrEqual(0);
				expect(box!.x + box!.width).toBeLessThanOrEqual(390);
			}
		}
		await expect(partyRow(campaign.getByRole('table', { name: 'Antwoorden op vraag 1' }), party.name).getByRole('cell')).toHaveText(['Ja', EXPLANATION]);
		await expectNoSeriousA11yViolations(p);

		const plain = await noScript.newPage();
		await plain.goto('/g/zaanstad');
		const read = campaignArticle(plain);
		await expect(partyRow(read.getByRole('table', { name: 'Antwoorden op vraag 2' }), party.name).getByRole('cell')).toHaveText(['Nee', 'geen toelichting']);
		await expect(partyRow(read.getByRole('table', { name: 'Antwoorden op vraag 2' }), 'VVD').getByRole('cell').first()).toHaveText('Nog geen reactie (vandaag verstuurd)');
		await expect(paragraph(read, /^Perscontact:/)).toContainText(press.name);
	} finally {
		await phone.close();
		await noScript.close();
	}
});

test("the letter's data as JSON and CSV holds the answers per ask and nothing private", async () => {
	await journalist.goto('/g/zaanstad');
	const campaign = campaignArticle(journalist);
	const jsonHref = await campaign.getByRole('link', { name: 'JSON', exact: true }).getAttribute('href');
	const csvHref = await campaign.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
	expect(jsonHref).toBe(`/g/zaanstad/brieven/${campaignId}.json`);
	expect(csvHref).toBe(`/g/zaanstad/brieven/${campaignId}.csv`);

	const json = await journalist.request.get(jsonHref!);
	expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
	expect(json.headers()['link']).toContain('rel="license"');
	const jsonText = await json.text();
	const data = JSON.parse(jsonText);
	expect(data.brief).toMatchObject({
		id: campaignId,
		titel: TITLE,
		status: 'verstuurd',
		gemeente: { code: 'GM0479', naam: 'Zaanstad' },
		ondertekening: { huisartsen: 2, geverifieerd: 1, geverifieerd_met_de_hand: 1, praktijken_getekend: 2, zonder_naam: 1 },
		perscontact: { naam: press.name, email: press.email, telefoon: press.phone }
	});
	expect(data.brief.ondertekening.namen.map((n: { naam: string }) => n.naam)).toEqual([coordinator.name]);
	const answered = data.brief.partijen.find((p: { naam: string }) => p.naam === party.name);
	expect(answered.antwoord).toMatchObject({ bron: 'link', door: `Bram Burger ${tag}` });
	expect(answered.antwoord.per_vraag).toEqual([
		{ vraag: 1, antwoord: 'ja', toelichting: EXPLANATION },
		{ vraag: 2, antwoord: 'nee', toelichting: null }
	]);
	expect(data.brief.partijen.find((p: { naam: string }) => p.naam === 'VVD')).toMatchObject({ antwoord: null, dagen_zonder_reactie: 0 });

	const csv = await journalist.request.get(csvHref!);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const csvText = await csv.text();
	const rows = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
	expect(rows.errors).toEqual([]);
	const ours = rows.data.filter((row) => row.partij === party.name);
	expect(ours.map((row) => [row.vraag, row.antwoord, row.toelichting, row.bron])).toEqual([
		['1', 'ja', EXPLANATION, 'link'],
		['2', 'nee', '', 'link']
	]);
	for (const text of [jsonText, csvText]) {
		for (const secret of [hidden.name, hidden.bigNumber, coordinator.bigNumber, colleagueEmail]) expect(text).not.toContain(secret);
	}
	// The open-data page lists it next to the positions.
	await journalist.goto('/open-data');
	await expect(journalist.getByRole('list', { name: 'Brieven' }).getByRole('listitem').filter({ hasText: TITLE }).getByRole('link', { name: 'CSV' })).toHaveAttribute('href', csvHref!);
	await expectNoSeriousA11yViolations(journalist);
});

test('the letter is in the list of letters, and a shared link of the page says what it is', async () => {
	await journalist.goto('/');
	const letters = journalist.getByRole('region', { name: 'Brieven van huisartsen' });
	await expect(letters.getByRole('listitem').first()).toBeVisible();
	await letters.getByRole('link', { name: /^(Alle \d+ brieven|Naar de lijst van brieven)$/ }).click();
	await expect(journalist).toHaveURL(/\/brieven$/);
	const item = journalist.getByRole('listitem').filter({ has: journalist.getByRole('heading', { name: TITLE }) });
	await expect(item).toContainText('Zaanstad');
	await expect(item).toContainText('Verstuurd');
	await expect(item).toContainText(`verstuurd op ${dutchDate(new Date())}`);
	await expect(item.getByText(/^2 huisartsen uit 2 van de \d+ praktijken · 1 van \d+ partijen antwoordde$/)).toBeVisible();
	await item.getByRole('link', { name: TITLE }).click();
	await expect(journalist).toHaveURL(new RegExp(`/g/zaanstad#campagne-${campaignId}$`));
	await expectNoSeriousA11yViolations(journalist);

	// The gemeente page as a chat or a newsletter shows it (the newest letter of Zaanstad, which
	// another journey may have started meanwhile, gives the words).
	const meta = (property: string) => journalist.locator(`meta[property="${property}"], meta[name="${property}"]`);
	const base = new URL(journalist.url()).origin;
	await expect(meta('og:url')).toHaveAttribute('content', `${base}/g/zaanstad`);
	await expect(journalist.locator('link[rel="canonical"]')).toHaveAttribute('href', `${base}/g/zaanstad`);
	await expect(meta('og:type')).toHaveAttribute('content', 'website');
	await expect(meta('og:locale')).toHaveAttribute('content', 'nl_NL');
	await expect(meta('twitter:card')).toHaveAttribute('content', 'summary');
	await expect(meta('og:title')).toHaveAttribute('content', /^Zaanstad: .+/);
	await expect(meta('og:description')).toHaveAttribute(
		'content',
		/^(Wordt ondertekend: \d+ huisartsen? uit .+ praktijk(en)?|Staat open voor ondertekening|\d+ huisartsen? uit .+ praktijk(en)?( · .+ antwoordden?| · de partij antwoordde( nog niet)?)?)$/
	);
});
