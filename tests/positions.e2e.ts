// Party positions from start to finish, as the people involved do it (issue 9): an admin creates a
// kring and invites an editor; the editor chooses the kring's gemeenten, uploads a PDF programme
// (a real multi-page PDF made here with pdfkit), finds a passage for a theme, assesses, sends it
// to the party and publishes after the party disagreed with its own evidence through its private
// link; a journalist reads the matrix and opens the evidence and history, on a desktop and at 390
// px, and the matrix works without JavaScript. axe on every page on the way.
//
// One serial journey. Sign-ins in this file: 2 (the demo admin and the new editor).
import PDFDocument from 'pdfkit';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectStatus, readMail, signIn, uniqueEmail, uniqueTag } from './support/browser';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const tag = uniqueTag();
const KRING = `Huisartsenkring Journey ${tag}`;
const editorEmail = uniqueEmail('redacteur');
const PARTY = 'Partij voor de Dieren';
const CARE_TEXT = `Geen kind wacht langer dan zes weken op jeugdzorg (${tag}). Wij financieren vanaf 2027 een praktijkondersteuner jeugd bij elke huisarts.`;
const PARTY_QUOTE = `Wij willen de wachtlijst voor jeugdhulp al in 2026 halveren (${tag}).`;

function programmePdf(): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 56 });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
	const pages = [
		'Verkiezingsprogramma 2026-2030. Samen voor een groene en gezonde Zaanstreek.',
		'Natuur en dieren. Wij willen meer groen in elke wijk en schone sloten.',
		CARE_TEXT,
		'Verkeer. Meer ruimte voor de fiets en minder auto’s in het centrum.',
		'Financiën. De lokale lasten stijgen niet harder dan de inflatie.'
	];
	pages.forEach((text, index) => {
		if (index > 0) doc.addPage();
		doc.fontSize(12).text(text);
	});
	doc.end();
	return done;
}

let browser: Browser;
let adminContext: BrowserContext;
let editorContext: BrowserContext;
let editor: Page;
let kringSlug = '';
let replyLink = '';

test.beforeAll(async ({ browser: b }) => {
	browser = b;
	adminContext = await browser.newContext();
	editorContext = await browser.newContext();
	editor = await editorContext.newPage();
});

test.afterAll(async () => {
	await adminContext?.close();
	await editorContext?.close();
});

test('an admin creates a kring and invites an editor by e-mail', async () => {
	const admin = await adminContext.newPage();
	await admin.goto('/beheer');
	await signIn(admin, 'admin@demo.laatjehoren.nl');
	await admin.goto('/beheer');
	await admin.getByLabel('Naam van de kring').fill(KRING);
	await admin.getByRole('button', { name: 'Maak de kring' }).click();
	await expectStatus(admin, 'De kring is gemaakt. Nodig nu een redacteur uit.');
	const card = admin.getByRole('article', { name: KRING });
	kringSlug = (await card.getByRole('link', { name: KRING }).getAttribute('href'))!.replace('/kring/', '');
	await card.getByLabel(`E-mailadres van een redacteur voor ${KRING}`).fill(editorEmail);
	await card.getByRole('button', { name: 'Nodig uit als redacteur' }).click();
	await expectStatus(admin, 'De uitnodiging is verstuurd.');
	await expectNoSeriousA11yViolations(admin);
	const mail = await readMail(adminContext, { to: editorEmail, subject: `Je bent redacteur van ${KRING}` });
	expect(mail).toContain(`/inloggen?naar=${encodeURIComponent(`/kring/${kringSlug}`)}`);
});

test('the editor signs in and chooses the kring’s gemeenten with a search', async () => {
	await editor.goto(`/inloggen?naar=${encodeURIComponent(`/kring/${kringSlug}`)}`);
	await signIn(editor, editorEmail);
	await expect(editor).toHaveURL(new RegExp(`/kring/${kringSlug}$`));
	await expect(editor.getByRole('heading', { level: 1, name: KRING })).toBeVisible();
	await expect(editor.getByText('De kring heeft nog geen gemeenten.')).toBeVisible();
	await expectNoSeriousA11yViolations(editor);
	await editor.getByRole('link', { name: 'Gemeenten, thema\'s en redacteuren' }).click();
	await editor.getByLabel('Zoek een gemeente').fill('zaans');
	await editor.getByRole('button', { name: 'Zoeken' }).click();
	await editor.getByRole('button', { name: 'Voeg Zaanstad toe aan de kring' }).click();
	await expectStatus(editor, 'De gemeente hoort nu bij de kring.');
	await expect(editor.getByRole('list', { name: 'Gemeenten van de kring' })).toContainText('Zaanstad');
	await expectNoSeriousA11yViolations(editor);
});

