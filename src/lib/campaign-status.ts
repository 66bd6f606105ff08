// A letter campaign's status and how it is written for people, shared by server and components.
export const CAMPAIGN_STATUSES = ['concept', 'ter_ondertekening', 'verstuurd', 'afgerond'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The status as stored (the database allows only these four); throws on anything else. */
export function campaignStatus(value: string): CampaignStatus {
	const status = CAMPAIGN_STATUSES.find((known) => known === value);
	if (!status) throw new Error(`unknown campaign status ${value}`);
	return status;
}

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
