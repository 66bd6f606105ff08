// What the public (journalists, inwoners, the parties) may see of a gemeente's letter campaigns,
// in one embedded query. Before sending: only that a campaign is under way and how many signed.
// Once sent: the letter, the counts, the names that may be shown (marked when they signed an
// earlier version and never confirmed the text sent), the recipients and each party's newest
// answer per numbered ask. Drafts (concept) with no signatures stay private.
import type { AskAnswer } from '$lib/ask-answers';
import { db } from '../platform/db';
import { extractAsks } from './starter-letter';
import { isSent } from '$lib/campaign-status';

export interface PublicParty {
	id: string;
	name: string;
	abbreviation: string | null;
	/** False when the coordinators passed the letter on themselves (no e-mail address, or sent by hand). */
	byEmail: boolean;
	response: {
		responderName: string;
		responderRole: string | null;
		channel: string;
		html: string;
		answers: Record<string, AskAnswer>;
		at: string;
	} | null;
	daysWaiting: number | null;
}

export interface PublicCampaign {
	id: string;
	title: string;
	status: string;
	signerCount: number;
	practiceCount: number;
	sent: {
		at: string;
		manually: boolean;
		letterHtml: string;
		asks: string[];
		/** current is false for a signer of an earlier revision who did not confirm the text sent. */
		signatories: Array<{ name: string; practice: string | null; verified: boolean; current: boolean; revisionNumber: number }>;
		unnamedCount: number;
		parties: PublicParty[];
	} | null;
}

interface Row {
	id: string;
	title: string;
	status: string;
	sent_at: string | null;
	sent_manually: boolean;
	signing_revision: { id: string; body_md: string; body_html: string } | null;
	signatures: Array<{
		practice_id: string | null;
		show_name: boolean;
		signer_name: string | null;
		verified_at: string | null;
		withdrawn_at: string | null;
		user_id: string | null;
		revision_id: string;
		practices: { name: string } | null;
		letter_revisions: { number: number } | null;
	}>;
	deliveries: Array<{ party_id: string; channel: string; parties: { name: string; abbreviation: string | null } | null }>;
	responses: Array<{
		party_id: string;
		channel: string;
		responder_name: string;
		responder_role: string | null;
		body_html: string;
		ask_answers: Record<string, AskAnswer>;
		created_at: string;
	}>;
}

const DAY = 24 * 60 * 60 * 1000;

export async function publicCampaignsOf(gemeenteCode: string, now = new Date()): Promise<PublicCampaign[]> {
	const { data, error } = await db()
		.from('campaigns')
		.select(
			`id, title, status, sent_at, sent_manually,
			signing_revision:letter_revisions!campaigns_signing_revision_fk(id, body_md, body_html),
			signatures(practice_id, show_name, signer_name, verified_at, withdrawn_at, user_id, revision_id, practices(name), letter_revisions(number)),
			deliveries(party_id, channel, parties(name, abbreviation)),
			responses(party_id, channel, responder_name, responder_role, body_html, ask_answers, created_at)`
		)
		.eq('gemeente_code', gemeenteCode)
		.order('created_at', { ascending: false });
	if (error) throw new Error(`publicCampaignsOf: ${error.message}`);

	return (data as unknown as Row[])
		.map((row) => {
			const signed = row.signatures.filter((s) => !s.withdrawn_at);
			const practiceIds = new Set(signed.map((s) => s.practice_id).filter(Boolean));
			const sent = isSent(row.status) && row.sent_at && row.signing_revision;
			return {
				id: row.id,
				title: row.title,
				status: row.status,
				signerCount: signed.length,
				practiceCount: practiceIds.size,
				sent: sent ? sentPart(row, signed, now) : null
			};
		})
		.filter((campaign) => campaign.sent || campaign.status === 'ter_ondertekening' || campaign.signerCount > 0);
}

function sentPart(row: Row, signed: Row['signatures'], now: Date): PublicCampaign['sent'] {
	// A deleted account's signature still counts, but never with a name.
	const named = signed.filter((s) => s.show_name && s.user_id && s.signer_name);
	const newest = new Map<string, Row['responses'][number]>();
	for (const response of row.responses) {
		const known = newest.get(response.party_id);
		if (!known || known.created_at < response.created_at) newest.set(response.party_id, response);
	}
	const sentAt = row.sent_at as string;
	const parties = row.deliveries
		.map((delivery): PublicParty => {
			const response = newest.get(delivery.party_id);
			return {
				id: delivery.party_id,
				name: delivery.parties?.name ?? 'Onbekende partij',
				abbreviation: delivery.parties?.abbreviation ?? null,
				byEmail: delivery.channel === 'email',
				response: response
					? {
							responderName: response.responder_name,
							responderRole: response.responder_role,
							channel: response.channel,
							html: response.body_html,
							answers: response.ask_answers,
							at: response.created_at
						}
					: null,
				daysWaiting: response ? null : Math.max(0, Math.floor((now.getTime() - new Date(sentAt).getTime()) / DAY))
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return {
		at: sentAt,
		manually: row.sent_manually,
		letterHtml: row.signing_revision!.body_html,
		asks: extractAsks(row.signing_revision!.body_md),
		signatories: named
			.map((s) => ({
				name: s.signer_name as string,
				practice: s.practices?.name ?? null,
				verified: Boolean(s.verified_at),
				current: s.revision_id === row.signing_revision!.id,
				revisionNumber: s.letter_revisions?.number ?? 0
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		unnamedCount: signed.length - named.length,
		parties
	};
}
