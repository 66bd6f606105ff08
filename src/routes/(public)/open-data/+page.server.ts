// The open-data page: what can be downloaded, under which licence, and what each field means.
import type { PageServerLoad } from './$types';
import { FIELDS, LICENCE } from '$lib/server/positions/open-data';
import { MOTION_FIELDS } from '$lib/server/council/open-data';
import { listKringen } from '$lib/server/kringen/kringen';
import { LETTER_FIELDS } from '$lib/server/letter/open-data';
import { publicLetters } from '$lib/server/letter/letter-index';

export const load: PageServerLoad = async () => ({
	fields: Object.entries(FIELDS).map(([name, meaning]) => ({ name, meaning })),
	motionFields: Object.entries(MOTION_FIELDS).map(([name, meaning]) => ({ name, meaning })),
	licence: LICENCE,
	letterFields: Object.entries(LETTER_FIELDS).map(([name, meaning]) => ({ name, meaning })),
	letters: (await publicLetters()).letters.map((l) => ({ id: l.id, title: l.title, gemeente: l.gemeente })),
	kringen: (await listKringen()).map((k) => ({ slug: k.slug, name: k.name }))
});
