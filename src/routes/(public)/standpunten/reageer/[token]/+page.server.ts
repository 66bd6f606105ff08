// A party reacts to its assessed positions through its private link; no sign-in. Per position it
// agrees, or disagrees with its own evidence (quote and source); the reaction is shown next to the
// assessment. The party comes from the token, never from the form; lookups and reactions are
// rate-limited; an unknown, revoked or expired link gets a calm explanation.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formFailure } from '$lib/server/platform/forms';
import * as replies from '$lib/server/positions/reply-links';
import { formatDate, formatShortDateTime } from '$lib/format';
import { DOCUMENT_KIND_LABELS } from '$lib/positions';

export const load: PageServerLoad = async ({ params, getClientAddress, setHeaders, url }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!(await replies.allowLookup(getClientAddress()))) return { state: 'rate_limited' as const };
	const found = await replies.findReplyLink(params.token);
	if (found.state !== 'ok') return { state: found.state };
	return {
		state: 'ok' as const,
		party: found.party,
		gemeente: found.gemeente,
		expiresAt: formatDate(found.expiresAt),
		positions: found.positions.map((p) => ({
			...p,
			kindLabel: DOCUMENT_KIND_LABELS[p.documentKind],
			replyDue: p.replyDueAt ? formatDate(p.replyDueAt) : null,
			reply: p.reply && { ...p.reply, at: formatShortDateTime(p.reply.at) }
		})),
		thanks: url.searchParams.get('verstuurd')
	};
};

export const actions: Actions = { react };

async function react({ params, request, getClientAddress }: RequestEvent) {
	const values = replies.readReplyForm(await request.formData());
	const action = `react-${values.positionId}`;
	if (!(await replies.allowSubmit(getClientAddress(), params.token))) {
		return formFailure(429, action, { values, message: 'U hebt de afgelopen tijd vaak gereageerd. Probeer het over een uur opnieuw.' });
	}
	const parsed = replies.replySchema.safeParse(values);
	if (!parsed.success) return formFailure(400, action, { values, errors: fieldErrors(parsed.error.issues) });
	const result = await replies.submitReply(params.token, parsed.data);
	if (result !== 'saved') return formFailure(result === 'evidence_required' ? 400 : 403, action, { values, message: replies.REPLY_REFUSED[result] });
	redirect(303, `/standpunten/reageer/${params.token}?verstuurd=${parsed.data.positionId}#standpunt-${parsed.data.positionId}`);
}
