// Reading along with a draft (issue 8): the kring editor starts a letter of her own title in
// Zaanstad and so coordinates it. A colleague whose practice there is not yet confirmed finds no
// such letter; once the kring has confirmed her, she reads the draft block by block and comments
// on an ask with JavaScript and on a paragraph without it. The coordinator gets one mail, sees
// "2 open" and marks one as verwerkt; the colleague sees that. Thirty remarks an hour is the most.
// Once the letter opens for signing, comments close.
//
// One serial journey. Sign-ins in this file: 1 (the colleague; her session is reused for her
// browser without JavaScript), plus the kring editor's once per worker.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	KRING_EDITOR,
	ZAANSTAD_PRACTICES,
	asKringEditor,
	confirmMembershipAsKring,
	expectNoSeriousA11yViolations,
	expectStatus,
	joinPractice,
	openForSigning,
	readMail,
	recordDialogs,
	signIn,
	startLetter,
	uniqueEmail,
	uniqueTag
} from './support/browser';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const tag = uniqueTag();
const TITLE = `Meelezen met de jeugdzorgbrief ${tag}`;
const COLLEAGUE = { email: uniqueEmail('meelezer'), name: `dr. L. Bakker ${tag}` };
const ASK_REMARK = `Noem een termijn: <b>binnen vier weken</b> ${tag}`;
const PARAGRAPH_REMARK = `Minder formeel graag, ${tag}.`;
const NOTIFICATION = "Nieuwe opmerkingen van collega's op de conceptbrief in Zaanstad";

let browser: Browser;
let colleague: BrowserContext;
let colleaguePage: Page;
let campaignId = '';

test.beforeAll(async ({ browser: b }) => {
	browser = b;
	colleague = await browser.newContext();
	colleaguePage = await colleague.newPage();
});

test.afterAll(async () => {
	await colleague?.close();
});

/** The block of the draft (on the commenting page) that holds this text. */
function block(page: Page, text: string) {
	return page.locator('[id^="blok-"]').filter({ hasText: text });
}

test('the kring editor starts a letter in Zaanstad and coordinates it', async () => {
	await asKringEditor(browser, async (page) => {
		campaignId = await startLetter(page, { gemeente: 'Zaanstad', title: TITLE, themes: ['Jeugdzorg', 'Ouderenzorg'] });
		await expect(page.getByRole('heading', { name: "Opmerkingen van collega's (0 open)" })).toBeVisible();
		await expect(page.getByRole('region', { name: "Opmerkingen van collega's (0 open)" })).toContainText(
			'Huisartsen met een bevestigde praktijk in Zaanstad en de kring kunnen het concept lezen'
		);
	});
});

