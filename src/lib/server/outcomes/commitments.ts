// Commitments (toezeggingen): recording a promise with its source, recording each later status
// (forward or back, with its date and evidence), correcting the words, and reading them back.
// Each write is one database call that also stores the promiser's reply link for that step and
// queues its mails; the history is append-only in the database. Who may write is
// permissions.mayRecordCommitments, checked again by the database function.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { formString } from '../platform/forms';
import { kickMailWorker } from '../platform/mail';
import {
	COMMITMENT_STATUSES,
	PROMISERS,
	SOURCE_KINDS,
	commitmentStatusOf,
	promiserOf,
	sourceKindOf,
	type CommitmentStatus,
	type Promiser,
	type SourceKind
} from '$lib/commitments';
import { recordedMail, statusMail, type MailCommitment } from './commitment-mail';
import { LINK_DAYS, newReplyLink } from './links';

// Form input ---------------------------------------------------------------------------------------

const isoDate = z.iso.date({ message: 'Geef een geldige datum.' });
const optionalDate = z.union([z.literal(''), isoDate]).transform((value) => value || null);
const optionalId = z.union([z.literal(''), z.uuid({ message: 'Kies uit de lijst.' })]).transform((value) => value || null);
const webLink = z
	.string()
	.trim()
	.max(2000, 'Deze link is te lang.')
	.refine((value) => value === '' || (/^https?:\/\/\S+$/i.test(value) && URL.canParse(value)), 'Een link begint met https:// of http://.');
const page = z
	.string()
	.trim()
	.refine((value) => value === '' || (/^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= 5000), 'Een pagina is een getal van 1 tot en met 5000.')
	.transform((value) => (value ? Number(value) : null));

export const COMMITMENT_FIELDS = [
	'sourceKind',
	'promiser',
	'partyId',
	'promiserDetail',
	'collegeEmail',
	'themeKey',
	'body',
	'answer',
	'askId',
	'documentId',
	'passageId',
	'motionId',
	'meetingId',
	'sourceTitle',
	'sourceUrl',
	'sourcePage',
	'sourceQuote',
	'promisedOn',
	'deadline'
] as const;
export type CommitmentValues = Record<(typeof COMMITMENT_FIELDS)[number], string>;

export function readCommitmentForm(form: FormData): CommitmentValues {
	return Object.fromEntries(COMMITMENT_FIELDS.map((name) => [name, formString(form, name)])) as CommitmentValues;
}

export function emptyCommitmentValues(): CommitmentValues {
	return Object.fromEntries(COMMITMENT_FIELDS.map((name) => [name, ''])) as CommitmentValues;
}

