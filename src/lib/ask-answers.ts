// A party's answer to one numbered ask of the letter, and how an answer reached us, as written
// for people. Shared by the answer forms (party link, coordinator entry) and the public page.
export type AskAnswer = 'ja' | 'deels' | 'nee' | 'geen_standpunt';

export const ASK_ANSWERS: readonly AskAnswer[] = ['ja', 'deels', 'nee', 'geen_standpunt'];

export const ASK_ANSWER_LABELS: Record<AskAnswer, string> = {
	ja: 'ja',
	deels: 'deels',
	nee: 'nee',
	geen_standpunt: 'geen standpunt'
};

export type ResponseChannel = 'link' | 'email' | 'telefoon' | 'anders';

/** How an answer reached us, as shown next to it everywhere. */
export const CHANNEL_LABELS: Record<ResponseChannel, string> = {
	link: 'via de antwoordlink',
	email: 'per e-mail, ingevoerd door de coördinatoren',
	telefoon: 'telefonisch, ingevoerd door de coördinatoren',
	anders: 'op een andere manier, ingevoerd door de coördinatoren'
};
