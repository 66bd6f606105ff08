// The gemeenten a signed-in user follows by e-mail (opt-in; at most one e-mail a day per gemeente),
// following one (?gemeente= from a public page preselects it) and stopping.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { formFailure, formString } from '$lib/server/platform/forms';
import { findGemeente, listGemeenten } from '$lib/server/gemeenten/gemeenten';
import { followGemeente, followsOf, unfollow } from '$lib/server/outcomes/follows';
import { formatDate } from '$lib/format';

const DONE: Record<string, string> = {
	gevolgd: 'Je volgt deze gemeente. Je krijgt een e-mail als er iets verandert, hoogstens één per dag.',
	al: 'Je volgde deze gemeente al.',
	gestopt: 'Je volgt deze gemeente niet meer.'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [follows, gemeenten] = await Promise.all([followsOf(user.id), listGemeenten()]);
	const asked = await findGemeente(url.searchParams.get('gemeente') ?? '');
	return {
		follows: follows.map((f) => ({ ...f, since: formatDate(f.since), lastMailAt: f.lastMailAt ? formatDate(f.lastMailAt) : null })),
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.displayName })),
		asked: asked && !follows.some((f) => f.gemeenteCode === asked.code) ? { code: asked.code, name: asked.displayName } : null,
		email: user.email,
		done: DONE[url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { follow, stop };

async function follow({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const gemeente = await findGemeente(formString(form, 'gemeenteCode'));
	if (!gemeente) return formFailure(400, 'follow', { errors: { gemeenteCode: 'Kies de gemeente die je wilt volgen.' } });
	const result = await followGemeente(user.id, gemeente.code);
	redirect(303, `/volgen?klaar=${result === 'followed' ? 'gevolgd' : 'al'}`);
}

async function stop({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	if (!(await unfollow(user.id, formString(form, 'followId')))) {
		return formFailure(404, 'stop', { message: 'Deze gemeente volg je niet (meer).' });
	}
	redirect(303, '/volgen?klaar=gestopt');
}
