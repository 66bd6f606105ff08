// The letter: coordinators edit it (while it is a concept) with a preview exactly as recipients
// get it, and see its versions; others who may read it (authz: readLetter) see the current text.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFailure, formString } from '$lib/server/platform/forms';
import { askListStart, extractAsks } from '$lib/server/letter/asks';
import { renderMarkdown } from '$lib/server/platform/markdown';
import * as revisions from '$lib/server/letter/revisions';
import { STATUS_LABELS } from '$lib/server/letter/campaigns';
import { campaignContext } from '../campaign-context';
import { formatDateTime } from '$lib/format';
import { frozenReason } from './frozen-reason';
import { appendAsk, signalsForLetter } from '$lib/server/positions/letter-link';

export const load: PageServerLoad = async (event) => {
	const { campaign, access } = await campaignContext(event);
	if (!access.readLetter) error(403, 'Je kunt deze brief (nog) niet lezen.');

	const header = {
		id: campaign.id,
		title: campaign.title,
		gemeenteName: campaign.gemeenteName,
		status: campaign.status,
		statusLabel: STATUS_LABELS[campaign.status]
	};
	const [latest, versions] = await Promise.all([
		revisions.latestRevision(campaign.id),
		access.coordinate ? revisions.listRevisions(campaign.id) : Promise.resolve([])
	]);
	const current = latest && {
		number: latest.number,
		html: latest.bodyHtml,
		authorName: latest.authorName,
		savedAt: formatDateTime(latest.createdAt)
	};

	if (!access.coordinate) {
		return { campaign: header, coordinator: false as const, current, editor: null };
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
		}
	};
};

export const actions: Actions = { save, preview, addAsk };

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
