// Admins keep the care themes: add one, rename it or change its description and search words (the
// key stays, so nothing loses its history), retire it or bring it back.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { adminContext } from '../admin-context';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { listThemes } from '$lib/server/gemeenten/themes';
import { saveTheme, setRetired, themeSchema } from '$lib/server/gemeenten/theme-admin';

const REFUSED = {
	label_taken: { label: 'Er is al een thema met deze naam.' },
	key_taken: { key: 'Deze sleutel bestaat al.' },
	not_allowed: { key: 'Dit thema bestaat niet.' }
} as const;

export const load: PageServerLoad = async (event) => {
	await adminContext(event);
	const themes = await listThemes();
	return {
		themes: themes.map((t) => ({ key: t.key, label: t.label, description: t.description, searchWords: t.searchWords.join(', '), retired: t.retired })),
		done: event.url.searchParams.get('klaar') === '1'
	};
};

export const actions: Actions = { add, change, retire };

function readTheme(form: FormData) {
	return {
		key: formString(form, 'key'),
		label: formString(form, 'label'),
		description: formString(form, 'description'),
		searchWords: formString(form, 'searchWords')
	};
}

async function save(event: RequestEvent, create: boolean) {
	const { user } = await adminContext(event);
	const values = readTheme(await event.request.formData());
	const action = create ? 'add' : `change-${values.key}`;
	const parsed = themeSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, action, { values, errors: fieldErrors(parsed.error.issues) });
	const result = await saveTheme(user.id, parsed.data, create);
	if (result !== 'created' && result !== 'changed') return formFailure(409, action, { values, errors: { ...REFUSED[result] } });
	redirect(303, `/beheer/themas?klaar=1#thema-${parsed.data.key}`);
}

function add(event: RequestEvent) {
	return save(event, true);
}

function change(event: RequestEvent) {
	return save(event, false);
}

async function retire(event: RequestEvent) {
	const { user } = await adminContext(event);
	const form = await event.request.formData();
	const key = formString(form, 'key');
	await setRetired(user.id, key, formString(form, 'retired') === 'ja');
	redirect(303, `/beheer/themas?klaar=1#thema-${key}`);
}
