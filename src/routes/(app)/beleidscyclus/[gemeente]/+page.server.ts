// Setting the real dates of a gemeente's policy cycle: its kring editors, admins and the
// coordinators of a letter there (permissions.maySetPolicyDates; the database checks it again).
// Followers get a reminder two weeks before each real date.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, maySetPolicyDates, requireUser } from '$lib/server/auth/permissions';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import { momentSchema, policyCycle, setMoment, REMIND_DAYS_BEFORE } from '$lib/server/outcomes/policy-moments';

async function context(event: { params: { gemeente: string }; locals: App.Locals; url: URL }) {
	const user = requireUser(event.locals, event.url);
	const gemeente = await findGemeente(event.params.gemeente);
	if (!gemeente) error(404, 'Deze gemeente kennen we niet.');
	if (!maySetPolicyDates(await loadRoles(user.id), gemeente.code)) {
		error(403, `Alleen de kring van ${gemeente.displayName} en coördinatoren van een brief daar zetten deze data.`);
	}
	return { user, gemeente };
}

export const load: PageServerLoad = async (event) => {
	const { gemeente } = await context(event);
	const { settable } = await policyCycle(gemeente.code);
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		moments: settable,
		remindDays: REMIND_DAYS_BEFORE,
		done: event.url.searchParams.get('klaar')
	};
};

export const actions: Actions = { save };

async function save(event: RequestEvent) {
	const { user, gemeente } = await context(event);
	const form = await event.request.formData();
	const values = { kind: formString(form, 'kind'), year: formString(form, 'year'), onDate: formString(form, 'onDate'), note: formString(form, 'note') };
	const action = `save-${values.kind}-${values.year}`;
	const parsed = momentSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, action, { values, errors: fieldErrors(parsed.error.issues) });
	const result = await setMoment(user.id, gemeente.code, parsed.data);
	if (result === 'not_allowed') return formFailure(403, action, { values, message: 'Je mag deze datum niet zetten.' });
	redirect(303, `/beleidscyclus/${gemeente.slug}?klaar=${result}#${values.kind}-${values.year}`);
}
