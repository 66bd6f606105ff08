// Motions entered by hand (from the besluitenlijst or notulen) and hand-entered votes on any
// motion, imported ones included. Input is checked with zod (Dutch field errors) and with the vote
// checks, which refuse entries that do not add up before anything is written; each save is one
// database call with its audit entry. Also reads one motion with its votes for the pages.
import { z } from 'zod';
import { db } from '$lib/server/platform/db';
import { checkVotes, type CheckedVote, type VoteProblem } from './vote-checks';
import type { MotionResult, MotionType, PartyVote, SourceDocument, VoteSource } from './types';

const webUrl = z
	.string()
	.trim()
	.max(2000, 'Deze link is te lang.')
	.refine((value) => /^https?:\/\/\S+$/i.test(value) && URL.canParse(value), 'Een link begint met https:// of http://.');

export const manualVoteSchema = z.object({
	partyId: z.uuid({ message: 'Kies een partij.' }),
	vote: z.enum(['voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend'], { message: 'Kies hoe de partij stemde.' }),
	sourceDocument: z.enum(['besluitenlijst', 'notulen'], { message: 'Kies of de stem uit de besluitenlijst of de notulen komt.' }),
	// Checked by checkVotes, which says per party what is missing.
	sourceUrl: z.string().trim().nullable(),
	sourcePage: z.number().int().nullable()
});

export const manualMotionSchema = z.object({
	meetingId: z.uuid().nullable(),
	agendaItemId: z.uuid().nullable(),
	title: z.string().trim().min(3, 'Geef de titel van de motie.').max(1000, 'Deze titel is te lang.'),
	type: z.enum(['motie', 'amendement'], { message: 'Kies motie of amendement.' }),
	decidedOn: z.iso.date({ message: 'Geef een geldige datum.' }).nullable(),
	result: z.enum(['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig'], { message: 'Kies een uitslag.' }).nullable(),
	hamerstuk: z.boolean(),
	text: z.string().trim().max(100_000, 'Deze tekst is te lang.').nullable(),
	url: webUrl.nullable(),
	submitters: z.array(z.object({ partyId: z.uuid({ message: 'Kies een partij.' }), role: z.enum(['indiener', 'mede-indiener']) })),
	votes: z.array(manualVoteSchema)
});

export type ManualMotionInput = z.input<typeof manualMotionSchema>;
export type ManualVoteInput = z.input<typeof manualVoteSchema>;

export type SaveOutcome =
	| { ok: true; id: string }
	| { ok: false; message: string; fieldErrors: Record<string, string>; problems: VoteProblem[] };

const NOT_FOUND = 'Deze motie bestaat niet (meer) in deze gemeente.';

function invalid(error: z.ZodError): SaveOutcome {
	const fieldErrors: Record<string, string> = {};
	for (const issue of error.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
	return { ok: false, message: 'Niet alles is goed ingevuld.', fieldErrors, problems: [] };
}

function refused(problems: VoteProblem[]): SaveOutcome {
	return { ok: false, message: problems.map((p) => p.message).join(' '), fieldErrors: {}, problems };
}

async function partiesOf(gemeenteCode: string): Promise<Map<string, string>> {
	const { data, error } = await db().from('parties').select('id, name').eq('gemeente_code', gemeenteCode);
	if (error) throw new Error(`partiesOf: ${error.message}`);
	return new Map(data.map((p) => [p.id, p.name]));
}

function checked(votes: z.infer<typeof manualVoteSchema>[], parties: Map<string, string>): CheckedVote[] {
	return votes.map((v) => ({
		partyId: v.partyId,
		partyName: parties.get(v.partyId) ?? 'Een onbekende partij',
		vote: v.vote,
		source: 'manual',
		sourceUrl: v.sourceUrl,
		sourcePage: v.sourcePage
	}));
}

function foreignParty(ids: string[], parties: Map<string, string>): VoteProblem[] {
	return ids.some((id) => !parties.has(id))
		? [{ code: 'party_twice', message: 'Een van de gekozen partijen hoort niet bij deze gemeente.' }]
		: [];
}

const voteRow = (v: z.infer<typeof manualVoteSchema>) => ({
	party_id: v.partyId,
	vote: v.vote,
	source_document: v.sourceDocument,
	source_url: v.sourceUrl,
	source_page: v.sourcePage
});

const saveResult = z.object({ status: z.enum(['saved', 'not_found', 'imported']), id: z.string().optional() });

/** Adds (motionId null) or changes a motion entered by hand, with its submitters and votes. */
export async function saveManualMotion(actorId: string, gemeenteCode: string, motionId: string | null, input: unknown): Promise<SaveOutcome> {
	const parsed = manualMotionSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const motion = parsed.data;
	const parties = await partiesOf(gemeenteCode);
	const problems = [
		...foreignParty([...motion.votes, ...motion.submitters].map((p) => p.partyId), parties),
		...checkVotes({
			result: motion.result,
			hamerstuk: motion.hamerstuk,
			votes: checked(motion.votes, parties),
			councilParties: [...parties].map(([id, name]) => ({ id, name }))
		})
	];
	if (new Set(motion.submitters.map((s) => s.partyId)).size !== motion.submitters.length) {
		problems.push({ code: 'party_twice', message: 'Een partij staat twee keer bij de indieners.' });
	}
	if (problems.length > 0) return refused(problems);
	const { data, error } = await db().rpc('save_manual_motion', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		...(motionId ? { p_motion_id: motionId } : {}),
		p_motion: {
			meeting_id: motion.meetingId,
			agenda_item_id: motion.agendaItemId,
			title: motion.title,
			type: motion.type,
			decided_on: motion.decidedOn,
			result: motion.result,
			hamerstuk: motion.hamerstuk,
			text: motion.text || null,
			url: motion.url || null
		},
		p_submitters: motion.submitters.map((s) => ({ party_id: s.partyId, role: s.role })),
		p_votes: motion.votes.map(voteRow)
	});
	if (error?.code === '22023') {
		return { ok: false, message: 'De vergadering of het agendapunt hoort niet bij deze gemeente.', fieldErrors: {}, problems: [] };
	}
	if (error) throw new Error(`saveManualMotion: ${error.message}`);
	const result = saveResult.parse(data);
	if (result.status === 'imported') {
		return { ok: false, message: 'Deze motie komt uit de import; voeg stemmen toe met de bron erbij.', fieldErrors: {}, problems: [] };
	}
	if (result.status !== 'saved' || !result.id) return { ok: false, message: NOT_FOUND, fieldErrors: {}, problems: [] };
	return { ok: true, id: result.id };
}

