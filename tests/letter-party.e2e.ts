// A party answers the joint letter (issue 3) through the private link in its e-mail, without an
// account: per numbered ask "ja / deels / nee / geen standpunt" and a Markdown answer, after
// confirming that it is the party's and becomes public. The answer
// (and the letter) carry XSS payloads that must stay inert on every page: nothing may open a
// dialog. A link answers for its own party only; a made-up, altered or revoked link gets a calm
// Dutch page. The coordinators follow the answers, revoke and renew a link (each after ticking a
// box), remind the silent parties once a day, and enter an answer that came by phone. The party
// gets a copy of an answer through its link and disowns it: it goes offline with a public note,
// the party gets a new link, and the coordinators hear of it.
//
// One serial journey. Sign-ins in this file: 1 (the coordinator; parties never sign in), and the
// kring editor's once per worker.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
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
	recordDialogs,
	sendLetter,
	signIn,
	signLetter,
	startLetter,
	uniqueEmail,
	uniqueTag
} from './support/browser';
import { huisartsNumber } from './support/big-register-stub';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const tag = uniqueTag();
const TITLE = `Wachtlijsten in de zorg ${tag}`;
const SUBJECT = `Brief van de huisartsen in Zaanstad: ${TITLE}`;
const THEMES = ['Wmo-voorzieningen en hulpmiddelen', 'Jeugdzorg', 'Ggz en wachtlijsten', 'Respijtzorg en mantelzorg'];
// A name and number the BIG-register's stand-in knows as a huisarts: signing verifies her at once.
const coordinator = { email: uniqueEmail('coordinator'), name: 'dr. A.M. Jansen-de Vries', bigNumber: huisartsNumber() };
const partyA = { name: `Zaanse Stadspartij ${tag}`, email: `fractie-${tag}@stadspartij.example.nl` };
const partyB = { name: `Zaanstad Vooruit ${tag}`, email: `fractie-${tag}@vooruit.example.nl` };

// Script in every shape Markdown allows: raw tags, event handlers, javascript: and data: links,
// entity-encoded schemes. All of it must come out inert.
const LETTER_PAYLOAD = [
	`Zie ook <img src=x onerror="alert('brief-img')"> en [onze site](javascript:alert('brief-link')).`,
	'',
	`<script>alert('brief-script')</script>`,
	''
].join('\n');
const ANSWER_PAYLOAD = [
	'**Wij steunen de huisartsen van Zaanstad.**',
	'',
	`<img src=x onerror="alert('antwoord-img')">`,
	'',
	`<script>alert('antwoord-script')</script>`,
	'',
	`<svg onload="alert('antwoord-svg')"></svg>`,
	'',
	`<a href="javascript:alert('antwoord-a')">Lees meer</a> en [klik hier](javascript:alert('antwoord-md'))`,
	'',
	'[data-link](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)',
	'',
	`[gecodeerd](&#106;avascript:alert('antwoord-entity'))`,
	'',
	`<iframe src="javascript:alert('antwoord-iframe')"></iframe>`,
	'',
	`<p onclick="alert('antwoord-p')">Klik op deze alinea</p>`,
	'',
	'- Vraag 1: ja, graag.',
	'- Vraag 4: daar hebben we nog geen standpunt over.'
].join('\n');

let browser: Browser;
let coordinatorContext: BrowserContext;
let page: Page;
let partyContext: BrowserContext;
let campaignId = '';
let linkA = '';
let linkB = '';
const coordinatorDialogs = { dialogs: [] as string[] };
const partyDialogs = { dialogs: [] as string[] };

test.beforeAll(async ({ browser: b }) => {
	browser = b;
	coordinatorContext = await browser.newContext();
	coordinatorDialogs.dialogs = recordDialogs(coordinatorContext).dialogs;
	page = await coordinatorContext.newPage();
	// The parties' browser: never signed in.
	partyContext = await browser.newContext();
	partyDialogs.dialogs = recordDialogs(partyContext).dialogs;
});

test.afterAll(async () => {
	await coordinatorContext?.close();
	await partyContext?.close();
});

test.afterEach(() => {
	expect(coordinatorDialogs.dialogs, 'a dialog opened for the coordinator').toEqual([]);
	expect(partyDialogs.dialogs, 'a dialog opened for the party').toEqual([]);
});

