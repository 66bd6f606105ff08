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
function cacheKey(url: URL): string {
	return url.origin + url.pathname + url.search;
}

export function publicCacheControl(): string {
	return `public, max-age=0, s-maxage=${env().PUBLIC_MAX_AGE}`;
}

/** Whether this request may be answered from, or stored in, the page cache. */
export function mayUsePageCache(request: Request, sessionCookie: string | undefined): boolean {
	return (request.method === 'GET' || request.method === 'HEAD') && !sessionCookie;
}

function remove(key: string): void {
	const page = pages.get(key);
	if (!page) return;
	pages.delete(key);
	storedBytes -= page.bytes;
}

function preferredEncoding(request: Request): 'br' | 'gzip' | null {
	const accepted = (request.headers.get('accept-encoding') ?? '').toLowerCase();
	const allows = (name: string) =>
		accepted.split(',').some((part) => {
			const [token, ...params] = part.trim().split(';');
			return token.trim() === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
		});
	if (allows('br')) return 'br';
	if (allows('gzip')) return 'gzip';
	return null;
}

/** Whether the If-None-Match header names this ETag (weak comparison, as for GET). */
function matches(request: Request, etag: string): boolean {
	const header = request.headers.get('if-none-match');
	if (!header) return false;
	if (header.trim() === '*') return true;
	const bare = etag.replace(/^W\//, '');
	return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

function respond(request: Request, page: StoredPage): Response {
	const headers = new Headers(page.headers);
	headers.set('etag', page.etag);
	headers.set('cache-control', publicCacheControl());
	headers.set('vary', 'Accept-Encoding, Cookie');
	if (matches(request, page.etag)) {
		const notModified = new Headers({ etag: page.etag, 'cache-control': publicCacheControl(), vary: 'Accept-Encoding, Cookie' });
		return new Response(null, { status: 304, headers: notModified });
	}
	const encoding = preferredEncoding(request);
	const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;
	if (encoding) headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.byteLength));
	return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** The stored page for this URL when its data is still current, as a response (or a 304). */
export async function servedFromCache(request: Request, url: URL): Promise<Response | null> {
	const key = cacheKey(url);
	const page = pages.get(key);
	if (!page) return null;
	if (page.expiresAt <= Date.now() || !(await stillCurrent(page.dependsOn))) {
		remove(key);
		return null;
	}
	// Most recently used last: eviction takes the front.
	pages.delete(key);
	pages.set(key, page);
	return respond(request, page);
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
	const key = cacheKey(url);
	remove(key);
	pages.set(key, page);
	storedBytes += page.bytes;
	while (storedBytes > MAX_BYTES && pages.size > 1) remove(pages.keys().next().value!);
	return respond(request, page);
}

/** For tests: forget every stored page. */
export function clearPageCache(): void {
	pages.clear();
	storedBytes = 0;
}
