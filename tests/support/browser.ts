// Shared steps for the browser journeys: signing in through the real e-mail code flow (the code
// is read from the development mailbox, /dev/mail), accessibility checks, and test addresses.
//
// Budget: every test comes from 127.0.0.1, and the server allows 30 code sends per hour and 30
// code checks per 15 minutes per client. Keep the whole suite well under that; each call of
// signIn() costs one send and one check.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Dialog, type Page } from '@playwright/test';

/** A fresh address per call, so tests never share an account or a per-address rate limit. */
export function uniqueEmail(prefix = 'huisarts'): string {
	const random = Math.random().toString(36).slice(2, 8);
	return `${prefix}-${Date.now()}-${random}@example.nl`;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The reference of the code request shown on /inloggen/code ("Kenmerk van deze aanvraag"). */
export async function codeReference(page: Page): Promise<string> {
	const reference = (await page.locator('.reference').innerText()).trim();
	if (!/^[0-9A-F]{6}$/.test(reference)) throw new Error(`No request reference on ${page.url()}: "${reference}"`);
	return reference;
}

/**
 * The sign-in code sent to `email`, read from /dev/mail in a separate tab of the same browser (so
 * the sign-in page keeps its place). With `reference` (see codeReference) the mail of that very
 * request, so that parallel sign-ins to one address never read each other's code; else the newest.
 * Returned as written in the mail: "1234 5678".
 */
export async function readLoginCode(context: BrowserContext, email: string, reference?: string): Promise<string> {
	const mailbox = await context.newPage();
	try {
		// Newest first: the first matching message holds the code that still works.
		const messages = mailbox.getByRole('article', { name: new RegExp(`^E-mail aan ${escapeRegExp(email)}:`) });
		const message = (reference ? messages.filter({ hasText: `Kenmerk: ${reference}` }) : messages).first();
		await expect(async () => {
			await mailbox.goto('/dev/mail');
			await expect(message).toBeVisible({ timeout: 1_000 });
		}).toPass({ timeout: 15_000 });
		const body = await message.locator('pre').innerText();
		const match = body.match(/\b(\d{4} \d{4})\b/);
		if (!match) throw new Error(`No sign-in code in the mail to ${email}:\n${body}`);
		return match[1];
	} finally {
		await mailbox.close();
	}
}

/**
 * Fills in the address on the sign-in page `page` is on (or opens /inloggen) and asks for a code.
 * Ends on /inloggen/code.
 */
export async function requestLoginCode(page: Page, email: string): Promise<void> {
	if (!new URL(page.url(), 'http://x').pathname.startsWith('/inloggen')) await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur inlogcode' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code(\?|$)/);
	await expect(page.getByRole('heading', { level: 1, name: 'Vul je inlogcode in' })).toBeVisible();
}

/** Types `code` on /inloggen/code and submits it. */
export async function enterLoginCode(page: Page, code: string): Promise<void> {
	await page.getByLabel('Inlogcode').fill(code);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/**
 * Signs in as `email` (creating the account on first use) the way a huisarts does: address on
 * /inloggen, code from the mail, code on /inloggen/code. Starts from the current page when it is a
 * sign-in page (so ?naar= is kept), else from /inloggen. Ends signed in, wherever the app sends you.
 */
export async function signIn(page: Page, email: string): Promise<void> {
	await requestLoginCode(page, email);
	const code = await readLoginCode(page.context(), email, await codeReference(page));
	await enterLoginCode(page, code);
	await expect(page).not.toHaveURL(/\/inloggen/);
	await expect(siteHeader(page).getByRole('button', { name: 'Uitloggen' })).toBeVisible();
}

/** The site-wide header navigation ("Hoofdmenu"). */
export function siteHeader(page: Page) {
	return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).setLegacyMode(true).analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const report = serious.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')
	);
	expect(report, `Accessibility violations on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The joint letter (issue 3): mail links, practices, campaigns, and a guard against script.

/** The demo huisarts of the seed: Anna de Vries, Huisartsenpraktijk De Zaanoever (demo), Zaanstad. */
export const DEMO_HUISARTS = { email: 'huisarts@demo.laatjehoren.nl', name: 'Anna de Vries' };

/** The demo practices in Zaanstad (GM0479) nobody else's journey signs for twice in one campaign. */
export const ZAANSTAD_PRACTICES = {
	zaanoever: 'Huisartsenpraktijk De Zaanoever (demo)',
	weefhuis: 'Gezondheidscentrum Het Weefhuis (demo)',
	krommenie: 'Huisartsen Krommenie-Noord (demo)',
	pelmolen: 'Huisartsenpraktijk De Pelmolen (demo)',
	oostzijderveld: 'Huisartsenpraktijk Het Oostzijderveld (demo)'
} as const;

/** A short random tag, to make names and titles unique within one run. */
export function uniqueTag(): string {
	return Math.random().toString(36).slice(2, 7);
}

/** `count` random digits. */
export function randomDigits(count: number): string {
	return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

/**
 * The text of the newest mail whose mailbox label ("E-mail aan <to>: <subject>") matches, read
 * from /dev/mail in a separate tab. `to` may be one address of several; `subject` a substring or a
 * pattern; `containing` a text the mail must hold. Waits (reloading) until such a mail is there.
 */
export async function readMail(
	context: BrowserContext,
	match: { to: string; subject?: string | RegExp; containing?: string }
): Promise<string> {
	const mailbox = await context.newPage();
	try {
		const subject =
			match.subject === undefined
				? '.*'
				: typeof match.subject === 'string'
					? `.*${escapeRegExp(match.subject)}.*`
					: match.subject.source;
		const label = new RegExp(`^E-mail aan (?:[^:]*[ ,])?${escapeRegExp(match.to)}(?:,[^:]*)?: ${subject}$`);
		const messages = mailbox.getByRole('article', { name: label });
		const message = (match.containing === undefined ? messages : messages.filter({ hasText: match.containing })).first();
		await expect(async () => {
			await mailbox.goto('/dev/mail');
			await expect(message).toBeVisible({ timeout: 1_000 });
		}).toPass({ timeout: 15_000 });
		return await message.locator('pre').innerText();
	} finally {
		await mailbox.close();
	}
}

/** The first absolute link in `body` whose path starts with `pathPrefix` (e.g. "/uitnodiging/"). */
export function linkIn(body: string, pathPrefix: string): string {
	const match = body.match(new RegExp(`https?://[^\\s"<>]+${escapeRegExp(pathPrefix)}[^\\s"<>]+`));
	if (!match) throw new Error(`No link to ${pathPrefix} in this mail:\n${body}`);
	return match[0];
}

/**
 * Links the signed-in user to an existing practice in a gemeente from the account page ("Ik werk
 * hier"). `gemeenteCode` like "GM0479"; `practice` the practice's exact name.
 */
export async function joinPractice(page: Page, gemeenteCode: string, practice: string): Promise<void> {
	await page.goto(`/account?gemeente=${gemeenteCode}`);
	await joinButton(page, practice).click();
	await expectStatus(page, 'Je bent aan de praktijk gekoppeld.');
	await expect(page.getByRole('button', { name: `Ontkoppelen van ${practice}` })).toBeVisible();
}

/** Adds a new practice in a gemeente (by its name in the list) on /account and links it. */
export async function addPractice(page: Page, gemeente: string, name: string): Promise<void> {
	await page.goto('/account');
	await page.getByLabel('Naam van de praktijk').fill(name);
	await page.getByLabel('AGB-code van de praktijk').fill(`01${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`);
	await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: gemeente });
	await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
	await expectStatus(page, /^De praktijk is toegevoegd en aan je account gekoppeld\./);
}

