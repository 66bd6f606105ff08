// What the motion pages need besides the motion: the gemeente's parties, its meetings to choose
// from, and the agenda of one meeting (flattened, in agenda order).
import { db } from '$lib/server/platform/db';
import { partiesInGemeente } from '$lib/server/gemeenten/parties';
import { getMeeting, type AgendaItem } from '$lib/server/council/meetings';
import { formatShortDate } from '$lib/format';

function flat(items: AgendaItem[], depth = 0): Array<{ id: string; label: string }> {
	return items.flatMap((i) => [{ id: i.id, label: `${'— '.repeat(depth)}${i.number ? `${i.number}. ` : ''}${i.title}` }, ...flat(i.children, depth + 1)]);
}

export async function motionFormData(gemeenteCode: string, meetingId: string | null) {
	const [parties, meetings, meeting] = await Promise.all([
		partiesInGemeente(gemeenteCode),
		db().from('meetings').select('id, name, starts_at').eq('gemeente_code', gemeenteCode).order('starts_at', { ascending: false }).limit(200),
		meetingId && /^[0-9a-f-]{36}$/i.test(meetingId) ? getMeeting(meetingId) : Promise.resolve(null)
	]);
	if (meetings.error) throw new Error(meetings.error.message);
	const own = meeting && meeting.gemeenteCode === gemeenteCode ? meeting : null;
	return {
		parties: parties.map((p) => ({ id: p.id, name: p.name })),
		meetings: meetings.data.map((m) => ({ id: m.id, label: `${m.name}, ${formatShortDate(m.starts_at)}` })),
		meeting: own ? { id: own.id, name: own.name } : null,
		agendaItems: own ? flat(own.agenda) : []
	};
}
