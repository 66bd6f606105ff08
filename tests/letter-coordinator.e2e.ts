// The coordinator's journey through a joint letter (issue 3), as the demo huisarts Anna de Vries
// in Zaanstad: start a letter for the 2026 election with chosen themes, edit it with a live
// preview (and the "Voorbeeld bekijken" button without JavaScript), compare two versions, keep the
// list of parties (one by one and by CSV), open it for signing, invite a colleague, sign, and
// send it to every party. Meanwhile a huisarts of another gemeente needs the kring's confirmation
// to start a letter there, and can neither find nor read this unsent draft.
//
// One serial journey with one shared browser per person. Sign-ins in this file: 2 (Anna and the
// huisarts from elsewhere) and the kring editor's once per worker (see the budget in
// support/browser.ts). The other letter journeys use their own
// titles ("Iets anders"), so only this file starts the Zaanstad letter for the 2026 election.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	addParty,
	addPartyAt,
	asKringEditor,
	DEMO_HUISARTS,
	KRING_EDITOR,
	addPractice,
	confirmMembershipAsKring,
	expectNoSeriousA11yViolations,
	expectStatus,
	linkIn,
	partyCard,
	readMail,
	signIn,
	startLetter,
	uniqueEmail,
	uniqueTag
} from './support/browser';
import { upcomingOccasions } from '../src/lib/server/letter/occasions';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

// The first moment the new-letter page offers today (the kadernota, the begroting, …).
const OCCASION = upcomingOccasions(new Date())[0].label;
const THEMES = ['Jeugdzorg', 'Ggz en wachtlijsten', 'Huisvesting van huisartsenpraktijken'];
const tag = uniqueTag();
const party = { name: `Zaanse Zorgpartij ${tag}`, email: `fractie-${tag}@zorgpartij.example.nl` };
const csvParty = { name: `Zaanse Ouderenpartij ${tag}`, email: `fractie-${tag}@ouderenpartij.example.nl` };
const colleague = uniqueEmail('collega');
const coCoordinator = uniqueEmail('mede');

let browser: Browser;
let anna: BrowserContext;
let page: Page;
let campaignId = '';
/** The party list, opened before sending and left open, as a tab would be. */
let staleParties: Page;

test.beforeAll(async ({ browser: b }) => {
	browser = b;
	anna = await browser.newContext();
	page = await anna.newPage();
});

test.afterAll(async () => {
	await anna?.close();
});

function preview(p: Page) {
	return p.getByRole('article', { name: 'Voorbeeld van de brief' });
}

function editor(p: Page) {
	return p.getByLabel('Tekst van de brief (Markdown)');
}

test('Anna starts the letter for Zaanstad; a missing theme is explained first', async () => {
	await page.goto('/campagnes/nieuw');
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Fcampagnes%2Fnieuw$/);
	await signIn(page, DEMO_HUISARTS.email);
	await expect(page).toHaveURL(/\/campagnes\/nieuw$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Begin een gezamenlijke brief' })).toBeVisible();
	// Her practice is in Zaanstad, so that is already chosen.
	await expect(page.getByLabel('Gemeente', { exact: true }).locator('option:checked')).toHaveText('Zaanstad');
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('group', { name: 'Aanleiding' }).getByLabel(OCCASION).check();
	await page.getByRole('button', { name: 'Begin de brief' }).click();
	await expect(page.getByText('Kies minstens één thema.')).toBeVisible();
	await expect(page.getByLabel('Gemeente', { exact: true }).locator('option:checked')).toHaveText('Zaanstad');
	await expect(page.getByRole('group', { name: 'Aanleiding' }).getByLabel(OCCASION)).toBeChecked();

	campaignId = await startLetter(page, { gemeente: 'Zaanstad', occasion: OCCASION, themes: THEMES });
});