/** The demo kring's editor (its kring covers Zaanstad, Wormerland, Oostzaan and Purmerend). */
export const KRING_EDITOR = { email: 'kring@demo.laatjehoren.nl', name: 'Sanne Jansen' };

// The kring editor's session, signed in once per worker (each sign-in spends from the
// per-client code budget above) and reused in a fresh browser context for every call.
let kringEditorState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

/** Does `work` as the kring editor, in a browser of its own. */
export async function asKringEditor(browser: Browser, work: (page: Page) => Promise<void>): Promise<void> {
	const context = await browser.newContext(kringEditorState ? { storageState: kringEditorState } : {});
	try {
		const page = await context.newPage();
		if (!kringEditorState) {
			await page.goto('/inloggen');
			await signIn(page, KRING_EDITOR.email);
			kringEditorState = await context.storageState();
		}
		await work(page);
	} finally {
		await context.close();
	}
}

/** The kring editor confirms, on /bevestigen, that `email` works at their practice (with an axe
 * check of that page first when `checkA11y`). */
export async function confirmMembershipAsKring(browser: Browser, email: string, options: { checkA11y?: boolean } = {}): Promise<void> {
	await asKringEditor(browser, async (page) => {
		await page.goto('/bevestigen');
		if (options.checkA11y) await expectNoSeriousA11yViolations(page);
		const card = page.getByRole('listitem').filter({ hasText: email });
		await card.getByRole('checkbox').check();
		await card.getByRole('button', { name: 'Bevestig' }).click();
		await expectStatus(page, /^Bevestigd\./);
	});
}

