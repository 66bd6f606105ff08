// How the letter pages show times and why a text is frozen, shared by /brief and /brief/vergelijk.
import type { CampaignStatus } from '$lib/server/letter/campaigns';

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Amsterdam'
});

/** "22 november 2026 om 14:05", in Dutch time whatever the server's zone. */
export function formatDateTime(iso: string): string {
	return DATE_TIME.format(new Date(iso));
}

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
