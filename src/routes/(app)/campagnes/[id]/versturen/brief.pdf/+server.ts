// The letter with its signatories as a PDF, for coordinators who send it from their own mailbox
// (and as a record once it was sent). Coordinators only: before sending it holds a text that is
// not public yet.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { letterToSend } from '$lib/server/letter/review';
import { renderLetterPdf } from '$lib/server/letter/letter-pdf';
import { campaignContext } from '../../campaign-context';

export const GET: RequestHandler = async (event) => {
	const { campaign } = await campaignContext(event, { coordinator: true });
	const letter = campaign.status === 'concept' ? null : await letterToSend(campaign);
	if (!letter) error(404, 'De brief staat nog in concept; er is nog geen PDF.');
	const pdf = await renderLetterPdf({
		title: campaign.title,
		gemeenteName: campaign.gemeenteName,
		date: campaign.sentAt ? new Date(campaign.sentAt) : new Date(),
		bodyMd: letter.revision.bodyMd,
		signatories: letter.signatories,
		total: letter.total,
		hidden: letter.hidden,
		practices: letter.practices,
		verification: letter.verification
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="brief-huisartsen-${campaign.gemeenteSlug}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
