// Public pages as a browser, a proxy and a CDN meet them: compressed as the client accepts, a
// stable ETag with 304 for a repeat, a Cache-Control that lets a proxy keep the page (but never a
// signed-in page), no scripts on the gemeente page, and a change shows at once on the next load.
// A link to any public page, shared in a chat, a newsletter or a tweet, says what it is: title,
// a one-line summary, the canonical address (OpenGraph, a Twitter card), each tag once.
import { expect, test, type Page } from '@playwright/test';
import { addPractice, confirmMembershipAsKring, openForSigning, signIn, startLetter, uniqueEmail, uniqueTag } from './support/browser';

test('public pages are compressed, revalidate with a stable ETag, and carry no scripts', async ({ request }) => {
	for (const path of ['/', '/g/zaanstad', '/gemeenten.json']) {
		const first = await request.get(path, { headers: { 'accept-encoding': 'br, gzip' } });
		expect(first.status()).toBe(200);
		expect(first.headers()['content-encoding']).toBe('br');
		expect(first.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+$/);
		expect(first.headers()['vary']).toContain('Cookie');
		const etag = first.headers()['etag'];
		expect(etag).toBeTruthy();

		const gzip = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
		expect(gzip.headers()['content-encoding']).toBe('gzip');
		expect(gzip.headers()['etag']).toBe(etag);
		expect(await gzip.text()).toBe(await first.text());

		const again = await request.get(path, { headers: { 'if-none-match': etag } });
		expect(again.status()).toBe(304);
		expect(await again.text()).toBe('');
	}
	const gemeente = await (await request.get('/g/zaanstad')).text();
	expect(gemeente).not.toContain('<script');
	expect(gemeente).not.toContain('modulepreload');
});

