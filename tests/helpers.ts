// Shared steps for the browser journeys: signing in through the real e-mail code flow (the code
// is read from the development mailbox, /dev/mail), accessibility checks, and test addresses.
//
// Budget: every test comes from 127.0.0.1, and the server allows 30 code sends per hour and 30
// code checks per 15 minutes per client. Keep the whole suite well under that; each call of
// signIn() costs one send and one check.
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** A fresh address per call, so tests never share an account or a per-address rate limit. */
export function uniqueEmail(prefix = 'huisarts'): string {
	const random = Math.random().toString(36).slice(2, 8);
	return `${prefix}-${Date.now()}-${random}@example.nl`;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The newest sign-in code sent to `email`, read from /dev/mail in a separate tab of the same
 * browser (so the sign-in page keeps its place). Returned as written in the mail: "1234 5678".
 */
export async function readLoginCode(context: BrowserContext, email: string): Promise<string> {
	const mailbox = await context.newPage();
	try {
		await mailbox.goto('/dev/mail');
		// Newest first: the first message to this address holds the code that still works.
		const message = mailbox
			.getByRole('article', { name: new RegExp(`^E-mail aan ${escapeRegExp(email)}:`) })
			.first();
		await expect(message).toBeVisible();
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
	const code = await readLoginCode(page.context(), email);
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
