// Whole public pages for visitors without a session, kept in memory per URL together with the
// versions of the public data they were built from (public-cache.ts), so a page is rebuilt only
// after that data changed. Served the way a CDN would: compressed as the client accepts (brotli,
// gzip), a stable ETag (a hash of the body) with 304 for a matching If-None-Match, and a
// Cache-Control that lets a proxy keep it for PUBLIC_MAX_AGE seconds. Requests with a session
// cookie never touch this cache: their pages name the user and stay `private, no-store`.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { env } from './env';
import type { RequestDatabaseState } from './request-context';
import { stillCurrent } from './public-cache';
import { acceptsEncoding } from './compression';

const MAX_AGE_MS = 5 * 60 * 1000;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const CACHEABLE_TYPES = /^(text\/html|application\/json)\b/;
// Headers a stored page keeps; the rest (set-cookie, date, length) is per response.
const KEPT_HEADERS = [
	'content-type',
	'content-security-policy',
	'x-content-type-options',
	'referrer-policy',
	'permissions-policy',
	'x-frame-options',
	'link'
];

interface StoredPage {
	etag: string;
	headers: Array<[string, string]>;
	identity: Uint8Array<ArrayBuffer>;
	gzip: Uint8Array<ArrayBuffer>;
	br: Uint8Array<ArrayBuffer>;
	dependsOn: Map<string, number>;
	expiresAt: number;
	bytes: number;
}

const pages = new Map<string, StoredPage>();
let storedBytes = 0;

// With the origin: without ORIGIN set, adapter-node takes it from the Host header, and a page
// built for a forged Host (its canonical link) must never be served to anyone else.
export function pageKey(url: URL): string {
	return url.origin + url.pathname + url.search;
}

export function publicCacheControl(): string {
	return `public, max-age=0, s-maxage=${env().PUBLIC_MAX_AGE}`;
}

/** Whether a request with this method and session cookie may be answered from, or stored in, the
 * page cache (asked by the hook and by the front door alike). */
export function mayUsePageCache(method: string | undefined, sessionCookie: string | undefined): boolean {
	return (method === 'GET' || method === 'HEAD') && !sessionCookie;
}

function remove(key: string): void {
	const page = pages.get(key);
	if (!page) return;
	pages.delete(key);
	storedBytes -= page.bytes;
}

/** What a request asks of a stored page: read from a Request or from Node's own request. */
export interface PageQuestion {
	method: string;
	acceptEncoding: string | null | undefined;
	ifNoneMatch: string | null | undefined;
}

/** A stored page's answer to one request: a 304, or the body in the encoding the client takes. */
export interface PageAnswer {
	status: 200 | 304;
	headers: Array<[string, string]>;
	body: Uint8Array<ArrayBuffer> | null;
}

function preferredEncoding(acceptEncoding: string | null | undefined): 'br' | 'gzip' | null {
	if (acceptsEncoding(acceptEncoding, 'br')) return 'br';
	if (acceptsEncoding(acceptEncoding, 'gzip')) return 'gzip';
	return null;
}

/** Whether the If-None-Match header names this ETag (weak comparison, as for GET). */
function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const bare = etag.replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

function answer(question: PageQuestion, page: StoredPage): PageAnswer {
	const shared: Array<[string, string]> = [
		['etag', page.etag],
		['cache-control', publicCacheControl()],
		['vary', 'Accept-Encoding, Cookie']
	];
	if (matches(question.ifNoneMatch, page.etag)) return { status: 304, headers: shared, body: null };
	const encoding = preferredEncoding(question.acceptEncoding);
	const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;
	const headers = [...page.headers, ...shared, ['content-length', String(body.byteLength)] as [string, string]];
	if (encoding) headers.push(['content-encoding', encoding]);
	return { status: 200, headers, body: question.method === 'HEAD' ? null : body };
}

function questionOf(request: Request): PageQuestion {
	return {
		method: request.method,
		acceptEncoding: request.headers.get('accept-encoding'),
		ifNoneMatch: request.headers.get('if-none-match')
	};
}

function asResponse({ status, headers, body }: PageAnswer): Response {
	return new Response(body, { status, headers });
}

/** The stored page under this key while its data is still current (else forgotten). */
async function currentPage(key: string): Promise<StoredPage | null> {
	const page = pages.get(key);
	if (!page) return null;
	if (page.expiresAt <= Date.now() || !(await stillCurrent(page.dependsOn))) {
		remove(key);
		return null;
	}
	// Most recently used last: eviction takes the front.
	pages.delete(key);
	pages.set(key, page);
	return page;
}

/** The answer of the stored page under this key (see pageKey), when there is a current one. For
 * the front door (front-door.ts), which answers on Node's own response. */
export async function cachedAnswer(key: string, question: PageQuestion): Promise<PageAnswer | null> {
	const page = await currentPage(key);
	return page && answer(question, page);
}

/** The stored page for this URL when its data is still current, as a response (or a 304). */
export async function servedFromCache(request: Request, url: URL): Promise<Response | null> {
	const page = await currentPage(pageKey(url));
	return page && asResponse(answer(questionOf(request), page));
}

/** Keeps a freshly built public page when it qualifies, and answers with the stored form (ETag,
 * compression); otherwise returns the response unchanged. */
export async function storeAndServe(
	request: Request,
	url: URL,
	response: Response,
	state: RequestDatabaseState
): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	const qualifies =
		state.cacheable &&
		!state.unavailable &&
		!state.busy &&
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		!response.headers.has('content-encoding') &&
		CACHEABLE_TYPES.test(type);
	if (!qualifies) return response;
	const identity = new Uint8Array(await response.arrayBuffer());
	if (identity.byteLength > MAX_PAGE_BYTES) {
		return new Response(identity, { status: response.status, headers: response.headers });
	}
	const page: StoredPage = {
		etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
		headers: KEPT_HEADERS.flatMap((name) => {
			const value = response.headers.get(name);
			return value === null ? [] : [[name, value] as [string, string]];
		}),
		identity,
		gzip: new Uint8Array(gzipSync(identity, { level: 6 })),
		// Quality 5: close to the best size at a fraction of the time; done once per version.
		br: new Uint8Array(
			brotliCompressSync(identity, {
				params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength }
			})
		),
		dependsOn: new Map(state.dependsOn),
		expiresAt: Math.min(Date.now() + MAX_AGE_MS, state.expiresAt ?? Infinity),
		bytes: 0
	};
	page.bytes = identity.byteLength + page.gzip.byteLength + page.br.byteLength;
	const key = pageKey(url);
	remove(key);
	pages.set(key, page);
	storedBytes += page.bytes;
	while (storedBytes > MAX_BYTES && pages.size > 1) remove(pages.keys().next().value!);
	return asResponse(answer(questionOf(request), page));
}

/** For tests: forget every stored page. */
export function clearPageCache(): void {
	pages.clear();
	storedBytes = 0;
}
