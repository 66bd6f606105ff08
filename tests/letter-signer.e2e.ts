// Co-signing the joint letter (issue 3): a colleague invited by e-mail opens the link, signs in,
// links a practice, signs, withdraws (after a confirmation) and signs again, once with JavaScript
// and once without (form posts only). The coordinator verifies a signer; reopening the text asks
// the signers to confirm the new version, which they do. A signer cannot edit the letter.
//
// One serial journey with one browser per person. Sign-ins in this file: 3 (the coordinator and
// the two signers), plus the kring editor's once per worker. The letter has its own title, so it
// does not meet the other journeys' letters.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	ZAANSTAD_PRACTICES,
	confirmMembershipAsKring,
	expectNoSeriousA11yViolations,
	expectStatus,
	joinButton,
	joinPractice,
	linkIn,
	openForSigning,
	randomDigits,
	readMail,
	signIn,
	startLetter,
	uniqueEmail,
	uniqueTag
} from './support/browser';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const tag = uniqueTag();
// With the longest everyday word of the trade, to check it fits a phone.
const TITLE = `Mantelzorg na de gemeenteraadsverkiezingen ${tag}`;
const coordinatorEmail = uniqueEmail('coordinator');
const withScript = {
	email: uniqueEmail('tekenaar-js'),
	name: `dr. M. Jansen ${tag}`,
	bigNumber: `1${randomDigits(10)}`,
	practice: ZAANSTAD_PRACTICES.weefhuis
};
const withoutScript = {
	email: uniqueEmail('tekenaar-nojs'),
	name: `dr. K. Smit ${tag}`,
	bigNumber: `2${randomDigits(10)}`,
	practice: ZAANSTAD_PRACTICES.krommenie
};
const INVITATION_SUBJECT = 'Uitnodiging: onderteken de brief van de huisartsen in Zaanstad';
const RECONFIRM_SUBJECT = 'Bevestig de nieuwe tekst van de brief van de huisartsen in Zaanstad';

let browser: Browser;
let coordinator: BrowserContext;
let coordinatorPage: Page;
let campaignId = '';

test.beforeAll(async ({ browser: b }) => {
	browser = b;
	coordinator = await browser.newContext();
	coordinatorPage = await coordinator.newPage();
});

test.afterAll(async () => {
	await coordinator?.close();
});

/** The signer's own browser, kept for the whole journey. */
const signerContexts = new Map<string, BrowserContext>();
async function signerPage(who: { email: string }, javaScriptEnabled: boolean): Promise<Page> {
	let context = signerContexts.get(who.email);
	if (!context) {
		context = await browser.newContext({ javaScriptEnabled });
		signerContexts.set(who.email, context);
	}
	return context.pages()[0] ?? (await context.newPage());
}
test.afterAll(async () => {
	for (const context of signerContexts.values()) await context.close();
});

