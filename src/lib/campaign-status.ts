// A letter campaign's status and how it is written for people, shared by server and components.
export type CampaignStatus = 'concept' | 'ter_ondertekening' | 'verstuurd' | 'afgerond';

/** Sent (or sent and closed): the text, signatures and recipients are part of the record. */
export function isSent(status: string): boolean {
	return status === 'verstuurd' || status === 'afgerond';
}

export const STATUS_LABELS: Record<CampaignStatus, string> = {
	concept: 'Concept',
	ter_ondertekening: 'Ter ondertekening',
	verstuurd: 'Verstuurd',
	afgerond: 'Afgerond'
};
