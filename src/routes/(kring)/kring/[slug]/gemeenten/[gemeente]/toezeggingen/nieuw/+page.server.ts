// Recording a commitment: first where it comes from (?bron=antwoord|akkoord|motie|vergadering|
// begroting), then one form for that source. A coalitieakkoord clause is anchored to its passage:
// the editor searches the stored text (a GET form, works without JavaScript) and picks one. The
// promiser's reply link is shown once after recording (only its hash is stored).
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { commitmentContext } from '../commitment-context';
import { fieldErrors, formFailure } from '$lib/server/platform/forms';
import { listThemes } from '$lib/server/gemeenten/themes';
import { findPassages, searchSchema } from '$lib/server/positions/passages';
import * as commitments from '$lib/server/outcomes/commitments';
import { partiesToChoose } from '$lib/server/outcomes/said-and-did';
import { adoptedMotions, akkoordDocuments, answerOptions, askOptions, meetingOptions } from '$lib/server/outcomes/sources';
import { SOURCE_KINDS, type SourceKind } from '$lib/commitments';

const COLLEGE_FIRST: SourceKind[] = ['akkoord', 'motie', 'vergadering', 'begroting'];

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await commitmentContext(event);
	const params = event.url.searchParams;
	const kind = SOURCE_KINDS.find((k) => k === params.get('bron')) ?? null;
	const themes = (await listThemes({ activeOnly: true })).map((t) => ({ key: t.key, label: t.label, searchWords: t.searchWords }));
	const common = { kring: { slug: kring.slug, name: kring.name }, gemeente, base, kind, themes: themes.map(({ key, label }) => ({ key, label })) };
	if (!kind) return { ...common, choose: true as const };

	const [parties, asks, motions] = await Promise.all([partiesToChoose(gemeente.code), askOptions(gemeente.code), adoptedMotions(gemeente.code)]);
	const values = { ...commitments.emptyCommitmentValues(), sourceKind: kind, promiser: COLLEGE_FIRST.includes(kind) ? 'college' : 'partij' };
	const answers = kind === 'antwoord' ? await answerOptions(gemeente.code) : [];
	const chosenAnswer = answers.find((a) => a.value === params.get('antwoord'));
	if (chosenAnswer) {
		values.answer = chosenAnswer.value;
		values.themeKey = chosenAnswer.themeKey ?? '';
	}
	const meetings = kind === 'vergadering' ? await meetingOptions(gemeente.code) : [];
	const documents = kind === 'akkoord' ? await akkoordDocuments(gemeente.code) : [];
	const document = documents.find((d) => d.id === params.get('document')) ?? null;
	const search = searchSchema.safeParse(params.get('zoek') ?? '');
	const query = search.success ? search.data : '';
	const theme = themes.find((t) => t.key === params.get('thema')) ?? null;
	if (theme) values.themeKey = theme.key;
	const passages = document && (query || theme) ? await findPassages(document.id, { words: theme?.searchWords ?? [], query: query || undefined }) : [];
	if (document) values.documentId = document.id;
	return {
		...common,
		choose: false as const,
		values,
		parties,
		asks,
		motions,
		answers: answers.map((a) => ({ value: a.value, label: a.label })),
		meetings,
		documents,
		document,
		query,
		searchTheme: theme?.key ?? '',
		searchError: search.success ? null : (search.error.issues[0]?.message ?? null),
		passages
	};
};

export const actions: Actions = { record };

const REFUSED: Record<string, string> = {
	not_allowed: 'Je kunt in deze gemeente geen toezeggingen vastleggen.',
	source: 'De bron hoort niet bij deze gemeente, of zegt niet wat nodig is (een aangenomen motie, een passage uit een coalitieakkoord of collegeprogramma, een antwoord dat niet is ingetrokken).',
	party: 'Deze partij hoort niet bij de gemeente.',
	ask: 'Deze vraag komt niet uit een brief in deze gemeente.',
	promised_on: 'Geef de datum van de toezegging.',
	deadline: 'De termijn ligt vóór de datum van de toezegging (die volgt uit de bron). Kies een latere termijn of laat hem leeg.'
};

async function record(event: RequestEvent) {
	const { user, gemeente, base } = await commitmentContext(event);
	const values = commitments.readCommitmentForm(await event.request.formData());
	const themes = await listThemes({ activeOnly: true });
	const parsed = commitments.commitmentSchema(themes.map((t) => t.key)).safeParse(values);
	if (!parsed.success) return formFailure(400, 'record', { values, errors: fieldErrors(parsed.error.issues) });
	const result = await commitments.recordCommitment(user.id, gemeente.code, parsed.data);
	if (!result.ok) return formFailure(result.reason === 'not_allowed' ? 403 : 400, 'record', { values, message: REFUSED[result.reason] });
	// The reply link speaks for the party or college: it goes to their own addresses, and is shown
	// here (once) only when none is known, for the editor to pass on.
	return { action: 'record' as const, recorded: { id: result.id, url: result.mailed.length === 0 ? result.link : null, mailed: result.mailed, detail: `${base}/${result.id}` } };
}
