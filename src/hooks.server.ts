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
import * as session from '$lib/server/auth/session';
import { startCouncilSync, stopCouncilSync } from '$lib/server/council/ori/sync';
import { startMeetingReminders, stopMeetingReminders } from '$lib/server/council/attendance';

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
	startMailWorker();
	startReminderWorker();
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
		stopMailWorker();
		await stopDatabase();
	});
};

const requestId: Handle = ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	return resolve(event);
};

// SvelteKit checks the Origin of form posts; this covers every other state-changing request
// (JSON bodies, fetch) so a cross-site page can never act with the visitor's cookie.
const sameOriginWrites: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
		const origin = request.headers.get('origin');
		if (origin !== null && origin !== url.origin) {
			return new Response('Verzoek van een andere website geweigerd.', { status: 403 });
		}
		if (origin === null && request.headers.get('sec-fetch-site') === 'cross-site') {
			return new Response('Verzoek van een andere website geweigerd.', { status: 403 });
		}
	}
	return resolve(event);
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

export const handle = sequence(requestId, sameOriginWrites, sessions, securityHeaders);

export const handleError: HandleServerError = (input) => reportUnexpectedError(input);
