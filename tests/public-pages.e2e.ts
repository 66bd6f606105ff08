// Public pages as a browser, a proxy and a CDN meet them: compressed as the client accepts, a
// stable ETag with 304 for a repeat, a Cache-Control that lets a proxy keep the page (but never a
// signed-in page), no scripts on the gemeente page, and a change shows at once on the next load.
import { expect, test } from '@playwright/test';
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
});