export function commitmentSchema(themeKeys: string[]) {
	return z
		.object({
			sourceKind: z.enum(SOURCE_KINDS, { message: 'Kies waar de toezegging vandaan komt.' }),
			promiser: z.enum(PROMISERS, { message: 'Kies wie het beloofde: een partij of het college.' }),
			partyId: optionalId,
			promiserDetail: z.string().trim().max(200, 'Hoogstens 200 tekens.'),
			collegeEmail: z
				.string()
				.trim()
				.toLowerCase()
				.max(320, 'Dit adres is te lang.')
				.refine((value) => value === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value), 'Dit is geen e-mailadres.'),
			themeKey: z.string().refine((key) => themeKeys.includes(key), 'Kies het thema.'),
			body: z.string().trim().min(10, 'Beschrijf wat er beloofd is, in minstens 10 tekens.').max(2000, 'Hoogstens 2.000 tekens.'),
			// "<response id>:<ask id>": one party's answer to one ask.
			answer: z
				.string()
				.refine((value) => value === '' || /^[0-9a-f-]{36}:[0-9a-f-]{36}$/.test(value), 'Kies een antwoord uit de lijst.'),
			askId: optionalId,
			documentId: optionalId,
			passageId: z
				.string()
				.refine((value) => value === '' || /^\d{1,18}$/.test(value), 'Kies een passage uit de lijst.')
				.transform((value) => value || null),
			motionId: optionalId,
			meetingId: optionalId,
			sourceTitle: z
				.string()
				.trim()
				.max(300, 'Hoogstens 300 tekens.')
				.refine((title) => title === '' || title.length >= 2, 'Een titel heeft minstens 2 tekens.'),
			sourceUrl: webLink,
			sourcePage: page,
			sourceQuote: z.string().trim().max(5000, 'Hoogstens 5.000 tekens.'),
			promisedOn: optionalDate,
			deadline: optionalDate
		})
		.superRefine((value, ctx) => {
			const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
			if (value.promiser === 'partij' && !value.partyId && value.sourceKind !== 'antwoord') need('partyId', 'Kies de partij die het beloofde.');
			if (value.promiser === 'partij' && value.collegeEmail) need('collegeEmail', 'Een adres van het college hoort alleen bij een toezegging van het college.');
			if (value.sourceKind === 'antwoord' && !value.answer) need('answer', 'Kies het antwoord waarin de partij het beloofde.');
			if (value.sourceKind === 'antwoord' && value.promiser !== 'partij') need('promiser', 'Een antwoord op de brief is een belofte van een partij.');
			if (value.sourceKind === 'akkoord' && !value.documentId) need('documentId', 'Kies het coalitieakkoord of collegeprogramma.');
			if (value.sourceKind === 'akkoord' && !value.passageId) need('passageId', 'Kies de passage waarin het staat (zoek in de tekst).');
			if (value.sourceKind === 'motie' && !value.motionId) need('motionId', 'Kies de aangenomen motie.');
			if (value.sourceKind === 'antwoord' && value.askId) need('askId', 'Bij een antwoord volgt de vraag uit het antwoord zelf.');
			if (value.sourceKind === 'vergadering' && !value.meetingId) need('meetingId', 'Kies de vergadering waarin het werd toegezegd.');
			if (value.sourceKind === 'begroting') {
				if (!value.sourceUrl) need('sourceUrl', 'Geef de link naar de begroting of kadernota.');
				if (value.sourceTitle.length < 2) need('sourceTitle', 'Geef de titel, bijvoorbeeld "Begroting 2027".');
				if (!value.promisedOn) need('promisedOn', 'Geef de datum van het stuk.');
			}
			if (value.deadline && value.promisedOn && value.deadline < value.promisedOn) need('deadline', 'De termijn ligt vóór de datum van de toezegging.');
		});
}

export type CommitmentInput = z.infer<ReturnType<typeof commitmentSchema>>;

export const statusSchema = z
	.object({
		status: z.enum(COMMITMENT_STATUSES, { message: 'Kies de nieuwe stand.' }),
		happenedOn: isoDate,
		note: z.string().trim().min(5, 'Zeg in een paar woorden wat er gebeurde.').max(2000, 'Hoogstens 2.000 tekens.'),
		evidenceTitle: z.string().trim().max(300, 'Hoogstens 300 tekens.'),
		evidenceUrl: webLink,
		evidencePage: page
	})
	.superRefine((value, ctx) => {
		if (!value.evidenceTitle && !value.evidenceUrl) {
			ctx.addIssue({ code: 'custom', path: ['evidenceTitle'], message: 'Geef het bewijs: de titel van het stuk, een link, of allebei.' });
		}
		if (value.evidenceTitle && value.evidenceTitle.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['evidenceTitle'], message: 'Geef de titel van het stuk (minstens 2 tekens).' });
		}
	});

export type StatusInput = z.infer<typeof statusSchema>;
export const STATUS_FIELDS = ['status', 'happenedOn', 'note', 'evidenceTitle', 'evidenceUrl', 'evidencePage'] as const;
export type StatusValues = Record<(typeof STATUS_FIELDS)[number], string>;

