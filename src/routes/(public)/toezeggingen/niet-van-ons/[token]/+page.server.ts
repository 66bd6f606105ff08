// "Deze reactie komt niet van ons": the link in the copy the party or college gets of a reaction
// posted through its link. No sign-in. After confirming, the reaction leaves the public pages, the
// link that posted it is revoked and a new one goes to the promiser's addresses. Rate-limited.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { consume } from '$lib/server/platform/rate-limit';
import { disownReaction } from '$lib/server/outcomes/reply-links';

const LIMIT = { name: 'commitment-disown:ip', max: 30, windowSeconds: 60 * 60 };

export const load: PageServerLoad = async ({ setHeaders, url }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { done: url.searchParams.get('klaar') };
};

export const actions: Actions = { default: disown };

async function disown({ params, request, getClientAddress }: RequestEvent) {
	if (!(await consume(LIMIT, getClientAddress()))) {
		return formFailure(429, 'disown', { message: 'Te veel pogingen vanaf dit adres. Probeer het over een uur opnieuw.' });
	}
	const form = await request.formData();
	const values = { note: formString(form, 'note').trim().slice(0, 1000) };
	if (!isConfirmed(form)) return formFailure(400, 'disown', { values, errors: { confirm: 'Vink aan dat deze reactie niet van u komt.' } });
	const result = await disownReaction(params.token, values.note);
	if (result === 'unknown') return formFailure(404, 'disown', { values, message: 'Deze link kennen we niet. Gebruik de hele link uit de e-mail.' });
	redirect(303, `/toezeggingen/niet-van-ons/${params.token}?klaar=${result}`);
}