test('a letter opened for signing shows at once on the public page; signed-in pages stay private', async ({ page, request, browser }) => {
	test.setTimeout(120_000);
	const before = await request.get('/g/oostzaan');
	const etag = before.headers()['etag'];
	expect(await before.text()).toContain('hebben hier nog geen gezamenlijke brief');

	const email = uniqueEmail('publiek');
	await page.goto('/account');
	await signIn(page, email);
	const signedIn = await page.request.get('/g/oostzaan');
	expect(signedIn.headers()['cache-control']).toBe('private, no-store');

	await addPractice(page, 'Oostzaan', `Praktijk Oostzaan ${uniqueTag()}`);
	// The demo kring covers Oostzaan; its editor confirms the practice, so a letter may start.
	await confirmMembershipAsKring(browser, email);
	const title = `Brief voor Oostzaan ${uniqueTag()}`;
	const campaignId = await startLetter(page, { gemeente: 'Oostzaan', title, themes: ['Jeugdzorg'] });
	await openForSigning(page, campaignId);

	const after = await request.get('/g/oostzaan', { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(after.headers()['etag']).not.toBe(etag);
	expect(await after.text()).toContain(title);

	// A shared link of the page now names the letter.
	const reader = await browser.newPage();
	await reader.goto('/g/oostzaan');
	await expectShareTags(reader, { title: `Oostzaan: ${title}`, description: 'Staat open voor ondertekening', canonical: '/g/oostzaan' });
	await reader.close();
});

/** The page's share tags: each once, with these words and this canonical address. */
async function expectShareTags(
	page: Page,
	expected: { title: string | RegExp; description: string | RegExp; canonical: string; type?: 'website' | 'article' }
): Promise<void> {
	const origin = new URL(page.url()).origin;
	const meta = (key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
	for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:locale', 'og:site_name', 'twitter:card', 'twitter:title', 'twitter:description', 'description']) {
		await expect(meta(key), `${key} on ${page.url()}`).toHaveCount(1);
	}
	await expect(page.locator('head link[rel="canonical"]')).toHaveCount(1);
	await expect(meta('og:title')).toHaveAttribute('content', expected.title);
	await expect(meta('twitter:title')).toHaveAttribute('content', expected.title);
	await expect(meta('og:description')).toHaveAttribute('content', expected.description);
	await expect(meta('twitter:description')).toHaveAttribute('content', expected.description);
	await expect(meta('description')).toHaveAttribute('content', expected.description);
	await expect(meta('og:url')).toHaveAttribute('content', `${origin}${expected.canonical}`);
	await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${origin}${expected.canonical}`);
	await expect(meta('og:type')).toHaveAttribute('content', expected.type ?? 'website');
	await expect(meta('og:locale')).toHaveAttribute('content', 'nl_NL');
	await expect(meta('og:site_name')).toHaveAttribute('content', 'Laat je horen');
	await expect(meta('twitter:card')).toHaveAttribute('content', 'summary');
}

test('every public page says what it is when its link is shared', async ({ page }) => {
	const letters = /^(\d+ brie(f|ven) van huisartsen aan de gemeentepolitiek, in \d+ gemeenten?: wie tekende en wat de partijen antwoordden\.|De huisartsen van een gemeente schrijven samen één brief .+)$/;
	const pages = [
		{ path: '/', title: 'Laat je horen: huisartsen samen in gesprek met de gemeentepolitiek', description: letters, canonical: '/' },
		// The finder's results are the same page: the canonical address drops the query.
		{ path: '/?q=zaandam', title: 'Laat je horen: huisartsen samen in gesprek met de gemeentepolitiek', description: letters, canonical: '/' },
		{ path: '/brieven', title: 'Brieven van huisartsen aan de gemeentepolitiek', description: letters, canonical: '/brieven' },
		{
			path: '/g/landsmeer',
			title: 'Landsmeer: huisartsen en de gemeentepolitiek',
			description: 'Nog geen brief van de huisartsen in Landsmeer. Wat de partijen over zorg schrijven en wat de gemeente besluit.',
			canonical: '/g/landsmeer'
		},
		// By CBS code, and with the matrix's filters: the slug address is canonical.
		{ path: '/g/GM0415?thema=jeugdzorg', title: 'Landsmeer: huisartsen en de gemeentepolitiek', description: /^Nog geen brief van de huisartsen in Landsmeer\./, canonical: '/g/landsmeer' },
		{ path: '/open-data', title: 'Open data van Laat je horen', description: /^De brieven van huisartsen met de antwoorden van de partijen/, canonical: '/open-data' },
		// The council's and the outcomes' pages, with filters: the canonical address drops the query.
		{ path: '/g/zaanstad/raad', title: 'Gemeenteraad en zorg in Zaanstad', description: /^Raadsvergaderingen over zorg in Zaanstad, /, canonical: '/g/zaanstad/raad' },
		{ path: '/g/zaanstad/tijdlijn?thema=wmo', title: 'Tijdlijn van Zaanstad: van vraag tot uitvoering', description: /^Alles wat huisartsen vroegen, .+ in Zaanstad/, canonical: '/g/zaanstad/tijdlijn' },
		{ path: '/g/zaanstad/gezegd-en-gedaan', title: 'Gezegd en gedaan in Zaanstad', description: /^Per partij in Zaanstad: /, canonical: '/g/zaanstad/gezegd-en-gedaan' },
		{ path: '/g/zaanstad/beleidscyclus', title: 'Wanneer praten huisartsen mee in Zaanstad?', description: /^Wanneer praat je mee in Zaanstad\? /, canonical: '/g/zaanstad/beleidscyclus' },
		{ path: '/inloggen?naar=%2Faccount', title: 'Inloggen bij Laat je horen', description: /^Log in met een code per e-mail/, canonical: '/inloggen' }
	];
	for (const expected of pages) {
		await page.goto(expected.path);
		await expectShareTags(page, expected);
	}

	// A position's evidence page: the party, the theme, the stance and a short quote.
	await page.goto('/g/zaanstad');
	const evidence = page.locator('a[href^="/g/zaanstad/standpunten/"]').first();
	const href = await evidence.getAttribute('href');
	await page.goto(href!);
	await expectShareTags(page, {
		title: /^.+ over .+ in Zaanstad$/,
		description: /^(Concreet|Steunt|Gemengd|Tegen|Niet genoemd): (“.+” \(.+\)|.+ zegt hier niets over\.)$/,
		canonical: href!,
		type: 'article'
	});
	const description = await page.locator('head meta[property="og:description"]').getAttribute('content');
	expect(description!.length).toBeLessThan(300);
});