/** The kring editor verifies a signature by hand on the letter's signers page, saying how. */
export async function verifySignatureAsKring(browser: Browser, campaignId: string, signerName: string, note: string): Promise<void> {
	await asKringEditor(browser, async (page) => {
		await page.goto(`/campagnes/${campaignId}/ondertekenaars`);
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: signerName, exact: true }) });
		await row.locator('summary', { hasText: 'Verifiëren' }).click();
		await row.getByLabel('Hoe heb je het gecontroleerd?').fill(note);
		await row.getByRole('button', { name: 'Markeer als geverifieerd' }).click();
		await expectStatus(page, 'De handtekening is gemarkeerd als geverifieerd.');
	});
}

/** The "Ik werk hier" button of one practice in the account page's search results. */
export function joinButton(page: Page, practice: string) {
	return page
		.getByRole('region', { name: 'Je praktijk' })
		.getByRole('button', { name: new RegExp(`^Ik werk hier\\s*:\\s*${escapeRegExp(practice)}$`) });
}

/**
 * Starts a letter on /campagnes/nieuw: an occasion's label ("De kadernota 2027"; default: the first offered) or
 * a title of one's own (`title`), and the themes by label. Ends on the editor; returns the id.
 */
export async function startLetter(
	page: Page,
	options: { gemeente: string; occasion?: string; title?: string; themes: string[] }
): Promise<string> {
	await page.goto('/campagnes/nieuw');
	await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: options.gemeente });
	const occasions = page.getByRole('group', { name: 'Aanleiding' });
	if (options.title !== undefined) {
		await occasions.getByLabel('Iets anders (eigen titel)').check();
		await page.getByLabel(/^Eigen titel/).fill(options.title);
	} else {
		if (options.occasion) await occasions.getByLabel(options.occasion, { exact: true }).check();
		else await occasions.getByRole('radio').first().check();
	}
	const themes = page.getByRole('group', { name: "Thema's" });
	for (const theme of options.themes) await themes.getByLabel(theme, { exact: true }).check();
	await page.getByRole('button', { name: 'Begin de brief' }).click();
	await expect(page).toHaveURL(/\/campagnes\/[^/]+\/brief$/);
	await expect(page.getByRole('heading', { level: 1, name: 'De brief' })).toBeVisible();
	return campaignIdFrom(page.url());
}

/** The campaign id in a /campagnes/<id>/… address. */
export function campaignIdFrom(url: string): string {
	const match = new URL(url).pathname.match(/^\/campagnes\/([^/]+)/);
	if (!match || match[1] === 'nieuw') throw new Error(`Not a campaign address: ${url}`);
	return match[1];
}

/** On the campaign overview: ticks "Ja, de tekst is klaar" and opens the letter for signing. */
export async function openForSigning(page: Page, campaignId: string): Promise<void> {
	await page.goto(`/campagnes/${campaignId}`);
	await page.getByLabel('Ja, de tekst is klaar').check();
	await page.getByRole('button', { name: 'Open voor ondertekening' }).click();
	await expectStatus(page, 'De brief staat open voor ondertekening. De tekst ligt nu vast.');
}

/**
 * Signs the letter on /campagnes/<id>/ondertekenen as the signed-in huisarts (who must have a
 * practice in the gemeente): name, BIG number, and whether the name may be public.
 */