/** Sets the hand-entered votes of any motion of the gemeente; a hand-entered vote replaces the
 * imported vote of that party. The votes that stay imported are checked together with them. */
export async function saveManualVotes(actorId: string, gemeenteCode: string, motionId: string, input: unknown): Promise<SaveOutcome> {
	const parsed = z.array(manualVoteSchema).safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const current = await getMotion(motionId);
	if (!current || current.gemeenteCode !== gemeenteCode) return { ok: false, message: NOT_FOUND, fieldErrors: {}, problems: [] };
	const parties = await partiesOf(gemeenteCode);
	const manual = checked(parsed.data, parties);
	const staying = current.votes
		.filter((v) => v.source !== 'manual' && !parsed.data.some((m) => m.partyId === v.partyId))
		.map((v) => ({ partyId: v.partyId, partyName: v.partyName, vote: v.vote, source: v.source }));
	const problems = [
		...foreignParty(parsed.data.map((v) => v.partyId), parties),
		...checkVotes({
			result: current.result,
			hamerstuk: current.hamerstuk,
			votes: [...staying, ...manual],
			councilParties: [...parties].map(([id, name]) => ({ id, name })),
			tally: current.tally
		}).filter((p) => p.code !== 'result_contradicts_tally')
	];
	if (problems.length > 0) return refused(problems);
	const { data, error } = await db().rpc('save_manual_votes', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_motion_id: motionId,
		p_votes: parsed.data.map(voteRow)
	});
	if (error) throw new Error(`saveManualVotes: ${error.message}`);
	return saveResult.parse(data).status === 'saved' ? { ok: true, id: motionId } : { ok: false, message: NOT_FOUND, fieldErrors: {}, problems: [] };
}

export interface MotionVote {
	partyId: string;
	partyName: string;
	vote: PartyVote;
	source: VoteSource;
	membersFor: number | null;
	membersAgainst: number | null;
	sourceName: string | null;
	sourceDocument: SourceDocument | null;
	sourceUrl: string | null;
	sourcePage: number | null;
	/** Who entered a hand-entered vote, and when it was last set. */
	recordedBy: string | null;
	recordedAt: string;
}

export interface Motion {
	id: string;
	gemeenteCode: string;
	meetingId: string | null;
	agendaItemId: string | null;
	title: string;
	type: MotionType;
	decidedOn: string | null;
	result: MotionResult | null;
	sourceStatus: string | null;
	hamerstuk: boolean;
	text: string | null;
	url: string | null;
	voteSummary: string | null;
	tally: { inFavour: number; against: number } | null;
	memberVotes: boolean;
	source: 'handmatig' | 'openbesluitvorming';
	submitters: Array<{ partyId: string; partyName: string; role: 'indiener' | 'mede-indiener' }>;
	votes: MotionVote[];
	/** Confirmed care themes (keys). */
	themes: string[];
	meeting: { id: string; name: string; startsAt: string } | null;
	/** Who entered a hand-entered motion; when the motion was last written (entered or imported). */
	recordedBy: string | null;
	updatedAt: string;
}

