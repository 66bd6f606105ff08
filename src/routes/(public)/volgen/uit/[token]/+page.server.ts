// Leaving a followed gemeente with the link from any of its mails, without signing in. Opening the
// link only asks (a link checker must not unsubscribe anyone); the button posts, as does a mail
// client's one-click unsubscribe (RFC 8058: POST with List-Unsubscribe=One-Click to the address in
// List-Unsubscribe, from the mail provider, without cookies or an Origin). The link's signature
// decides which follow ends; nothing else in the request can point it at another.
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFailure, formString } from '$lib/server/platform/forms';
import { findUnsubscribe, unsubscribeWithToken } from '$lib/server/outcomes/follows';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { found: await findUnsubscribe(params.token) };
};

export const actions: Actions = { default: unsubscribe };

async function unsubscribe({ params, request }: RequestEvent) {
	const form = await request.formData();
	const how = formString(form, 'via') === 'pagina' ? 'link' : 'one_click';
	const result = await unsubscribeWithToken(params.token, how);
	if (result === 'invalid') {
		return formFailure(404, 'unsubscribe', { message: 'Deze afmeldlink klopt niet. Gebruik de hele link uit de e-mail, of meld je af op je accountpagina.' });
	}
	return { unsubscribed: result };
}
