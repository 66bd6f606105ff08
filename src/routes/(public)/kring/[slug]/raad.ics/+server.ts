// iCalendar feed: upcoming meetings on the care themes in every gemeente of a kring. Calendar apps
// poll: the meetings are kept in the public cache until any gemeente's public data changes (or for
// at most a few minutes, as "upcoming" moves on), the kring's gemeenten being part of the key.
import { error } from '@sveltejs/kit';
import { ALL_GEMEENTEN, cachedPublic } from '$lib/server/platform/public-cache';
import type { RequestHandler } from './$types';
import { kringBySlug } from '$lib/server/kringen/kringen';
import { careMeetings } from '$lib/server/council/public-council';
import { calendarHeaders, meetingsCalendar } from '$lib/server/council/calendar';
import { listThemes } from '$lib/server/gemeenten/themes';

export const GET: RequestHandler = async ({ params, url }) => {
	const kring = params.slug.length <= 100 ? await kringBySlug(params.slug) : null;
	if (!kring) error(404, 'Deze kring bestaat niet (meer).');
	const codes = kring.gemeenten.map((g) => g.code);
	const [meetings, themes] = await Promise.all([
		cachedPublic(ALL_GEMEENTEN, `kring-calendar\u0000${codes.join(',')}`, () => careMeetings(codes, new Date(Date.now() - 24 * 60 * 60 * 1000))),
		cachedPublic(ALL_GEMEENTEN, 'themes', () => listThemes())
	]);
	const body = meetingsCalendar(
		{
			name: `Raad en zorg: ${kring.name}`,
			description: `Vergaderingen over de zorgthema's in de gemeenten van ${kring.name}, van Laat je horen.`,
			url: new URL(`/kring/${kring.slug}/raad.ics`, url.origin).href,
			host: url.hostname,
			themeLabels: Object.fromEntries(themes.map((t) => [t.key, t.label]))
		},
		meetings,
		url.origin
	);
	return new Response(body, { headers: calendarHeaders(`raad-${kring.slug}`) });
};