export function readStatusForm(form: FormData): StatusValues {
	return Object.fromEntries(STATUS_FIELDS.map((name) => [name, formString(form, name)])) as StatusValues;
}

// Reading --------------------------------------------------------------------------------------------

const DETAIL_COLUMNS = `id, gemeente_code, promiser, party_id, promiser_detail, college_email, theme_key, body, source_kind,
	response_id, ask_id, document_id, passage_id, motion_id, meeting_id, source_title, source_quote, source_url, source_page,
	promised_on, deadline, status, status_on, created_at,
	gemeenten(name, slug), parties(name, party_contacts(email)), themes(label),
	creator:users!commitments_created_by_fkey(name),
	commitment_updates(id, seq, status, previous_status, happened_on, note, evidence_title, evidence_url, evidence_page,
		recorded_at, users(name),
		commitment_reactions(responder_name, responder_role, body, created_at, disowned_at, disowned_note, copy_sent))` as const;

function detailQuery() {
	return db().from('commitments').select(DETAIL_COLUMNS);
}

type DetailRow = QueryData<ReturnType<typeof detailQuery>>[number];

export interface Reaction {
	responderName: string;
	responderRole: string | null;
	body: string;
	at: string;
	/** False when no copy reached the promiser's own addresses (none known: the kring passed the
	 * link on), so they could not say "dit komt niet van ons"; null when not recorded (older). */
	copySent?: boolean | null;
}

export interface CommitmentUpdate {
	id: number;
	seq: number;
	status: CommitmentStatus;
	previousStatus: CommitmentStatus | null;
	happenedOn: string;
	note: string | null;
	evidenceTitle: string | null;
	evidenceUrl: string | null;
	evidencePage: number | null;
	recordedBy: string | null;
	recordedAt: string;
	/** The promiser's reaction to this step, if any (never one they disowned). */
	reaction: Reaction | null;
	/** Reactions posted through the link that the promiser said were not theirs. */
	disowned: Array<{ postedAt: string; disownedAt: string }>;
}

export interface CommitmentDetail extends MailCommitment {
	id: string;
	gemeenteCode: string;
	gemeenteSlug: string;
	partyId: string | null;
	promiserDetail: string | null;
	collegeEmail: string | null;
	partyEmails: string[];
	themeKey: string;
	themeLabel: string;
	sourceKind: SourceKind;
	sourceQuote: string | null;
	sourceUrl: string | null;
	responseId: string | null;
	askId: string | null;
	documentId: string | null;
	passageId: number | null;
	motionId: string | null;
	meetingId: string | null;
	promisedOn: string;
	deadline: string | null;
	status: CommitmentStatus;
	statusOn: string;
	recordedBy: string | null;
	createdAt: string;
	/** Every step, oldest first (seq 1 is the promise itself). */
	updates: CommitmentUpdate[];
}

