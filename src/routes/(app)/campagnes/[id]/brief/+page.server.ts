// The letter: coordinators edit it (while it is a concept) with a preview exactly as recipients
// get it, see its versions and resolve colleagues' remarks; colleagues who may comment (authz:
// comment, only while it is a concept) read it block by block and leave remarks; others who may
// read it (authz: readLetter) see the current text.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fieldErrors, formFailure, formString } from '$lib/server/platform/forms';
import { consume } from '$lib/server/platform/rate-limit';
import * as draftComments from '$lib/server/letter/draft-comments';
import { coordinatorView, readerView } from './remarks-view';
import { askListStart, extractAsks } from '$lib/server/letter/asks';
import { renderMarkdown } from '$lib/server/platform/markdown';
import * as revisions from '$lib/server/letter/revisions';
import { STATUS_LABELS } from '$lib/server/letter/campaigns';
import { campaignContext } from '../campaign-context';
import { campaignAccess } from '$lib/server/auth/permissions';
import { formatDateTime } from '$lib/format';
import { frozenReason } from './frozen-reason';
import { appendAsk, signalsForLetter } from '$lib/server/positions/letter-link';

export const load: PageServerLoad = async (event) => {
	const { campaign, access, user } = await campaignContext(event);
	if (!access.readLetter) error(403, 'Je kunt deze brief (nog) niet lezen.');

	const header = {
		id: campaign.id,
		title: campaign.title,
		gemeenteName: campaign.gemeenteName,
		status: campaign.status,
		statusLabel: STATUS_LABELS[campaign.status]
	};
	const [latest, versions, comments] = await Promise.all([
		revisions.latestRevision(campaign.id),
		access.coordinate ? revisions.listRevisions(campaign.id) : Promise.resolve([]),
		access.coordinate || access.comment
			? draftComments.listComments(campaign.id, { withEmail: access.coordinate })
			: Promise.resolve([])
	]);
	const current = latest && {
		number: latest.number,
		html: latest.bodyHtml,
		authorName: latest.authorName,
		savedAt: formatDateTime(latest.createdAt)
	};

	if (!access.coordinate) {
		return {
			campaign: header,
			coordinator: false as const,
			current,
			editor: null,
			draft: access.comment && latest ? readerView(latest, comments) : null,
			// Where the remark just placed is (its block's anchor, or "algemeen").
			placed: event.url.searchParams.get('geplaatst'),
			// Said to those who could comment on the draft: now that it is frozen, they no longer can.
			commentsClosed:
				campaign.status === 'ter_ondertekening' && (await campaignAccess(user, { ...campaign, status: 'concept' })).comment
		};
	}

	const markdown = latest?.bodyMd ?? '';
	const saved = Number(event.url.searchParams.get('opgeslagen'));
	return {
		campaign: header,
		coordinator: true as const,
		current,
		// While drafting: per theme, the parties silent or against in their published documents.
		signals: campaign.status === 'concept' ? await signalsForLetter(campaign.gemeenteCode, campaign.themes) : [],
		editor: {
			editable: campaign.status === 'concept',
			frozenReason: frozenReason(campaign.status, campaign.sentAt),
			markdown,
			asks: extractAsks(markdown),
			askStart: askListStart(markdown),
			versions: versions.map((v) => ({ number: v.number, authorName: v.authorName, savedAt: formatDateTime(v.createdAt) })),
			saved: Number.isSafeInteger(saved) && saved > 0 ? saved : null
		},
		remarks: {
			...coordinatorView(latest, comments),
			resolvedJust: event.url.searchParams.has('afgehandeld'),
			reopenedJust: event.url.searchParams.has('heropend')
		}
	};
};

export const actions: Actions = { save, preview, addAsk, comment, resolve, reopen };

/** A save refused because someone saved a newer version: the versions to compare. */
type Conflict = { from: number; to: number } | null;

type Values = { body: string; basedOn: number | null };

