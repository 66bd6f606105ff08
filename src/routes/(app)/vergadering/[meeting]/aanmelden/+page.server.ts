// Going to a council meeting together: a huisarts with a confirmed practice in the gemeente says
// they come (and on which agenda item they want to speak), and whether their name may be public;
// colleagues see who else goes. Everyone else gets a Dutch explanation of who may sign up.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadRoles, mayAttendMeeting, maySeeWhoAttends, requireUser } from '$lib/server/auth/permissions';
import { getMeeting, type AgendaItem } from '$lib/server/council/meetings';
import { ATTEND_REFUSED, attendeesOf, setAttendance, withdrawAttendance } from '$lib/server/council/attendance';
import { findGemeente } from '$lib/server/gemeenten/gemeenten';
import { formFailure, formString } from '$lib/server/platform/forms';
import { formatDateTime } from '$lib/format';

const DONE: Record<string, string> = {
	aangemeld: 'Je staat op de lijst. De dag voor de vergadering krijg je een herinnering.',
	afgemeld: 'Je bent afgemeld.'
};

async function context(event: { params: { meeting: string }; locals: App.Locals; url: URL }) {
	const user = requireUser(event.locals, event.url);
	const meeting = /^[0-9a-f-]{36}$/i.test(event.params.meeting) ? await getMeeting(event.params.meeting) : null;
	if (!meeting) error(404, 'Deze vergadering bestaat niet (meer).');
	const [roles, gemeente] = await Promise.all([loadRoles(user.id), findGemeente(meeting.gemeenteCode)]);
	return { user, roles, meeting, gemeente };
}

function flat(items: AgendaItem[], depth = 0): Array<{ id: string; label: string }> {
	return items.flatMap((i) => [{ id: i.id, label: `${'— '.repeat(depth)}${i.number ? `${i.number}. ` : ''}${i.title}` }, ...flat(i.children, depth + 1)]);
}

export const load: PageServerLoad = async (event) => {
	const { user, roles, meeting, gemeente } = await context(event);
	const code = meeting.gemeenteCode;
	const attendees = maySeeWhoAttends(roles, code) ? await attendeesOf(meeting.id) : [];
	const mine = attendees.find((a) => a.userId === user.id) ?? null;
	return {
		gemeente: { name: gemeente?.displayName ?? code, slug: gemeente?.slug ?? code },
		meeting: { id: meeting.id, name: meeting.name, when: formatDateTime(meeting.startsAt), location: meeting.location, upcoming: Date.parse(meeting.startsAt) > Date.now() && meeting.status !== 'geannuleerd' },
		items: flat(meeting.agenda),
		mayAttend: mayAttendMeeting(roles, code),
		seesWho: maySeeWhoAttends(roles, code),
		others: attendees.filter((a) => a.userId !== user.id).map((a) => ({ name: a.name, speaksOn: a.speaksOn?.title ?? null })),
		mine: mine ? { speaksOn: mine.speaksOn?.id ?? '', namePublic: mine.namePublic } : null,
		done: DONE[event.url.searchParams.get('klaar') ?? ''] ?? null
	};
};

export const actions: Actions = { attend, withdraw };

async function attend(event: RequestEvent) {
	const { user, meeting } = await context(event);
	const form = await event.request.formData();
	const values = { speaksOn: formString(form, 'speaksOn'), namePublic: formString(form, 'namePublic') === 'ja' };
	const result = await setAttendance(user.id, meeting.id, { speaksOn: values.speaksOn || null, namePublic: values.namePublic });
	if (result !== 'saved') return formFailure(result === 'not_allowed' ? 403 : 400, 'attend', { values, message: ATTEND_REFUSED[result] });
	redirect(303, `/vergadering/${meeting.id}/aanmelden?klaar=aangemeld#aanmelden-kop`);
}

async function withdraw(event: RequestEvent) {
	const { user, meeting } = await context(event);
	await withdrawAttendance(user.id, meeting.id);
	redirect(303, `/vergadering/${meeting.id}/aanmelden?klaar=afgemeld#aanmelden-kop`);
}
