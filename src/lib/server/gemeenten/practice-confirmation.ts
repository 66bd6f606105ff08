// Confirming who works in which practice: a self-added practice (or joining one) gives the rights
// of a huisarts of the gemeente (starting a letter) only once someone who may vouch for it confirms
// it: an editor of a kring that covers the gemeente, an admin, or a verified huisarts with a
// confirmed practice there (confirm_practice_member checks, and refuses one's own). The huisarts
// can ask them by e-mail, once a day per practice.
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { enqueueMails } from '../platform/mail';
import { mailName } from '../platform/names';
import { consume, release } from '../platform/rate-limit';
import { mayConfirmPracticeMembers, type Roles } from '../auth/permissions';

export interface PendingMember {
	practiceId: string;
	practiceName: string;
	agbCode: string;
	address: string | null;
	gemeenteCode: string;
	gemeenteName: string;
	userId: string;
	name: string | null;
	email: string;
	/** The BIG number on their profile, and whether it was verified. */
	bigNumber: string | null;
	verified: boolean;
	joinedAt: string;
}

/** Unconfirmed memberships in the gemeenten where these roles may confirm (not one's own). */
export async function pendingConfirmations(roles: Roles): Promise<PendingMember[]> {
	let query = db()
		.from('practice_members')
		.select(
			'practice_id, user_id, created_at, practices!inner(name, agb_code, address, gemeente_code, gemeenten(name)), member:users!practice_members_user_id_fkey(name, email, big_number, big_verified_at, big_verified_number)'
		)
		.is('confirmed_at', null)
		.neq('user_id', roles.userId)
		.order('created_at');
	if (!roles.admin) {
		const gemeenten = [...new Set([...roles.kringGemeenten, ...(roles.verified ? roles.confirmedPracticeGemeenten : [])])];
		if (gemeenten.length === 0) return [];
		query = query.in('practices.gemeente_code', gemeenten);
	}
	const { data, error } = await query.limit(500);
	if (error) throw new Error(`pendingConfirmations: ${error.message}`);
	return data
		.filter((row) => mayConfirmPracticeMembers(roles, row.practices.gemeente_code))
		.map((row) => ({
			practiceId: row.practice_id,
			practiceName: row.practices.name,
			agbCode: row.practices.agb_code,
			address: row.practices.address,
			gemeenteCode: row.practices.gemeente_code,
			gemeenteName: row.practices.gemeenten?.name ?? row.practices.gemeente_code,
			userId: row.user_id,
			name: row.member?.name ?? null,
			email: row.member?.email ?? '',
			bigNumber: row.member?.big_number ?? null,
			verified: Boolean(row.member?.big_verified_at && row.member.big_verified_number === row.member.big_number),
			joinedAt: row.created_at
		}));
}

export type ConfirmResult = 'confirmed' | 'already' | 'not_found' | 'self' | 'not_allowed';

export async function confirmMember(actorId: string, practiceId: string, userId: string): Promise<ConfirmResult> {
	const { data, error } = await db().rpc('confirm_practice_member', {
		p_actor_id: actorId,
		p_practice_id: practiceId,
		p_user_id: userId
	});
	if (error?.code === '22P02') return 'not_found';
	if (error) throw new Error(`confirmMember: ${error.message}`);
	return oneOf(data, ['confirmed', 'already', 'not_found', 'self', 'not_allowed'], 'confirmMember');
}

/** Who may confirm in this gemeente and can be asked by mail: kring editors, and verified
 * huisartsen with a confirmed practice there (at most ten; admins are not mailed). */
async function confirmersIn(gemeenteCode: string, exceptUserId: string): Promise<Array<{ email: string; name: string | null }>> {
	const [editors, colleagues] = await Promise.all([
		db()
			.from('kring_gemeenten')
			.select('kringen(memberships(role, users(email, name)))')
			.eq('gemeente_code', gemeenteCode),
		db()
			.from('practice_members')
			.select('user_id, practices!inner(gemeente_code), member:users!practice_members_user_id_fkey(email, name, big_number, big_verified_at, big_verified_number)')
			.eq('practices.gemeente_code', gemeenteCode)
			.not('confirmed_at', 'is', null)
			.neq('user_id', exceptUserId)
	]);
	if (editors.error) throw new Error(`confirmersIn: ${editors.error.message}`);
	if (colleagues.error) throw new Error(`confirmersIn: ${colleagues.error.message}`);
	const kring = editors.data.flatMap((row) =>
		(row.kringen?.memberships ?? []).flatMap((m) => (m.role === 'kring_editor' && m.users ? [m.users] : []))
	);
	const verified = colleagues.data.flatMap((row) =>
		row.member && row.member.big_verified_at && row.member.big_verified_number === row.member.big_number ? [row.member] : []
	);
	const byEmail = new Map([...kring, ...verified].map((person) => [person.email, { email: person.email, name: person.name }]));
	return [...byEmail.values()].slice(0, 10);
}

const ONCE_A_DAY = { name: 'ask-confirmation', max: 1, windowSeconds: 24 * 60 * 60 };

/** Mails the people who may confirm this huisarts's membership of a practice. Returns how many
 * were asked, 'already_today', 'not_member' (or already confirmed) or 'nobody' (nobody to ask yet). */
export async function askForConfirmation(
	user: { id: string; email: string; name: string | null },
	practiceId: string
): Promise<number | 'already_today' | 'not_member' | 'nobody'> {
	const { data, error } = await db()
		.from('practice_members')
		.select('confirmed_at, practices(name, agb_code, gemeente_code, gemeenten(name))')
		.eq('user_id', user.id)
		.eq('practice_id', practiceId)
		.maybeSingle();
	if (error?.code === '22P02') return 'not_member';
	if (error) throw new Error(`askForConfirmation: ${error.message}`);
	if (!data || !data.practices || data.confirmed_at) return 'not_member';
	const practice = data.practices;
	const people = await confirmersIn(practice.gemeente_code, user.id);
	if (people.length === 0) return 'nobody';
	if (!(await consume(ONCE_A_DAY, `${user.id}:${practiceId}`))) return 'already_today';
	const who = `${mailName(user.name, 'Een huisarts')} (${user.email})`;
	try {
		await enqueueMails(
			people.map((person) => ({
				to: person.email,
				replyTo: user.email,
				subject: `Werkt ${mailName(user.name, 'deze huisarts')} bij ${practice.name}? Graag je bevestiging`,
				text: [
					`Beste ${mailName(person.name, 'collega')},`,
					'',
					`${who} zegt te werken bij ${practice.name} (AGB ${practice.agb_code}) in ${practice.gemeenten?.name ?? practice.gemeente_code}, en vraagt je dat te bevestigen.`,
					'',
					'Pas na een bevestiging kan deze huisarts in Laat je horen een brief beginnen namens de huisartsen van de gemeente. Bevestig alleen als je het zeker weet; anders kun je deze e-mail negeren, of antwoorden om het na te vragen.',
					'',
					`Bevestigen: ${publicOrigin()}/bevestigen`,
					'',
					'— Laat je horen'
				].join('\n')
			}))
		);
	} catch (failure) {
		await release(ONCE_A_DAY, `${user.id}:${practiceId}`);
		throw failure;
	}
	return people.length;
}
