// Open data: one letter of the gemeente as JSON (CC BY 4.0; fields on /open-data).
import type { RequestHandler } from './$types';
import { letterDataHeaders, letterJson } from '$lib/server/letter/open-data';
import { publicLetterData } from '../letter-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const { campaign, about, filename } = await publicLetterData(params, url);
	return new Response(letterJson(campaign, about), { headers: letterDataHeaders('json', filename) });
};
