// Two versions of the letter compared word by word: ?van=1&naar=3. Coordinators compare any
// two; a signer may only compare the version they signed with the one now open for signing
// (the drafts in between stay with the coordinators).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import * as revisions from '$lib/server/letter/revisions';
import { mySignature } from '$lib/server/letter/signatures';
import { campaignContext } from '../../campaign-context';
import { formatDateTime } from '$lib/format';

const versionNumber = z.string().regex(/^\d{1,6}$/).transform(Number);

export const load: PageServerLoad = async (event) => {
	const { campaign, access, user } = await campaignContext(event);
	if (!access.readLetter) error(403, 'Je kunt deze brief (nog) niet lezen.');
	const from = versionNumber.safeParse(event.url.searchParams.get('van') ?? '');
	const to = versionNumber.safeParse(event.url.searchParams.get('naar') ?? '');
	if (!from.success || !to.success) {
		error(400, 'Kies twee versies om te vergelijken: "van" en "naar" moeten versienummers zijn, bijvoorbeeld ?van=1&naar=2.');
	}
	if (!access.coordinate) {
		const [mine, signing] = await Promise.all([
			mySignature(campaign.id, user.id),
			campaign.signingRevisionId ? revisions.latestRevision(campaign.id) : null
		]);
		const allowed = mine && !mine.withdrawn && signing && from.data === mine.revisionNumber && to.data === signing.number;
		if (!allowed) error(403, 'Je kunt alleen de tekst die je ondertekende vergelijken met de tekst die nu voorligt.');
	}
	const [older, newer, versions] = await Promise.all([
		revisions.getRevision(campaign.id, from.data),
		revisions.getRevision(campaign.id, to.data),
		revisions.listRevisions(campaign.id)
	]);
	const missing = [!older && from.data, !newer && to.data].filter((n) => n !== false);
	if (missing.length > 0) {
		error(400, `Versie ${[...new Set(missing)].join(' en ')} van deze brief bestaat niet.`);
	}
	const describe = (r: revisions.Revision) => ({
		number: r.number,
		// Coordinators without a name show as their e-mail; only other coordinators may see that.
		authorName: access.coordinate || !r.authorName?.includes('@') ? r.authorName : null,
		savedAt: formatDateTime(r.createdAt)
	});
	return {
		campaign: { id: campaign.id, title: campaign.title, gemeenteName: campaign.gemeenteName },
		from: describe(older!),
		to: describe(newer!),
		diff: revisions.diffRevisions(older!.bodyMd, newer!.bodyMd),
		versions: versions.map((v) => v.number)
	};
};