function toDetail(row: DetailRow): CommitmentDetail {
	const updates = row.commitment_updates
		.map((u): CommitmentUpdate => {
			const live = u.commitment_reactions.find((r) => !r.disowned_at);
			return {
				id: u.id,
				seq: u.seq,
				status: commitmentStatusOf(u.status),
				previousStatus: u.previous_status ? commitmentStatusOf(u.previous_status) : null,
				happenedOn: u.happened_on,
				note: u.note,
				evidenceTitle: u.evidence_title,
				evidenceUrl: u.evidence_url,
				evidencePage: u.evidence_page,
				recordedBy: u.users?.name ?? null,
				recordedAt: u.recorded_at,
				reaction: live
					? { responderName: live.responder_name, responderRole: live.responder_role, body: live.body, at: live.created_at, copySent: live.copy_sent }
					: null,
				disowned: u.commitment_reactions
					.filter((r) => r.disowned_at)
					.map((r) => ({ postedAt: r.created_at, disownedAt: r.disowned_at ?? r.created_at }))
			};
		})
		.sort((a, b) => a.seq - b.seq);
	return {
		id: row.id,
		gemeenteCode: row.gemeente_code,
		gemeenteName: row.gemeenten?.name ?? '',
		gemeenteSlug: row.gemeenten?.slug ?? '',
		promiser: promiserOf(row.promiser),
		partyId: row.party_id,
		partyName: row.parties?.name ?? null,
		partyEmails: row.parties?.party_contacts.map((c) => c.email) ?? [],
		promiserDetail: row.promiser_detail,
		collegeEmail: row.college_email,
		themeKey: row.theme_key,
		themeLabel: row.themes?.label ?? row.theme_key,
		body: row.body,
		sourceKind: sourceKindOf(row.source_kind),
		sourceTitle: row.source_title,
		sourceQuote: row.source_quote,
		sourceUrl: row.source_url,
		sourcePage: row.source_page,
		responseId: row.response_id,
		askId: row.ask_id,
		documentId: row.document_id,
		passageId: row.passage_id,
		motionId: row.motion_id,
		meetingId: row.meeting_id,
		promisedOn: row.promised_on,
		deadline: row.deadline,
		status: commitmentStatusOf(row.status),
		statusOn: row.status_on,
		recordedBy: row.creator?.name ?? null,
		createdAt: row.created_at,
		updates
	};
}

export async function getCommitment(id: string): Promise<CommitmentDetail | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const { data, error } = await detailQuery().eq('id', id).maybeSingle();
	if (error) throw new Error(`getCommitment: ${error.message}`);
	return data ? toDetail(data) : null;
}

/** Every commitment in a gemeente, newest promise first, with its history (for the editors). */
export async function commitmentsInGemeente(gemeenteCode: string): Promise<CommitmentDetail[]> {
	const { data, error } = await detailQuery().eq('gemeente_code', gemeenteCode).order('promised_on', { ascending: false }).order('created_at', { ascending: false });
	if (error) throw new Error(`commitmentsInGemeente: ${error.message}`);
	return data.map(toDetail);
}

/** Where the promiser is reached for its right of reply: the party's addresses, or the college's. */
export function promiserAddresses(c: Pick<CommitmentDetail, 'promiser' | 'collegeEmail' | 'partyEmails'>): string[] {
	if (c.promiser === 'college') return c.collegeEmail ? [c.collegeEmail] : [];
	return c.partyEmails;
}

export function publicCommitmentUrl(c: Pick<CommitmentDetail, 'id' | 'gemeenteSlug'>): string {
	return `${publicOrigin()}/g/${c.gemeenteSlug}/tijdlijn/toezegging-${c.id}`;
}

// Writing --------------------------------------------------------------------------------------------

export type RecordResult =
	| { ok: true; id: string; link: string; mailed: string[] }
	| { ok: false; reason: 'not_allowed' | 'source' | 'party' | 'ask' | 'promised_on' | 'deadline' };

async function answerParty(responseId: string): Promise<string | null> {
	const { data, error } = await db().from('responses').select('party_id').eq('id', responseId).maybeSingle();
	if (error) throw new Error(`recordCommitment: ${error.message}`);
	return data?.party_id ?? null;
}

async function gemeenteOf(code: string): Promise<{ name: string; slug: string }> {
	const { data, error } = await db().from('gemeenten').select('name, slug').eq('code', code).single();
	if (error) throw new Error(`recordCommitment: ${error.message}`);
	return data;
}

async function partyFor(partyId: string | null): Promise<{ name: string; emails: string[] } | null> {
	if (!partyId) return null;
	const { data, error } = await db().from('parties').select('name, party_contacts(email)').eq('id', partyId).maybeSingle();
	if (error) throw new Error(`recordCommitment: ${error.message}`);
	return data ? { name: data.name, emails: data.party_contacts.map((c) => c.email) } : null;
}

