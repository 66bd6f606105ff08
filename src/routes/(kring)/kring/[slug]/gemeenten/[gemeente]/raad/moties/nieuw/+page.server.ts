// A motion or amendment entered by hand, with its submitters and the vote per party (with the
// besluitenlijst or notulen it comes from). Entries that do not add up are refused with a Dutch
// message saying what is wrong, before anything is saved.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { councilContext } from '../../council-context';
import { formFailure } from '$lib/server/platform/forms';
import { saveManualMotion } from '$lib/server/council/motions';
import { motionFormData } from '../../motion-data';
import { motionErrors, motionInput, motionValues } from '../../motion-form';

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await councilContext(event);
	const meetingId = event.url.searchParams.get('vergadering');
	return { kring: { slug: kring.slug, name: kring.name }, gemeente, base, ...(await motionFormData(gemeente.code, meetingId)) };
};

export const actions: Actions = { save };

async function save(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const { parties } = await motionFormData(gemeente.code, null);
	const ids = parties.map((p) => p.id);
	const values = motionValues(await event.request.formData(), ids);
	const saved = await saveManualMotion(user.id, gemeente.code, null, motionInput(values, ids));
	if (!saved.ok) return formFailure(400, 'save', { values, message: saved.message, errors: motionErrors(saved.fieldErrors) });
	redirect(303, `${base}/moties/${saved.id}?klaar=nieuw`);
}
