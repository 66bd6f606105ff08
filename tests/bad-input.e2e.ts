// Bad input never ends in a 500 or an English page: invisible control characters (NUL) are
// dropped on the way in, an unknown gemeente for a practice and a letter over the limit get a
// Dutch message next to the field with everything typed kept, and a request too large to read
// gets a calm Dutch page (or JSON for the live preview) with the app's Content Security Policy.
import { expect, test } from '@playwright/test';
import { addPractice, confirmMembershipAsKring, signIn, startLetter, uniqueEmail, uniqueTag } from './support/browser';

test('bad input gets a Dutch message, keeps what was typed, and never a 500', async ({ page, browser }) => {
	test.setTimeout(180_000);
	const html = { accept: 'text/html,application/xhtml+xml' };
	const email = uniqueEmail('invoer');
	await page.goto('/account');
	await signIn(page, email);

	await test.step('a NUL byte in a text field is dropped, the rest is saved', async () => {
		const saved = await page.request.post('/account?/profile', {
			form: { name: 'Dr. Nul\u0000 de Vries', bigNumber: '' },
			headers: html,
			maxRedirects: 0
		});
		expect(saved.status()).toBe(303);
		await page.goto('/account');
		await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Dr. Nul de Vries');
	});

	await test.step('an unknown gemeente for a practice is explained next to the field, the rest kept', async () => {
		const name = `Praktijk Nergens ${uniqueTag()}`;
		const refused = await page.request.post('/account?/addPractice', {
			form: { name, agbCode: '01123456', address: 'Nergensweg 1', gemeenteCode: 'GM9999' },
			headers: html,
			maxRedirects: 0
		});
		expect(refused.status()).toBe(400);
		const body = await refused.text();
		expect(body).toContain('Deze gemeente kennen we niet. Kies de gemeente van je praktijk uit de lijst.');
		expect(body).toContain(name);
		expect(body).toContain('Nergensweg 1');
	});

	await test.step('a practice id that is no id is no 500', async () => {
		const left = await page.request.post('/account?/leave', { form: { practiceId: 'geen-id' }, headers: html, maxRedirects: 0 });
		expect(left.status()).toBeLessThan(500);
	});

	const campaignId = await test.step('a letter far over the limit keeps its text and says what to do', async () => {
		await addPractice(page, 'Purmerend', `Praktijk Purmerend ${uniqueTag()}`);
		// The demo kring covers Purmerend; its editor confirms the practice, so a letter may start.
		await confirmMembershipAsKring(browser, email);
		const id = await startLetter(page, { gemeente: 'Purmerend', title: `Te lange brief ${uniqueTag()}`, themes: ['Jeugdzorg'] });
		// 600,000 characters: more than adapter-node's default body limit of 512 kB.
		const long = `${'Dit is een heel lange brief. '.repeat(20_690)}EINDE`;
		await page.getByLabel('Tekst van de brief (Markdown)').fill(long);
		await page.getByRole('button', { name: /Opslaan/ }).first().click();
		await expect(page.getByText(/hoogstens 50\.000 tekens/).first()).toBeVisible();
		expect((await page.getByLabel('Tekst van de brief (Markdown)').inputValue()).length).toBe(long.length);
		return id;
	});

	await test.step('a 10 MB preview request gets a Dutch answer, not an English page', async () => {
		const response = await page.request.post(`/campagnes/${campaignId}/brief/voorbeeld`, {
			data: { body: 'x'.repeat(10 * 1024 * 1024) },
			failOnStatusCode: false
		});
		expect(response.status()).toBe(413);
		const answer: { error?: string } = await response.json();
		expect(answer.error).toMatch(/groter dan we in één keer aannemen/);
	});

	await test.step('a form post too large to read gets a calm Dutch page with a Content Security Policy', async () => {
		const response = await page.request.post('/account?/profile', {
			multipart: { name: 'x'.repeat(27 * 1024 * 1024), bigNumber: '' },
			headers: html,
			maxRedirects: 0,
			failOnStatusCode: false
		});
		expect(response.status()).toBe(413);
		expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
		const body = await response.text();
		expect(body).toContain('Te veel tekst in één keer');
		expect(body).toContain('Ga terug met de terugknop');
	});
});