/** Records a promise (status toegezegd) with a reply link for the promiser, mailed to its
 * addresses in the same step. The link is returned once, to pass on by hand when there are none. */
export async function recordCommitment(actorId: string, gemeenteCode: string, input: CommitmentInput): Promise<RecordResult> {
	const [responseId, answerAskId] = input.answer ? input.answer.split(':') : [null, null];
	const partyId = input.sourceKind === 'antwoord' && responseId ? await answerParty(responseId) : input.promiser === 'partij' ? input.partyId : null;
	if (input.sourceKind === 'antwoord' && !partyId) return { ok: false, reason: 'source' };
	const [gemeente, party] = await Promise.all([gemeenteOf(gemeenteCode), partyFor(partyId)]);
	const link = newReplyLink();
	const id = crypto.randomUUID();
	const promiser: Promiser = input.sourceKind === 'antwoord' ? 'partij' : input.promiser;
	const collegeEmail = promiser === 'college' ? input.collegeEmail || null : null;
	const addresses = promiser === 'college' ? (collegeEmail ? [collegeEmail] : []) : (party?.emails ?? []);
	const mailCommitment: MailCommitment = {
		body: input.body,
		promiser,
		partyName: party?.name ?? null,
		gemeenteName: gemeente.name,
		sourceTitle: input.sourceTitle || 'de bron die de huisartsen vastlegden',
		sourcePage: input.sourcePage
	};
	const { data, error } = await db().rpc('record_commitment', {
		p_actor_id: actorId,
		p_gemeente_code: gemeenteCode,
		p_commitment: {
			id,
			promiser,
			party_id: partyId,
			promiser_detail: input.promiserDetail,
			college_email: collegeEmail,
			theme_key: input.themeKey,
			body: input.body,
			source_kind: input.sourceKind,
			response_id: responseId,
			ask_id: answerAskId ?? input.askId,
			document_id: input.documentId,
			passage_id: input.passageId,
			motion_id: input.motionId,
			meeting_id: input.meetingId,
			source_title: input.sourceTitle,
			source_url: input.sourceUrl,
			source_page: input.sourcePage,
			source_quote: input.sourceQuote,
			promised_on: input.promisedOn,
			deadline: input.deadline
		},
		p_token_hash: link.tokenHashHex,
		p_link_days: LINK_DAYS,
		p_mails: addresses.map((to) => recordedMail(to, mailCommitment, link, publicCommitmentUrl({ id, gemeenteSlug: gemeente.slug })))
	});
	if (error) throw new Error(`recordCommitment: ${error.message}`);
	const result = recordResult.parse(data);
	if (result.status !== 'saved') {
		return { ok: false, reason: result.status === 'not_allowed' ? 'not_allowed' : oneOf(result.reason, ['source', 'party', 'ask', 'promised_on', 'deadline'], 'recordCommitment') };
	}
	if (addresses.length > 0) kickMailWorker();
	return { ok: true, id: result.id, link: link.url, mailed: addresses };
}

const recordResult = z.discriminatedUnion('status', [
	z.object({ status: z.literal('saved'), id: z.uuid(), update_id: z.number() }),
	z.object({ status: z.literal('not_allowed') }),
	z.object({ status: z.literal('invalid'), reason: z.string() })
]);

const statusResult = z.discriminatedUnion('status', [
	z.object({ status: z.literal('saved'), seq: z.number(), update_id: z.number() }),
	z.object({ status: z.literal('not_found') }),
	z.object({ status: z.literal('evidence_required') })
]);

export type StatusResult = { ok: true; seq: number; link: string; mailed: string[] } | { ok: false; reason: 'not_found' | 'evidence_required' };

/** Records the next status (forward or back) with its date and evidence, a reply link for the
 * promiser and the mails to its addresses, in one step. */
