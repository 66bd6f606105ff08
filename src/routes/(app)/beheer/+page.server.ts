// Admins create kringen and invite their first editors by e-mail.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { adminContext } from './admin-context';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import * as kringen from '$lib/server/kringen/kringen';

export const load: PageServerLoad = async (event) => {
	await adminContext(event);
	const all = await kringen.listKringen();
	const done = event.url.searchParams.get('klaar');
	return {
		kringen: all.map((k) => ({ id: k.id, slug: k.slug, name: k.name, kind: kringen.KRING_KINDS[k.kind], editors: k.editors, gemeenten: k.gemeenten.length })),
		kinds: Object.entries(kringen.KRING_KINDS).map(([key, label]) => ({ key, label })),
		done: done === 'kring' ? 'De kring is gemaakt. Nodig nu een redacteur uit.' : done === 'uitgenodigd' ? 'De uitnodiging is verstuurd.' : done === 'al' ? 'Dit adres is al redacteur van die kring.' : null
	};
};

export const actions: Actions = { create, invite };

async function create(event: RequestEvent) {
	const { user } = await adminContext(event);
	const form = await event.request.formData();
	const values = { name: formString(form, 'name'), kind: formString(form, 'kind'), slug: formString(form, 'slug') };
	const parsed = kringen.newKringSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'create', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await kringen.createKring(user.id, parsed.data);
	if (result === 'slug_taken') return formFailure(409, 'create', { values, errors: { slug: 'Dit webadres is al van een andere kring. Kies een ander.' } });
	redirect(303, `/beheer?klaar=kring#kring-${result.slug}`);
}

async function invite(event: RequestEvent) {
	const { user } = await adminContext(event);
	const form = await event.request.formData();
	const kringId = formString(form, 'kring');
	const values = { email: formString(form, 'email'), kring: kringId };
	const kring = (await kringen.listKringen()).find((k) => k.id === kringId);
	if (!kring) return formFailure(404, `invite-${kringId}`, { values, message: 'Deze kring bestaat niet (meer).' });
	const parsed = kringen.inviteSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, `invite-${kringId}`, { values, errors: fieldErrors(parsed.error.issues) });
	const result = await kringen.addEditor(kring, user, parsed.data.email);
	redirect(303, `/beheer?klaar=${result === 'added' ? 'uitgenodigd' : 'al'}#kring-${kring.slug}`);
}