const motionRow = z.object({
	id: z.string(),
	gemeente_code: z.string(),
	meeting_id: z.string().nullable(),
	agenda_item_id: z.string().nullable(),
	title: z.string(),
	type: z.enum(['motie', 'amendement']),
	decided_on: z.string().nullable(),
	result: z.enum(['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig']).nullable(),
	source_status: z.string().nullable(),
	hamerstuk: z.boolean(),
	text: z.string().nullable(),
	url: z.string().nullable(),
	vote_summary: z.string().nullable(),
	tally_for: z.number().nullable(),
	tally_against: z.number().nullable(),
	member_votes: z.boolean(),
	source: z.enum(['handmatig', 'openbesluitvorming']),
	motion_themes: z.array(z.object({ theme_key: z.string() })),
	meetings: z.object({ id: z.string(), name: z.string(), starts_at: z.string() }).nullable(),
	updated_at: z.string(),
	users: z.object({ name: z.string().nullable() }).nullable(),
	motion_submitters: z.array(z.object({ party_id: z.string(), role: z.enum(['indiener', 'mede-indiener']), parties: z.object({ name: z.string() }) })),
	motion_party_votes: z.array(
		z.object({
			party_id: z.string(),
			vote: z.enum(['voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend']),
			source: z.enum(['aggregated', 'summary', 'manual']),
			members_for: z.number().nullable(),
			members_against: z.number().nullable(),
			source_name: z.string().nullable(),
			source_document: z.enum(['besluitenlijst', 'notulen']).nullable(),
			source_url: z.string().nullable(),
			source_page: z.number().nullable(),
			updated_at: z.string(),
			users: z.object({ name: z.string().nullable() }).nullable(),
			parties: z.object({ name: z.string() })
		})
	)
});

/** One motion with its submitters and its vote per party (by party name); null if unknown. */
export async function getMotion(id: string): Promise<Motion | null> {
	const { data, error } = await db()
		.from('motions')
		.select(
			'id, gemeente_code, meeting_id, agenda_item_id, title, type, decided_on, result, source_status, hamerstuk, text, url, vote_summary, tally_for, tally_against, member_votes, source, motion_themes(theme_key), meetings(id, name, starts_at), updated_at, users!motions_entered_by_fkey(name), motion_submitters(party_id, role, parties(name)), motion_party_votes(party_id, vote, source, members_for, members_against, source_name, source_document, source_url, source_page, updated_at, users!motion_party_votes_entered_by_fkey(name), parties(name))'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`getMotion: ${error.message}`);
	if (!data) return null;
	const row = motionRow.parse(data);
	const byName = <T extends { partyName: string }>(a: T, b: T) => a.partyName.localeCompare(b.partyName, 'nl');
	return {
		id: row.id,
		gemeenteCode: row.gemeente_code,
		meetingId: row.meeting_id,
		agendaItemId: row.agenda_item_id,
		title: row.title,
		type: row.type,
		decidedOn: row.decided_on,
		result: row.result,
		sourceStatus: row.source_status,
		hamerstuk: row.hamerstuk,
		text: row.text,
		url: row.url,
		voteSummary: row.vote_summary,
		tally: row.tally_for !== null && row.tally_against !== null ? { inFavour: row.tally_for, against: row.tally_against } : null,
		memberVotes: row.member_votes,
		source: row.source,
		themes: row.motion_themes.map((t) => t.theme_key).sort(),
		meeting: row.meetings ? { id: row.meetings.id, name: row.meetings.name, startsAt: row.meetings.starts_at } : null,
		recordedBy: row.users?.name ?? null,
		updatedAt: row.updated_at,
		submitters: row.motion_submitters.map((s) => ({ partyId: s.party_id, partyName: s.parties.name, role: s.role })).sort(byName),
		votes: row.motion_party_votes
			.map((v) => ({
				partyId: v.party_id,
				partyName: v.parties.name,
				vote: v.vote,
				source: v.source,
				membersFor: v.members_for,
				membersAgainst: v.members_against,
				sourceName: v.source_name,
				sourceDocument: v.source_document,
				sourceUrl: v.source_url,
				sourcePage: v.source_page,
				recordedBy: v.users?.name ?? null,
				recordedAt: v.updated_at
			}))
			.sort(byName)
	};
}
