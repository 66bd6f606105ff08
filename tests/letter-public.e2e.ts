// The public page of a gemeente (/g/zaanstad) read as a journalist would, without signing in,
// around one joint letter (issue 3). A draft nobody signed is not there at all; while it is being
// signed only that it is under way and how many signed; once sent the letter, the numbers of
// huisartsen and practices, only the names that may be shown (with "geverifieerd" where the
// coordinators checked the BIG number), the recipients and the send date, each answer next to the
// asks and "nog geen reactie (N dagen)" for the rest.
//
// One serial journey. Sign-ins in this file: 2 (the coordinator, who signs with the name shown,
// and a colleague who signs without). The journalist and the party never sign in.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
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
	// Nothing but the title and one sentence: no letter text, no names.
	expect((await campaign.innerText()).replace(/\s+/g, ' ').trim()).toBe(
		`${TITLE} De huisartsen in Zaanstad werken aan een gezamenlijke brief. Tot nu toe ondertekend door ` +
			'2 huisartsen uit 2 praktijken. De brief verschijnt hier zodra hij verstuurd is.'
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

	// Every recipient in the table: the answer next to the asks, or how long it has been waiting.
	const table = campaign.getByRole('table', { name: 'Antwoorden per partij op de genummerde vragen' });
	await expect(table.getByRole('columnheader')).toHaveText(['Partij', 'Vraag 1', 'Vraag 2', 'Reactie']);
	await expect(table.getByRole('row', { name: new RegExp(`^${party.name}`) }).getByRole('cell')).toHaveText([
		'Ja',
		'Nee',
		dutchDate(new Date())
	]);
	for (const other of ['VVD', 'GroenLinks-PvdA', 'Lokaal Zaans Belang (demo)']) {
		await expect(table.getByRole('row', { name: new RegExp(`^${other.replace(/[()]/g, '\\$&')} `) }).getByRole('cell').last()).toHaveText(
			'nog geen reactie (vandaag verstuurd)'
		);
	}
	const asks = campaign.locator('ol.asks > li');
	await expect(asks).toHaveCount(2);
	await expect(asks.first()).toContainText('Reserveer ruimte voor huisartsenzorg');

	const answer = campaign.getByRole('region', { name: `Antwoord van ${party.name}` });
	await expect(answer).toContainText(`Bram Burger ${tag} — via de antwoordlink`);
	await expect(answer.getByRole('article', { name: `Antwoord van ${party.name}` }).locator('em')).toHaveText('ruimte');
	await expectNoSeriousA11yViolations(journalist);
});
