// One document, for the kring's editors: the passage finder (per theme by its search words, or a
// free search; ranked, with page or section) and the assessment form. "Gebruik als citaat" puts a
// passage in the form with one click (a link, so it works without JavaScript). A person decides.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { kringGemeenteContext } from '../../../../kring-context';
import { fieldErrors, formFailure } from '$lib/server/platform/forms';
import { listThemes } from '$lib/server/gemeenten/themes';
import * as documents from '$lib/server/positions/documents';
import * as positions from '$lib/server/positions/positions';
import { findPassages, passageById, searchSchema } from '$lib/server/positions/passages';
import { formatDate, formatShortDateTime } from '$lib/format';
import { DOCUMENT_KIND_LABELS, POSITION_STATUS_LABELS, STANCE_LABELS } from '$lib/positions';

const DONE: Record<string, string> = {
	nieuw: 'Het document is opgeslagen. Kies een thema om passages te vinden.',
	created: 'De beoordeling is opgeslagen als concept.',
	changed: 'De wijziging is opgeslagen; de vorige versie blijft bewaard.',
	unchanged: 'Er was niets veranderd.'
};

async function documentFor(event: { params: { document: string } }, gemeenteCode: string) {
	const doc = await documents.getDocument(event.params.document);
	if (!doc || doc.gemeenteCode !== gemeenteCode) error(404, 'Dit document bestaat niet (meer).');
	return doc;
}

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente } = await kringGemeenteContext(event);
	const doc = await documentFor(event, gemeente.code);
	const params = event.url.searchParams;
	const themes = await listThemes({ activeOnly: true });
	const preferred = themes.find((t) => kring.themeKeys.includes(t.key)) ?? themes[0];
	const theme = themes.find((t) => t.key === params.get('thema')) ?? preferred;
	const search = searchSchema.safeParse(params.get('zoek') ?? '');
	const query = search.success ? search.data : '';
	const partyId = doc.parties.find((p) => p.id === params.get('partij'))?.id ?? doc.parties[0]?.id ?? '';
	const passageId = Number(params.get('passage'));
	const [found, picked, existing] = await Promise.all([
		theme || query ? findPassages(doc.id, { words: theme?.searchWords ?? [], query }) : Promise.resolve([]),
		params.has('passage') ? passageById(doc.id, passageId) : Promise.resolve(null),
		positions.positionsOfDocument(doc.id)
	]);
	const current = existing.find((p) => p.partyId === partyId && p.themeKey === theme?.key) ?? null;
	const history = current ? await positions.positionHistory(current.id) : [];
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		document: { ...doc, kindLabel: DOCUMENT_KIND_LABELS[doc.kind], publishedOn: doc.publishedOn ? formatDate(doc.publishedOn) : null },
		themes: themes.map((t) => ({ key: t.key, label: t.label })),
		theme: theme ? { key: theme.key, label: theme.label, description: theme.description, searchWords: theme.searchWords } : null,
		query,
		searchError: search.success ? null : search.error.issues[0].message,
		passages: found,
		partyId,
		current: current && {
			id: current.id,
			stance: current.stance,
			quote: current.quote,
			page: current.page,
			section: current.section,
			note: current.note,
			statusLabel: POSITION_STATUS_LABELS[current.status],
			status: current.status
		},
		// What the form shows: a passage just picked, else the current assessment.
		prefill: {
			quote: picked?.body ?? current?.quote ?? '',
			page: picked ? (picked.page?.toString() ?? '') : (current?.page?.toString() ?? ''),
			section: picked ? (picked.section ?? '') : (current?.section ?? ''),
			stance: current?.stance ?? '',
			note: current?.note ?? ''
		},
		picked: picked !== null,
		history: history.map((v) => ({ ...v, at: formatShortDateTime(v.at), stanceLabel: STANCE_LABELS[v.stance], statusLabel: POSITION_STATUS_LABELS[v.status] })),
		assessed: existing.map((p) => ({
			id: p.id,
			partyId: p.partyId,
			partyName: p.partyName,
			themeKey: p.themeKey,
			themeLabel: p.themeLabel,
			stance: p.stance,
			statusLabel: POSITION_STATUS_LABELS[p.status]
		})),
		done: DONE[params.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { assess };

async function assess(event: RequestEvent) {
	const { gemeente, user } = await kringGemeenteContext(event);
	const doc = await documentFor(event, gemeente.code);
	const values = positions.readPositionForm(await event.request.formData());
	const parsed = positions.positionSchema.safeParse(values);
	if (!parsed.success) return formFailure(400, 'assess', { values, errors: fieldErrors(parsed.error.issues) });
	if (!doc.parties.some((p) => p.id === parsed.data.partyId)) {
		return formFailure(400, 'assess', { values, errors: { partyId: 'Dit document is niet van deze partij.' } });
	}
	const result = await positions.savePosition(user.id, doc.id, parsed.data);
	if (result === 'reason_required') {
		return formFailure(400, 'assess', { values, errors: { reason: 'Schrijf kort waarom je de beoordeling wijzigt; dat komt in de geschiedenis.' } });
	}
	if (result === 'evidence_required') return formFailure(400, 'assess', { values, errors: { quote: positions.NO_QUOTE_MESSAGE } });
	if (result === 'not_found') return formFailure(404, 'assess', { values, message: 'Deze partij, dit thema of dit document bestaat niet (meer).' });
	const search = new URLSearchParams({ thema: parsed.data.themeKey, partij: parsed.data.partyId, klaar: result });
	redirect(303, `${event.url.pathname}?${search}#beoordeling`);
}
