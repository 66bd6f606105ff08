import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { safeRedirectPath } from '$lib/server/auth/safe-redirect';
import { recordAudit } from '$lib/server/platform/audit';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { listGemeenten } from '$lib/server/gemeenten/gemeenten';
import * as practices from '$lib/server/gemeenten/practices';
import * as session from '$lib/server/auth/session';
import * as users from '$lib/server/auth/users';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [profile, mine, gemeenten] = await Promise.all([
		users.getProfile(user.id),
		practices.practicesOfUser(user.id),
		listGemeenten()
	]);
	const asked = practices.gemeenteCodeSchema.safeParse(url.searchParams.get('gemeente') ?? '');
	const chosenGemeente = asked.success ? asked.data : (mine[0]?.gemeenteCode ?? null);
	const known = gemeenten.some((g) => g.code === chosenGemeente);
	return {
		profile,
		practices: mine,
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.name })),
		chosenGemeente: known ? chosenGemeente : null,
		practicesInGemeente: known && chosenGemeente ? await practices.practicesInGemeente(chosenGemeente) : null,
		saved: url.searchParams.get('opgeslagen'),
		// Where the huisarts came from (e.g. a letter to sign that needs a practice first).
		back: safeRedirectPath(url.searchParams.get('naar'), '') || null
	};
};

/** After joining or adding a practice, go back where the huisarts came from, if anywhere. */
function backTo(form: FormData): string | null {
	return safeRedirectPath(formString(form, 'naar'), '') || null;
}

export const actions: Actions = { profile, join, leave, addPractice, signOutEverywhere };

async function profile({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const values = { name: formString(form, 'name'), bigNumber: formString(form, 'bigNumber') };
	const parsed = users.profileSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'profile', { values, errors: fieldErrors(parsed.error.issues) });
	await users.updateProfile(user.id, parsed.data);
	await recordAudit({ actorId: user.id, action: 'profile_updated', entity: 'user', entityId: user.id });
	redirect(303, '/account?opgeslagen=profiel');
}

async function join({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const practiceId = formString(form, 'practiceId');
	const result = await practices.joinPractice(user.id, practiceId);
	if (result === 'not_found') {
		return formFailure(404, 'join', { message: 'Deze praktijk bestaat niet (meer). Kies een andere.' });
	}
	await recordAudit({ actorId: user.id, action: 'practice_joined', entity: 'practice', entityId: practiceId });
	redirect(303, backTo(form) ?? '/account?opgeslagen=praktijk#praktijk');
}

async function leave({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const practiceId = formString(await request.formData(), 'practiceId');
	await practices.leavePractice(user.id, practiceId);
	await recordAudit({ actorId: user.id, action: 'practice_left', entity: 'practice', entityId: practiceId });
	redirect(303, '/account?opgeslagen=praktijk-verlaten#praktijk');
}

async function addPractice({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const values = {
		name: formString(form, 'name'),
		agbCode: formString(form, 'agbCode'),
		address: formString(form, 'address'),
		gemeenteCode: formString(form, 'gemeenteCode')
	};
	const parsed = practices.newPracticeSchema.safeParse(values);
	if (!parsed.success) {
		return formFailure(400, 'addPractice', { values, errors: fieldErrors(parsed.error.issues) });
	}
	const created = await practices.createPractice(user.id, parsed.data);
	if (created === 'unknown_gemeente') {
		return formFailure(400, 'addPractice', {
			values,
			errors: { gemeenteCode: 'Deze gemeente kennen we niet. Kies de gemeente van je praktijk uit de lijst.' }
		});
	}
	if (created === 'agb_taken') {
		return formFailure(409, 'addPractice', {
			values,
			errors: {
				agbCode: 'Er staat al een praktijk met deze AGB-code in Laat je horen. Zoek hem hierboven op en kies "Ik werk hier".'
			}
		});
	}
	redirect(303, backTo(form) ?? `/account?opgeslagen=praktijk-toegevoegd&gemeente=${parsed.data.gemeenteCode}#praktijk`);
}

async function signOutEverywhere({ locals, url, cookies }: RequestEvent) {
	const user = requireUser(locals, url);
	await session.invalidateUserSessions(user.id);
	session.deleteSessionTokenCookie(cookies);
	await recordAudit({ actorId: user.id, action: 'signed_out_everywhere', entity: 'user', entityId: user.id });
	redirect(303, '/inloggen?overal-uitgelogd=1');
}
