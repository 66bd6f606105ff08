// What the public (journalists, inwoners, the parties) may see of a gemeente's letter campaigns,
// in one embedded query. Before sending: only that a campaign is under way and how many signed.
// Once sent: the letter, its asks, the counts, the names that may be shown (marked when they
// signed an earlier version and never confirmed the text sent), the recipients and each party's
// newest answer per ask with the party's explanation per ask. Always: the practices of the
// gemeente (for the share that signed), how many signatures are verified, and the press contact
// once that coordinator agreed to be shown. Drafts (concept) with no signatures stay private.
import { ASK_ANSWERS, type AskAnswer } from '$lib/ask-answers';
import { daysSince } from '$lib/format';
import { db } from '../platform/db';
import { isSent } from '$lib/campaign-status';
import { countVerified, type VerifiedCount } from './signatures';

export interface PublicAsk {
	number: number;
	body: string;
}

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
		/** By ask number. */
		answers: Record<number, AskAnswer>;
		explanations: Record<number, string>;
		at: string;
		/** False when it came through the party's link but no copy reached the party (no address
		 * known: the coordinators passed the link on), so the party could not disown it. */
		copySent: boolean | null;
	} | null;
	daysWaiting: number | null;
	/** Answers posted through this party's link that the party said were not theirs. */
	disowned: Array<{ postedAt: string; disownedAt: string }>;
}

export interface PublicCampaign {
	id: string;
	title: string;
	status: string;
	createdAt: string;
	signerCount: number;
	/** Practices with at least one live signature. */
	practiceCount: number;
	/** Practices of the gemeente known to Laat je horen (as on the coordinators' coverage bar). */
	practicesTotal: number;
	/** How many of the signatures are verified, and how. */
	verification: VerifiedCount;
	/** Only once that coordinator agreed to show exactly this. */
	pressContact: { name: string; email: string; phone: string | null } | null;
	sent: {
		at: string;
		manually: boolean;
		letterHtml: string;
		asks: PublicAsk[];
		/** current is false for a signer of an earlier revision who did not confirm the text sent. */
		signatories: Array<{ name: string; practice: string | null; verified: boolean; current: boolean; revisionNumber: number }>;
		unnamedCount: number;
		parties: PublicParty[];
	} | null;
}

const PUBLIC_COLUMNS = `id, title, status, created_at, sent_at, sent_manually,
	gemeenten(practices(count)),
	press_contacts(name, email, phone, consented_at),
	signing_revision:letter_revisions!campaigns_signing_revision_fk(id, body_html),
	letter_asks(revision_id, number, body),
	signatures(practice_id, show_name, signer_name, verified_at, verification_method, withdrawn_at, user_id, revision_id, practices(name), letter_revisions(number)),
	deliveries(party_id, channel, parties(name, abbreviation)),
	responses(party_id, channel, responder_name, responder_role, body_html, created_at, disowned_at, copy_sent,
		response_answers(answer, explanation, letter_asks!response_answers_campaign_id_ask_id_fkey(number)))` as const;

function publicQuery(gemeenteCode: string) {
	return db().from('campaigns').select(PUBLIC_COLUMNS).eq('gemeente_code', gemeenteCode);
}

type Row = NonNullable<Awaited<ReturnType<typeof publicQuery>>['data']>[number];

export async function publicCampaignsOf(gemeenteCode: string, now = new Date()): Promise<PublicCampaign[]> {
	const { data, error } = await publicQuery(gemeenteCode).order('created_at', { ascending: false });
	if (error) throw new Error(`publicCampaignsOf: ${error.message}`);

	return data
		.map((row) => {
			const signed = row.signatures.filter((s) => !s.withdrawn_at);
			const practiceIds = new Set(signed.map((s) => s.practice_id).filter(Boolean));
			return {
				id: row.id,
				title: row.title,
				status: row.status,
				createdAt: row.created_at,
				signerCount: signed.length,
				practiceCount: practiceIds.size,
				practicesTotal: row.gemeenten?.practices[0]?.count ?? 0,
				verification: countVerified(signed),
				pressContact: consentedContact(row.press_contacts),
				sent: isSent(row.status) && row.sent_at && row.signing_revision ? sentPart(row, row.sent_at, row.signing_revision, signed, now) : null
			};
		})
		.filter((campaign) => campaign.sent || campaign.status === 'ter_ondertekening' || campaign.signerCount > 0);
}

/** The press contact as the public may see it: only after consent, and only what was agreed. */
function consentedContact(rows: Row['press_contacts']): PublicCampaign['pressContact'] {
	const contact = rows[0];
	if (!contact?.consented_at || !contact.name || !contact.email) return null;
	return { name: contact.name, email: contact.email, phone: contact.phone };
}

function stances(given: Row['responses'][number]['response_answers']) {
	const answers: Record<number, AskAnswer> = {};
	const explanations: Record<number, string> = {};
	for (const entry of given) {
		const number = entry.letter_asks?.number;
		const answer = ASK_ANSWERS.find((known) => known === entry.answer);
		if (number === undefined || !answer) continue;
		answers[number] = answer;
		if (entry.explanation) explanations[number] = entry.explanation;
	}
	return { answers, explanations };
}

function sentPart(
	row: Row,
	sentAt: string,
	revision: { id: string; body_html: string },
	signed: Row['signatures'],
	now: Date
): PublicCampaign['sent'] {
	// A deleted account's signature still counts, but never with a name.
	const named = signed.filter((s) => s.show_name && s.user_id && s.signer_name);
	const newest = new Map<string, Row['responses'][number]>();
	for (const response of row.responses) {
		if (response.disowned_at) continue;
		const known = newest.get(response.party_id);
		if (!known || known.created_at < response.created_at) newest.set(response.party_id, response);
	}
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
							...stances(response.response_answers),
							at: response.created_at,
							copySent: response.copy_sent
						}
					: null,
				daysWaiting: response ? null : daysSince(sentAt, now),
				disowned: row.responses
					.filter((r) => r.party_id === delivery.party_id && r.disowned_at)
					.map((r) => ({ postedAt: r.created_at, disownedAt: r.disowned_at ?? r.created_at }))
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return {
		at: sentAt,
		manually: row.sent_manually,
		letterHtml: revision.body_html,
		asks: row.letter_asks
			.filter((ask) => ask.revision_id === revision.id)
			.map((ask) => ({ number: ask.number, body: ask.body }))
			.sort((a, b) => a.number - b.number),
		signatories: named
			.map((s) => ({
				name: s.signer_name ?? '',
				practice: s.practices?.name ?? null,
				verified: Boolean(s.verified_at),
				current: s.revision_id === revision.id,
				revisionNumber: s.letter_revisions?.number ?? 0
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		unnamedCount: signed.length - named.length,
		parties
	};
}
