// One party's votes on the care themes in a gemeente, newest first, each with its source.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { partyCareVotes } from '$lib/server/council/public-council';
import { listThemes } from '$lib/server/gemeenten/themes';
import { db } from '$lib/server/platform/db';
import { formatShortDate } from '$lib/format';

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params.gemeente);
	if (!/^[0-9a-f-]{36}$/i.test(params.party)) error(404, 'Deze partij kennen we hier niet.');
	const [party, votes, themes] = await Promise.all([
		db().from('parties').select('id, name, gemeente_code').eq('id', params.party).maybeSingle(),
		partyCareVotes(params.party),
		listThemes()
	]);
	if (party.error) throw new Error(party.error.message);
	if (!party.data || party.data.gemeente_code !== gemeente.code) error(404, 'Deze partij kennen we hier niet.');
	const labels = Object.fromEntries(themes.map((t) => [t.key, t.label]));
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		party: { id: party.data.id, name: party.data.name },
		votes: votes.map((v) => ({ ...v, decidedOnText: v.decidedOn ? formatShortDate(v.decidedOn) : null, themeNames: v.themes.map((k) => labels[k] ?? k) }))
	};
};