/** Every refusal keeps the typed text and says whether a newer version got in between. */
function refuse(status: number, action: 'save' | 'preview', values: Values, problem: { message?: string; body?: string }, conflict: Conflict = null) {
	return formFailure(
		status,
		action,
		{ values, message: problem.message ?? null, errors: problem.body ? { body: problem.body } : {} },
		{ conflict }
	);
}

/** The typed text and the version it was based on, as the form sent them. */
function readForm(form: FormData) {
	const body = formString(form, 'body');
	const basedOn = Number(formString(form, 'basedOn'));
	return { body, basedOn: Number.isSafeInteger(basedOn) && basedOn > 0 ? basedOn : null };
}

async function save(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const values = readForm(await event.request.formData());
	const parsed = revisions.letterBodySchema.safeParse({ body: values.body });
	if (!parsed.success) return refuse(400, 'save', values, { body: parsed.error.issues[0].message });
	if (campaign.status !== 'concept') return refuse(409, 'save', values, { message: revisions.SAVE_REFUSED.frozen });
	const result = await revisions.saveRevision(campaign.id, user.id, parsed.data.body, {
		basedOn: values.basedOn ?? undefined
	});
	if (typeof result === 'number') redirect(303, `/campagnes/${campaign.id}/brief?opgeslagen=${result}`);
	// A stale save: from now on the text counts as based on the newest version, so saving again
	// (after looking at what changed) deliberately replaces it.
	const latest = result === 'stale' ? ((await revisions.latestRevision(campaign.id))?.number ?? null) : null;
	return refuse(
		result === 'unchanged' ? 400 : 409,
		'save',
		{ body: values.body, basedOn: latest ?? values.basedOn },
		{ message: revisions.SAVE_REFUSED[result] },
		latest && values.basedOn ? { from: values.basedOn, to: latest } : null
	);
}

async function preview(event: RequestEvent) {
	await campaignContext(event, { coordinator: true });
	const values = readForm(await event.request.formData());
	const parsed = revisions.letterBodySchema.safeParse({ body: values.body });
	if (!parsed.success) return refuse(400, 'preview', values, { body: parsed.error.issues[0].message });
	const text = parsed.data.body;
	return {
		action: 'preview' as const,
		values,
		preview: { html: renderMarkdown(text), asks: extractAsks(text), askStart: askListStart(text) }
	};
}

/** Adds the ask aimed at the parties silent or against on one theme, as a new version. The ask is
 * made here from the published positions, never taken from the form. */
async function addAsk(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const themeKey = formString(await event.request.formData(), 'theme');
	const signal = (await signalsForLetter(campaign.gemeenteCode, campaign.themes)).find((s) => s.themeKey === themeKey);
	const latest = await revisions.latestRevision(campaign.id);
	if (!signal?.ask || !latest) return formFailure(400, 'addAsk', { message: 'Voor dit thema is er geen vraag toe te voegen.' });
	if (campaign.status !== 'concept') return formFailure(409, 'addAsk', { message: revisions.SAVE_REFUSED.frozen });
	const result = await revisions.saveRevision(campaign.id, user.id, appendAsk(latest.bodyMd, signal.ask), { basedOn: latest.number });
	if (typeof result === 'number') redirect(303, `/campagnes/${campaign.id}/brief?opgeslagen=${result}`);
	return formFailure(409, 'addAsk', { message: revisions.SAVE_REFUSED[result] });
}

/** The error of the one field people type in stays beside it; one about a hidden field or a button
 * becomes the form's message (there is no field to show it next to). */
function visibleErrors(issues: Parameters<typeof fieldErrors>[0], typed: string) {
	const { [typed]: field, ...other } = fieldErrors(issues);
	return { errors: field ? { [typed]: field } : {}, message: Object.values(other)[0] ?? null };
}

/** The element a remark's form sits in: its block ("blok-5-2") or the general form. */
function remarkTarget(anchor: string | null): string {
	return anchor ? `blok-${anchor}` : 'algemeen';
}

