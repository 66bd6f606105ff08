// Test support for council work: a kring editor of a gemeente (a kring of its own covering it),
// the one role besides admins that may enter, import and theme council work there.
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/platform/db';
import type { SessionUser } from '$lib/server/auth/session';
import { emptyGemeente, huisartsen, makeUser } from './signing-fixtures';
import { saveManualAgendaItem, saveManualMeeting } from '$lib/server/council/meetings';

/** A new user who edits a new kring covering these gemeenten. */
export async function makeCouncilEditor(gemeenteCodes: string | string[], prefix = 'griffie'): Promise<SessionUser> {
	const user = await makeUser(prefix, true);
	const slug = `raad-${randomUUID().slice(0, 8)}`;
	const kring = await db().from('kringen').insert({ slug, name: `Kring ${slug}` }).select('id').single();
	if (kring.error) throw new Error(`makeCouncilEditor: ${kring.error.message}`);
	const codes = Array.isArray(gemeenteCodes) ? gemeenteCodes : [gemeenteCodes];
	const links = await db().from('kring_gemeenten').insert(codes.map((code) => ({ kring_id: kring.data.id, gemeente_code: code })));
	if (links.error) throw new Error(`makeCouncilEditor: ${links.error.message}`);
	const member = await db().from('memberships').insert({ user_id: user.id, role: 'kring_editor', kring_id: kring.data.id });
	if (member.error) throw new Error(`makeCouncilEditor: ${member.error.message}`);
	return user;
}

/** A gemeente of this test's own (no practices or parties of anyone else). */
export async function councilGemeente(): Promise<{ code: string; name: string }> {
	return emptyGemeente();
}

/** A gemeente of this test's own without an OpenBesluitvorming source, so "sync now" follows
 * only the sources the test adds. Takes a few gemeenten from the run's pool: use it sparingly. */
export async function gemeenteWithoutSource(): Promise<{ code: string; name: string }> {
	const { data, error } = await db().from('council_sources').select('gemeente_code');
	if (error) throw new Error(`gemeenteWithoutSource: ${error.message}`);
	const withSource = new Set(data.map((row) => row.gemeente_code));
	for (let attempt = 0; attempt < 40; attempt++) {
		const gemeente = await emptyGemeente();
		if (!withSource.has(gemeente.code)) return gemeente;
	}
	throw new Error('gemeenteWithoutSource: none left in this run');
}

/** A hand-entered meeting `hoursAhead` from now with one agenda item, as `editor`. */
export async function makeMeeting(editor: SessionUser, gemeenteCode: string, hoursAhead: number, title = 'Raadsvoorstel huisvesting huisartsenpraktijken in de nieuwbouwwijk') {
	const startsAt = new Date(Date.now() + hoursAhead * 3_600_000).toISOString();
	const meeting = await saveManualMeeting(editor.id, gemeenteCode, null, {
		kind: 'raadsvergadering',
		name: `Gemeenteraad ${randomUUID().slice(0, 6)}`,
		startsAt,
		endsAt: null,
		location: 'Raadzaal',
		url: null,
		status: 'gepland'
	});
	if (!meeting.ok) throw new Error(meeting.message);
	const item = await saveManualAgendaItem(editor.id, meeting.id, null, { parentId: null, number: '5', title, isHeading: false, documents: [] });
	if (!item.ok) throw new Error(item.message);
	return { meetingId: meeting.id, itemId: item.id, startsAt };
}

/** A huisarts whose practice in the gemeente is confirmed (may say they go to a meeting). */
export async function confirmedHuisarts(gemeenteCode: string, name: string): Promise<SessionUser> {
	const [person] = await huisartsen(gemeenteCode, 1);
	const updated = await db().from('users').update({ name }).eq('id', person.id);
	if (updated.error) throw new Error(updated.error.message);
	const confirmed = await db().from('practice_members').update({ confirmed_at: new Date().toISOString(), confirmed_how: 'kring' }).eq('user_id', person.id);
	if (confirmed.error) throw new Error(confirmed.error.message);
	return { ...person, name };
}
