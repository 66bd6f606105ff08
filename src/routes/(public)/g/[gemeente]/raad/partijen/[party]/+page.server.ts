// One party's votes on the care themes in a gemeente, newest first, each with its source.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { partyCareVotes } from '$lib/server/council/public-council';
import { listThemes } from '$lib/server/gemeenten/themes';
import { db } from '$lib/server/platform/db';
import { formatShortDate } from '$lib/format';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML, no scripts: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params.gemeente);
	if (!/^[0-9a-f-]{36}$/i.test(params.party)) error(404, 'Deze partij kennen we hier niet.');
	const [party, votes, themes] = await Promise.all([
		cachedPublic(gemeente.code, `council:party:${params.party}`, async () => {
			const { data, error: failure } = await db().from('parties').select('id, name, gemeente_code').eq('id', params.party).maybeSingle();
			if (failure) throw new Error(failure.message);
			return data;
		}),
		cachedPublic(gemeente.code, `council:party-votes:${params.party}`, () => partyCareVotes(params.party)),
		cachedPublic(gemeente.code, 'council:themes', () => listThemes(), { tracked: false })
	]);
	if (!party || party.gemeente_code !== gemeente.code) error(404, 'Deze partij kennen we hier niet.');
	const labels = Object.fromEntries(themes.map((t) => [t.key, t.label]));
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		party: { id: party.id, name: party.name },
		votes: votes.map((v) => ({ ...v, decidedOnText: v.decidedOn ? formatShortDate(v.decidedOn) : null, themeNames: v.themes.map((k) => labels[k] ?? k) }))
	};
};
