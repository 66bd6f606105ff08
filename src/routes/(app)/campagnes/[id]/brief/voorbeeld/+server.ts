// The live preview while typing (with JavaScript): the text as recipients will get it, and the
// numbered asks found in it. Nothing is saved. Coordinators only; hooks refuse cross-site posts.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { askListStart, extractAsks } from '$lib/server/letter/asks';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { letterBodySchema, MAX_LETTER_LENGTH } from '$lib/server/letter/revisions';
import { campaignContext } from '../../campaign-context';

// JSON escaping can double a text's size; anything larger is not a letter.
const MAX_REQUEST_CHARS = MAX_LETTER_LENGTH * 4;

export const POST: RequestHandler = async (event) => {
	await campaignContext(event, { coordinator: true });
	if (!event.request.headers.get('content-type')?.startsWith('application/json')) {
		error(415, 'Stuur de tekst als JSON.');
	}
	if (Number(event.request.headers.get('content-length') ?? 0) > MAX_REQUEST_CHARS) {
		error(413, 'De tekst is te lang voor een voorbeeld.');
	}
	const raw = await event.request.text();
	if (raw.length > MAX_REQUEST_CHARS) error(413, 'De tekst is te lang voor een voorbeeld.');
	let payload: unknown;
	try {
		payload = JSON.parse(raw);
	} catch {
		error(400, 'Ongeldig verzoek.');
	}
	const parsed = letterBodySchema.safeParse(payload);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		// A crafted body of the wrong shape gets a Dutch answer too, not zod's English default.
		const message = issue.code === 'invalid_type' ? 'Stuur de tekst van de brief mee als { "body": "…" }.' : issue.message;
		return json({ error: message }, { status: 400 });
	}
	const text = parsed.data.body;
	return json({ html: renderMarkdown(text), asks: extractAsks(text), askStart: askListStart(text) });
};
