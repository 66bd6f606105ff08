// "Dit antwoord komt niet van ons": the link in the copy a party gets of an answer posted through
// its answer link. No sign-in: whoever reads the party's own mail may use it. After a confirmation
// the answer leaves the public page (with a short public note), the party's answer links are
// revoked and a new one goes to the addresses the letter was sent to. Rate-limited per client.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { formatDateTime } from '$lib/format';
import { consume } from '$lib/server/platform/rate-limit';
import * as answers from '$lib/server/letter/answers';

const LIMIT = { name: 'disown:ip', max: 30, windowSeconds: 60 * 60 };

export const load: PageServerLoad = async ({ params, setHeaders, getClientAddress, url }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!(await consume(LIMIT, getClientAddress()))) return { state: 'rate_limited' as const };
	const found = await answers.findDisownable(params.token);
	if (found.state === 'unknown') return { state: 'unknown' as const };
	return {
		state: found.state,
		done: url.searchParams.get('klaar') === '1',
		partyName: found.partyName,
		campaign: { title: found.campaign.title, gemeenteName: found.campaign.gemeenteName, gemeenteSlug: found.campaign.gemeenteSlug },
		response: {
			responderName: found.response.responderName,
			responderRole: found.response.responderRole,
			at: formatDateTime(found.response.createdAt),
			html: found.response.bodyHtml
		}
	};
};

export const actions: Actions = { default: disown };

async function disown({ params, request, getClientAddress }: RequestEvent) {
	if (!(await consume(LIMIT, getClientAddress()))) {
		return formFailure(429, 'disown', { message: 'Te veel pogingen vanaf dit adres. Probeer het over een uur opnieuw.' });
	}
	const form = await request.formData();
	const values = { note: formString(form, 'note').trim().slice(0, 1000) };
	if (!isConfirmed(form)) {
		return formFailure(400, 'disown', { values, errors: { confirm: 'Vink aan dat dit antwoord niet van uw partij komt.' } });
	}
	const result = await answers.disownAnswer(params.token, values.note);
	if (result === 'unknown') return formFailure(404, 'disown', { values, message: 'Deze link kennen we niet. Gebruik de hele link uit de e-mail.' });
	redirect(303, `/reageer/niet-van-ons/${params.token}?klaar=1`);
}
