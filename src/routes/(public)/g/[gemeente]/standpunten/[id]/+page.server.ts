// One published position with its evidence: the quote, page or section, the source document and
// its link, who assessed it and when, the party's reaction next to it, and its published history.
// Anything not published (a concept, one waiting for the party) is a 404, as if it did not exist.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import { publicPosition } from '$lib/server/positions/matrix';
import { formatDate, formatShortDateTime } from '$lib/format';
import { DOCUMENT_KIND_LABELS, POSITION_STATUS_LABELS, STANCE_LABELS } from '$lib/positions';
import { positionShare } from '$lib/share-summary';

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = params.gemeente.length <= 100 ? await findGemeente(params.gemeente) : null;
	const position = gemeente && (await publicPosition(gemeente.code, params.id));
	if (!gemeente || !position) error(404, 'Dit standpunt is er niet, of (nog) niet gepubliceerd.');
	return {
		gemeente: { slug: gemeente.slug, displayName: gemeente.displayName },
		share: positionShare({
			partyName: position.party.name,
			themeLabel: position.theme.label,
			gemeenteName: gemeente.displayName,
			stanceLabel: STANCE_LABELS[position.stance],
			quote: position.quote,
			documentTitle: position.document.title,
			page: position.page
		}),
		position: {
			...position,
			stanceLabel: STANCE_LABELS[position.stance],
			document: {
				...position.document,
				kindLabel: DOCUMENT_KIND_LABELS[position.document.kind],
				publishedOn: position.document.publishedOn ? formatDate(position.document.publishedOn) : null
			},
			assessedAt: formatDate(position.assessedAt),
			publishedAt: position.publishedAt ? formatDate(position.publishedAt) : null,
			replies: position.replies.map((r) => ({ ...r, at: formatShortDateTime(r.at) })),
			history: position.history.map((v) => ({
				...v,
				at: formatShortDateTime(v.at),
				stanceLabel: STANCE_LABELS[v.stance],
				statusLabel: POSITION_STATUS_LABELS[v.status]
			}))
		}
	};
};
