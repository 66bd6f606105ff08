// Starting a letter: gemeente, occasion, themes (from the themes table); the starter letter is
// written from the chosen themes. A second letter for the same occasion is refused with a link to
// the one under way. Who may start one is permissions.mayStartLetter.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, mayStartLetter, requireUser } from '$lib/server/auth/permissions';
import * as campaigns from '$lib/server/letter/campaigns';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { findGemeente, listGemeenten } from '$lib/server/gemeenten/gemeenten';
import { practicesOfUser } from '$lib/server/gemeenten/practices';
import { listThemes } from '$lib/server/gemeenten/themes';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [gemeenten, practices, themes] = await Promise.all([
		listGemeenten(),
		practicesOfUser(user.id),
		listThemes({ activeOnly: true })
	]);
	const asked = url.searchParams.get('gemeente')?.toUpperCase();
	const preselected = gemeenten.some((g) => g.code === asked) ? asked : practices[0]?.gemeenteCode;
	return {
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.displayName })),
		preselected: preselected ?? '',
		occasions: campaigns.OCCASIONS,
		themes: themes.map((t) => ({ key: t.key, label: t.label }))
	};
};

export const actions: Actions = { default: start };

type Existing = { id: string; title: string; gemeente: string } | null;
type Values = { gemeenteCode: string; occasion: string; customTitle: string; themes: string[] };

/** Every refusal names the letter already under way (or null), so the page can point to it. */
function refuse(status: number, parts: { values: Values; errors?: Record<string, string> }, existing: Existing = null) {
	return formFailure(status, 'start', parts, { existing });
}

async function start({ locals, url, request }: RequestEvent) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const values: Values = {
		gemeenteCode: formString(form, 'gemeenteCode'),
		occasion: formString(form, 'occasion'),
		customTitle: formString(form, 'customTitle'),
		themes: form.getAll('themes').map(String)
	};
	const themes = await listThemes({ activeOnly: true });
	const parsed = campaigns.newCampaignSchema(themes.map((t) => t.key)).safeParse(values);
	if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error.issues) });
	const gemeente = await findGemeente(parsed.data.gemeenteCode);
	if (!gemeente) return refuse(400, { values, errors: { gemeenteCode: 'Kies de gemeente.' } });

	const notAllowed = () =>
		refuse(403, {
			values,
			errors: {
				gemeenteCode: `Alleen huisartsen met een praktijk in ${gemeente.displayName} kunnen hier een brief beginnen. Koppel eerst je praktijk in je account.`
			}
		});
	const existingFor = (found: campaigns.Campaign) =>
		refuse(409, { values }, { id: found.id, title: found.title, gemeente: gemeente.displayName });
	// One letter per occasion: anyone who tries to start a second is sent to the first (and may ask
	// to write along there), also when they could not have started one here.
	const active = await campaigns.activeCampaignFor(gemeente.code, campaigns.occasionKey(parsed.data));
	if (active) return existingFor(active);
	if (!mayStartLetter(await loadRoles(user.id), gemeente.code)) return notAllowed();
	const result = await campaigns.startCampaign(user.id, parsed.data, gemeente.name);
	if (result === 'not_allowed') return notAllowed();
	if ('existing' in result) return existingFor(result.existing);
	redirect(303, `/campagnes/${result.id}/brief`);
}
