// Why a letter's text can no longer be edited, as the editor says it.
import type { CampaignStatus } from '$lib/server/letter/campaigns';
import { formatDateTime } from '$lib/format';

/** Why the text can no longer be edited, or null while it is a concept. */
export function frozenReason(status: CampaignStatus, sentAt: string | null): string | null {
	switch (status) {
		case 'concept':
			return null;
		case 'ter_ondertekening':
			return 'de brief ligt ter ondertekening. Wil je de tekst toch aanpassen? Kies dan "Tekst toch aanpassen" op de pagina van de campagne; wie al tekende, krijgt daarna de vraag de nieuwe tekst te bevestigen.';
		case 'verstuurd':
			return `de brief is verstuurd${sentAt ? ` op ${formatDateTime(sentAt)}` : ''} en verandert niet meer.`;
		case 'afgerond':
			return 'de brief is verstuurd en de campagne is afgerond.';
	}
}
