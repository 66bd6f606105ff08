// Open data: the gemeenten matching ?q= (also by woonplaats: "Zaandam" finds Zaanstad, with the
// place), best first; without q all 342 in name order.
// The home page's finder uses it while someone types.
import { json } from '@sveltejs/kit';
import { listGemeenten, searchGemeenten, searchQuerySchema, type Gemeente } from '$lib/server/gemeenten/gemeenten';
import { markCacheable } from '$lib/server/platform/public-cache';
import type { RequestHandler } from './$types';

function toResult(gemeente: Gemeente & { place?: string | null }) {
	const { code, name, displayName, province, slug } = gemeente;
	return { code, name, displayName, province, slug, place: gemeente.place ?? null };
}

export const GET: RequestHandler = async ({ url }) => {
	const parsed = searchQuerySchema.safeParse(url.searchParams.get('q') ?? '');
	if (!parsed.success) {
		return json({ message: parsed.error.issues[0]?.message ?? 'Ongeldige zoekterm.' }, { status: 400 });
	}
	const gemeenten = parsed.data ? await searchGemeenten(parsed.data) : await listGemeenten();
	// Reference data: cached whole, with ETag and compression (page-cache.ts).
	markCacheable();
	return json({ results: gemeenten.map(toResult) });
};
