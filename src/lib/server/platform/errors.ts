// The one place where unexpected errors become what the visitor sees: the details go to the log
// with a request id, the visitor gets a calm Dutch message and that id to quote when asking for
// help. Expected errors (error(404, …) in a load, fail() in an action) never come through here.
import type { HandleServerError } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { currentRequestState } from './request-context';
import { isDatabaseDown } from './database-health';

type ErrorInput = Parameters<HandleServerError>[0];

export const UNEXPECTED_ERROR_MESSAGE = 'Er ging iets mis aan onze kant. Probeer het later opnieuw.';
export const NOT_FOUND_MESSAGE = 'Misschien is de link verouderd, of zit er een typefout in het adres.';
const BAD_REQUEST_MESSAGE = 'Dit verzoek kunnen we niet verwerken.';

export function reportUnexpectedError({ error, event, status, message }: ErrorInput): App.Error {
	// A route that does not exist: nothing is broken, so nothing to log.
	if (status === 404) return { message: NOT_FOUND_MESSAGE };

	const requestId = event.locals.requestId || randomUUID();
	// The route id, not the path: paths may carry tokens (/reageer/[token]) that logs must not keep.
	const where = `${event.request.method} ${event.route.id ?? '(geen route)'}`;
	if (status < 500) {
		// Kit's own 4xx (a method that is not allowed, a malformed request): the client's doing.
		console.warn(`[${requestId}] ${status} ${where}: ${message}`);
		return { message: BAD_REQUEST_MESSAGE, requestId };
	}
	// The database being away or overloaded is logged once per outage (database-health.ts), and the
	// page becomes a calm 503 (hooks.server.ts): no stack trace per request.
	const state = currentRequestState();
	if (state?.unavailable || state?.busy || isDatabaseDown()) return { message: UNEXPECTED_ERROR_MESSAGE, requestId };
	console.error(`[${requestId}] ${status} ${where}:`, error);
	return { message: UNEXPECTED_ERROR_MESSAGE, requestId };
}