const COMMENT_REFUSED = {
	closed:
		'De brief staat intussen open voor ondertekening. De tekst ligt vast, dus er kunnen geen opmerkingen meer bij. Je tekst staat hieronder, zodat je hem kunt bewaren.',
	not_allowed: 'Alleen huisartsen met een bevestigde praktijk in deze gemeente, de kring en de coördinatoren kunnen opmerkingen geven.',
	unknown_revision: 'Deze versie van de brief bestaat niet. Laad de pagina opnieuw en plaats je opmerking nog eens.',
	unknown_block: 'Dit stukje van de brief bestaat niet (meer). Laad de pagina opnieuw en plaats je opmerking nog eens.',
	not_found: 'Deze brief bestaat niet (meer).',
	limit: 'Je hebt het afgelopen uur al veel opmerkingen geplaatst. Probeer het over een uur opnieuw; je tekst staat er nog.'
} as const;

/** A colleague's remark on one block (or the whole letter) of the revision they read. */
async function comment(event: RequestEvent) {
	const { campaign, user, access } = await campaignContext(event);
	const form = await event.request.formData();
	const values = { body: formString(form, 'body'), anchor: formString(form, 'anchor'), revision: formString(form, 'revision') };
	if (!access.comment) {
		const closed = campaign.status !== 'concept';
		return formFailure(closed ? 409 : 403, 'comment', { values, message: COMMENT_REFUSED[closed ? 'closed' : 'not_allowed'] });
	}
	const parsed = draftComments.commentSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'comment', { values, ...visibleErrors(parsed.error.issues, 'body') });
	if (!(await consume(draftComments.COMMENT_LIMIT, user.id))) {
		return formFailure(429, 'comment', { values, message: COMMENT_REFUSED.limit });
	}
	const result = await draftComments.addComment(campaign, user.id, parsed.data);
	if (result === 'added') {
		const target = remarkTarget(parsed.data.anchor);
		redirect(303, `/campagnes/${campaign.id}/brief?geplaatst=${target}#${target}`);
	}
	return formFailure(result === 'closed' ? 409 : result === 'not_allowed' ? 403 : 400, 'comment', { values, message: COMMENT_REFUSED[result] });
}

/** A coordinator marks a remark as worked in or not taken over, with an optional note. */
async function resolve(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { comment: formString(form, 'comment'), resolution: formString(form, 'resolution'), note: formString(form, 'note') };
	const parsed = draftComments.resolutionSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'resolve', { values, ...visibleErrors(parsed.error.issues, 'note') });
	const result = await draftComments.resolveComment(campaign.id, user.id, parsed.data);
	if (result === 'resolved') redirect(303, `/campagnes/${campaign.id}/brief?afgehandeld=1#opmerkingen`);
	const message = {
		already: 'Een andere coördinator heeft deze opmerking intussen al afgehandeld.',
		not_found: 'Deze opmerking bestaat niet (meer).',
		not_allowed: 'Alleen de coördinatoren van deze brief kunnen opmerkingen afhandelen.'
	}[result];
	return formFailure(result === 'already' ? 409 : result === 'not_found' ? 404 : 403, 'resolve', { values, message });
}

/** A coordinator opens a handled remark again (a resolution made by mistake), while a concept. */
async function reopen(event: RequestEvent) {
	const { campaign, user } = await campaignContext(event, { coordinator: true });
	const form = await event.request.formData();
	const values = { comment: formString(form, 'comment'), note: '' };
	const parsed = draftComments.reopenSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'resolve', { values, message: parsed.error.issues[0].message });
	const result = await draftComments.reopenComment(campaign.id, user.id, parsed.data.comment);
	if (result === 'reopened' || result === 'already') redirect(303, `/campagnes/${campaign.id}/brief?heropend=1#opmerking-${parsed.data.comment}`);
	const message = {
		closed: 'De brief is geen concept meer: de tekst ligt vast, dus een opmerking kan niet meer worden heropend.',
		not_found: 'Deze opmerking bestaat niet (meer).',
		not_allowed: 'Alleen de coördinatoren van deze brief kunnen opmerkingen heropenen.'
	}[result];
	return formFailure(result === 'closed' ? 409 : result === 'not_found' ? 404 : 403, 'resolve', { values, message });
}
