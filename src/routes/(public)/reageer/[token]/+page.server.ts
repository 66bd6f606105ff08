// A party answers the letter through its private link; no sign-in. The token is looked up by its
// hash; an unknown, revoked or expired link gets a calm explanation. Lookups and answers are
// rate-limited per client. The link answers for its own party only: the party comes from the
// token, never from the form.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { fieldErrors } from '$lib/server/platform/forms';
import { coverage } from '$lib/server/letter/coverage';
import { formatDate, formatDateTime, signedBySummary } from '$lib/server/letter/deliveries';
import * as responses from '$lib/server/letter/answers';

export const load: PageServerLoad = async ({ params, getClientAddress, setHeaders, url }) => {
	// The page holds a private token in its address: keep it out of caches.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!(await responses.allowLookup(getClientAddress()))) return { state: 'rate_limited' as const };
	const found = await responses.findLink(params.token);
	if (found.state !== 'ok') return { state: found.state };
	// Counted as in the e-mail the party got (letterToSend): every live signature, practices in the gemeente.
	const reach = await coverage(found.campaign.id, found.campaign.gemeenteCode);
	return {
		state: 'ok' as const,
		party: found.party,
		campaign: {
			title: found.campaign.title,
			gemeenteName: found.campaign.gemeenteName,
			gemeenteSlug: found.campaign.gemeenteSlug,
			sentAt: found.campaign.sentAt ? formatDate(found.campaign.sentAt) : null
		},
		letterHtml: found.letterHtml,
		signedBy: signedBySummary({ total: reach.signers, practices: reach.practicesSigned }),
		asks: found.asks,
		expiresAt: formatDate(found.expiresAt),
		latest: found.latest
			? {
					at: formatDateTime(found.latest.createdAt),
					responderName: found.latest.responderName,
					responderRole: found.latest.responderRole,
					bodyMd: found.latest.bodyMd,
					answers: found.latest.answers
				}
			: null,
		answerLabels: responses.ASK_ANSWER_LABELS,
		// Right after an answer (the redirect below): thank them, and keep the form out of the way.
		thanks: url.searchParams.get('verstuurd') === '1' && found.latest !== null
	};
};

const SUBMIT_REFUSED: Record<Exclude<responses.SubmitResult, 'saved'>, string> = {
	unknown: 'Deze link kennen we niet. Controleer of u de hele link uit de e-mail hebt gebruikt.',
	revoked: 'Deze link is ingetrokken. Vraag de huisartsen om een nieuwe link door op hun e-mail te antwoorden.',
	expired: 'Deze link is verlopen. Vraag de huisartsen om een nieuwe link door op hun e-mail te antwoorden.',
	closed: 'Op deze brief kan nu niet worden geantwoord.'
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const token = params.token;
		if (!(await responses.allowSubmit(getClientAddress(), token))) {
			return fail(429, { message: 'U hebt de afgelopen tijd vaak geantwoord. Probeer het over een uur opnieuw.', values: null, errors: {} });
		}
		const found = await responses.findLink(token);
		if (found.state !== 'ok') return fail(410, { message: SUBMIT_REFUSED[found.state], values: null, errors: {} });
		const values = responses.readResponseForm(await request.formData(), found.asks.length);
		const parsed = responses.responseSchema(found.asks.length).safeParse(values);
		if (!parsed.success) return fail(400, { message: null, values, errors: fieldErrors(parsed.error.issues) });
		const result = await responses.submitViaLink(token, parsed.data);
		if (result !== 'saved') return fail(410, { message: SUBMIT_REFUSED[result], values, errors: {} });
		redirect(303, `/reageer/${token}?verstuurd=1#bedankt`);
	}
};