function signatureRow(page: Page, name: string) {
	return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('the coordinator starts a letter, opens it and invites two colleagues', async () => {
	const page = coordinatorPage;
	await page.goto('/campagnes/nieuw');
	await signIn(page, coordinatorEmail);
	// Only huisartsen of Zaanstad may start a Zaanstad letter.
	await joinPractice(page, 'GM0479', ZAANSTAD_PRACTICES.pelmolen);
	// …once the kring has confirmed that they work there.
	await confirmMembershipAsKring(browser, coordinatorEmail);
	campaignId = await startLetter(page, {
		gemeente: 'Zaanstad',
		title: TITLE,
		themes: ['Respijtzorg en mantelzorg', 'Ouderenzorg']
	});
	await openForSigning(page, campaignId);

	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	await page.getByLabel("E-mailadressen van collega's").fill(`${withScript.email}, ${withoutScript.email}`);
	await page.getByRole('button', { name: 'Stuur uitnodigingen' }).click();
	await expectStatus(page, '2 uitnodigingen zijn verstuurd.');
});

test('on a 390 px phone the title fits: no word broken in two, no sideways scrolling', async () => {
	await coordinatorPage.setViewportSize({ width: 390, height: 844 });
	try {
		await coordinatorPage.goto(`/campagnes/${campaignId}`);
		const title = coordinatorPage.getByRole('heading', { level: 1, name: TITLE });
		await expect(title).toBeVisible();
		// The lines each word of the title is laid out on: one line per word.
		const linesPerWord = await title.evaluate((h1) => {
			const text = h1.firstChild as Text;
			const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
			return words.map((word) => {
				const range = document.createRange();
				range.setStart(text, word.index);
				range.setEnd(text, word.index + word[0].length);
				return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
			});
		});
		expect(linesPerWord.every((lines) => lines === 1)).toBe(true);
		expect(await coordinatorPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	} finally {
		await coordinatorPage.setViewportSize({ width: 1280, height: 720 });
	}
});

test('with JavaScript: the invited colleague signs in, links a practice and signs', async () => {
	const page = await signerPage(withScript, true);
	const invitation = linkIn(await readMail(page.context(), { to: withScript.email, subject: INVITATION_SUBJECT }), '/uitnodiging/');
	await page.goto(invitation);
	await expect(page.getByRole('heading', { level: 1, name: 'Je bent uitgenodigd om mee te tekenen' })).toBeVisible();
	await expect(page.getByText(TITLE)).toBeVisible();
	await page.getByRole('link', { name: 'Inloggen om verder te gaan' }).click();
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Fuitnodiging%2F/);
	await signIn(page, withScript.email);

	// Back through the invitation to the letter; first a practice in Zaanstad.
	await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/ondertekenen$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Onderteken de brief' })).toBeVisible();
	await expect(page.getByRole('article', { name: 'De brief, versie 1' })).toContainText('Respijtzorg en mantelzorg');
	await expect(page.getByRole('heading', { name: 'Eerst je praktijk' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('link', { name: 'Koppel je praktijk in Zaanstad' }).click();
	await expect(page.getByText('Koppel hieronder je praktijk; daarna ga je vanzelf terug.')).toBeVisible();
	await joinButton(page, withScript.practice).click();
	await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/ondertekenen$`));

	// Showing the name is off until the signer chooses it.
	await expect(page.getByLabel('Mijn naam mag openbaar onder de brief staan')).not.toBeChecked();
	await expect(page.getByLabel('Praktijk', { exact: true }).locator('option:checked')).toHaveText(withScript.practice);
	await page.getByLabel('Naam zoals die onder de brief komt').fill(withScript.name);
	await page.getByLabel('BIG-nummer').fill('12345');
	await page.getByLabel('Mijn naam mag openbaar onder de brief staan').check();
	await page.getByRole('button', { name: 'Onderteken de brief' }).click();
	await expect(page.getByLabel('BIG-nummer')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Naam zoals die onder de brief komt')).toHaveValue(withScript.name);
	await expect(page.getByLabel('Mijn naam mag openbaar onder de brief staan')).toBeChecked();

	await page.getByLabel('BIG-nummer').fill(withScript.bigNumber);
	await page.getByRole('button', { name: 'Onderteken de brief' }).click();
	await expectStatus(page, 'Dank je wel! Je handtekening staat onder de brief.');
	const mine = page.getByRole('region', { name: 'Je hebt ondertekend' });
	await expect(mine).toContainText(`Als ${withScript.name}, ${withScript.practice}, voor versie 1 van de brief.`);
	await expect(mine).toContainText('Je naam staat openbaar onder de brief.');
	await expectNoSeriousA11yViolations(page);
});

test('with JavaScript: withdrawing asks first, and signing again works', async () => {
	const page = await signerPage(withScript, true);
	await page.getByRole('link', { name: 'Handtekening intrekken' }).click();
	await expect(page.getByRole('heading', { name: 'Handtekening intrekken?' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('link', { name: 'Nee, laat mijn handtekening staan' }).click();
	await expect(page.getByRole('heading', { name: 'Handtekening intrekken?' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Je hebt ondertekend' })).toBeVisible();

	await page.getByRole('link', { name: 'Handtekening intrekken' }).click();
	await page.getByRole('button', { name: 'Ja, trek mijn handtekening in' }).click();
	await expectStatus(page, 'Je handtekening is ingetrokken.');
	await expect(page.getByRole('heading', { name: 'Je hebt ondertekend' })).toHaveCount(0);
	await expect(page.getByText('Je had eerder ondertekend en dat ingetrokken. Je kunt opnieuw ondertekenen.')).toBeVisible();

	await page.getByLabel('Naam zoals die onder de brief komt').fill(withScript.name);
	await page.getByLabel('BIG-nummer').fill(withScript.bigNumber);
	await page.getByLabel('Mijn naam mag openbaar onder de brief staan').check();
	await page.getByRole('button', { name: 'Onderteken de brief' }).click();
	await expectStatus(page, 'Dank je wel! Je handtekening staat onder de brief.');
	await expect(page.getByRole('heading', { name: 'Je hebt ondertekend' })).toBeVisible();
});

test('a signer reads the letter but cannot edit it or reach the coordinators\' pages', async () => {
	const page = await signerPage(withScript, true);
	await page.goto(`/campagnes/${campaignId}/brief`);
	await expect(page.getByRole('article', { name: 'De brief, versie 1' })).toBeVisible();
	await expect(page.getByLabel('Tekst van de brief (Markdown)')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Opslaan als nieuwe versie' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	// Not even by posting the form by hand.
	const origin = new URL(page.url()).origin;
	const response = await page.request.post(`/campagnes/${campaignId}/brief?/save`, {
		form: { body: `Gewijzigd door een ondertekenaar ${tag}\n\n1. Vraag`, basedOn: '1' },
		headers: { origin },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	await page.reload();
	await expect(page.getByText(/^Versie 1, opgeslagen op /)).toBeVisible();
	await expect(page.locator('body')).not.toContainText('Gewijzigd door een ondertekenaar');

	for (const path of ['versturen', 'partijen', 'ondertekenaars']) {
		const forbidden = await page.goto(`/campagnes/${campaignId}/${path}`);
		expect(forbidden?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
		await expect(page.getByText(/^Alleen de coördinatoren van deze brief( en de kring)? kunnen/)).toBeVisible();
	}
});

test.describe('without JavaScript', () => {
	test('the invited colleague signs, withdraws and signs again with plain form posts', async () => {
		const page = await signerPage(withoutScript, false);
		const invitation = linkIn(
			await readMail(page.context(), { to: withoutScript.email, subject: INVITATION_SUBJECT }),
			'/uitnodiging/'
		);
		await page.goto(invitation);
		await page.getByRole('link', { name: 'Inloggen om verder te gaan' }).click();
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Fuitnodiging%2F/);
		await signIn(page, withoutScript.email);
		await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/ondertekenen$`));
		await page.getByRole('link', { name: 'Koppel je praktijk in Zaanstad' }).click();
		await joinButton(page, withoutScript.practice).click();
		await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/ondertekenen$`));

		// A missing name is explained; what was typed stays.
		await page.getByLabel('Naam zoals die onder de brief komt').fill('');
		await page.getByLabel('BIG-nummer').fill(withoutScript.bigNumber);
		await page.getByRole('button', { name: 'Onderteken de brief' }).click();
		await expect(page.getByLabel('Naam zoals die onder de brief komt')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('BIG-nummer')).toHaveValue(withoutScript.bigNumber);

		await page.getByLabel('Naam zoals die onder de brief komt').fill(withoutScript.name);
		await page.getByRole('button', { name: 'Onderteken de brief' }).click();
		await expectStatus(page, 'Dank je wel! Je handtekening staat onder de brief.');
		const mine = page.getByRole('region', { name: 'Je hebt ondertekend' });
		await expect(mine).toContainText(withoutScript.practice);
		await expect(mine).toContainText('Je naam blijft verborgen; je telt wel mee in het aantal ondertekenaars.');

		await page.getByRole('link', { name: 'Handtekening intrekken' }).click();
		await expect(page).toHaveURL(/\?intrekken#intrekken$/);
		await page.getByRole('button', { name: 'Ja, trek mijn handtekening in' }).click();
		await expectStatus(page, 'Je handtekening is ingetrokken.');

		await page.getByLabel('Naam zoals die onder de brief komt').fill(withoutScript.name);
		await page.getByLabel('BIG-nummer').fill(withoutScript.bigNumber);
		await page.getByRole('button', { name: 'Onderteken de brief' }).click();
		await expectStatus(page, 'Dank je wel! Je handtekening staat onder de brief.');
		await expect(page.getByRole('region', { name: 'Je hebt ondertekend' })).toContainText('Je naam blijft verborgen');
	});
});

test('the coordinator sees both signatures and the coverage, and verifies one', async () => {
	const page = coordinatorPage;
	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	await expect(page.getByText(/^2 huisartsen uit 2 van de \d+ praktijken in Zaanstad$/)).toBeVisible();
	const unsigned = page.getByRole('list', { name: 'Praktijken die nog niet ondertekend hebben' });
	await expect(unsigned).toContainText(ZAANSTAD_PRACTICES.oostzijderveld);
	await expect(unsigned).not.toContainText(withScript.practice);
	await expect(unsigned).not.toContainText(withoutScript.practice);
	await expect(page.getByRole('heading', { name: 'Handtekeningen (2)' })).toBeVisible();

	const first = signatureRow(page, withScript.name);
	await expect(first).toContainText(withScript.bigNumber);
	await expect(first.getByRole('cell').nth(2)).toHaveText('ja'); // Openbaar
	await expect(signatureRow(page, withoutScript.name).getByRole('cell').nth(2)).toHaveText('nee');
	await expectNoSeriousA11yViolations(page);

	// A hand verification says how it was checked; without that it is refused.
	await first.locator('summary', { hasText: 'Verifiëren' }).click();
	await first.getByRole('button', { name: 'Markeer als geverifieerd' }).click();
	await expect(signatureRow(page, withScript.name)).toContainText('Schrijf op hoe je het BIG-nummer hebt gecontroleerd');
	await signatureRow(page, withScript.name).getByLabel('Hoe heb je het gecontroleerd?').fill('Gebeld met de praktijk');
	await signatureRow(page, withScript.name).getByRole('button', { name: 'Markeer als geverifieerd' }).click();
	await expectStatus(page, 'De handtekening is gemarkeerd als geverifieerd.');
	await expect(signatureRow(page, withScript.name)).toContainText('Gebeld met de praktijk');
	await expect(signatureRow(page, withScript.name).getByRole('button', { name: `Verificatie intrekken: ${withScript.name}` })).toBeVisible();
	await expect(signatureRow(page, withScript.name).getByRole('cell').last()).toContainText('ja');

	const signer = await signerPage(withScript, true);
	await signer.goto(`/campagnes/${campaignId}/ondertekenen`);
	await expect(signer.getByRole('region', { name: 'Je hebt ondertekend' })).toContainText('Geverifieerd');
});

test('the coordinator reopens and changes the text, and opens it again', async () => {
	const page = coordinatorPage;
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByText('Tekst toch aanpassen').click();
	await page.getByLabel('Ja, heropen de tekst').check();
	await page.getByRole('button', { name: 'Heropen de tekst' }).click();
	await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/brief$`));
	const editor = page.getByLabel('Tekst van de brief (Markdown)');
	await expect(editor).toBeEditable();
	await page.waitForLoadState('networkidle');
	const text = await editor.inputValue();
	await editor.fill(text.replace('Met vriendelijke groet,', `Wij rekenen op u in ${tag}.\n\nMet vriendelijke groet,`));
	await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
	await expectStatus(page, 'Versie 2 is opgeslagen.');
	await openForSigning(page, campaignId);

	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	for (const signer of [withScript, withoutScript]) {
		await expect(signatureRow(page, signer.name)).toContainText('getekend voor versie 1');
	}
});

