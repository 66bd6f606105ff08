// The commitments of one gemeente, for its kring editors: every promise with where it stands, the
// overdue ones first; and the parties' answers that may hold a promise, each a click away from
// being recorded.
import type { PageServerLoad } from './$types';
import { commitmentContext } from './commitment-context';
import { commitmentsInGemeente } from '$lib/server/outcomes/commitments';
import { answerOptions } from '$lib/server/outcomes/sources';
import { dutchDay } from '$lib/server/outcomes/policy-cycle';
import { isOverdue } from '$lib/commitments';

export const load: PageServerLoad = async (event) => {
	const { kring, gemeente, base } = await commitmentContext(event);
	const [all, answers] = await Promise.all([commitmentsInGemeente(gemeente.code), answerOptions(gemeente.code)]);
	const today = dutchDay(new Date());
	const recorded = new Set(all.filter((c) => c.responseId && c.askId).map((c) => `${c.responseId}:${c.askId}`));
	const rows = all.map((c) => ({
		id: c.id,
		body: c.body,
		who: c.promiser === 'college' ? 'College' : (c.partyName ?? 'Partij'),
		theme: c.themeLabel,
		status: c.status,
		statusOn: c.statusOn,
		deadline: c.deadline,
		overdue: isOverdue(c.deadline, c.status, today),
		steps: c.updates.length,
		reactions: c.updates.filter((u) => u.reaction).length
	}));
	return {
		kring: { slug: kring.slug, name: kring.name },
		gemeente,
		base,
		commitments: [...rows.filter((r) => r.overdue), ...rows.filter((r) => !r.overdue)],
		answers: answers.filter((a) => (a.answer === 'ja' || a.answer === 'deels') && !recorded.has(a.value)).slice(0, 40)
	};
};
