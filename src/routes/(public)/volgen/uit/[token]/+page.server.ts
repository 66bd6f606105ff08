// Leaving a followed gemeente with the link from any of its mails, without signing in. Opening the
// link only asks (a link checker must not unsubscribe anyone); the button posts here. A mail
// client's one-click unsubscribe (RFC 8058) goes to +server.ts at the same address. The link's
// signature decides which follow ends; nothing else in the request can point it at another.
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFailure } from '$lib/server/platform/forms';
import { findUnsubscribe, unsubscribeWithToken } from '$lib/server/outcomes/follows';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { found: await findUnsubscribe(params.token) };
};

export const actions: Actions = { default: unsubscribe };

async function unsubscribe({ params }: RequestEvent) {
	const result = await unsubscribeWithToken(params.token, 'link');
	if (result === 'invalid') {
		return formFailure(404, 'unsubscribe', { message: 'Deze afmeldlink klopt niet. Gebruik de hele link uit de e-mail, of meld je af op je accountpagina.' });
	}
	return { unsubscribed: result };
}
