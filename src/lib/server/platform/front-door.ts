// The front door of the built server (start/server-entry.js): a request for a public page that the
// page cache holds is answered here, on Node's own request and response, before SvelteKit turns
// it into a Request. Why: that conversion gives every request an AbortSignal which undici
// registers for finalization. At thousands of page loads a second those registrations survive
// into the old generation, and after each major GC their clean-up runs in one go, which held the
// server still for 100–200 ms at a time (the p99 of `npm run bench`). A hit needs none of that.
// Everything else (a miss, a visitor with a session, a form post) goes on to SvelteKit, whose
// hooks answer the same pages the same way (hooks.server.ts, publicPages).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { env } from './env';
import { cachedAnswer, mayUsePageCache, pageKey } from './page-cache';

/** Answers from the page cache and says so (true), or leaves the request untouched (false). */
export type FrontDoor = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

// The built server's entry is not part of the app's bundle: it finds the door here.
const SLOT = Symbol.for('laat-je-horen.front-door');

/** The door as the server entry finds it (undefined: never opened). */
export function openedFrontDoor(): FrontDoor | undefined {
	return (globalThis as { [SLOT]?: FrontDoor })[SLOT];
}

/** The origin pages are stored under, worked out as adapter-node does from ORIGIN; without ORIGIN
 * the origin comes from each request's Host header there, and the door stays shut. */
export function originFrom(value: string | undefined): string | null {
	if (value === undefined || !URL.canParse(value.trim())) return null;
	return new URL(value.trim()).origin;
}

export function frontDoor(options: { origin: string | null; sessionCookie: string }): FrontDoor {
	const { origin, sessionCookie } = options;
	return async (request, response) => {
		if (origin === null) return false;
		// The hook's rule: reads only, and never for a visitor with a session (their pages name them).
		const cookies = request.headers.cookie;
		if (!mayUsePageCache(request.method, cookies ? parseCookie(cookies)[sessionCookie] : undefined)) return false;
		// The same URL adapter-node gives SvelteKit (its origin and the raw request target), so the
		// same key the page was stored under.
		const url = URL.parse(origin + request.url);
		if (!url) return false;
		try {
			const found = await cachedAnswer(pageKey(url), {
				// GET or HEAD, as mayUsePageCache checked.
				method: request.method ?? 'GET',
				acceptEncoding: request.headers['accept-encoding'],
				ifNoneMatch: request.headers['if-none-match']
			});
			if (!found) return false;
			response.writeHead(found.status, found.headers);
			response.end(found.body ?? undefined);
			return true;
		} catch {
			// The versions could not be read (the database is away): SvelteKit answers, with the
			// calm 503 page where that is what it comes to.
			return false;
		}
	};
}

/** Opens the door for the server entry to find (from the server's init hook). */
export function openFrontDoor(options: { sessionCookie: string }): void {
	(globalThis as { [SLOT]?: FrontDoor })[SLOT] = frontDoor({
		origin: originFrom(env().ORIGIN),
		sessionCookie: options.sessionCookie
	});
}