export async function updateStatus(actorId: string, commitmentId: string, input: StatusInput): Promise<StatusResult> {
	const current = await getCommitment(commitmentId);
	if (!current) return { ok: false, reason: 'not_found' };
	const link = newReplyLink();
	const evidence = [input.evidenceTitle, input.evidencePage ? `pagina ${input.evidencePage}` : '', input.evidenceUrl].filter(Boolean).join(', ');
	const addresses = promiserAddresses(current);
	const mails = addresses.map((to) =>
		statusMail(to, current, { status: input.status, previous: current.status, note: input.note, evidence, on: input.happenedOn }, link, publicCommitmentUrl(current))
	);
	const { data, error } = await db().rpc('update_commitment_status', {
		p_actor_id: actorId,
		p_commitment_id: commitmentId,
		p_status: input.status,
		p_happened_on: input.happenedOn,
		p_note: input.note,
		p_token_hash: link.tokenHashHex,
		p_link_days: LINK_DAYS,
		...(input.evidenceTitle ? { p_evidence_title: input.evidenceTitle } : {}),
		...(input.evidenceUrl ? { p_evidence_url: input.evidenceUrl } : {}),
		...(input.evidencePage ? { p_evidence_page: input.evidencePage } : {}),
		p_mails: mails
	});
	if (error) throw new Error(`updateStatus: ${error.message}`);
	const result = statusResult.parse(data);
	if (result.status !== 'saved') return { ok: false, reason: result.status };
	if (mails.length > 0) kickMailWorker();
	return { ok: true, seq: result.seq, link: link.url, mailed: addresses };
}

export const correctionSchema = (themeKeys: string[]) =>
	z.object({
		body: z.string().trim().min(10, 'Beschrijf wat er beloofd is, in minstens 10 tekens.').max(2000, 'Hoogstens 2.000 tekens.'),
		themeKey: z.string().refine((key) => themeKeys.includes(key), 'Kies het thema.'),
		promiserDetail: z.string().trim().max(200, 'Hoogstens 200 tekens.'),
		deadline: optionalDate,
		reason: z.string().trim().min(3, 'Zeg waarom je dit verbetert.').max(500, 'Hoogstens 500 tekens.')
	});

export type CorrectionInput = z.infer<ReturnType<typeof correctionSchema>>;

/** Corrects the words of a commitment (audited with the old values and the reason). */
export async function correctCommitment(actorId: string, commitmentId: string, input: CorrectionInput) {
	const { data, error } = await db().rpc('correct_commitment', {
		p_actor_id: actorId,
		p_commitment_id: commitmentId,
		p_body: input.body,
		p_theme_key: input.themeKey,
		p_reason: input.reason,
		...(input.promiserDetail ? { p_promiser_detail: input.promiserDetail } : {}),
		...(input.deadline ? { p_deadline: input.deadline } : {})
	});
	if (error) throw new Error(`correctCommitment: ${error.message}`);
	return oneOf(data, ['saved', 'unchanged', 'reason_required', 'deadline', 'not_found'], 'correctCommitment');
}

export { SOURCE_KINDS };

/** How many commitments a gemeente has in each status (for its public page). */
export async function statusCounts(gemeenteCode: string): Promise<Array<{ status: CommitmentStatus; count: number }>> {
	const { data, error } = await db().from('commitments').select('status').eq('gemeente_code', gemeenteCode);
	if (error) throw new Error(`statusCounts: ${error.message}`);
	return COMMITMENT_STATUSES.map((status) => ({ status, count: data.filter((row) => row.status === status).length })).filter((s) => s.count > 0);
}

export type ShownCommitment = Omit<CommitmentDetail, 'partyEmails' | 'collegeEmail'>;

/** A commitment as a page may show it: without the promiser's e-mail addresses. */
export function withoutAddresses(c: CommitmentDetail): ShownCommitment {
	const { partyEmails, collegeEmail, ...shown } = c;
	void partyEmails;
	void collegeEmail;
	return shown;
}
