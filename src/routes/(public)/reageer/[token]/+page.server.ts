// A party answers the letter through its private link; no sign-in. The token is looked up by its
// hash; an unknown, revoked or expired link gets a calm explanation. Lookups and answers are
// rate-limited per client. The link answers for its own party only: the party comes from the
// token, never from the form.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formFailure, isConfirmed } from '$lib/server/platform/forms';
import { formatDate, formatDateTime } from '$lib/format';
import { coverage } from '$lib/server/letter/coverage';
import { signedBySummary } from '$lib/server/letter/signers-summary';
import { verificationCounts } from '$lib/server/letter/signatures';
import { verifiedLine } from '$lib/verified-line';
import * as responses from '$lib/server/letter/answers';
import * as answerLinks from '$lib/server/letter/answer-links';

export const load: PageServerLoad = async ({ params, getClientAddress, setHeaders, url }) => {
	// The page holds a private token in its address: keep it out of caches.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!(await answerLinks.allowLookup(getClientAddress()))) return { state: 'rate_limited' as const };
	const found = await answerLinks.findLink(params.token);
	if (found.state !== 'ok') return { state: found.state };
	// Counted as in the e-mail the party got (letterToSend): every live signature, practices in the gemeente.
	const [reach, latest, verification] = await Promise.all([
		coverage(found.campaign.id, found.campaign.gemeenteCode),
		responses.latestResponse(found.campaign.id, found.party.id),
		verificationCounts(found.campaign.id)
	]);
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
		verified: verifiedLine(verification),
		asks: found.asks.map((ask) => ({ number: ask.number, body: ask.body })),
		publicUrl: `/g/${found.campaign.gemeenteSlug}`,
		expiresAt: formatDate(found.expiresAt),
		latest: latest
			? {
					at: formatDateTime(latest.createdAt),
					responderName: latest.responderName,
					responderRole: latest.responderRole,
					bodyMd: latest.bodyMd,
					answers: Object.fromEntries(Object.entries(latest.answers)),
					explanations: Object.fromEntries(Object.entries(latest.explanations))
				}
			: null,
		answerLabels: responses.ASK_ANSWER_LABELS,
		// Right after an answer (the redirect below): thank them, and keep the form out of the way.
		thanks: url.searchParams.get('verstuurd') === '1' && latest !== null
	};
};

const SUBMIT_REFUSED: Record<Exclude<responses.SubmitResult, 'saved'>, string> = {
	unknown: 'Deze link kennen we niet. Controleer of u de hele link uit de e-mail hebt gebruikt.',
	revoked: 'Deze link is ingetrokken. Vraag de huisartsen om een nieuwe link door op hun e-mail te antwoorden.',
	expired: 'Deze link is verlopen. Vraag de huisartsen om een nieuwe link door op hun e-mail te antwoorden.',
	closed: 'Op deze brief kan nu niet worden geantwoord.'
};

export const actions: Actions = { default: answer };

async function answer({ params, request, getClientAddress }: RequestEvent) {
	const token = params.token;
	const form = await request.formData();
	if (!(await answerLinks.allowSubmit(getClientAddress(), token))) {
		return formFailure(429, 'answer', { message: 'U hebt de afgelopen tijd vaak geantwoord. Probeer het over een uur opnieuw.' });
	}
	const found = await answerLinks.findLink(token);
	if (found.state !== 'ok') return formFailure(410, 'answer', { message: SUBMIT_REFUSED[found.state] });
	const values = responses.readResponseForm(form, found.asks);
	const parsed = responses.responseSchema(found.asks).safeParse(values);
	const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
	// What becomes public, and in whose name, is said next to this box: nothing is posted without it.
	if (!isConfirmed(form)) errors.confirm = `Vink aan dat u namens ${found.party.name} antwoordt en dat uw antwoord openbaar wordt.`;
	if (!parsed.success || errors.confirm) return formFailure(400, 'answer', { values, errors });
	const result = await responses.submitViaLink(token, found, parsed.data);
	if (result !== 'saved') return formFailure(410, 'answer', { values, message: SUBMIT_REFUSED[result] });
	redirect(303, `/reageer/${token}?verstuurd=1#bedankt`);
}
