// iCalendar feed: upcoming meetings on the care themes in every gemeente of a kring.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { kringBySlug } from '$lib/server/kringen/kringen';
import { careMeetings } from '$lib/server/council/public-council';
import { calendarHeaders, meetingsCalendar } from '$lib/server/council/calendar';
import { listThemes } from '$lib/server/gemeenten/themes';

export const GET: RequestHandler = async ({ params, url }) => {
	const kring = params.slug.length <= 100 ? await kringBySlug(params.slug) : null;
	if (!kring) error(404, 'Deze kring bestaat niet (meer).');
	const [meetings, themes] = await Promise.all([
		careMeetings(
			kring.gemeenten.map((g) => g.code),
			new Date(Date.now() - 24 * 60 * 60 * 1000)
		),
		listThemes()
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