test('the editor uploads a PDF programme, finds the passage for a theme and assesses it', async () => {
	await editor.goto(`/kring/${kringSlug}`);
	await editor.getByRole('region', { name: 'Gemeenten van de kring' }).getByRole('link', { name: 'Zaanstad' }).click();
	await expect(editor.getByRole('heading', { level: 1, name: 'Standpunten in Zaanstad' })).toBeVisible();
	await expectNoSeriousA11yViolations(editor);
	// The demo programmes are there already, so the upload form waits behind its summary.
	await editor.getByText('Document toevoegen').click();
	await editor.getByLabel('Titel').fill(`Verkiezingsprogramma PvdD ${tag}`);
	await editor.getByRole('checkbox', { name: PARTY, exact: true }).check();
	await editor.getByLabel('Publicatiedatum (optioneel)').fill(new Date().toISOString().slice(0, 10));
	await editor.getByLabel(/^Bestand: pdf/).setInputFiles({ name: 'programma.pdf', mimeType: 'application/pdf', buffer: await programmePdf() });
	await editor.getByRole('button', { name: 'Document opslaan' }).click();
	await expectStatus(editor, 'Het document is opgeslagen. Kies een thema om passages te vinden.');
	await expect(editor.getByText("5 pagina's")).toBeVisible();

	const finder = editor.getByRole('region', { name: 'Passages vinden' });
	await finder.getByLabel('Thema', { exact: true }).selectOption({ label: 'Jeugdzorg' });
	await finder.getByRole('button', { name: 'Zoek passages' }).click();
	const first = editor.getByRole('region', { name: 'Passages over jeugdzorg' }).getByRole('listitem').first();
	await expect(first).toContainText('pagina 3');
	await expect(first.locator('mark').first()).toBeVisible();
	await expectNoSeriousA11yViolations(editor);
	await first.getByRole('link', { name: /^Gebruik als citaat/ }).click();
	await expectStatus(editor, 'De passage staat in het citaat. Kort het in tot de zinnen die het standpunt dragen.');
	const assess = editor.getByRole('region', { name: 'Beoordelen' });
	await expect(assess.getByRole('textbox', { name: 'Citaat' })).toHaveValue(CARE_TEXT);
	await expect(assess.getByRole('textbox', { name: 'Pagina' })).toHaveValue('3');

	// No stance without a quote: emptying it is refused in Dutch.
	await assess.getByRole('radio', { name: /^Concreet/ }).check();
	await assess.getByRole('textbox', { name: 'Citaat' }).fill('');
	await assess.getByRole('button', { name: 'Beoordeling opslaan' }).click();
	await expect(editor.getByText('Zonder citaat geen standpunt: plak de zin uit het document waar het standpunt uit blijkt.')).toBeVisible();
	await assess.getByRole('textbox', { name: 'Citaat' }).fill(CARE_TEXT);
	await assess.getByRole('button', { name: 'Beoordeling opslaan' }).click();
	await expectStatus(editor, 'De beoordeling is opgeslagen als concept.');
	await expect(editor.getByRole('heading', { name: 'Geschiedenis van deze beoordeling' })).toBeVisible();
});

test('the editor sends it to the party for its reaction; the party disagrees with its own evidence', async () => {
	await editor.goto(`/kring/${kringSlug}/gemeenten/zaanstad`);
	await editor.getByRole('button', { name: `Stuur 1 concept ter reactie aan ${PARTY}` }).click();
	const sent = editor.locator('#verstuurd');
	await expect(sent).toContainText(`1 standpunt van ${PARTY} ter reactie verstuurd; de partij heeft 14 dagen.`);
	replyLink = (await sent.getByRole('link').getAttribute('href'))!;
	expect(replyLink).toMatch(/\/standpunten\/reageer\/[a-z2-7]{24}$/);
	// Waiting for the party, with its period running: there is nothing to publish yet.
	await expect(editor.getByRole('button', { name: `Publiceer: ${PARTY}, Jeugdzorg` })).toHaveCount(0);

	const partyContext = await browser.newContext();
	try {
		const party = await partyContext.newPage();
		await party.goto(replyLink);
		await expect(party.getByRole('heading', { level: 1, name: `Uw standpunten, ${PARTY}` })).toBeVisible();
		const card = party.getByRole('article', { name: 'Jeugdzorg' });
		await expect(card).toContainText(CARE_TEXT);
		await expectNoSeriousA11yViolations(party);
		await card.getByLabel('Oneens: ik geef onze eigen bron').check();
		await card.getByLabel('Uw naam').fill(`Dirk Dier ${tag}`);
		await card.getByRole('button', { name: 'Verstuur de reactie op jeugdzorg' }).click();
		await expect(party.getByText(/U bent het oneens: geef dan uw eigen bron/)).toBeVisible();
		await card.getByLabel('Bij oneens: het citaat uit uw eigen bron').fill(PARTY_QUOTE);
		await card.getByLabel(/^Bij oneens: waar staat het\?/).fill('Motie M-7 jeugdhulp, gemeenteraad Zaanstad');
		await card.getByRole('button', { name: 'Verstuur de reactie op jeugdzorg' }).click();
		await expectStatus(party, 'Dank u wel. Uw reactie is opgeslagen.');
	} finally {
		await partyContext.close();
	}
});