test('with JavaScript: the signer follows the mail, sees what changed and confirms', async () => {
	const page = await signerPage(withScript, true);
	const mail = await readMail(page.context(), { to: withScript.email, subject: RECONFIRM_SUBJECT });
	expect(mail).toContain('nu ligt versie 2 ter ondertekening');
	await page.goto(linkIn(mail, `/campagnes/${campaignId}/`));
	await expect(page.getByRole('heading', { name: 'De tekst is aangepast' })).toBeVisible();
	await expect(page.getByText(/getekend voor versie 1/)).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('link', { name: 'Bekijk wat er veranderd is' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Versie 1 en versie 2 vergeleken' })).toBeVisible();
	const diff = page.getByRole('region', { name: 'Verschillen tussen versie 1 en versie 2' });
	await expect(diff.locator('ins', { hasText: 'rekenen' })).toHaveCount(1);
	await page.goBack();

	await page.getByRole('button', { name: 'Bevestig de nieuwe tekst' }).click();
	await expectStatus(page, 'Dank je wel! Je handtekening staat nu onder de nieuwe tekst.');
	await expect(page.getByRole('heading', { name: 'De tekst is aangepast' })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Je hebt ondertekend' })).toContainText('voor versie 2 van de brief');
});

test.describe('without JavaScript', () => {
	test('the other signer confirms the new text with a form post', async () => {
		const page = await signerPage(withoutScript, false);
		await readMail(page.context(), { to: withoutScript.email, subject: RECONFIRM_SUBJECT });
		await page.goto(`/campagnes/${campaignId}/ondertekenen`);
		await expect(page.getByRole('heading', { name: 'De tekst is aangepast' })).toBeVisible();
		await page.getByRole('button', { name: 'Bevestig de nieuwe tekst' }).click();
		await expectStatus(page, 'Dank je wel! Je handtekening staat nu onder de nieuwe tekst.');
	});
});

test('the coordinator sees both signatures under the new text', async () => {
	const page = coordinatorPage;
	await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
	for (const signer of [withScript, withoutScript]) {
		await expect(signatureRow(page, signer.name).getByRole('cell').nth(3)).toHaveText('versie 2');
	}
	await expect(signatureRow(page, withScript.name).getByRole('cell').last()).toContainText('ja');
});
