// One commitment, for the kring's editors: its source, its whole history with the promiser's
// reactions, a form for the next status (forward or back, always with its date, what happened and
// the evidence) and one to correct its words (with a reason, kept in the audit log).
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { commitmentContext } from '../commitment-context';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { listThemes } from '$lib/server/gemeenten/themes';
import * as commitments from '$lib/server/outcomes/commitments';
import { dutchDay } from '$lib/server/outcomes/policy-cycle';

async function theCommitment(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const context = await commitmentContext(event);
	const commitment = await commitments.getCommitment(event.params.id);
	if (!commitment || commitment.gemeenteCode !== context.gemeente.code) error(404, 'Deze toezegging bestaat niet (meer) in deze gemeente.');
	return { ...context, commitment };
}

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base, commitment } = await theCommitment(event);
	const themes = await listThemes({ activeOnly: true });
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		base,
		commitment: commitments.withoutAddresses(commitment),
		reachable: commitments.promiserAddresses(commitment).length > 0,
		themes: themes.map((t) => ({ key: t.key, label: t.label })),
		today: dutchDay(new Date()),
		done: event.url.searchParams.get('klaar')
	};
};

export const actions: Actions = { status, correct };

const STATUS_REFUSED = {
	not_found: 'Deze toezegging kun je niet bijwerken.',
	evidence_required: 'Geef bij elke nieuwe stand wat er gebeurde en het bewijs.'
};

async function status(event: RequestEvent) {
	const { user, commitment } = await theCommitment(event);
	const values = commitments.readStatusForm(await event.request.formData());
	const parsed = commitments.statusSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'status', { values, errors: fieldErrors(parsed.error.issues) });
	if (parsed.data.happenedOn > dutchDay(new Date())) {
		return formFailure(400, 'status', { values, errors: { happenedOn: 'Een stand geldt vanaf een dag die al geweest is (of vandaag).' } });
	}
	const result = await commitments.updateStatus(user.id, commitment.id, parsed.data);
	if (!result.ok) return formFailure(result.reason === 'not_found' ? 404 : 400, 'status', { values, message: STATUS_REFUSED[result.reason] });
	// The reply link speaks for the party or college: it goes to their own addresses, and is shown
	// here (once) only when none is known, for the editor to pass on.
	return { action: 'status' as const, moved: { seq: result.seq, url: result.mailed.length === 0 ? result.link : null, mailed: result.mailed } };
}

async function correct(event: RequestEvent) {
	const { user, commitment, base } = await theCommitment(event);
	const form = await event.request.formData();
	const values = {
		body: formString(form, 'body'),
		themeKey: formString(form, 'themeKey'),
		promiserDetail: formString(form, 'promiserDetail'),
		deadline: formString(form, 'deadline'),
		reason: formString(form, 'reason')
	};
	const themes = await listThemes({ activeOnly: true });
	const parsed = commitments.correctionSchema(themes.map((t) => t.key)).safeParse(values);
	if (!parsed.success) return formFailure(400, 'correct', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await commitments.correctCommitment(user.id, commitment.id, parsed.data);
	if (result === 'unchanged') return formFailure(400, 'correct', { values, message: 'Er is niets veranderd.' });
	if (result === 'reason_required') return formFailure(400, 'correct', { values, errors: { reason: 'Zeg waarom je dit verbetert.' } });
	if (result === 'deadline') return formFailure(400, 'correct', { values, errors: { deadline: 'De termijn ligt vóór de datum van de toezegging.' } });
	if (result === 'not_found') return formFailure(404, 'correct', { values, message: 'Deze toezegging kun je niet (meer) verbeteren.' });
	redirect(303, `${base}/${commitment.id}?klaar=verbeterd#verbeteren`);
}
