// A kring's settings, for its editors: the gemeenten it covers (found with a search, not picked
// from 342), the themes it follows, whether publishing needs a second editor, and its editors
// (invite a colleague by e-mail).
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { kringContext } from '../kring-context';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { searchGemeenten, searchQuerySchema } from '$lib/server/gemeenten/gemeenten';
import { listThemes } from '$lib/server/gemeenten/themes';
import * as kringen from '$lib/server/kringen/kringen';

const DONE: Record<string, string> = {
	toegevoegd: 'De gemeente hoort nu bij de kring.',
	verwijderd: 'De gemeente hoort niet meer bij de kring.',
	opgeslagen: 'De instellingen zijn opgeslagen.',
	uitgenodigd: 'De uitnodiging is verstuurd.',
	al: 'Dit adres is al redacteur van de kring.'
};

export const load: PageServerLoad = async (event) => {
	const { kring } = await kringContext(event);
	const parsed = searchQuerySchema.safeParse(event.url.searchParams.get('zoek') ?? '');
	const query = parsed.success ? parsed.data : '';
	const [themes, found] = await Promise.all([listThemes({ activeOnly: true }), query ? searchGemeenten(query, 20) : Promise.resolve(null)]);
	const covered = new Set(kring.gemeenten.map((g) => g.code));
	return {
		kring: { slug: kring.slug, name: kring.name, needApproval: kring.needApproval, themeKeys: kring.themeKeys, editors: kring.editors, gemeenten: kring.gemeenten },
		themes: themes.map((t) => ({ key: t.key, label: t.label, description: t.description })),
		search: {
			query,
			error: parsed.success ? null : parsed.error.issues[0].message,
			results: found?.map((g) => ({ code: g.code, name: g.displayName, province: g.province, covered: covered.has(g.code) })) ?? null
		},
		done: DONE[event.url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { addGemeente, removeGemeente, settings, invite };

function back(event: RequestEvent, done: string, anchor: string): never {
	const zoek = event.url.searchParams.get('zoek');
	redirect(303, `/kring/${event.params.slug}/instellingen?klaar=${done}${zoek ? `&zoek=${encodeURIComponent(zoek)}` : ''}#${anchor}`);
}

async function addGemeente(event: RequestEvent) {
	const { kring, user } = await kringContext(event);
	const code = formString(await event.request.formData(), 'gemeente');
	if (!(await kringen.setGemeente(kring.id, user.id, code, true))) {
		return formFailure(400, 'addGemeente', { message: 'Deze gemeente kon niet worden toegevoegd. Misschien hoort ze al bij de kring.' });
	}
	back(event, 'toegevoegd', 'gemeenten-kop');
}

async function removeGemeente(event: RequestEvent) {
	const { kring, user } = await kringContext(event);
	const code = formString(await event.request.formData(), 'gemeente');
	if (!(await kringen.setGemeente(kring.id, user.id, code, false))) {
		return formFailure(400, 'removeGemeente', { message: 'Deze gemeente hoort niet bij de kring.' });
	}
	back(event, 'verwijderd', 'gemeenten-kop');
}

async function settings(event: RequestEvent) {
	const { kring, user } = await kringContext(event);
	const form = await event.request.formData();
	const themes = await listThemes({ activeOnly: true });
	const chosen = form.getAll('theme').filter((value): value is string => typeof value === 'string' && themes.some((t) => t.key === value));
	await kringen.saveSettings(kring.id, user.id, chosen, formString(form, 'needApproval') === 'ja');
	back(event, 'opgeslagen', 'themas-kop');
}

async function invite(event: RequestEvent) {
	const { kring, user } = await kringContext(event);
	const form = await event.request.formData();
	const values = { email: formString(form, 'email') };
	const parsed = kringen.inviteSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'invite', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await kringen.addEditor(kring, user, parsed.data.email);
	if (result === 'not_allowed') return formFailure(403, 'invite', { values, message: 'Je mag voor deze kring geen redacteuren uitnodigen.' });
	back(event, result === 'added' ? 'uitgenodigd' : 'al', 'redacteuren-kop');
}
