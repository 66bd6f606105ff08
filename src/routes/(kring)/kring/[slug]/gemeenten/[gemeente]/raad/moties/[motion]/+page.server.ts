// One motion for the kring's editors: change it (entered by hand) or, for an imported one, add
// hand-entered votes with their source; confirm its care themes (suggested from its title and
// text); remove it after a confirmation. Votes that do not add up are refused with a Dutch message.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { councilContext } from '../../council-context';
import { CONFIRM_MESSAGE, formFailure, formString, isConfirmed } from '$lib/server/platform/forms';
import { getMotion, saveManualMotion, saveManualVotes, type Motion } from '$lib/server/council/motions';
import { deleteMotion, REMOVE_REFUSED } from '$lib/server/council/removals';
import { setThemes, suggestThemes } from '$lib/server/council/themes';
import { listThemes } from '$lib/server/gemeenten/themes';
import { MOTION_RESULTS, PARTY_VOTES, VOTE_SOURCES } from '$lib/council';
import { formatShortDate } from '$lib/format';
import { motionFormData } from '../../motion-data';
import { motionErrors, motionInput, motionValues, votesInput, type MotionValues } from '../../motion-form';

const DONE: Record<string, string> = {
	nieuw: "De motie is opgeslagen. Kies nu de zorgthema's, dan komt ze op de openbare pagina.",
	opgeslagen: 'De motie is opgeslagen.',
	stemmen: 'De stemmen zijn opgeslagen.',
	themas: "De thema's zijn opgeslagen."
};

async function motionOf(gemeenteCode: string, id: string): Promise<Motion> {
	const motion = /^[0-9a-f-]{36}$/i.test(id) ? await getMotion(id) : null;
	if (!motion || motion.gemeenteCode !== gemeenteCode) error(404, 'Deze motie bestaat niet (meer).');
	return motion;
}

function valuesOf(motion: Motion): MotionValues {
	const manual = motion.votes.filter((v) => v.source === 'manual');
	const values: MotionValues = {
		meetingId: motion.meetingId ?? '',
		agendaItemId: motion.agendaItemId ?? '',
		title: motion.title,
		type: motion.type,
		decidedOn: motion.decidedOn ?? '',
		result: motion.result ?? '',
		hamerstuk: motion.hamerstuk ? 'ja' : '',
		text: motion.text ?? '',
		url: motion.url ?? '',
		sourceDocument: manual[0]?.sourceDocument ?? 'besluitenlijst',
		sourceUrl: manual[0]?.sourceUrl ?? '',
		sourcePage: manual[0]?.sourcePage ? String(manual[0].sourcePage) : ''
	};
	for (const s of motion.submitters) values[`submitter-${s.partyId}`] = s.role;
	for (const v of manual) values[`vote-${v.partyId}`] = v.vote;
	return values;
}

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await councilContext(event);
	const motion = await motionOf(gemeente.code, event.params.motion);
	const [formData, themes, suggestions] = await Promise.all([
		motionFormData(gemeente.code, motion.meetingId),
		listThemes({ activeOnly: true }),
		suggestThemes([{ id: motion.id, text: [motion.title, motion.text ?? ''].join('\n') }])
	]);
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		base,
		...formData,
		motion: {
			id: motion.id,
			title: motion.title,
			manual: motion.source === 'handmatig',
			typeLabel: motion.type === 'amendement' ? 'Amendement' : 'Motie',
			result: motion.result ? MOTION_RESULTS[motion.result] : 'Nog niet besloten',
			decidedOn: motion.decidedOn ? formatShortDate(motion.decidedOn) : null,
			sourceStatus: motion.sourceStatus,
			voteSummary: motion.voteSummary,
			text: motion.text,
			url: motion.url,
			themes: motion.themes,
			importedVotes: motion.votes
				.filter((v) => v.source !== 'manual')
				.map((v) => ({ partyName: v.partyName, vote: PARTY_VOTES[v.vote], source: VOTE_SOURCES[v.source] }))
		},
		values: valuesOf(motion),
		themes: themes.map((t) => ({ key: t.key, label: t.label })),
		suggested: (suggestions.get(motion.id) ?? []).filter((key) => !motion.themes.includes(key)),
		done: DONE[event.url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { save, votes, themes, remove };

function back(event: RequestEvent, base: string, done: string, anchor: string): never {
	redirect(303, `${base}/moties/${event.params.motion}?klaar=${done}#${anchor}`);
}

async function save(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const { parties } = await motionFormData(gemeente.code, null);
	const ids = parties.map((p) => p.id);
	const values = motionValues(await event.request.formData(), ids);
	const saved = await saveManualMotion(user.id, gemeente.code, event.params.motion, motionInput(values, ids));
	if (!saved.ok) return formFailure(400, 'save', { values, message: saved.message, errors: motionErrors(saved.fieldErrors) });
	back(event, base, 'opgeslagen', 'motie-kop');
}

async function votes(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const { parties } = await motionFormData(gemeente.code, null);
	const ids = parties.map((p) => p.id);
	const values = motionValues(await event.request.formData(), ids);
	const saved = await saveManualVotes(user.id, gemeente.code, event.params.motion, votesInput(values, ids));
	if (!saved.ok) return formFailure(400, 'votes', { values, message: saved.message, errors: motionErrors(saved.fieldErrors) });
	back(event, base, 'stemmen', 'stemmen-kop');
}

async function themes(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const keys = (await event.request.formData()).getAll('themes').filter((v): v is string => typeof v === 'string');
	const result = await setThemes(user.id, gemeente.code, 'motion', event.params.motion, keys);
	if (result !== 'saved') return formFailure(400, 'themes', { message: result === 'unknown_theme' ? 'Kies bestaande thema’s.' : REMOVE_REFUSED.not_found });
	back(event, base, 'themas', 'themas-kop');
}

async function remove(event: RequestEvent) {
	const { gemeente, user, base } = await councilContext(event);
	const form = await event.request.formData();
	if (!isConfirmed(form)) return formFailure(400, 'remove', { errors: { confirm: CONFIRM_MESSAGE } });
	const meetingId = formString(form, 'meeting');
	const result = await deleteMotion(user.id, gemeente.code, event.params.motion);
	if (result !== 'deleted') return formFailure(409, 'remove', { message: REMOVE_REFUSED[result] });
	redirect(303, meetingId ? `${base}/vergaderingen/${meetingId}#moties-kop` : `${base}?klaar=verwijderd`);
}
