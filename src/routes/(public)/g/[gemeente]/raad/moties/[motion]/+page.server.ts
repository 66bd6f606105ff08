// A motion's public page: result, submitters, text or link, and the vote of every party of the
// gemeente (a party without a known vote says so) with where each vote came from.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { getMotion } from '$lib/server/council/motions';
import { listThemes } from '$lib/server/gemeenten/themes';
import { db } from '$lib/server/platform/db';
import { formatDate, formatDateTime, formatShortDate } from '$lib/format';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML, no scripts: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params.gemeente);
	if (!/^[0-9a-f-]{36}$/i.test(params.motion)) error(404, 'Deze motie bestaat niet (meer).');
	const [motion, parties, themes] = await Promise.all([
		cachedPublic(gemeente.code, `council:motion:${params.motion}`, () => getMotion(params.motion)),
		cachedPublic(gemeente.code, 'council:parties', async () => {
			const { data, error } = await db().from('parties').select('id, name').eq('gemeente_code', gemeente.code).order('name');
			if (error) throw new Error(error.message);
			return data;
		}),
		cachedPublic(gemeente.code, 'council:themes', () => listThemes(), { tracked: false })
	]);
	if (!motion || motion.gemeenteCode !== gemeente.code) error(404, 'Deze motie bestaat niet (meer).');
	const votes = new Map(motion.votes.map((v) => [v.partyId, v]));
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		motion: {
			...motion,
			decidedOnText: motion.decidedOn ? formatDate(motion.decidedOn) : null,
			meetingWhen: motion.meeting ? formatDateTime(motion.meeting.startsAt) : null,
			themeNames: motion.themes.map((k) => themes.find((t) => t.key === k)?.label ?? k),
			updatedOn: formatDate(motion.updatedAt),
			// Indieners first, then mede-indieners, each by name.
			submitters: [...motion.submitters].sort((a, b) => (a.role === b.role ? 0 : a.role === 'indiener' ? -1 : 1))
		},
		rows: parties.map((party) => {
			const vote = votes.get(party.id) ?? null;
			return { partyId: party.id, partyName: party.name, vote, recordedOn: vote?.source === 'manual' ? formatShortDate(vote.recordedAt) : null };
		}),
		anyVotes: motion.votes.length > 0
	};
};
