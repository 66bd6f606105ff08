// A party's answer to one numbered ask of the letter, and how each is written for people.
// Shared by the answer forms (party link, coordinator entry) and the public response table.
export type AskAnswer = 'ja' | 'deels' | 'nee' | 'geen_standpunt';

export const ASK_ANSWERS: readonly AskAnswer[] = ['ja', 'deels', 'nee', 'geen_standpunt'];

export const ASK_ANSWER_LABELS: Record<AskAnswer, string> = {
	ja: 'ja',
	deels: 'deels',
	nee: 'nee',
	geen_standpunt: 'geen standpunt'
};
