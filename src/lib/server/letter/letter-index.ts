// The letters the public may see, across all gemeenten, newest first: for the home page (a few)
// and /brieven (all). One database call (public_letter_index), cached until any gemeente's public
// data changes (ALL_GEMEENTEN in public-cache.ts).
import { z } from 'zod';
import { displayGemeenteName } from '$lib/gemeente-name';
import { isSent } from '$lib/campaign-status';
import type { LetterCounts } from '$lib/share-summary';
import { db } from '../platform/db';
import { ALL_GEMEENTEN, cachedPublic } from '../platform/public-cache';

const indexJson = z.object({
	total: z.coerce.number(),
	gemeenten: z.coerce.number(),
	letters: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			status: z.string(),
			created_at: z.string(),
			sent_at: z.string().nullable(),
			gemeente_code: z.string(),
			gemeente_name: z.string(),
			gemeente_slug: z.string(),
			signers: z.coerce.number(),
			practices_signed: z.coerce.number(),
			practices_total: z.coerce.number(),
			parties: z.coerce.number(),
			answered: z.coerce.number()
		})
	)
});

export interface ListedLetter extends LetterCounts {
	id: string;
	title: string;
	status: string;
	/** When it was sent, or when it began while it is being signed. */
	at: string;
	gemeente: { code: string; name: string; slug: string };
}

export interface LetterIndex {
	/** All public letters, also those beyond the limit. */
	total: number;
	/** In how many gemeenten. */
	gemeenten: number;
	letters: ListedLetter[];
}

async function loadIndex(limit: number | null): Promise<LetterIndex> {
	// A GET: a read-only function, so it does not count as a write that makes every cache look again.
	const { data, error } = await db().rpc('public_letter_index', limit === null ? {} : { p_limit: limit }, { get: true });
	if (error) throw new Error(`publicLetters: ${error.message}`);
	const parsed = indexJson.parse(data);
	return {
		total: parsed.total,
		gemeenten: parsed.gemeenten,
		letters: parsed.letters.map((row) => ({
			id: row.id,
			title: row.title,
			status: row.status,
			at: row.sent_at ?? row.created_at,
			gemeente: { code: row.gemeente_code, name: displayGemeenteName(row.gemeente_code, row.gemeente_name), slug: row.gemeente_slug },
			sent: isSent(row.status) && row.sent_at !== null,
			signers: row.signers,
			practicesSigned: row.practices_signed,
			practicesTotal: row.practices_total,
			parties: row.parties,
			answered: row.answered
		}))
	};
}

/** The newest `limit` public letters (all of them with null), and how many there are in all. */
export function publicLetters(limit: number | null = null): Promise<LetterIndex> {
	return cachedPublic(ALL_GEMEENTEN, `letters:${limit ?? 'all'}`, () => loadIndex(limit));
}