/** Fails if an element in `scope` could still run script or lead to it. */
async function expectInert(scope: Locator): Promise<void> {
	await expect(scope.locator('script, img, svg, iframe, object, embed, form')).toHaveCount(0);
	await expect(scope.locator('[onerror], [onload], [onclick], [style]')).toHaveCount(0);
	const hrefs = await scope.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	for (const href of hrefs) expect(href).toMatch(/^(https:|mailto:)/);
}

/** Clicks everything that would have run a payload if it had survived, then waits a moment. */
async function poke(p: Page, scope: Locator): Promise<void> {
	for (const text of ['klik hier', 'Lees meer', 'Klik op deze alinea', 'gecodeerd', 'data-link']) {
		const target = scope.getByText(text, { exact: true });
		if ((await target.count()) > 0) await target.first().click();
	}
	await p.waitForTimeout(300);
}

function campaignOnPublicPage(p: Page) {
	return p.getByRole('article', { name: TITLE });
}

function answerRow(scope: Locator, party: string) {
	return scope.getByRole('row', { name: new RegExp(`^${party}`) });
}

/** On the public page: the party's row in the table of answers to ask `number`. */
function publicAnswer(campaign: Locator, number: number, party: string) {
	return answerRow(campaign.getByRole('table', { name: `Antwoorden op vraag ${number}` }), party);
}

/** On the public page: the party's answer to each of the four asks, as the labels read. */
async function expectPublicAnswers(campaign: Locator, party: string, labels: Array<string | RegExp>): Promise<void> {
	for (const [index, label] of labels.entries()) {
		await expect(publicAnswer(campaign, index + 1, party).getByRole('cell').first()).toHaveText(label);
	}
}

const EXPLANATION_A = `Eerst na de kadernota, schrijft de Stadspartij ${tag}.`;
const EXPLANATION_B = `Telefonisch toegelicht: geen geld ${tag}.`;

test('the coordinator writes, gets signed and sends a letter to two parties with an address', async () => {
	test.setTimeout(90_000);
	await page.goto('/account');
	await signIn(page, coordinator.email);
	await joinPractice(page, 'GM0479', ZAANSTAD_PRACTICES.oostzijderveld);
	await confirmMembershipAsKring(browser, coordinator.email);
	campaignId = await startLetter(page, { gemeente: 'Zaanstad', title: TITLE, themes: THEMES });

	// Payloads in the letter too: the live preview must not run them.
	await page.waitForLoadState('networkidle');
	const editor = page.getByLabel('Tekst van de brief (Markdown)');
	const text = await editor.inputValue();
	await editor.fill(text.replace('## Laten we praten', `${LETTER_PAYLOAD}\n## Laten we praten`));
	const preview = page.getByRole('article', { name: 'Voorbeeld van de brief' });
	await expect(preview).toContainText('Zie ook');
	await expectInert(preview);
	await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
	await expectStatus(page, 'Versie 2 is opgeslagen.');
	await expectInert(preview);
	await expect(page.getByRole('region', { name: 'De vragen aan de partijen' }).getByRole('listitem')).toHaveCount(4);

	await openForSigning(page, campaignId);
	await signLetter(page, campaignId, { ...coordinator, showName: true });
	await expect(page.getByText('Het BIG-register bevestigt dat je huisarts bent')).toBeVisible();
	// Only now, as a coordinator with a verified signature, may she change Zaanstad's party list.
	await addParty(page, campaignId, partyA);
	await addParty(page, campaignId, partyB);
	await sendLetter(page, campaignId);

	const mailA = await readMail(coordinatorContext, { to: partyA.email, subject: SUBJECT });
	expect(mailA).toContain(`Aan: ${partyA.name}`);
	expect(mailA).toContain(`alleen voor ${partyA.name}`);
	linkA = linkIn(mailA, '/reageer/');
	linkB = linkIn(await readMail(coordinatorContext, { to: partyB.email, subject: SUBJECT }), '/reageer/');
	expect(linkA).not.toBe(linkB);
});