test('after the reaction the editor publishes; the kring dashboard counts it', async () => {
	await editor.goto(`/kring/${kringSlug}/gemeenten/zaanstad`);
	const row = editor.getByRole('region', { name: `Standpunten van ${PARTY}` });
	await expect(row).toContainText('partij: oneens');
	await editor.getByRole('button', { name: `Publiceer: ${PARTY}, Jeugdzorg` }).click();
	await expectStatus(editor, 'Het standpunt is gepubliceerd.');
	await editor.goto(`/kring/${kringSlug}?sorteer=dekking`);
	const zaanstad = editor.getByRole('row', { name: /^Zaanstad/ });
	await expect(zaanstad).toContainText('gepubliceerd');
	await expect(editor.getByRole('region', { name: 'Laatste wijzigingen' })).toContainText('Gepubliceerd na reactie van de partij');
	await expectNoSeriousA11yViolations(editor);
});

async function openEvidence(page: Page) {
	await page.getByRole('link', { name: new RegExp(`^${PARTY}, Jeugdzorg: Programma\\s*Concreet`) }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${PARTY}: Jeugdzorg` })).toBeVisible();
	const assessment = page.getByRole('region', { name: 'De beoordeling' });
	await expect(assessment).toContainText(CARE_TEXT);
	await expect(assessment).toContainText(`Verkiezingsprogramma PvdD ${tag}, pagina 3`);
	await expect(assessment).toContainText('Beoordeeld door');
	const reaction = page.getByRole('region', { name: `Reactie van ${PARTY}` });
	await expect(reaction).toContainText('Oneens met de beoordeling');
	await expect(reaction).toContainText(PARTY_QUOTE);
	await expect(reaction).toContainText('Motie M-7 jeugdhulp');
	const history = page.getByRole('region', { name: 'Geschiedenis' });
	await expect(history).toContainText('Gepubliceerd na reactie van de partij');
	await expect(history).toContainText('Ter reactie');
}

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('a journalist reads the matrix and opens the evidence and history, on a desktop and at 390 px', async () => {
	const context = await browser.newContext();
	try {
		const journalist = await context.newPage();
		await journalist.goto('/g/zaanstad');
		const matrix = journalist.getByRole('table', { name: /Standpunten per partij en thema/ });
		await expect(matrix).toBeVisible();
		// Text labels, not colour alone; the demo programmes are there too.
		await expect(matrix.getByRole('row', { name: /Lokaal Zaans Belang \(demo\)/ })).toContainText('Concreet');
		await expectNoSeriousA11yViolations(journalist);
		// On paper (A4, landscape) the filters go and the whole matrix stays.
		await journalist.emulateMedia({ media: 'print' });
		await expect(journalist.getByRole('button', { name: 'Toon' })).toBeHidden();
		await expect(matrix.getByRole('row', { name: new RegExp(PARTY) })).toBeVisible();
		await journalist.emulateMedia({ media: 'screen' });
		await openEvidence(journalist);
		await expectNoSeriousA11yViolations(journalist);

		await journalist.setViewportSize({ width: 390, height: 844 });
		await journalist.goto('/g/zaanstad');
		await expect(matrix).toBeVisible();
		await expectNoSidewaysScroll(journalist);
		await expectNoSeriousA11yViolations(journalist);
		await openEvidence(journalist);
		await expectNoSidewaysScroll(journalist);
	} finally {
		await context.close();
	}
});

test('the matrix, its filters and the evidence work without JavaScript', async () => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		const reader = await context.newPage();
		await reader.goto('/g/zaanstad');
		await reader.getByLabel('Thema', { exact: true }).selectOption({ label: 'Jeugdzorg' });
		await reader.getByLabel('Documenten').selectOption({ label: 'Alleen verkiezingsprogramma’s' });
		await reader.getByRole('button', { name: 'Toon' }).click();
		await expect(reader).toHaveURL(/thema=jeugdzorg&documenten=programma/);
		const matrix = reader.getByRole('table', { name: /Standpunten per partij en thema/ });
		await expect(matrix.getByRole('columnheader')).toHaveText(['Partij', 'Jeugdzorg']);
		await expect(matrix.getByRole('row', { name: new RegExp(PARTY) })).toContainText('Concreet');
		await reader.getByRole('link', { name: new RegExp(`^${PARTY}, Jeugdzorg:\\s*Concreet`) }).click();
		await expect(reader.getByRole('heading', { level: 1, name: `${PARTY}: Jeugdzorg` })).toBeVisible();
		await expect(reader.getByRole('region', { name: `Reactie van ${PARTY}` })).toContainText(PARTY_QUOTE);
	} finally {
		await context.close();
	}
});