test('a colleague whose practice in Zaanstad is not confirmed yet finds no such letter, not even by posting', async () => {
	const page = colleaguePage;
	await page.goto('/inloggen');
	await signIn(page, COLLEAGUE.email);
	await page.goto('/account');
	await page.getByLabel('Naam', { exact: true }).fill(COLLEAGUE.name);
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expectStatus(page, 'Je gegevens zijn opgeslagen.');
	await joinPractice(page, 'GM0479', ZAANSTAD_PRACTICES.pelmolen);
	for (const path of ['', '/brief']) {
		const response = await page.goto(`/campagnes/${campaignId}${path}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByText('Deze brief bestaat niet (meer).')).toBeVisible();
		await expect(page.locator('body')).not.toContainText(TITLE);
	}
	const origin = new URL(page.url()).origin;
	const posted = await page.request.post(`/campagnes/${campaignId}/brief?/comment`, {
		form: { body: 'Mag ik ook?', anchor: '', revision: '1' },
		headers: { origin },
		maxRedirects: 0
	});
	expect(posted.status()).toBe(404);
});

test('once the kring confirms her practice, she is offered to read along, and reads the draft block by block', async () => {
	await confirmMembershipAsKring(browser, COLLEAGUE.email);
	const page = colleaguePage;
	await page.goto(`/campagnes/${campaignId}`);
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Vraag om mee te schrijven' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('link', { name: 'Lees mee en geef opmerkingen' }).click();

	await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/brief$`));
	await expect(page.getByRole('heading', { level: 2, name: 'Lees mee en geef opmerkingen' })).toBeVisible();
	const letter = page.getByRole('article', { name: 'Het concept, versie 1' });
	await expect(letter).toContainText('namens de huisartsen en huisartsenpraktijken in de gemeente Zaanstad');
	// No editor for someone reading along.
	await expect(page.getByLabel('Tekst van de brief (Markdown)')).toHaveCount(0);
	await expect(letter.locator('summary', { hasText: 'Reageer op deze vraag: vraag 1' })).toBeVisible();
	await expect(letter.locator('summary', { hasText: 'Reageer op deze vraag: vraag 2' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
});

test('with JavaScript, she comments on the first ask; an empty remark is explained first; markup stays text', async () => {
	const dialogs = recordDialogs(colleaguePage);
	const ask = block(colleaguePage, 'jeugdhulp').filter({ has: colleaguePage.locator('summary', { hasText: 'vraag 1' }) });
	await ask.locator('summary', { hasText: 'Reageer op deze vraag' }).click();
	await ask.getByRole('button', { name: 'Plaats opmerking' }).click();
	await expect(ask.getByText('Schrijf je opmerking.')).toBeVisible();
	await expectNoSeriousA11yViolations(colleaguePage);

	await ask.getByLabel('Je opmerking').fill(ASK_REMARK);
	await ask.getByRole('button', { name: 'Plaats opmerking' }).click();
	await expect(colleaguePage).toHaveURL(/#blok-\d+-1$/);
	await expectStatus(colleaguePage, 'Je opmerking is geplaatst. De coördinatoren krijgen er bericht van.');
	const remarks = colleaguePage.getByRole('list', { name: 'Opmerkingen bij vraag 1' });
	await expect(remarks).toContainText(ASK_REMARK);
	await expect(remarks).toContainText(COLLEAGUE.name);
	await expect(remarks).toContainText('Open');
	await expect(remarks.locator('b')).toHaveCount(0);
	expect(dialogs.dialogs).toEqual([]);
	await expectNoSeriousA11yViolations(colleaguePage);
});

test('without JavaScript, she comments on a paragraph; a refused remark keeps its text and lands on the form', async () => {
	const context = await browser.newContext({ javaScriptEnabled: false, storageState: await colleague.storageState() });
	try {
		const page = await context.newPage();
		await page.goto(`/campagnes/${campaignId}/brief`);
		const paragraph = block(page, 'Wij schrijven u namens de huisartsen');
		await paragraph.locator('summary', { hasText: 'Reageer op deze alinea' }).click();
		const tooLong = `${PARAGRAPH_REMARK} ${'Nog een zin. '.repeat(160)}`;
		await paragraph.getByLabel('Je opmerking').fill(tooLong);
		await paragraph.getByRole('button', { name: 'Plaats opmerking' }).click();

		// The page came back at this block, its form open, the text kept, the reason beside it.
		await expect(page).toHaveURL(/\?\/comment#blok-\d+$/);
		const refused = block(page, 'Wij schrijven u namens de huisartsen');
		await expect(refused.getByText('Een opmerking mag hoogstens 2.000 tekens hebben.')).toBeVisible();
		await expect(refused.getByLabel('Je opmerking')).toHaveValue(tooLong);

		await refused.getByLabel('Je opmerking').fill(PARAGRAPH_REMARK);
		await refused.getByRole('button', { name: 'Plaats opmerking' }).click();
		await expect(page).toHaveURL(/\?geplaatst=blok-\d+#blok-\d+$/);
		await expectStatus(page, 'Je opmerking is geplaatst. De coördinatoren krijgen er bericht van.');
		await expect(page.getByRole('list', { name: 'Opmerkingen bij een alinea' })).toContainText(PARAGRAPH_REMARK);
		// Her remark on the ask is there too, under its ask.
		await expect(page.getByRole('list', { name: 'Opmerkingen bij vraag 1' })).toContainText(ASK_REMARK);
	} finally {
		await context.close();
	}
});

test('the coordinator gets one mail now (the next waits an hour), sees "2 open", marks one as verwerkt and reopens a slip', async () => {
	const mail = await readMail(colleague, { to: KRING_EDITOR.email, subject: NOTIFICATION, containing: `/campagnes/${campaignId}/brief#opmerkingen` });
	expect(mail).toContain(`"${TITLE}"`);
	expect(mail).toContain('hoogstens één e-mail per uur');

	await asKringEditor(browser, async (page) => {
		const dialogs = recordDialogs(page);
		// Two remarks, two mails in the mailbox: the first one sent, the second waiting its hour.
		await page.goto('/dev/mail');
		const ours = page.getByRole('article', { name: `E-mail aan ${KRING_EDITOR.email}: ${NOTIFICATION}` }).filter({ hasText: campaignId });
		await expect(ours).toHaveCount(2);
		await expect(ours.first()).toContainText('in de wachtrij');

		await page.goto(`/campagnes/${campaignId}`);
		await expect(page.getByRole('link', { name: /De brief.*2 open/ })).toBeVisible();
		await expect(page.getByText("Er staan 2 opmerkingen van collega's open.")).toBeVisible();
		await expectNoSeriousA11yViolations(page);

		await page.getByRole('link', { name: /^De brief/ }).click();
		const panel = page.getByRole('region', { name: "Opmerkingen van collega's (2 open)" });
		await expect(panel).toBeVisible();
		const open = panel.getByRole('list', { name: 'Open opmerkingen' }).getByRole('listitem');
		await expect(open).toHaveCount(2);
		const onAsk = open.filter({ hasText: ASK_REMARK });
		await expect(onAsk).toContainText('Bij vraag 1');
		await expect(onAsk).toContainText(COLLEAGUE.name);
		await expect(onAsk.locator('blockquote')).toContainText('jeugdhulp');
		await expect(open.filter({ hasText: PARAGRAPH_REMARK })).toContainText('Bij een alinea');
		await expectNoSeriousA11yViolations(page);

		await onAsk.getByLabel('Toelichting (niet verplicht)').fill('Termijn staat er nu in.');
		await onAsk.getByRole('button', { name: /^Verwerkt/ }).click();
		await expectStatus(page, 'De opmerking is afgehandeld.');
		const after = page.getByRole('region', { name: "Opmerkingen van collega's (1 open)" });
		await expect(after.getByRole('list', { name: 'Open opmerkingen' })).not.toContainText(ASK_REMARK);
		await after.locator('summary', { hasText: 'Afgehandeld (1)' }).click();
		await expect(after.getByRole('list', { name: 'Afgehandelde opmerkingen' })).toContainText(
			`Verwerkt door ${KRING_EDITOR.name}`
		);

		// A slip: the paragraph remark marked "niet overgenomen", then opened again.
		await after.getByRole('list', { name: 'Open opmerkingen' }).getByRole('listitem').filter({ hasText: PARAGRAPH_REMARK })
			.getByRole('button', { name: /^Niet overgenomen/ }).click();
		await expectStatus(page, 'De opmerking is afgehandeld.');
		const none = page.getByRole('region', { name: "Opmerkingen van collega's (0 open)" });
		await expect(none).toContainText('Alle opmerkingen zijn afgehandeld.');
		const handled = none.locator('details');
		if (!(await handled.evaluate((element) => (element as HTMLDetailsElement).open))) await handled.locator('summary').click();
		await none.getByRole('list', { name: 'Afgehandelde opmerkingen' }).getByRole('listitem').filter({ hasText: PARAGRAPH_REMARK })
			.getByRole('button', { name: /^Heropenen/ }).click();
		await expectStatus(page, 'De opmerking staat weer open.');
		const reopened = page.getByRole('region', { name: "Opmerkingen van collega's (1 open)" });
		await expect(reopened.getByRole('list', { name: 'Open opmerkingen' })).toContainText(PARAGRAPH_REMARK);
		await expect(reopened.locator('summary')).toHaveText('Afgehandeld (1)');
		expect(dialogs.dialogs).toEqual([]);
		await expectNoSeriousA11yViolations(page);
	});
});

test('she sees her remark marked as verwerkt, with the note', async () => {
	await colleaguePage.goto(`/campagnes/${campaignId}/brief`);
	const remarks = colleaguePage.getByRole('list', { name: 'Opmerkingen bij vraag 1' });
	await expect(remarks).toContainText('Verwerkt');
	await expect(remarks).toContainText('Termijn staat er nu in.');
	await expect(colleaguePage.getByRole('list', { name: 'Opmerkingen bij een alinea' })).toContainText('Open');
});

test('thirty remarks an hour is the most; the next is refused in Dutch and keeps its text', async () => {
	const origin = new URL(colleaguePage.url()).origin;
	const post = (body: string) =>
		colleaguePage.request.post(`/campagnes/${campaignId}/brief?/comment`, {
			form: { body, anchor: '', revision: '1' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
	// Two of her thirty went on the ask and the paragraph above.
	for (let i = 3; i <= 30; i++) expect((await post(`Opmerking ${i} ${tag}`)).status()).toBe(303);
	const refused = await post(`Nog eentje ${tag}`);
	expect(refused.status()).toBe(429);
	const page = await refused.text();
	expect(page).toContain('Je hebt het afgelopen uur al veel opmerkingen geplaatst. Probeer het over een uur opnieuw; je tekst staat er nog.');
	expect(page).toContain(`Nog eentje ${tag}`);
});

test('once it opens for signing, comments close; the coordinator still reads them, and the history has them', async () => {
	await asKringEditor(browser, async (page) => {
		await openForSigning(page, campaignId);
		await page.goto(`/campagnes/${campaignId}/brief`);
		await expect(page.getByRole('region', { name: "Opmerkingen van collega's (29 open)" })).toContainText(PARAGRAPH_REMARK);
		await page.goto(`/campagnes/${campaignId}/geschiedenis`);
		const rows = page.getByRole('table').getByRole('row');
		await expect(rows.filter({ hasText: 'Opmerking geplaatst bij het concept' })).toHaveCount(30);
		await expect(rows.filter({ hasText: 'Opmerking afgehandeld' })).toHaveCount(2);
		await expect(rows.filter({ hasText: 'verwerkt (Termijn staat er nu in.)' })).toHaveCount(1);
		await expect(rows.filter({ hasText: 'Afgehandelde opmerking weer geopend' })).toContainText('was niet overgenomen');
	});

	await colleaguePage.goto(`/campagnes/${campaignId}/brief`);
	await expectStatus(colleaguePage, 'Opmerkingen op het concept zijn gesloten: de brief staat open voor ondertekening en de tekst ligt vast.');
	await expect(colleaguePage.locator('summary', { hasText: 'Reageer op' })).toHaveCount(0);
	await expect(colleaguePage.locator('body')).not.toContainText(PARAGRAPH_REMARK);
	await expectNoSeriousA11yViolations(colleaguePage);

	// A remark sent from a page opened before the text froze: refused, said why, its text kept.
	const late = await colleaguePage.request.post(`/campagnes/${campaignId}/brief?/comment`, {
		form: { body: `Te laat ${tag}`, anchor: '', revision: '1' },
		headers: { origin: new URL(colleaguePage.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(late.status()).toBe(409);
	const page = await late.text();
	expect(page).toContain('De brief staat intussen open voor ondertekening. De tekst ligt vast');
	expect(page).toContain(`Te laat ${tag}`);
});