test('the starter letter names Zaanstad, has a paragraph per theme and numbered asks', async () => {
	await expect(page.getByText('Concept', { exact: true })).toBeVisible();
	await expect(page.getByText(/^Versie 1, opgeslagen op /)).toBeVisible();
	await expect(editor(page)).toHaveValue(/namens de huisartsen en huisartsenpraktijken in de gemeente Zaanstad/);

	const letter = preview(page);
	await expect(letter).toContainText('in de gemeente Zaanstad');
	await expect(letter).toContainText('De huisartsen van Zaanstad');
	for (const theme of THEMES) await expect(letter.getByRole('heading', { level: 3, name: theme })).toBeVisible();
	await expect(letter.getByRole('heading', { name: 'Onze vragen aan u' })).toBeVisible();
	await expect(letter.locator('ol > li')).toHaveCount(THEMES.length);

	const asks = page.getByRole('region', { name: 'De vragen aan de partijen' }).getByRole('listitem');
	await expect(asks).toHaveCount(THEMES.length);
	await expect(asks.first()).toContainText('jeugdhulp');
	await expect(page.getByRole('region', { name: 'Versies' })).toContainText(`Versie 1 — ${DEMO_HUISARTS.name}`);
	await expectNoSeriousA11yViolations(page);
});

test('edits show in the preview while typing and are saved as version 2', async () => {
	await page.reload({ waitUntil: 'networkidle' });
	const original = await editor(page).inputValue();
	const edited = original
		.replace('Wij nodigen u uit voor een gesprek', 'Wij nodigen u graag uit voor een werkbezoek')
		.replace(
			/\n3\. [^\n]+\n/,
			(ask3) => `${ask3}4. Organiseer elk jaar een **Zaans zorgoverleg** met gemeente en huisartsen.\n`
		);
	expect(edited).not.toBe(original);
	await editor(page).fill(edited);

	// With JavaScript the preview follows without pressing anything.
	await expect(preview(page)).toContainText('Wij nodigen u graag uit voor een werkbezoek');
	await expect(preview(page).locator('strong', { hasText: 'Zaans zorgoverleg' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'De vragen aan de partijen' }).getByRole('listitem')).toHaveCount(4);
	await expect(page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.')).toBeVisible();

	await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
	await expectStatus(page, 'Versie 2 is opgeslagen.');
	await expect(page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.')).toHaveCount(0);
	const versions = page.getByRole('region', { name: 'Versies' });
	await expect(versions.getByRole('listitem')).toHaveCount(2);
	await expect(versions.getByRole('listitem').first()).toContainText('Versie 2');
	await expect(versions.getByRole('listitem').first()).toContainText('Nieuwste');

	await page.reload();
	await expect(editor(page)).toHaveValue(/graag uit voor een werkbezoek/);
	await expect(preview(page)).toContainText('werkbezoek');
});

test('without JavaScript, "Voorbeeld bekijken" shows the typed text and saves nothing', async () => {
	const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await anna.storageState() });
	try {
		const p = await noScript.newPage();
		await p.goto(`/campagnes/${campaignId}/brief`);
		const typed = (await editor(p).inputValue()).replace('Met vriendelijke groet,', 'Met hartelijke groet,');
		await editor(p).fill(typed);
		await p.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
		await expect(preview(p)).toContainText('Met hartelijke groet,');
		await expect(editor(p)).toHaveValue(/Met hartelijke groet,/);
		await expect(p.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.')).toBeVisible();
		await expect(p.getByRole('region', { name: 'Versies' }).getByRole('listitem')).toHaveCount(2);

		await p.goto(`/campagnes/${campaignId}/brief`);
		await expect(preview(p)).toContainText('Met vriendelijke groet,');
	} finally {
		await noScript.close();
	}
});

test('comparing version 1 with version 2 shows the changed words', async () => {
	await page.goto(`/campagnes/${campaignId}/brief`);
	await page.getByLabel('Vergelijk versie').selectOption({ label: 'Versie 1' });
	await page.getByLabel('met versie').selectOption({ label: 'Versie 2' });
	await page.getByRole('button', { name: 'Vergelijk' }).click();
	await expect(page).toHaveURL(/\/brief\/vergelijk\?van=1&naar=2$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Versie 1 en versie 2 vergeleken' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText(/woorden toegevoegd/);

	const diff = page.getByRole('region', { name: 'Verschillen tussen versie 1 en versie 2' });
	await expect(diff.locator('ins', { hasText: 'werkbezoek' })).toHaveCount(1);
	await expect(diff.locator('ins', { hasText: 'Zaans zorgoverleg' })).toHaveCount(1);
	await expect(diff.locator('del', { hasText: 'gesprek' })).toHaveCount(1);
	// Unchanged words are neither inserted nor deleted.
	await expect(diff.locator('ins, del', { hasText: 'Geachte fractie' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
});

test('a huisarts of another gemeente needs a confirmed practice, and cannot find or read the draft', async () => {
	const elsewhere = await browser.newContext();
	const email = uniqueEmail('wormerland');
	try {
		const p = await elsewhere.newPage();
		await p.goto('/campagnes/nieuw');
		await signIn(p, email);
		// A practice of one's own making gives no rights until someone who knows confirms it.
		await addPractice(p, 'Wormerland', `Huisartsen Wormer ${tag}`);
		await p.goto('/campagnes/nieuw');
		await p.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Wormerland' });
		await p.getByRole('group', { name: 'Aanleiding' }).getByLabel('Iets anders (eigen titel)').check();
		await p.getByLabel(/^Eigen titel/).fill(`Zorg in Wormerland ${tag}`);
		await p.getByRole('group', { name: "Thema's" }).getByLabel('Ouderenzorg', { exact: true }).check();
		await p.getByRole('button', { name: 'Begin de brief' }).click();
		await expect(p.getByText('Je praktijk in Wormerland is nog niet bevestigd. Een brief beginnen kan pas')).toBeVisible();
		await expect(p.getByLabel(/^Eigen titel/)).toHaveValue(`Zorg in Wormerland ${tag}`);
		await expectNoSeriousA11yViolations(p);

		// The kring covers Wormerland and confirms; now the letter can be started.
		await confirmMembershipAsKring(browser, email, { checkA11y: true });
		await startLetter(p, { gemeente: 'Wormerland', title: `Zorg in Wormerland ${tag}`, themes: ['Ouderenzorg'] });

		// The same occasion in Zaanstad as Anna's draft: one letter per occasion, but a draft stays
		// with the huisartsen of Zaanstad, so neither its title nor its coordinators are told.
		await p.goto('/campagnes/nieuw');
		await p.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Zaanstad' });
		await p.getByRole('group', { name: 'Aanleiding' }).getByLabel(OCCASION).check();
		await p.getByRole('group', { name: "Thema's" }).getByLabel('Jeugdzorg').check();
		await p.getByRole('button', { name: 'Begin de brief' }).click();
		const notice = p.getByRole('alert');
		await expect(notice).toContainText('Er loopt al een brief voor deze aanleiding in Zaanstad');
		await expect(notice.getByRole('link')).toHaveCount(0);
		await expect(p.locator('body')).not.toContainText(DEMO_HUISARTS.name);
		await expectNoSeriousA11yViolations(p);

		// The draft's own address looks like no letter at all, on every page under it.
		for (const path of ['', '/brief', '/brief/vergelijk?van=1&naar=2', '/versturen', '/partijen', '/ondertekenaars']) {
			const response = await p.goto(`/campagnes/${campaignId}${path}`);
			expect(response?.status()).toBe(404);
			await expect(p.getByText('Deze brief bestaat niet (meer).')).toBeVisible();
			await expect(p.locator('body')).not.toContainText('werkbezoek');
			await expect(p.locator('body')).not.toContainText(DEMO_HUISARTS.name);
		}
		await expectNoSeriousA11yViolations(p);
	} finally {
		await elsewhere.close();
	}
});

test('Anna keeps the parties: one added by hand, one by CSV with a preview and a refused line', async () => {
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByRole('navigation', { name: 'Onderdelen van de brief' }).getByRole('link', { name: /^Partijen/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Partijen in Zaanstad' })).toBeVisible();
	// The seeded parties are there, without an address yet.
	await expect(partyCard(page, 'VVD')).toContainText('geen e-mailadres: kan alleen handmatig');

	const adding = page.getByRole('region', { name: 'Partij toevoegen' });
	await adding.getByRole('button', { name: 'Partij toevoegen' }).click();
	await expect(adding.getByLabel('Naam van de partij')).toHaveAttribute('aria-invalid', 'true');
	await adding.getByLabel('Naam van de partij').fill(party.name);
	await adding.getByRole('button', { name: 'Partij toevoegen' }).click();
	await expectStatus(page, 'De partij is opgeslagen.');
	const card = partyCard(page, party.name);
	await card.locator('summary', { hasText: 'E-mailadres toevoegen' }).click();
	await card.getByLabel('Nieuw e-mailadres').fill('fractie@zorgpartij');
	await card.getByRole('button', { name: 'Adres toevoegen' }).click();
	await expect(partyCard(page, party.name).getByLabel('Nieuw e-mailadres')).toHaveAttribute('aria-invalid', 'true');
	await expect(partyCard(page, party.name).getByLabel('Nieuw e-mailadres')).toHaveValue('fractie@zorgpartij');
	await partyCard(page, party.name).getByLabel('Nieuw e-mailadres').fill(party.email);
	await partyCard(page, party.name).getByRole('button', { name: 'Adres toevoegen' }).click();
	await expectStatus(page, 'Het e-mailadres is opgeslagen.');
	await expect(partyCard(page, party.name).getByRole('list', { name: `E-mailadressen van ${party.name}` })).toContainText(party.email);

	const csv = [
		'partij;afkorting;e-mail;rol;naam',
		`${csvParty.name};ZOP;${csvParty.email};fractie;Joke de Jong`,
		`Stadslijst ${tag};SL;geen-adres;lijsttrekker;Jan Jansen`
	].join('\n');
	await page.getByLabel('Plak de regels').fill(csv);
	await page.getByRole('button', { name: 'Controleren' }).click();
	await expect(page.getByRole('heading', { name: 'Controle' })).toBeVisible();
	const lines = page.getByRole('table', { name: 'Controle' });
	await expect(lines.getByRole('row').filter({ hasText: csvParty.email })).toContainText('nieuw');
	await expect(lines.getByRole('row').filter({ hasText: 'geen-adres' })).toContainText('fout');
	await expect(page.getByRole('status').filter({ hasText: 'worden overgeslagen' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expectStatus(page, 'Import klaar: 1 nieuwe partij en 1 nieuw e-mailadres.');
	await expect(partyCard(page, csvParty.name)).toContainText(csvParty.email);
	await expect(partyCard(page, `Stadslijst ${tag}`)).toHaveCount(0);
});

test('Anna opens the letter for signing only after ticking the box; the text is then frozen', async () => {
	await page.goto(`/campagnes/${campaignId}`);
	await expect(page.getByRole('heading', { level: 1, name: OCCASION })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Voortgang' }).locator('[aria-current="step"]')).toHaveText(
		'Concept: samen schrijven'
	);
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('button', { name: 'Open voor ondertekening' }).click();
	await expect(page.getByRole('alert')).toHaveText('Vink aan dat je dit zeker weet.');
	await page.getByLabel('Ja, de tekst is klaar').check();
	await page.getByRole('button', { name: 'Open voor ondertekening' }).click();
	await expectStatus(page, 'De brief staat open voor ondertekening. De tekst ligt nu vast.');
	await expect(page.getByRole('list', { name: 'Voortgang' }).locator('[aria-current="step"]')).toHaveText(
		"Ter ondertekening: collega's tekenen"
	);
	await expect(page.getByText(/^Status:\s*Ter ondertekening$/)).toBeVisible();
	await expect(page.getByText(/^0 huisartsen uit 0 van de \d+ praktijken in Zaanstad$/)).toBeVisible();
	// Nobody signed yet: the main button is her own signature, not sending.
	const nextStep = page.getByRole('region', { name: 'Volgende stap' }).getByRole('link');
	await expect(nextStep).toHaveText(['Onderteken zelf', "Nodig collega's uit", 'Controleer en verstuur']);
	await expect(nextStep.first()).toHaveClass('button');

	await page.goto(`/campagnes/${campaignId}/brief`);
	await expect(page.getByText(/^De tekst ligt vast: de brief ligt ter ondertekening/)).toBeVisible();
	await expect(editor(page)).toHaveCount(0);
	await expect(page.getByRole('article', { name: 'De brief' })).toContainText('werkbezoek');
});

test('Anna adds a co-coordinator and invites a colleague, who gets a personal link', async () => {
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByLabel('E-mailadres van een mede-coördinator').fill(coCoordinator);
	await page.getByRole('button', { name: 'Voeg toe' }).click();
	await expectStatus(page, 'De mede-coördinator is toegevoegd en heeft een e-mail gekregen.');
	await expect(page.getByRole('region', { name: 'Coördinatoren' })).toContainText(coCoordinator);

	await page.getByRole('navigation', { name: 'Onderdelen van de brief' }).getByRole('link', { name: /^Ondertekenaars/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ondertekenaars' })).toBeVisible();
	await expect(page.getByText('Nog niemand heeft ondertekend.', { exact: false })).toBeVisible();

	const addresses = page.getByLabel("E-mailadressen van collega's");
	await addresses.fill(`collega.zaandam@praktijk\n${colleague}`);
	await page.getByRole('button', { name: 'Stuur uitnodigingen' }).click();
	await expect(page.getByRole('alert')).toContainText('"collega.zaandam@praktijk" (regel 1) is geen geldig e-mailadres.');
	await expect(addresses).toHaveValue(`collega.zaandam@praktijk\n${colleague}`);
	await expectNoSeriousA11yViolations(page);

	await addresses.fill(colleague);
	await page.getByRole('button', { name: 'Stuur uitnodigingen' }).click();
	await expectStatus(page, '1 uitnodiging is verstuurd.');
	await expect(page.getByRole('table', { name: /^Uitgenodigd/ })).toContainText(colleague);
	// The form is empty again, so a second click cannot invite the same colleague twice.
	await expect(addresses).toHaveValue('');

	const mail = await readMail(anna, { to: colleague, subject: 'Uitnodiging: onderteken de brief van de huisartsen in Zaanstad' });
	expect(mail).toContain(OCCASION);
	const invitation = linkIn(mail, '/uitnodiging/');

	// The colleague, not signed in, sees whose invitation it is and how to continue.
	const stranger = await browser.newContext();
	try {
		const p = await stranger.newPage();
		await p.goto(invitation);
		await expect(p.getByRole('heading', { level: 1, name: 'Je bent uitgenodigd om mee te tekenen' })).toBeVisible();
		await expect(p.getByText(`${DEMO_HUISARTS.name} nodigt je uit`)).toBeVisible();
		await expect(p.getByText(colleague)).toBeVisible();
		await expect(p.getByRole('link', { name: 'Inloggen om verder te gaan' })).toBeVisible();
		await expectNoSeriousA11yViolations(p);
	} finally {
		await stranger.close();
	}
});

test('Anna signs the letter herself and the coverage counts her practice', async () => {
	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	const share = await page.getByLabel('Link naar de ondertekenpagina').inputValue();
	await page.goto(share);
	await expect(page.getByRole('heading', { level: 1, name: 'Onderteken de brief' })).toBeVisible();
	await expect(page.getByRole('article', { name: 'De brief, versie 2' })).toContainText('werkbezoek');
	// Name and BIG number come from her account; her one practice in Zaanstad is chosen.
	await expect(page.getByLabel('Naam zoals die onder de brief komt')).toHaveValue(DEMO_HUISARTS.name);
	await expect(page.getByLabel('BIG-nummer')).toHaveValue('19087654301');
	await expect(page.getByLabel('Mijn naam mag openbaar onder de brief staan')).not.toBeChecked();
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Mijn naam mag openbaar onder de brief staan').check();
	await page.getByRole('button', { name: 'Onderteken de brief' }).click();
	await expectStatus(page, 'Dank je wel! Je handtekening staat onder de brief.');
	await expect(page.getByRole('region', { name: 'Je hebt ondertekend' })).toContainText('Huisartsenpraktijk De Zaanoever (demo)');
	await expect(page.getByText('Je naam staat openbaar onder de brief.')).toBeVisible();

	await page.goto(`/campagnes/${campaignId}`);
	await expect(page.getByText(/^1 huisarts uit 1 van de \d+ praktijken in Zaanstad$/)).toBeVisible();
	// One practice is not enough to speak for the huisartsen of Zaanstad: inviting comes first now.
	await expect(page.getByRole('region', { name: 'Volgende stap' }).getByRole('link').first()).toHaveText("Nodig collega's uit");
});

test('the review shows letter, signatories and recipients; sending needs the confirmation', async () => {
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByRole('navigation', { name: 'Onderdelen van de brief' }).getByRole('link', { name: /^Versturen/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'De brief versturen' })).toBeVisible();

	await expect(page.getByRole('article', { name: 'De brief zoals de partijen hem krijgen' })).toContainText(
		'Wij nodigen u graag uit voor een werkbezoek'
	);
	await expect(page.getByText(`Brief van de huisartsen in Zaanstad: ${OCCASION}`)).toBeVisible();
	const signatories = page.getByRole('region', { name: '2. De ondertekenaars' });
	await expect(signatories).toContainText('Ondertekend door 1 huisarts uit 1 praktijk in Zaanstad.');
	await expect(signatories).toContainText(`${DEMO_HUISARTS.name}, Huisartsenpraktijk De Zaanoever (demo)`);
	const recipients = page.getByRole('region', { name: '3. De ontvangers' });
	await expect(recipients.getByRole('listitem').filter({ hasText: party.name })).toContainText(party.email);
	await expect(recipients.getByRole('listitem').filter({ hasText: csvParty.name })).toContainText(csvParty.email);
	await expect(recipients.getByRole('listitem').filter({ hasText: /^VVD/ })).toContainText('geen e-mailadres');
	await expectNoSeriousA11yViolations(page);

	// Without the box ticked the server refuses, in Dutch, and nothing is sent.
	const send = page.getByRole('button', { name: /^Verstuur de brief naar \d+ partijen$/ });
	await send.click();
	await expect(page.getByRole('alert')).toHaveText(
		'Vink aan dat je de brief, de ondertekenaars en de ontvangers hebt gecontroleerd.'
	);
	await expect(page.getByText(/^Status:\s*Ter ondertekening$/)).toBeVisible();
});

test('Anna sends the letter: status per party, a link for parties without address, the mail', async () => {
	staleParties = await anna.newPage();
	await staleParties.goto(`/campagnes/${campaignId}/partijen`);
	await expect(partyCard(staleParties, party.name).locator('summary', { hasText: 'E-mailadres toevoegen' })).toBeVisible();

	// A party added in another tab after this review was loaded: nothing is sent, and the review
	// shows that party now; a second click sends to everyone on the refreshed review.
	const latecomer = { name: `Zaanse Laatkomers ${tag}`, email: `fractie-${tag}@laatkomers.example.nl` };
	const other = await anna.newPage();
	await addParty(other, campaignId, latecomer);
	await other.close();
	await page.getByLabel('Ik heb de brief, de ondertekenaars en de ontvangers gecontroleerd').check();
	await page.getByRole('button', { name: /^Verstuur de brief naar \d+ partijen$/ }).click();
	await expect(page.getByRole('alert')).toContainText('Er is iets veranderd sinds je dit overzicht opende');
	await expect(page.getByRole('region', { name: '3. De ontvangers' })).toContainText(latecomer.name);
	await expect(page.getByText(/^Status:\s*Ter ondertekening$/)).toBeVisible();

	// Meanwhile the kring adds a party with an address to Zaanstad's list. Anna is told by mail;
	// the review marks that address with who added it and when; nothing goes out until she has
	// checked it and said so.
	const kringParty = { name: `Zaanse Kringpartij ${tag}`, email: `fractie-${tag}@kringpartij.example.nl` };
	await asKringEditor(browser, async (k) => {
		await addPartyAt(k, '/partijen/zaanstad', kringParty);
		// The gemeente's own list page names who changed what, most recent first.
		await expect(k.getByRole('heading', { level: 1, name: 'Partijen in Zaanstad' })).toBeVisible();
		const changes = k.getByRole('region', { name: 'Laatste wijzigingen' }).getByRole('listitem');
		await expect(changes.filter({ hasText: kringParty.email }).first()).toContainText(`door ${KRING_EDITOR.name}`);
		await expectNoSeriousA11yViolations(k);
	});
	const told = await readMail(anna, { to: DEMO_HUISARTS.email, subject: 'De partijenlijst van Zaanstad is gewijzigd', containing: kringParty.email });
	expect(told).toContain(kringParty.email);
	expect(told).toContain(KRING_EDITOR.name);
	await page.reload();
	const changedBySomeoneElse = page
		.getByRole('region', { name: 'Versturen per e-mail' })
		.getByRole('group', { name: 'Door iemand anders gewijzigde adressen: kloppen ze?' });
	const kringAddress = changedBySomeoneElse.getByRole('checkbox', { name: new RegExp(`^${kringParty.name}: ${kringParty.email} klopt \\(door ${KRING_EDITOR.name}`) });
	await expect(kringAddress).toBeVisible();
	await expect(page.getByRole('region', { name: '3. De ontvangers' }).getByRole('listitem').filter({ hasText: kringParty.name })).toContainText(
		`toegevoegd of gewijzigd door ${KRING_EDITOR.name}`
	);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Ik heb de brief, de ondertekenaars en de ontvangers gecontroleerd').check();
	await page.getByRole('button', { name: /^Verstuur de brief naar \d+ partijen$/ }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Er is niets verstuurd: iemand anders heeft e-mailadressen van partijen toegevoegd of gewijzigd.' })).toBeVisible();
	await expect(page.getByText(/^Status:\s*Ter ondertekening$/)).toBeVisible();

	// She checks them (other journeys may have changed Zaanstad's list too) and sends.
	for (const box of await changedBySomeoneElse.getByRole('checkbox').all()) await box.check();
	await page.getByLabel('Ik heb de brief, de ondertekenaars en de ontvangers gecontroleerd').check();
	await page.getByRole('button', { name: /^Verstuur de brief naar \d+ partijen$/ }).click();

	// Parties without an address get their answer link here, once.
	const links = page.getByRole('region', { name: 'Antwoordlinks: bewaar ze nu' });
	await expect(links).toBeVisible();
	await expect(links.getByRole('status')).toHaveText(/^De brief gaat per e-mail naar \d+ partijen\.$/);
	await expect(links.getByRole('listitem').filter({ hasText: /^VVD/ }).getByRole('link', { name: /\/reageer\// })).toBeVisible();

	const deliveries = page.getByRole('table', { name: 'Bezorging per partij' });
	await expect(deliveries.getByRole('row', { name: new RegExp(`^${party.name}`) })).toContainText(party.email);
	await expect(deliveries.getByRole('row', { name: /^VVD/ })).toContainText('Geen e-mailadres: zelf doorgeven');
	await expect(page.getByText(/^Status:\s*Verstuurd$/)).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	// The mail queue delivers within seconds; the status follows.
	await expect(async () => {
		await page.reload();
		await expect(
			page.getByRole('table', { name: 'Bezorging per partij' }).getByRole('row', { name: new RegExp(`^${party.name}`) })
		).toContainText('Verstuurd', { timeout: 1_000 });
	}).toPass({ timeout: 20_000 });
	await expect(page.getByRole('region', { name: 'Antwoordlinks: bewaar ze nu' })).toHaveCount(0);

	const mail = await readMail(anna, { to: party.email, subject: `Brief van de huisartsen in Zaanstad: ${OCCASION}` });
	expect(mail).toContain(`Aan: ${party.name}`);
	expect(mail).toContain('Wij nodigen u graag uit voor een werkbezoek');
	expect(mail).toContain(`- ${DEMO_HUISARTS.name}, Huisartsenpraktijk De Zaanoever (demo)`);
	expect(linkIn(mail, '/reageer/')).toMatch(/\/reageer\/[A-Za-z0-9_-]{16,}$/);
});

test('after sending, the text and the signatures can no longer change', async () => {
	await page.goto(`/campagnes/${campaignId}/brief`);
	await expect(page.getByText(/^De tekst ligt vast: de brief is verstuurd op /)).toBeVisible();
	await expect(editor(page)).toHaveCount(0);

	await page.goto(`/campagnes/${campaignId}/ondertekenen`);
	await expect(page.getByText('De handtekeningen liggen vast: ondertekenen of intrekken kan niet meer.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Handtekening intrekken' })).toHaveCount(0);

	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	await expect(page.getByRole('button', { name: /Markeer als geverifieerd/ })).toHaveCount(0);
	await expect(page.getByText(/^De brief is verstuurd op \d{1,2} \w+ \d{4}\. Uitnodigen en ondertekenen kan niet meer\.$/)).toBeVisible();
	await expect(page.getByLabel('Link naar de ondertekenpagina')).toHaveCount(0);

	// The recipients are fixed: the list is shown without forms, with the way to the delivery status.
	await page.goto(`/campagnes/${campaignId}/partijen`);
	await expect(page.getByText(/^De brief is verstuurd op \d{1,2} \w+ \d{4}\. De ontvangers liggen daarmee vast/)).toBeVisible();
	await expect(partyCard(page, party.name)).toContainText(party.email);
	await expect(page.locator('main form, main summary')).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Partij toevoegen' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('link', { name: 'Bekijk bij Versturen hoe de bezorging per partij ging' }).click();
	await expect(page.getByRole('table', { name: 'Bezorging per partij' })).toBeVisible();

	// A tab opened before the sending still has the forms: saving is refused on the page, in Dutch.
	const stale = partyCard(staleParties, party.name);
	await stale.locator('summary', { hasText: 'E-mailadres toevoegen' }).click();
	await stale.getByLabel('Nieuw e-mailadres').fill(`laat-${party.email}`);
	await stale.getByRole('button', { name: 'Adres toevoegen' }).click();
	await expect(staleParties.getByRole('alert')).toHaveText(
		'Dit is niet opgeslagen: de brief is inmiddels verstuurd en de ontvangers liggen vast.'
	);
	await expect(staleParties.getByRole('heading', { level: 1, name: 'Partijen in Zaanstad' })).toBeVisible();
	await expect(staleParties.locator('main form')).toHaveCount(0);
	await staleParties.reload();
	await expect(partyCard(staleParties, party.name)).not.toContainText(`laat-${party.email}`);
	await staleParties.close();

	// Without JavaScript the same refusal comes back as the page, not as an error page.
	const origin = new URL(page.url()).origin;
	const refused = await page.request.post(`/campagnes/${campaignId}/partijen?/addParty`, {
		form: { name: `Te laat ${tag}` },
		// As a browser without JavaScript posts the form: it wants the page back, not JSON.
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(409);
	const html = await refused.text();
	expect(html).toContain('Dit is niet opgeslagen: de brief is inmiddels verstuurd en de ontvangers liggen vast.');
	expect(html).not.toContain('Dit kan nu niet meer');
	await page.goto(`/campagnes/${campaignId}/partijen`);
	await expect(partyCard(page, `Te laat ${tag}`)).toHaveCount(0);
});

test('the history shows what happened to the letter, newest first, to coordinators', async () => {
	await page.goto(`/campagnes/${campaignId}/geschiedenis`);
	await expect(page.getByRole('heading', { level: 1, name: 'Geschiedenis' })).toBeVisible();
	const rows = page.getByRole('table').getByRole('row');
	// Newest first: the send is above the signature, which is above the start.
	const texts = await rows.allInnerTexts();
	const at = (label: string) => texts.findIndex((text) => text.includes(label));
	expect(at('Brief verstuurd aan de partijen')).toBeGreaterThan(0);
	expect(at('Brief verstuurd aan de partijen')).toBeLessThan(at('Brief ondertekend'));
	expect(at('Brief ondertekend')).toBeLessThan(at('Brief begonnen'));
	await expect(rows.filter({ hasText: 'Brief ondertekend' }).first()).toContainText(DEMO_HUISARTS.name);
	await expectNoSeriousA11yViolations(page);
});
