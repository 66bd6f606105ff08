// Starting a letter: gemeente, occasion (the next moments of the gemeente's year first), themes (from the themes table); the starter letter is
// written from the chosen themes. A second letter for the same occasion is refused with a link to
// the one under way. Who may start one is permissions.mayStartLetter.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { campaignAccess, loadRoles, mayStartLetter, requireUser } from '$lib/server/auth/permissions';
import * as campaigns from '$lib/server/letter/campaigns';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { findGemeente, listGemeenten } from '$lib/server/gemeenten/gemeenten';
import { practicesOfUser } from '$lib/server/gemeenten/practices';
import { listThemes } from '$lib/server/gemeenten/themes';
import { upcomingOccasions } from '$lib/server/letter/occasions';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [gemeenten, practices, themes] = await Promise.all([
		listGemeenten(),
		practicesOfUser(user.id),
		listThemes({ activeOnly: true })
	]);
	const asked = url.searchParams.get('gemeente')?.toUpperCase();
	const preselected = gemeenten.some((g) => g.code === asked) ? asked : practices[0]?.gemeenteCode;
	const occasions = upcomingOccasions(new Date());
	// ?aanleiding=kadernota_2027 (from a reminder or the gemeente's calendar) picks that moment.
	const wanted = url.searchParams.get('aanleiding');
	return {
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.displayName })),
		preselected: preselected ?? '',
		occasions: occasions.map(({ key, label, when }) => ({ key, label, when })),
		preselectedOccasion: occasions.find((o) => o.key === wanted)?.key ?? occasions[0].key,
		themes: themes.map((t) => ({ key: t.key, label: t.label })),
		// The rule, before it bites: where this huisarts may start a letter, and what is pending.
		confirmedIn: [...new Set(practices.filter((p) => p.confirmed).map((p) => p.gemeenteName))],
		unconfirmedIn: [...new Set(practices.filter((p) => !p.confirmed).map((p) => p.gemeenteName))]
	};
};

export const actions: Actions = { default: start };

type Existing = { id: string; title: string; gemeente: string; visible: boolean } | null;
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
	const occasionKeys = upcomingOccasions(new Date()).map((o) => o.key);
	const parsed = campaigns.newCampaignSchema(themes.map((t) => t.key), occasionKeys).safeParse(values);
	if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error.issues) });
	const gemeente = await findGemeente(parsed.data.gemeenteCode);
	if (!gemeente) return refuse(400, { values, errors: { gemeenteCode: 'Kies de gemeente.' } });

	// The rule, where it bites, with the way to meet it.
	const notAllowed = (unconfirmed = false) =>
		refuse(403, {
			values,
			errors: {
				gemeenteCode: unconfirmed
					? `Je praktijk in ${gemeente.displayName} is nog niet bevestigd. Een brief beginnen kan pas als een collega met een bevestigde praktijk daar, de kring of een beheerder heeft bevestigd dat je er werkt. Vraag dat op je accountpagina.`
					: `Alleen huisartsen met een bevestigde praktijk in ${gemeente.displayName} kunnen hier een brief beginnen. Koppel eerst je praktijk in je account en vraag een collega of de kring om die te bevestigen.`
			}
		});
	const roles = await loadRoles(user.id);
	// One letter per occasion: who tries to start a second is sent to the first (to ask to write
	// along there) when they may know of it; others only hear that one is under way.
	const existingFor = async (found: campaigns.Campaign) =>
		refuse(
			409,
			{ values },
			(await campaignAccess(user, found)).see
				? { id: found.id, title: found.title, gemeente: gemeente.displayName, visible: true }
				: { id: '', title: '', gemeente: gemeente.displayName, visible: false }
		);
	const active = await campaigns.activeCampaignFor(gemeente.code, campaigns.occasionKey(parsed.data));
	if (active) return existingFor(active);
	if (!mayStartLetter(roles, gemeente.code)) return notAllowed(roles.practiceGemeenten.includes(gemeente.code));
	const result = await campaigns.startCampaign(user.id, parsed.data, gemeente.name);
	if (result === 'not_allowed') return notAllowed();
	if ('existing' in result) return existingFor(result.existing);
	redirect(303, `/campagnes/${result.id}/brief`);
}
