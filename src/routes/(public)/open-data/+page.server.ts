// The open-data page: what can be downloaded, under which licence, and what each field means.
import type { PageServerLoad } from './$types';
import { FIELDS, LICENCE } from '$lib/server/positions/open-data';
import { MOTION_FIELDS } from '$lib/server/council/open-data';
import { listKringen } from '$lib/server/kringen/kringen';

export const load: PageServerLoad = async () => ({
	fields: Object.entries(FIELDS).map(([name, meaning]) => ({ name, meaning })),
	motionFields: Object.entries(MOTION_FIELDS).map(([name, meaning]) => ({ name, meaning })),
	licence: LICENCE,
	kringen: (await listKringen()).map((k) => ({ slug: k.slug, name: k.name }))
});
