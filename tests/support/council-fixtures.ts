// Test support for council work: a kring editor of a gemeente (a kring of its own covering it),
// the one role besides admins that may enter, import and theme council work there.
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/platform/db';
import type { SessionUser } from '$lib/server/auth/session';
import { makeUser } from './signing-fixtures';

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
