// The front door answers stored public pages on Node's own request and response, exactly as the
// SvelteKit hook would (same headers, encodings, 304, HEAD), and leaves everything else to
// SvelteKit: a visitor with a session, a form post, a page not stored, a page whose data changed.
// A real Node HTTP server with the door in front of a stand-in for SvelteKit that records what
// reached it.
import { createServer, request, type Server } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allocateGemeente, connectTestDatabase } from '$test/test-db';
import { makeParties } from '$test/sending-fixtures';
import { frontDoor, originFrom } from './front-door';
import { clearPageCache, servedFromCache, storeAndServe } from './page-cache';
import { newRequestState } from './request-context';
import { publicVersion } from './public-cache';

const ORIGIN = 'http://app.test:3000';
const SESSION = 'ljh_session';
const page = '<!doctype html><title>Openbare pagina</title>' + '<p>Huisartsen van de gemeente. </p>'.repeat(200);

let server: Server;
let base: string;
let reachedSvelteKit: string[];

beforeAll(async () => {
	connectTestDatabase();
	const door = frontDoor({ origin: originFrom(`${ORIGIN}/`), sessionCookie: SESSION });
	server = createServer((request, response) => {
		void door(request, response).then((answered) => {
			if (answered) return;
			reachedSvelteKit.push(`${request.method} ${request.url}`);
			response.writeHead(200, { 'content-type': 'text/plain' });
			response.end('SvelteKit');
		});
	});
	await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
	const address = server.address();
	base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
beforeEach(() => {
	clearPageCache();
	reachedSvelteKit = [];
});

/** Stores a page for `path` as the hook does after building it, depending on `dependsOn`. */
async function store(path: string, dependsOn: Array<[string, number]> = []): Promise<Response> {
	const state = newRequestState();
	state.cacheable = true;
	for (const [code, version] of dependsOn) state.dependsOn.set(code, version);
	const built = new Response(page, {
		headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'", 'x-content-type-options': 'nosniff' }
	});
	const url = new URL(path, ORIGIN);
	return storeAndServe(new Request(url), url, built, state);
}

/** What the SvelteKit hook answers from the cache for the same request (the reference). */
async function viaHook(path: string, headers: Record<string, string> = {}, method = 'GET') {
	const url = new URL(path, ORIGIN);
	const answer = await servedFromCache(new Request(url, { method, headers }), url);
	if (!answer) throw new Error('the hook found no stored page');
	return answer;
}

describe('the front door', () => {
	it('answers a stored page as the hook does: brotli, gzip, plain, HEAD and 304, without SvelteKit', async () => {
		await store('/g/aa-en-hunze?tab=brieven');
		for (const encoding of ['br', 'gzip, deflate', '']) {
			const response = await fetch(`${base}/g/aa-en-hunze?tab=brieven`, { headers: { 'accept-encoding': encoding } });
			const reference = await viaHook('/g/aa-en-hunze?tab=brieven', { 'accept-encoding': encoding });
			expect(response.status).toBe(200);
			for (const name of ['content-type', 'content-encoding', 'content-length', 'etag', 'cache-control', 'vary', 'content-security-policy', 'x-content-type-options']) {
				expect(response.headers.get(name), name).toBe(reference.headers.get(name));
			}
			// fetch decodes the body; the next test reads the bytes as sent.
			expect(await response.text()).toBe(page);
			await reference.arrayBuffer();
		}
		const etag = (await viaHook('/g/aa-en-hunze?tab=brieven')).headers.get('etag')!;
		const head = await fetch(`${base}/g/aa-en-hunze?tab=brieven`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(page)));
		expect(await head.text()).toBe('');
		const again = await fetch(`${base}/g/aa-en-hunze?tab=brieven`, { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(reachedSvelteKit).toEqual([]);
	});

	it('sends the stored compressed bytes themselves', async () => {
		await store('/g/aa-en-hunze');
		const body = (encoding: string) =>
			new Promise<Buffer>((done, fail) => {
				request(`${base}/g/aa-en-hunze`, { headers: { 'accept-encoding': encoding } }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => done(Buffer.concat(chunks)));
				})
					.on('error', fail)
					.end();
			});
		expect(brotliDecompressSync(await body('br')).toString()).toBe(page);
		expect(gunzipSync(await body('gzip')).toString()).toBe(page);
		expect(reachedSvelteKit).toEqual([]);
	});

	it('leaves a visitor with a session, a form post and a page not stored to SvelteKit', async () => {
		await store('/g/aa-en-hunze');
		await fetch(`${base}/g/aa-en-hunze`, { headers: { cookie: `theme=dark; ${SESSION}=abc123` } });
		await fetch(`${base}/g/aa-en-hunze`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		await fetch(`${base}/g/assen`);
		expect(reachedSvelteKit).toEqual(['GET /g/aa-en-hunze', 'POST /g/aa-en-hunze', 'GET /g/assen']);
		// Other cookies do not stand in the way of a stored page.
		const withCookie = await fetch(`${base}/g/aa-en-hunze`, { headers: { cookie: 'theme=dark' } });
		expect(await withCookie.text()).toBe(page);
		expect(reachedSvelteKit).toHaveLength(3);
	});

	it('passes a page on to SvelteKit once the data it was built from changed, and forgets it', async () => {
		const gemeente = await allocateGemeente();
		await store(`/g/${gemeente.code}`, [[gemeente.code, await publicVersion(gemeente.code)]]);
		expect(await (await fetch(`${base}/g/${gemeente.code}`)).text()).toBe(page);
		// A party added to the gemeente: its version moves on (a database trigger).
		await makeParties(gemeente.code, [{ name: 'Nieuwe Partij', emails: [] }]);
		expect(await (await fetch(`${base}/g/${gemeente.code}`)).text()).toBe('SvelteKit');
		expect(await servedFromCache(new Request(`${ORIGIN}/g/${gemeente.code}`), new URL(`${ORIGIN}/g/${gemeente.code}`))).toBeNull();
		expect(reachedSvelteKit).toEqual([`GET /g/${gemeente.code}`]);
	});

	it('stays shut without ORIGIN: the page was stored under the origin the Host header gave', async () => {
		expect(originFrom(undefined)).toBeNull();
		expect(originFrom('geen url')).toBeNull();
		expect(originFrom(' https://laatjehoren.nl/ ')).toBe('https://laatjehoren.nl');
		await store('/g/aa-en-hunze');
		const shut = frontDoor({ origin: null, sessionCookie: SESSION });
		const doorless = createServer((request, response) => {
			void shut(request, response).then((answered) => {
				if (!answered) response.end('SvelteKit');
			});
		});
		await new Promise<void>((listening) => doorless.listen(0, '127.0.0.1', listening));
		const address = doorless.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		expect(await (await fetch(`http://127.0.0.1:${port}/g/aa-en-hunze`)).text()).toBe('SvelteKit');
		await new Promise<void>((closed) => doorless.close(() => closed()));
	});
});
