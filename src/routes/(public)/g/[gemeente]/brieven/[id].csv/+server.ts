// Open data: one letter of the gemeente as CSV, a row per party and ask (CC BY 4.0; fields on /open-data).
import type { RequestHandler } from './$types';
import { letterCsv, letterDataHeaders, letterRows } from '$lib/server/letter/open-data';
import { publicLetterData } from '../letter-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const { campaign, about, filename } = await publicLetterData(params, url);
	return new Response(letterCsv(letterRows(campaign, about)), { headers: letterDataHeaders('csv', filename) });
};
