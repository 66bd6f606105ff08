// A campaign's own history, from the audit log: every edit, signature, withdrawal, send and
// answer, with who did it (names of deleted accounts are gone: "een verwijderd account").
import { STATUS_LABELS, type CampaignStatus } from '$lib/campaign-status';
import { db } from '../platform/db';
import type { Json } from '../platform/database.types';

type Details = { [key: string]: Json | undefined };

/** Audit details are always written as a JSON object (jsonb_build_object). */
export function asDetails(value: Json): Details {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

export interface HistoryEntry {
	id: number;
	at: string;
	action: string;
	actor: string | null;
	details: Details;
}

const ACTION_LABELS: Record<string, string> = {
	campaign_started: 'Brief begonnen',
	letter_revised: 'Nieuwe versie van de tekst opgeslagen',
	status_changed: 'Status veranderd',
	coordinator_added: 'Mede-coördinator toegevoegd',
	letter_signed: 'Brief ondertekend',
	signature_withdrawn: 'Handtekening ingetrokken',
	signature_confirmed: 'Nieuwe tekst bevestigd',
	signature_verified: 'Ondertekenaar geverifieerd',
	signature_unverified: 'Verificatie ingetrokken',
	colleagues_invited: 'Collega\'s uitgenodigd',
	reconfirmation_requested: 'Ondertekenaars gevraagd de nieuwe tekst te bevestigen',
	invitation_accepted: 'Uitnodiging geopend',
	letter_sent: 'Brief verstuurd aan de partijen',
	letter_marked_sent: 'Brief gemarkeerd als zelf verstuurd',
	response_received: 'Antwoord van een partij ontvangen',
	response_entered: 'Antwoord van een partij ingevoerd',
	response_link_revoked: 'Antwoordlink ingetrokken',
	response_link_renewed: 'Nieuwe antwoordlink gemaakt',
	reminder_digest_sent: 'Coördinatoren herinnerd aan partijen zonder antwoord',
	parties_reminded: 'Herinnering verstuurd aan partijen',
	delivery_retried: 'Verzending opnieuw geprobeerd',
	parties_imported: 'Partijen geïmporteerd',
	party_added: 'Partij toegevoegd',
	party_updated: 'Partij gewijzigd',
	party_removed: 'Partij verwijderd',
	party_contact_added: 'E-mailadres van een partij toegevoegd',
	party_contact_updated: 'E-mailadres van een partij gewijzigd',
	party_contact_removed: 'E-mailadres van een partij verwijderd',
	contacts_checked: 'Gewijzigde adressen gecontroleerd',
	response_disowned: 'Antwoord offline gehaald: de partij meldde dat het niet van haar kwam',
	draft_comment_added: 'Opmerking geplaatst bij het concept',
	draft_comment_resolved: 'Opmerking afgehandeld',
	draft_comment_reopened: 'Afgehandelde opmerking weer geopend',
	press_contact_chosen: 'Mede-coördinator gevraagd perscontact te zijn',
	press_contact_consented: 'Perscontact op de openbare pagina gezet, met toestemming',
	press_contact_removed: 'Perscontact van de openbare pagina gehaald'
};

export function actionLabel(action: string): string {
	return ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}

const statusWord = (status: unknown) =>
	STATUS_LABELS[status as CampaignStatus]?.toLowerCase() ?? String(status);

/** One readable line of detail for the entries where the details say something to a person. */
export function detailText(action: string, details: Details): string | null {
	if (action === 'status_changed') return `van ${statusWord(details.from)} naar ${statusWord(details.to)}`;
	if (action === 'letter_revised') return `versie ${details.revision}`;
	if (action === 'letter_sent' || action === 'letter_marked_sent') return `${details.deliveries} partijen`;
	if ((action === 'coordinator_added' || action === 'press_contact_chosen') && typeof details.email === 'string') return details.email;
	if (action === 'press_contact_consented' && typeof details.name === 'string') return details.name;
	if (action.startsWith('party_contact_') && typeof details.email === 'string') {
		const party = typeof details.party_name === 'string' ? `${details.party_name}: ` : '';
		const old = typeof details.old_email === 'string' && details.old_email !== details.email ? `${details.old_email} → ` : '';
		return `${party}${old}${details.email}`;
	}
	if (action.startsWith('party_') && typeof details.name === 'string') {
		return typeof details.old_name === 'string' && details.old_name !== details.name ? `${details.old_name} → ${details.name}` : details.name;
	}
	if (action === 'parties_imported') return `${details.parties} partijen en ${details.contacts} adressen erbij`;
	if (action === 'signature_verified' && typeof details.note === 'string' && details.note) return `met de hand: ${details.note}`;
	if (action === 'draft_comment_added') return commentPlace(details);
	if (action === 'draft_comment_reopened') {
		const was = details.was === 'verwerkt' ? 'verwerkt' : 'niet overgenomen';
		return `was ${was}: ${commentPlace(details)}`;
	}
	if (action === 'draft_comment_resolved') {
		const how = details.resolution === 'verwerkt' ? 'verwerkt' : 'niet overgenomen';
		const note = typeof details.note === 'string' && details.note ? ` (${details.note})` : '';
		return `${how}${note}: ${commentPlace(details)}`;
	}
	return null;
}

/** Where a remark on the draft was made: the start of the text it was about, or the whole letter. */
function commentPlace(details: Details): string {
	const where = typeof details.revision === 'number' ? ` (versie ${details.revision})` : '';
	if (typeof details.quote !== 'string' || !details.quote) return `over de hele brief${where}`;
	const quote = details.quote.length >= 80 ? `${details.quote.slice(0, 79).trimEnd()}…` : details.quote;
	return `bij "${quote}"${where}`;
}

/** Who did it, in words: the person, or for a party's own step "de partij". */
export function actorLabel(action: string, actor: string | null): string {
	if (actor) return actor;
	if (action === 'response_received' || action === 'response_disowned') return 'de partij (via haar link)';
	return 'een verwijderd account';
}

export const HISTORY_PAGE_SIZE = 200;

export interface HistoryPage {
	entries: HistoryEntry[];
	/** Pass as `before` for the next, older page; null on the last page. */
	olderBefore: number | null;
}

/** One page of a campaign's history, newest first; `before` (an entry id) continues further back.
 * Changes to the gemeente's party list since the letter started are part of it: they decide who
 * gets the letter. */
export async function campaignHistory(
	campaign: { id: string; gemeenteCode: string; createdAt: string },
	{ before, pageSize = HISTORY_PAGE_SIZE }: { before?: number; pageSize?: number } = {}
): Promise<HistoryPage> {
	let query = db()
		.from('audit_log')
		.select('id, at, action, details, users(name, email)')
		.or(
			`and(entity.eq.campaign,entity_id.eq.${campaign.id}),and(entity.eq.gemeente,entity_id.eq.${campaign.gemeenteCode},at.gte.${campaign.createdAt})`
		);
	if (before !== undefined) query = query.lt('id', before);
	// One row more than shown tells whether an older page exists.
	const { data, error } = await query.order('id', { ascending: false }).limit(pageSize + 1);
	if (error) throw new Error(`campaignHistory: ${error.message}`);
	const rows = data;
	const entries = rows.slice(0, pageSize).map((row) => ({
		id: row.id,
		at: row.at,
		action: row.action,
		actor: row.users ? (row.users.name ?? row.users.email) : null,
		details: asDetails(row.details)
	}));
	return { entries, olderBefore: rows.length > pageSize ? entries[entries.length - 1].id : null };
}
