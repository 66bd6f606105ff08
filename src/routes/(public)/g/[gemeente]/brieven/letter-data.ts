// Shared by /g/<gemeente>/brieven/<id>.json and .csv: the letter as the public page shows it,
// from the same public cache (no database call while the gemeente's data is unchanged). A draft,
// an unknown id or a letter of another gemeente is a 404, as if it did not exist.
import { error } from '@sveltejs/kit';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import { publicCampaignsOf, type PublicCampaign } from '$lib/server/letter/public-letter';
import type { LetterAbout } from '$lib/server/letter/open-data';
import { cachedPublic } from '$lib/server/platform/public-cache';

export async function publicLetterData(
	params: { gemeente: string; id: string },
	url: URL
): Promise<{ campaign: PublicCampaign; about: LetterAbout; filename: string }> {
	const gemeente = params.gemeente.length <= 100 ? await findGemeente(params.gemeente) : null;
	if (!gemeente) error(404, 'Onbekende gemeente.');
	const campaigns = await cachedPublic(gemeente.code, 'letter', () => publicCampaignsOf(gemeente.code));
	const campaign = campaigns.find((c) => c.id === params.id);
	if (!campaign) error(404, 'Deze brief is er niet, of (nog) niet openbaar.');
	return {
		campaign,
		about: { gemeente: { code: gemeente.code, name: gemeente.displayName }, page: new URL(`/g/${gemeente.slug}`, url.origin).href },
		filename: `brief-${gemeente.slug}-${campaign.id.slice(0, 8)}`
	};
}