export async function signLetter(
	page: Page,
	campaignId: string,
	signer: { name: string; bigNumber: string; showName: boolean; practice?: string }
): Promise<void> {
	if (!new URL(page.url()).pathname.endsWith(`/campagnes/${campaignId}/ondertekenen`)) {
		await page.goto(`/campagnes/${campaignId}/ondertekenen`);
	}
	await page.getByLabel('Naam zoals die onder de brief komt').fill(signer.name);
	if (signer.practice) await page.getByLabel('Praktijk', { exact: true }).selectOption({ label: signer.practice });
	await page.getByLabel('BIG-nummer').fill(signer.bigNumber);
	await page.getByLabel('Mijn naam mag openbaar onder de brief staan').setChecked(signer.showName);
	await page.getByRole('button', { name: 'Onderteken de brief' }).click();
	await expectStatus(page, 'Dank je wel! Je handtekening staat onder de brief.');
	await expect(page.getByRole('heading', { name: 'Je hebt ondertekend' })).toBeVisible();
}

/** Adds a party with one contact address on /campagnes/<id>/partijen. */
export async function addParty(page: Page, campaignId: string, party: { name: string; email: string }): Promise<void> {
	await addPartyAt(page, `/campagnes/${campaignId}/partijen`, party);
}

/** Adds a party with one contact address on a party-list page (a letter's, or /partijen/<gemeente>). */
export async function addPartyAt(page: Page, path: string, party: { name: string; email: string }): Promise<void> {
	await page.goto(path);
	const adding = page.getByRole('region', { name: 'Partij toevoegen' });
	await adding.getByLabel('Naam van de partij').fill(party.name);
	await adding.getByRole('button', { name: 'Partij toevoegen' }).click();
	await expectStatus(page, 'De partij is opgeslagen.');
	const card = partyCard(page, party.name);
	await card.locator('summary', { hasText: 'E-mailadres toevoegen' }).click();
	await card.getByLabel('Nieuw e-mailadres').fill(party.email);
	await card.getByRole('button', { name: 'Adres toevoegen' }).click();
	await expectStatus(page, 'Het e-mailadres is opgeslagen.');
	await expect(partyCard(page, party.name).getByRole('list', { name: `E-mailadressen van ${party.name}` })).toContainText(party.email);
}

/** A party's card on the Partijen page. */
export function partyCard(page: Page, name: string) {
	// The heading is the name, with the abbreviation in brackets when there is one.
	const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(name)}( \\(.*\\))?$`) });
	return page.getByRole('listitem').filter({ has: heading });
}

/**
 * Sends the letter from /campagnes/<id>/versturen after ticking the confirmation. Ends on the
 * delivery status.
 */
export async function sendLetter(page: Page, campaignId: string): Promise<void> {
	await page.goto(`/campagnes/${campaignId}/versturen`);
	const delivered = page.getByRole('table', { name: 'Bezorging per partij' });
	// Journeys in parallel share Zaanstad's party list. A party another journey adds between this
	// review and the click makes the send refuse, as it should; a coordinator then checks the
	// refreshed review and sends again, and so does this helper.
	const changed = page
		.getByRole('alert')
		.filter({ hasText: /Er is iets veranderd sinds je dit overzicht opende|iemand anders heeft e-mailadressen van partijen/ });
	for (let attempt = 1; ; attempt++) {
		// Addresses other journeys changed in the shared list: this coordinator checks them.
		const form = page.locator('form').filter({ has: page.getByRole('button', { name: /^Verstuur de brief/ }) });
		for (const box of await form.getByRole('checkbox', { name: / klopt/ }).all()) await box.check();
		await page.getByLabel('Ik heb de brief, de ondertekenaars en de ontvangers gecontroleerd').check();
		await page.getByRole('button', { name: /^Verstuur de brief naar \d+ partij(en)?$/ }).click();
		await expect(delivered.or(changed)).toBeVisible();
		if ((await delivered.isVisible()) || attempt === 3) break;
	}
	await expect(delivered).toBeVisible();
}

/**
 * Records every alert, confirm or prompt that a page (or any page of a browser context) opens, and
 * dismisses it. An XSS payload that runs shows up here: assert `dialogs` is empty.
 */
export function recordDialogs(target: Page | BrowserContext): { dialogs: string[] } {
	const seen = { dialogs: [] as string[] };
	const onDialog = async (dialog: Dialog) => {
		seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		await dialog.dismiss().catch(() => {});
	};
	if ('goto' in target) target.on('dialog', onDialog);
	else target.on('dialog', onDialog);
	return seen;
}

/**
 * Expects a status message (role="status") with exactly this text. Filters by the text, so an
 * older message still on its way out during a navigation does not count as a second match.
 */
export async function expectStatus(page: Page, text: string | RegExp): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: text })).toHaveText(text);
}
