import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { randomUUID } from 'node:crypto';
import { initDatabase, stopDatabase } from '$lib/server/platform/db';
import { env } from '$lib/server/platform/env';
import { reportUnexpectedError } from '$lib/server/platform/errors';
import { startMailWorker, stopMailWorker } from '$lib/server/platform/mail';
import { startHousekeeping, stopHousekeeping } from '$lib/server/platform/housekeeping';
import { startReminderWorker, stopReminderWorker } from '$lib/server/letter/reminders';
import { startOutcomeWorker, stopOutcomeWorker } from '$lib/server/outcomes/outcome-worker';
import * as session from '$lib/server/auth/session';
import { startCouncilSync, stopCouncilSync } from '$lib/server/council/ori/sync';
import { startMeetingReminders, stopMeetingReminders } from '$lib/server/council/attendance';
import { currentRequestState, newRequestState, runWithRequestState } from '$lib/server/platform/request-context';
import { DATABASE_AWAY, TOO_BUSY, TOO_LARGE, calmResponse } from '$lib/server/platform/calm-page';
import { compressed } from '$lib/server/platform/compression';
import { mayUsePageCache, servedFromCache, storeAndServe } from '$lib/server/platform/page-cache';
import { openFrontDoor } from '$lib/server/platform/front-door';
import { crossSiteRefusal } from '$lib/server/platform/same-origin';
import { isDatabaseDown } from '$lib/server/platform/database-health';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		env();
		await initDatabase();
	} catch (error) {
		// Configuration and start-up problems are the operator's to fix: say what, not where.
		if (dev) throw error;
		console.error(`\nLaat je horen kon niet starten.\n${error instanceof Error ? error.message : error}\n`);
		process.exit(1);
	}
	// The built server answers stored public pages before they reach SvelteKit (front-door.ts).
	openFrontDoor({ sessionCookie: session.SESSION_COOKIE });
	startMailWorker();
	startReminderWorker();
	startOutcomeWorker();
	startHousekeeping();
	startMeetingReminders();
	// The council sync runs only where ORI_API_URL is set (never in the test suites unless they set it).
	const { ORI_API_URL, ORI_SYNC_INTERVAL_MINUTES } = env();
	if (ORI_API_URL && ORI_SYNC_INTERVAL_MINUTES > 0) {
		startCouncilSync({ apiUrl: ORI_API_URL, intervalMs: ORI_SYNC_INTERVAL_MINUTES * 60_000 });
	}
	process.once('sveltekit:shutdown', async () => {
		stopMeetingReminders();
		await stopCouncilSync();
		stopHousekeeping();
		stopReminderWorker();
		stopOutcomeWorker();
		// Mail first: a message being handed to SMTP is finished and marked, the rest released.
		await stopMailWorker();
		await stopDatabase();
	});
};

// Every request gets an id and its own record of what the database did for it; an error page
// caused by an unreachable or overloaded database becomes a calm 503 with Retry-After, and a body
// over the size limit a Dutch 413 (never SvelteKit's English fallback page).
const requestContext: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	const state = newRequestState();
	const url = new URL(event.request.url);
	// A call this request shared with others (a cache read) may have met the outage for it.
	const away = () => state.unavailable || isDatabaseDown();
	return runWithRequestState(state, async () => {
		let response: Response;
		try {
			response = await resolve(event);
		} catch (error) {
			if (state.busy) return calmResponse(event.request, url, TOO_BUSY);
			if (away()) return calmResponse(event.request, url, DATABASE_AWAY);
			throw error;
		}
		if (response.status >= 500 && state.busy) return calmResponse(event.request, url, TOO_BUSY);
		if (response.status >= 500 && away()) return calmResponse(event.request, url, DATABASE_AWAY);
		if (response.status === 413) return calmResponse(event.request, url, TOO_LARGE);
		return response;
	});
};

const compress: Handle = async ({ event, resolve }) => compressed(event.request, await resolve(event));

// Every state-changing request (forms, JSON, fetch) must come from a page of this app, so a
// cross-site page can never act with the visitor's cookie. SvelteKit's own check is switched off
// (svelte.config.js): it answers in bare English and refuses 127.0.0.1 when ORIGIN says localhost.
const sameOriginWrites: Handle = ({ event, resolve }) => {
	const refused = crossSiteRefusal(event.request, event.url);
	if (refused) return calmResponse(event.request, new URL(event.request.url), refused);
	return resolve(event);
};

// Public pages for visitors without a session come from the page cache while their data is
// unchanged (page-cache.ts); a page built now is stored there when it is public. In the built
// server most of those answers are given earlier, by the front door (front-door.ts); this one
// serves them in development and whenever the door leaves a request to SvelteKit.
const publicPages: Handle = async ({ event, resolve }) => {
	if (dev || !mayUsePageCache(event.request.method, event.cookies.get(session.SESSION_COOKIE))) return resolve(event);
	const url = new URL(event.request.url);
	const hit = await servedFromCache(event.request, url);
	if (hit) return hit;
	const response = await resolve(event);
	const state = currentRequestState();
	return state ? storeAndServe(event.request, url, response, state) : response;
};

const sessions: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(session.SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await session.validateSessionToken(token);
		if (result.session) {
			session.setSessionTokenCookie(event.cookies, token, result.session.expiresAt);
			event.locals.user = result.user;
			event.locals.session = result.session;
		} else {
			session.deleteSessionTokenCookie(event.cookies);
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(requestContext, compress, sameOriginWrites, publicPages, sessions, securityHeaders);

export const handleError: HandleServerError = (input) => reportUnexpectedError(input);
