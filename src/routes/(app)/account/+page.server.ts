import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, requireUser } from '$lib/server/auth/permissions';
import { registerConfigured, verifyWithRegister } from '$lib/server/auth/big-verification';
import * as confirmation from '$lib/server/gemeenten/practice-confirmation';
import { formatShortDate } from '$lib/format';
import { safeRedirectPath } from '$lib/server/auth/safe-redirect';
import { recordAudit } from '$lib/server/platform/audit';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { listGemeenten } from '$lib/server/gemeenten/gemeenten';
import * as practices from '$lib/server/gemeenten/practices';
import * as session from '$lib/server/auth/session';
import * as users from '$lib/server/auth/users';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [profile, mine, gemeenten, roles] = await Promise.all([
		users.getProfile(user.id),
		practices.practicesOfUser(user.id),
		listGemeenten(),
		loadRoles(user.id)
	]);
	const asked = practices.gemeenteCodeSchema.safeParse(url.searchParams.get('gemeente') ?? '');
	const chosenGemeente = asked.success ? asked.data : (mine[0]?.gemeenteCode ?? null);
	const known = gemeenten.some((g) => g.code === chosenGemeente);
	return {
		profile,
		verified: roles.verified,
		registerConfigured: registerConfigured(),
		practices: mine.map((p) => ({ ...p, confirmedOn: p.confirmed ? formatShortDate(p.confirmed.at) : null })),
		// Confirming colleagues is for those who may vouch somewhere.
		mayConfirm: roles.admin || roles.kringGemeenten.length > 0 || (roles.verified && roles.confirmedPracticeGemeenten.length > 0),
		asked: url.searchParams.get('gevraagd'),
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

export const actions: Actions = { profile, verifyBig, join, leave, addPractice, askConfirmation, signOutEverywhere };

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

const BIG_NUMBER_TAKEN =
	'Met dit BIG-nummer is al een ander account geverifieerd. Is dat niet van jou, neem dan contact op met de kring: die zoekt het uit.';

/** "Controleer mij in het BIG-register": the number and name on the profile, asked of the register. */
async function verifyBig({ locals, url }: RequestEvent) {
	const user = requireUser(locals, url);
	const profile = await users.getProfile(user.id);
	if (!profile.name || !profile.bigNumber) {
		return formFailure(400, 'verifyBig', { message: 'Vul eerst je naam en BIG-nummer in en sla ze op.' });
	}
	const result = await verifyWithRegister(user.id, profile.bigNumber, profile.name);
	if (result.state === 'not_configured') {
		return formFailure(503, 'verifyBig', {
			message:
				'Deze installatie is niet met het BIG-register verbonden. Een coördinator of de kring kan je handtekening met de hand verifiëren.'
		});
	}
	if (result.state === 'taken') {
		return formFailure(409, 'verifyBig', { message: BIG_NUMBER_TAKEN });
	}
	if (result.state === 'refused') {
		const extra =
			result.check.verdict === 'unavailable'
				? ' Lukt het niet, dan kan een coördinator of de kring je handtekening met de hand verifiëren.'
				: '';
		return formFailure(result.check.verdict === 'unavailable' ? 503 : 400, 'verifyBig', { message: result.check.message + extra });
	}
	redirect(303, '/account?opgeslagen=big#big');
}

async function askConfirmation({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const values = { practiceId: formString(await request.formData(), 'practiceId') };
	const result = await confirmation.askForConfirmation(user, values.practiceId);
	if (typeof result === 'number') redirect(303, `/account?gevraagd=${result}#praktijk`);
	const messages = {
		already_today: 'Je hebt vandaag al om een bevestiging voor deze praktijk gevraagd. Ze hebben je bericht.',
		not_member: 'Deze praktijk is al bevestigd, of je bent er niet (meer) aan gekoppeld.',
		nobody:
			'Er is in deze gemeente nog niemand die kan bevestigen: geen kring en geen collega met een bevestigde praktijk. Neem contact op met je kring of met Laat je horen.'
	} as const;
	return formFailure(result === 'already_today' ? 429 : 409, 'askConfirmation', { values, message: messages[result] });
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
