// A meeting's public page: its agenda with the care themes, documents and motions, and how many
// huisartsen go (names only of those who agreed), with the way to join for huisartsen.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { publicMeeting } from '$lib/server/council/public-council';
import { listThemes } from '$lib/server/gemeenten/themes';
import { formatDateTime } from '$lib/format';
import { cachedPublic } from '$lib/server/platform/public-cache';

// Plain HTML, no scripts: nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = await publicGemeente(params.gemeente);
	const [found, themes] = await Promise.all([
		cachedPublic(gemeente.code, `council:meeting:${params.meeting.slice(0, 40)}`, () => publicMeeting(gemeente.code, params.meeting)),
		cachedPublic(gemeente.code, 'council:themes', () => listThemes(), { tracked: false })
	]);
	if (!found) error(404, 'Deze vergadering bestaat niet (meer).');
	const labels = Object.fromEntries(themes.map((t) => [t.key, t.label]));
	const { meeting } = found;
	return {
		gemeente: { code: gemeente.code, name: gemeente.displayName, slug: gemeente.slug },
		meeting: {
			id: meeting.id,
			name: meeting.name,
			kind: meeting.kind,
			status: meeting.status,
			when: formatDateTime(meeting.startsAt),
			until: meeting.endsAt ? formatDateTime(meeting.endsAt) : null,
			location: meeting.location,
			url: meeting.url,
			source: meeting.source,
			upcoming: Date.parse(meeting.startsAt) > Date.now() && meeting.status !== 'geannuleerd',
			agenda: meeting.agenda
		},
		motions: found.motions,
		attendance: found.attendance,
		labels
	};
};
