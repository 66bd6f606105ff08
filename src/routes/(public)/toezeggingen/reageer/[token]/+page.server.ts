// The party or college reacts to one step of a commitment through its private link; no sign-in.
// The page shows the promise, its source and its whole history, and the step this link is for;
// one reaction per step, shown next to that step on the public pages. Lookups and reactions are
// rate-limited; an unknown, revoked or expired link gets a calm explanation.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formFailure } from '$lib/server/platform/forms';
import * as replies from '$lib/server/outcomes/reply-links';
import { withoutAddresses } from '$lib/server/outcomes/commitments';
import { formatDate } from '$lib/format';

export const load: PageServerLoad = async ({ params, getClientAddress, setHeaders, url }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!(await replies.allowLookup(getClientAddress()))) return { state: 'rate_limited' as const };
	const found = await replies.findReplyLink(params.token);
	if (found.state !== 'ok') return { state: found.state };
	const c = found.commitment;
	return {
		state: 'ok' as const,
		promiserName: c.promiser === 'college' ? 'het college' : (c.partyName ?? 'de partij'),
		commitment: withoutAddresses(c),
		updateId: found.update.id,
		reacted: found.update.reaction,
		expiresAt: formatDate(found.expiresAt),
		thanks: url.searchParams.get('verstuurd') === '1'
	};
};

export const actions: Actions = { react };

async function react({ params, request, getClientAddress }: RequestEvent) {
	const values = replies.readReactionForm(await request.formData());
	if (!(await replies.allowSubmit(getClientAddress(), params.token))) {
		return formFailure(429, 'react', { values, message: 'Er is de afgelopen tijd vaak gereageerd vanaf dit adres. Probeer het over een uur opnieuw.' });
	}
	const parsed = replies.reactionSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'react', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await replies.submitReaction(params.token, parsed.data);
	if (result !== 'saved') return formFailure(result === 'already' ? 409 : 403, 'react', { values, message: replies.REACTION_REFUSED[result] });
	redirect(303, `/toezeggingen/reageer/${params.token}?verstuurd=1#reactie`);
}
