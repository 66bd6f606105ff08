// Every letter the public may see, across all gemeenten, newest first: from the public cache,
// built again after any change (one database call then, none otherwise).
import type { PageServerLoad } from './$types';
import { publicLetters } from '$lib/server/letter/letter-index';
import { lettersShare } from '$lib/share-summary';

// Nothing here needs JavaScript.
export const csr = false;

export const load: PageServerLoad = async () => {
	const index = await publicLetters();
	return { letters: index.letters, description: lettersShare(index.total, index.gemeenten) };
};
