// A new meeting entered by hand (from the gemeente's website or the raadsinformatiesysteem).
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { councilContext } from '../../council-context';
import { formFailure } from '$lib/server/platform/forms';
import { saveManualMeeting } from '$lib/server/council/meetings';
import { meetingInput, meetingValues } from '../../meeting-form';

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await councilContext(event);
	return { kring: { slug: kring.slug, name: kring.name }, gemeente, base };
};

export const actions: Actions = { save };

async function save(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const values = meetingValues(await event.request.formData());
	const parsed = meetingInput(values);
	if ('errors' in parsed) return formFailure(400, 'save', { values, errors: parsed.errors });
	const saved = await saveManualMeeting(user.id, gemeente.code, null, parsed.input);
	if (!saved.ok) return formFailure(400, 'save', { values, message: saved.message, errors: saved.fieldErrors });
	redirect(303, `${base}/vergaderingen/${saved.id}?klaar=nieuw`);
}
