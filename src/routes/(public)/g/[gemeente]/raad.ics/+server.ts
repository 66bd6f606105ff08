// iCalendar feed: the gemeente's upcoming meetings on the care themes (Europe/Amsterdam times).
import type { RequestHandler } from './$types';
import { publicGemeente } from '$lib/server/council/public-gemeente';
import { careMeetings } from '$lib/server/council/public-council';
import { calendarHeaders, meetingsCalendar } from '$lib/server/council/calendar';
import { listThemes } from '$lib/server/gemeenten/themes';

export const GET: RequestHandler = async ({ params, url }) => {
	const gemeente = await publicGemeente(params.gemeente);
	const [meetings, themes] = await Promise.all([careMeetings([gemeente.code], new Date(Date.now() - 24 * 60 * 60 * 1000)), listThemes()]);
	const body = meetingsCalendar(
		{
			name: `Raad en zorg: ${gemeente.displayName}`,
			description: `Vergaderingen van de gemeenteraad van ${gemeente.displayName} over de zorgthema's, van Laat je horen.`,
			url: new URL(`/g/${gemeente.slug}/raad`, url.origin).href,
			host: url.hostname,
			themeLabels: Object.fromEntries(themes.map((t) => [t.key, t.label]))
		},
		meetings,
		url.origin
	);
	return new Response(body, { headers: calendarHeaders(`raad-${gemeente.slug}`) });
};
