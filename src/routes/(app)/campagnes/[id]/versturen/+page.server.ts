// Sending: the review (final text, signatories, recipients), the explicit confirmation, and
// afterwards the delivery status per party with a retry for failed e-mails. Coordinators who
// prefer their own mailbox download the PDF, use the mailto links and mark the letter as sent.
// Answer links of parties reached by hand are shown once, right after sending: only their
// hashes are stored, so the action answers with them instead of redirecting.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { formatDate, formatShortDateTime } from '$lib/format';
import { verifiedLine } from '$lib/verified-line';
import * as deliveries from '$lib/server/letter/deliveries';
import { reviewFor } from '$lib/server/letter/review';
import { sendLetter } from '$lib/server/letter/sending';
import { letterSubject, mailtoLink } from '$lib/server/letter/letter-mail';
import { othersLine, signedBySummary } from '$lib/server/letter/signers-summary';
import { campaignContext } from '../campaign-context';

export const load: PageServerLoad = async (event) => {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const header = {
		id: campaign.id,
		title: campaign.title,
		gemeenteName: campaign.gemeenteName,
		gemeenteSlug: campaign.gemeenteSlug,
		status: campaign.status
	};
	const retried = event.url.searchParams.get('opnieuw') === '1';

	if (campaign.status === 'concept') return { campaign: header, stage: 'concept' as const };

	if (campaign.status === 'ter_ondertekening') {
		const review = await reviewFor(campaign, user.id);
		if (!review) return { campaign: header, stage: 'concept' as const };
		const { letter } = review;
		return {
			campaign: header,
			stage: 'review' as const,
			review: {
				fingerprint: review.fingerprint,
				revisionNumber: letter.revision.number,
				letterHtml: letter.revision.bodyHtml,
				total: letter.total,
				hidden: letter.hidden,
				practices: letter.practices,
				signatories: letter.signatories,
				summary: signedBySummary(letter),
				others: othersLine(letter.hidden, letter.signatories.length > 0),
				verifiedLine: verifiedLine(letter.verification),
				unchecked: review.unchecked.map((address) => ({ ...address, changedAt: formatShortDateTime(address.changedAt) })),
				subject: letterSubject(campaign),
				replyTo: review.replyTo,
				parties: review.parties.map((party) => ({
					id: party.id,
					name: party.name,
					abbreviation: party.abbreviation,
					emails: party.contacts.map((c) => c.email),
					mailto: party.contacts.length > 0 ? mailtoLink(campaign, party, letter) : null
				})),
				byEmail: review.byEmail.length,
				withoutAddress: review.withoutAddress.length
			}
		};
	}

	const list = await deliveries.deliveriesOf(campaign.id);
	return {
		campaign: header,
		stage: 'sent' as const,
		sent: {
			at: campaign.sentAt ? formatDate(campaign.sentAt) : null,
			manually: campaign.sentManually,
			deliveries: list.map((d) => ({
				...d,
				stateLabel:
					d.state === 'handmatig' && !campaign.sentManually
						? 'Geen e-mailadres: zelf doorgeven'
						: deliveries.DELIVERY_STATE_LABELS[d.state]
			})),
			failed: list.filter((d) => d.state === 'failed').length,
			waiting: list.filter((d) => d.state === 'queued' || d.state === 'sending').length
		},
		retried
	};
};

export const actions: Actions = { send, markSent, retry };

const REFUSALS: Record<'not_open' | 'no_signatures' | 'no_parties' | 'changed' | 'unchecked', string> = {
	not_open: 'De brief staat niet (meer) open voor verzending. Misschien is hij al verstuurd of weer in concept gezet.',
	no_signatures: 'Er heeft nog niemand getekend. Een brief namens de huisartsen heeft minstens één handtekening nodig.',
	no_parties: 'Er staan nog geen partijen in de lijst. Voeg eerst de ontvangers toe.',
	unchecked:
		'Er is niets verstuurd: iemand anders heeft e-mailadressen van partijen toegevoegd of gewijzigd. Controleer die adressen (hieronder gemarkeerd) en vink ze aan als ze kloppen.',
	changed:
		'Er is iets veranderd sinds je dit overzicht opende: de tekst, een handtekening of een ontvanger. Er is niets verstuurd. Controleer het overzicht hieronder opnieuw.'
};

async function sendOrMark(event: RequestEvent, manual: boolean) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const action = manual ? ('markSent' as const) : ('send' as const);
	const form = await event.request.formData();
	if (!isConfirmed(form)) {
		return formFailure(400, action, {
			message: manual
				? 'Vink aan dat je de brief zelf naar alle partijen hebt gestuurd.'
				: 'Vink aan dat je de brief, de ondertekenaars en de ontvangers hebt gecontroleerd.'
		});
	}
	const checkedContacts = form.getAll('checked').map(String);
	const result = await sendLetter(campaign, user.id, formString(form, 'fingerprint'), { manual, checkedContacts });
	if (!result.sent) return formFailure(409, action, { message: REFUSALS[result.reason] });
	// Links shown once; nothing to show means a plain redirect.
	if (result.links.length === 0) redirect(303, `/campagnes/${campaign.id}/versturen`);
	return { action, sent: true as const, emails: result.emails, links: result.links };
}

function send(event: RequestEvent) {
	return sendOrMark(event, false);
}

function markSent(event: RequestEvent) {
	return sendOrMark(event, true);
}

async function retry(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const values = { deliveryId: formString(await event.request.formData(), 'deliveryId') };
	const ok = await deliveries.retryDelivery(campaign.id, values.deliveryId, user.id);
	if (!ok) {
		return formFailure(409, 'retry', {
			values,
			message: 'Deze e-mail staat niet (meer) op mislukt; misschien is hij al opnieuw in de wachtrij gezet.'
		});
	}
	redirect(303, `/campagnes/${campaign.id}/versturen?opnieuw=1`);
}