test('party A opens its link without signing in and answers per ask; a missing name is explained', async () => {
	const p = await partyContext.newPage();
	await p.goto(linkA);
	await expect(p.getByRole('heading', { level: 1, name: `Antwoord van ${partyA.name}` })).toBeVisible();
	await expect(p.getByText(`Deze link is persoonlijk voor ${partyA.name}`)).toBeVisible();
	const letter = p.getByRole('article', { name: 'De brief van de huisartsen' });
	await expect(letter).toContainText('Zie ook');
	await expectInert(letter);
	await poke(p, letter);
	// The party sees how many stand behind the letter, as in its e-mail.
	await expect(p.getByText('Ondertekend door 1 huisarts uit 1 praktijk in Zaanstad', { exact: true })).toBeVisible();
	await expect(p.getByText('1 huisarts, geverifieerd in het BIG-register.', { exact: true })).toBeVisible();
	// What will become public is said before the button.
	await expect(p.getByRole('heading', { name: 'Dit wordt openbaar' })).toBeVisible();
	const asks = p.getByRole('group', { name: /^Vraag \d+:/ });
	await expect(asks).toHaveCount(4);
	await expect(p.getByRole('group', { name: /^Vraag 2: Zorg dat jeugdhulp binnen zes weken start/ })).toBeVisible();
	await expectNoSeriousA11yViolations(p);

	const choices = ['ja', 'deels', 'nee', 'geen standpunt'];
	for (const [index, choice] of choices.entries()) {
		await p.getByRole('group', { name: new RegExp(`^Vraag ${index + 1}:`) }).getByLabel(choice, { exact: true }).check();
	}
	await p.getByLabel('Uw antwoord', { exact: true }).fill(ANSWER_PAYLOAD);
	await p.getByRole('button', { name: 'Verstuur het antwoord' }).click();
	await expect(p.getByLabel('Uw naam')).toHaveAttribute('aria-invalid', 'true');
	// Nor without confirming that the answer is the party's and becomes public.
	await expect(p.getByText(`Vink aan dat u namens ${partyA.name} antwoordt en dat uw antwoord openbaar wordt.`)).toBeVisible();
	await expect(p.getByLabel('Uw antwoord', { exact: true })).toHaveValue(ANSWER_PAYLOAD);
	await expect(p.getByRole('group', { name: /^Vraag 3:/ }).getByLabel('nee', { exact: true })).toBeChecked();
	await expectNoSeriousA11yViolations(p);

	await p.getByLabel('Toelichting bij vraag 3 (mag leeg)').fill(EXPLANATION_A);
	await p.getByLabel('Uw naam').fill(`Ria Zaanen ${tag}`);
	await p.getByLabel('Uw rol (bijvoorbeeld fractievoorzitter)').fill('fractievoorzitter');
	await p.getByLabel(`Ik antwoord namens ${partyA.name} en weet dat dit openbaar wordt`).check();
	await p.getByRole('button', { name: 'Verstuur het antwoord' }).click();
	// Right after answering only the thanks shows, with what happens next; the form waits behind a click.
	await expectStatus(p, 'Dank u wel. Uw antwoord is opgeslagen en staat op de openbare pagina.');
	await expect(p.getByText(/Open dan deze zelfde link opnieuw/)).toBeVisible();
	await expect(p.getByText(/Uw partij antwoordde al/)).toHaveCount(0);
	await expect(p.getByRole('heading', { level: 2, name: 'Antwoord wijzigen' })).toBeVisible();
	await expect(p.getByRole('button', { name: 'Verstuur het antwoord' })).toBeHidden();
	await expectNoSeriousA11yViolations(p);
	// Opened, the form holds the answer again, as text.
	await p.getByText('Toon het formulier met uw antwoord').click();
	await expect(p.getByLabel('Uw antwoord', { exact: true })).toHaveValue(ANSWER_PAYLOAD);
	await expect(p.getByRole('group', { name: /^Vraag 4:/ }).getByLabel('geen standpunt', { exact: true })).toBeChecked();

	// Coming back later through the same link: the earlier answer is named and the form is open.
	await p.goto(linkA);
	await expect(p.getByText(/^Uw partij antwoordde al op .*\(Ria Zaanen/)).toBeVisible();
	await expect(p.getByText('Dank u wel.', { exact: false })).toHaveCount(0);
	await expect(p.getByRole('button', { name: 'Verstuur het antwoord' })).toBeVisible();
	await expect(p.getByLabel('Uw antwoord', { exact: true })).toHaveValue(ANSWER_PAYLOAD);
	await p.close();
});

test('the public page shows A\'s answer next to the asks, inert, and B as not answered yet', async () => {
	const p = await partyContext.newPage();
	await p.goto('/g/zaanstad');
	const campaign = campaignOnPublicPage(p);
	await expect(campaign).toBeVisible();

	// A table per ask: A's answer as a label, with its explanation where it gave one; B waiting.
	await expectPublicAnswers(campaign, partyA.name, ['Ja', 'Deels', 'Nee', 'Geen standpunt']);
	await expect(publicAnswer(campaign, 3, partyA.name).getByRole('cell')).toHaveText(['Nee', EXPLANATION_A]);
	await expect(publicAnswer(campaign, 1, partyA.name).getByRole('cell')).toHaveText(['Ja', 'geen toelichting']);
	await expectPublicAnswers(campaign, partyB.name, Array(4).fill('Nog geen reactie (vandaag verstuurd)'));

	const answer = campaign.getByRole('article', { name: `Antwoord van ${partyA.name}` });
	await expect(answer.locator('strong', { hasText: 'Wij steunen de huisartsen van Zaanstad.' })).toBeVisible();
	await expect(answer).toContainText('Klik op deze alinea');
	await expect(campaign.getByText(`Ria Zaanen ${tag}, fractievoorzitter — via de antwoordlink`)).toBeVisible();
	await expectInert(answer);
	await expectInert(campaign.getByRole('article', { name: 'De brief van de huisartsen in Zaanstad' }));
	await poke(p, answer);
	await p.close();
});

test('a link answers for its own party only; made-up and altered links get a calm page', async () => {
	const p = await partyContext.newPage();
	await p.goto(linkB);
	await expect(p.getByRole('heading', { level: 1, name: `Antwoord van ${partyB.name}` })).toBeVisible();
	await expect(p.getByText(partyA.name)).toHaveCount(0);
	await expect(p.getByLabel('Uw naam')).toHaveValue('');
	await expect(p.getByLabel('Uw antwoord', { exact: true })).toHaveValue('');
	await expect(p.getByText(/Uw partij antwoordde al/)).toHaveCount(0);
	// Nothing in the form says which party it is: that comes from the link alone.
	await expect(p.locator('form input[name*="party" i], form select')).toHaveCount(0);

	const last = linkA.at(-1) === 'A' ? 'B' : 'A';
	for (const unknown of [`${linkA.slice(0, -1)}${last}`, new URL('/reageer/verzonnen-link-1234567890', linkA).href]) {
		await p.goto(unknown);
		await expect(p.getByRole('heading', { level: 1, name: 'Deze link kennen we niet' })).toBeVisible();
		await expect(p.getByRole('textbox')).toHaveCount(0);
		await expect(p.locator('body')).not.toContainText(partyA.name);
	}
	await expectNoSeriousA11yViolations(p);
	await p.close();
});

test('the coordinators see the answer, revoke and renew B\'s link, remind, and enter B\'s answer by phone', async () => {
	test.setTimeout(90_000);
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByRole('navigation', { name: 'Onderdelen van de brief' }).getByRole('link', { name: /^Reacties/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Reacties van de partijen' })).toBeVisible();
	await expect(page.getByText(/^1 van de \d+ partijen heeft geantwoord/)).toBeVisible();
	const table = page.getByRole('table', { name: 'Het nieuwste antwoord van elke partij' });
	await expect(answerRow(table, partyA.name).getByRole('cell').first()).toHaveText('ja');
	await expect(answerRow(table, partyB.name)).toContainText('nog geen reactie');
	const cardA = page.getByRole('article', { name: partyA.name, exact: true });
	await expect(cardA).toContainText('Wij steunen de huisartsen van Zaanstad.');
	await expectInert(cardA.locator('.response-body'));
	await poke(page, cardA);
	await expectNoSeriousA11yViolations(page);

	// Revoking B's link asks first (it kills the link B got by e-mail); then the old link stops working, calmly.
	// Without the tick, both forms say so in Dutch next to the box, and the link keeps working.
	const cardB = () => page.getByRole('article', { name: partyB.name, exact: true });
	await cardB().getByRole('button', { name: /^Antwoordlink intrekken/ }).click();
	await expect(cardB().getByRole('alert')).toHaveText('Vink aan dat je dit zeker weet.');
	await expect(cardB().getByLabel(/^Ja, trek de link in/)).toHaveAttribute('aria-invalid', 'true');
	await cardB().getByRole('button', { name: /^Nieuwe antwoordlink maken/ }).click();
	await expect(cardB().getByRole('alert')).toHaveText('Vink aan dat je dit zeker weet.');
	await expect(cardB().getByLabel(/^Ja, maak een nieuwe link/)).toHaveAttribute('aria-invalid', 'true');
	await expect(cardB().getByRole('status')).toHaveCount(0);
	await page.reload();
	await expect(cardB()).toContainText('Er is een werkende antwoordlink');
	const stillWorks = await partyContext.newPage();
	await stillWorks.goto(linkB);
	await expect(stillWorks.getByRole('heading', { level: 1, name: `Antwoord van ${partyB.name}` })).toBeVisible();
	await stillWorks.close();
	await cardB().getByLabel(/^Ja, trek de link in/).check();
	await cardB().getByRole('button', { name: /^Antwoordlink intrekken/ }).click();
	await expectStatus(page, 'De antwoordlink is ingetrokken. Wie hem nog heeft, kan er niet meer mee antwoorden.');
	await expect(cardB()).toContainText('Er is geen werkende antwoordlink.');
	const party = await partyContext.newPage();
	await party.goto(linkB);
	await expect(party.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();

	// A new link, after ticking the box, is shown once and works.
	await cardB().getByLabel(/^Ja, maak een nieuwe link/).check();
	await cardB().getByRole('button', { name: /^Nieuwe antwoordlink maken/ }).click();
	const fresh = cardB().getByRole('status').getByRole('link', { name: /\/reageer\// });
	await expect(fresh).toBeVisible();
	await party.goto((await fresh.getAttribute('href')) ?? '');
	await expect(party.getByRole('heading', { level: 1, name: `Antwoord van ${partyB.name}` })).toBeVisible();

	// One click reminds the silent parties, B among them, with a new link; a second click that day is refused.
	const reminder = () => page.getByRole('region', { name: 'Herinneren' });
	await expect(reminder().getByText(/^De herinnering gaat naar /)).toContainText(partyB.name);
	await reminder().getByRole('button', { name: /^Stuur herinnering aan deze/ }).click();
	await expectStatus(page, /^De herinnering gaat naar \d+ partij/);
	await reminder().getByRole('button', { name: /^Stuur herinnering aan deze/ }).click();
	await expect(reminder().getByRole('alert')).toHaveText('De partijen zijn vandaag al herinnerd. Probeer het morgen opnieuw.');
	await party.goto(linkIn(await readMail(coordinatorContext, { to: partyB.email, subject: `Herinnering: ${SUBJECT}` }), '/reageer/'));
	await expect(party.getByRole('heading', { level: 1, name: `Antwoord van ${partyB.name}` })).toBeVisible();
	await party.close();

	// B answered by phone instead: the coordinator enters it.
	await page.goto(`/campagnes/${campaignId}/reacties`);
	const entry = page.getByRole('region', { name: 'Antwoord invoeren' });
	await entry.getByLabel('Partij die antwoordde').selectOption({ label: partyB.name });
	await entry.getByRole('group', { name: 'Hoe kwam het antwoord binnen?' }).getByLabel('Telefonisch').check();
	await entry.getByLabel('Naam van wie antwoordde').fill(`Kees Molenaar ${tag}`);
	await entry.getByLabel('Rol (bijvoorbeeld fractievoorzitter)').fill('lijsttrekker');
	for (const [index, choice] of ['nee', 'nee', 'ja', 'deels'].entries()) {
		await entry.getByRole('group', { name: new RegExp(`^Vraag ${index + 1}:`) }).getByLabel(choice, { exact: true }).check();
	}
	await entry.getByLabel('Toelichting bij vraag 1 (mag leeg)').fill(EXPLANATION_B);
	await entry.getByLabel('Het antwoord', { exact: true }).fill('Telefonisch: wij kijken eerst naar *de begroting*.');
	await entry.getByRole('button', { name: 'Antwoord opslaan' }).click();
	await expectStatus(page, 'Het antwoord is opgeslagen.');
	await expect(answerRow(page.getByRole('table', { name: 'Het nieuwste antwoord van elke partij' }), partyB.name)).toContainText('telefonisch, ingevoerd door de coördinatoren');

	const reader = await partyContext.newPage();
	await reader.goto('/g/zaanstad');
	const campaign = campaignOnPublicPage(reader);
	await expectPublicAnswers(campaign, partyB.name, ['Nee', 'Nee', 'Ja', 'Deels']);
	await expect(publicAnswer(campaign, 1, partyB.name).getByRole('cell')).toHaveText(['Nee', EXPLANATION_B]);
	await expect(campaign.getByText(`Kees Molenaar ${tag}, lijsttrekker — telefonisch, ingevoerd door de coördinatoren`)).toBeVisible();
	await expect(campaign.getByRole('article', { name: `Antwoord van ${partyB.name}` }).locator('em')).toHaveText('de begroting');
	await reader.close();
});

test('party A says the answer was not theirs: it goes offline with a note, and a new link comes', async () => {
	// The coordinator was told of the answer; the party got a copy with a way to disown it.
	const notice = await readMail(coordinatorContext, { to: coordinator.email, subject: `${partyA.name} heeft geantwoord op jullie brief in Zaanstad` });
	expect(notice).toContain(`/campagnes/${campaignId}/reacties`);
	const copy = await readMail(partyContext, { to: partyA.email, subject: `Kopie van uw antwoord: ${SUBJECT}` });
	expect(copy).toContain(`Ria Zaanen ${tag} (fractievoorzitter)`);
	const disownLink = linkIn(copy, '/reageer/niet-van-ons/');

	const p = await partyContext.newPage();
	await p.goto(disownLink);
	await expect(p.getByRole('heading', { level: 1, name: `Komt dit antwoord niet van ${partyA.name}?` })).toBeVisible();
	const shown = p.getByRole('article', { name: 'Het antwoord zoals het geplaatst is' });
	await expect(shown).toContainText('Wij steunen de huisartsen van Zaanstad.');
	await expectInert(shown);
	await expectNoSeriousA11yViolations(p);
	// Irreversible: without the tick nothing happens, and the note typed stays.
	await p.getByLabel(/^Wilt u iets toelichten/).fill('Ria is geen lid van onze fractie.');
	await p.getByRole('button', { name: 'Haal het antwoord offline' }).click();
	await expect(p.getByText('Vink aan dat dit antwoord niet van uw partij komt.')).toBeVisible();
	await expect(p.getByLabel(/^Wilt u iets toelichten/)).toHaveValue('Ria is geen lid van onze fractie.');
	await p.getByLabel(`Dit antwoord komt niet van ${partyA.name}`).check();
	await p.getByRole('button', { name: 'Haal het antwoord offline' }).click();
	await expectStatus(p, /Dit antwoord staat niet meer op de openbare pagina\./);
	await expectNoSeriousA11yViolations(p);

	// The public page: the answer is gone, a short note says why; A counts as not answered.
	await p.goto('/g/zaanstad');
	const campaign = campaignOnPublicPage(p);
	await expect(campaign.getByRole('article', { name: `Antwoord van ${partyA.name}` })).toHaveCount(0);
	await expect(campaign).not.toContainText('Wij steunen de huisartsen van Zaanstad.');
	await expect(campaign.getByText(new RegExp(`via de antwoordlink van ${partyA.name} werd geplaatst, is\\s+op .* offline gehaald: de partij liet weten dat het niet van haar kwam\\.`))).toBeVisible();
	await expectPublicAnswers(campaign, partyA.name, Array(4).fill(/^Nog geen reactie/));

	// The old link is dead; the new one, sent to the party's own address, works.
	await p.goto(linkA);
	await expect(p.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
	const renewed = linkIn(await readMail(partyContext, { to: partyA.email, subject: `Nieuwe antwoordlink: ${SUBJECT}` }), '/reageer/');
	expect(renewed).not.toBe(linkA);
	await p.goto(renewed);
	await expect(p.getByRole('heading', { level: 1, name: `Antwoord van ${partyA.name}` })).toBeVisible();
	// Using the disown link again only says what already happened.
	await p.goto(disownLink);
	await expect(p.getByText(/^Dit antwoord staat niet meer op de openbare pagina/)).toBeVisible();
	await expect(p.getByRole('button', { name: 'Haal het antwoord offline' })).toHaveCount(0);
	await p.close();

	const told = await readMail(coordinatorContext, { to: coordinator.email, subject: `${partyA.name}: een antwoord kwam niet van de partij` });
	expect(told).toContain('Het is van de openbare pagina gehaald');
});
