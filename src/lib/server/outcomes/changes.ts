// What changed in one or more gemeenten after a moment: new party answers, published positions,
// votes on motions, commitments, their new statuses and the promisers' reactions, newest first,
// each with a Dutch title, a one-line summary and the link to its place on the timeline. One
// database call (outcome_changes). Read by the Atom feeds and by the followers' daily e-mail.
import { z } from 'zod';
import { db } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { ASK_ANSWER_LABELS, ASK_ANSWERS } from '$lib/ask-answers';
import { STANCES, STANCE_LABELS } from '$lib/positions';
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABELS } from '$lib/commitments';
import { MOTION_RESULTS } from '../council/types';

const maybe = z.string().nullable();
const changeSchema = z.object({
	id: z.string(),
	kind: z.enum(['antwoord', 'standpunt', 'stemming', 'toezegging', 'status', 'reactie']),
	at: z.string(),
	key: z.string(),
	gemeente_code: z.string(),
	gemeente: z.string(),
	slug: z.string(),
	data: z.record(z.string(), z.unknown())
});

const DATA = {
	antwoord: z.object({ party: z.string(), letter: z.string(), responder: z.string(), answers: z.record(z.string(), z.number()) }),
	standpunt: z.object({ party: z.string(), theme: z.string(), stance: z.enum(STANCES), document: z.string() }),
	stemming: z.object({ title: z.string(), type: z.string(), result: z.enum(['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig']).nullable(), parties: z.number() }),
	toezegging: z.object({ body: z.string(), promiser: z.string(), party: maybe, theme: z.string(), source_title: z.string() }),
	status: z.object({ body: z.string(), status: z.enum(COMMITMENT_STATUSES), previous_status: z.enum(COMMITMENT_STATUSES), promiser: z.string(), party: maybe, note: maybe }),
	reactie: z.object({ body: z.string(), reaction: z.string(), responder: z.string(), promiser: z.string(), party: maybe })
};

export type ChangeKind = z.infer<typeof changeSchema>['kind'];

export interface Change {
	id: string;
	kind: ChangeKind;
	at: string;
	gemeenteCode: string;
	gemeente: string;
	title: string;
	summary: string;
	/** The item on the gemeente's timeline, with its chain. */
	url: string;
}

function who(promiser: string, party: string | null): string {
	return promiser === 'college' ? 'het college' : (party ?? 'een partij');
}

function capital(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function words(raw: z.infer<typeof changeSchema>): Pick<Change, 'title' | 'summary'> {
	switch (raw.kind) {
		case 'antwoord': {
			const d = DATA.antwoord.parse(raw.data);
			const given = ASK_ANSWERS.filter((a) => d.answers[a]).map((a) => `${ASK_ANSWER_LABELS[a]} op ${d.answers[a] === 1 ? '1 vraag' : `${d.answers[a]} vragen`}`);
			return { title: `${d.party} antwoordde op de brief "${d.letter}"`, summary: given.length ? `${capital(given.join(', '))}.` : 'Een antwoord zonder keuze per vraag.' };
		}
		case 'standpunt': {
			const d = DATA.standpunt.parse(raw.data);
			return { title: `Standpunt van ${d.party} over ${d.theme}: ${STANCE_LABELS[d.stance].toLowerCase()}`, summary: `Beoordeeld uit: ${d.document}.` };
		}
		case 'stemming': {
			const d = DATA.stemming.parse(raw.data);
			const result = d.result ? MOTION_RESULTS[d.result] : 'nog niet besloten';
			return {
				title: `${capital(d.type)} "${d.title}": ${result.toLowerCase()}`,
				summary: `De stem van ${d.parties === 1 ? '1 partij' : `${d.parties} partijen`} is vastgelegd.`
			};
		}
		case 'toezegging': {
			const d = DATA.toezegging.parse(raw.data);
			return { title: `Nieuwe toezegging van ${who(d.promiser, d.party)} over ${d.theme}`, summary: `"${d.body}" (bron: ${d.source_title})` };
		}
		case 'status': {
			const d = DATA.status.parse(raw.data);
			return {
				title: `Toezegging van ${who(d.promiser, d.party)}: ${COMMITMENT_STATUS_LABELS[d.status].toLowerCase()}`,
				summary: `"${d.body}": van ${COMMITMENT_STATUS_LABELS[d.previous_status].toLowerCase()} naar ${COMMITMENT_STATUS_LABELS[d.status].toLowerCase()}.${d.note ? ` ${d.note}` : ''}`
			};
		}
		case 'reactie': {
			const d = DATA.reactie.parse(raw.data);
			return { title: `Reactie van ${who(d.promiser, d.party)} op een toezegging`, summary: `${d.responder}: "${d.reaction}"` };
		}
	}
}

/** Changes in these gemeenten after `since` (or all), newest first, at most `limit`. */
export async function outcomeChanges(gemeenteCodes: string[], since: Date | null, limit = 50): Promise<Change[]> {
	if (gemeenteCodes.length === 0) return [];
	const { data, error } = await db().rpc('outcome_changes', {
		p_gemeente_codes: gemeenteCodes,
		p_since: (since ?? new Date(0)).toISOString(),
		p_limit: limit
	}, { get: true });
	if (error) throw new Error(`outcomeChanges: ${error.message}`);
	return z
		.array(changeSchema)
		.parse(data)
		.map((raw) => ({
			id: raw.id,
			kind: raw.kind,
			at: raw.at,
			gemeenteCode: raw.gemeente_code,
			gemeente: raw.gemeente,
			url: `${publicOrigin()}/g/${raw.slug}/tijdlijn/${raw.key}`,
			...words(raw)
		}));
}
