// Confirming who works in which practice: only those who may vouch in the gemeente can confirm,
// nobody their own; a confirmation is recorded with who and as what; asking for one mails the kring
// editors and verified colleagues there, once a day.
import { describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import { emptyGemeente, huisartsen, makeUser } from '$test/signing-fixtures';
import { askForConfirmation, confirmMember, pendingConfirmations } from './practice-confirmation';
import { practicesOfUser } from './practices';
import { loadRoles, mayStartLetter } from '../auth/permissions';

const { service } = connectTestDatabase();

async function verified(userId: string) {
	const number = String(Math.floor(1e10 + Math.random() * 8e10));
	await service.from('users').update({ big_number: number, big_verified_at: new Date().toISOString(), big_verified_number: number, big_verified_method: 'hand' }).eq('id', userId);
}

describe('confirming practice memberships', () => {
	it('a kring editor confirms; then the huisarts may start a letter there', async () => {
		const gemeente = await emptyGemeente();
		const [newcomer] = await huisartsen(gemeente.code, 1);
		const editor = await makeUser('kring', true);
		await allowCampaignStart(service, editor.id, gemeente.code);

		expect(mayStartLetter(await loadRoles(newcomer.id), gemeente.code)).toBe(false);
		const pending = await pendingConfirmations(await loadRoles(editor.id));
		expect(pending.map((p) => p.userId)).toContain(newcomer.id);
		expect(await confirmMember(editor.id, newcomer.practiceId, newcomer.id)).toBe('confirmed');
		expect(await confirmMember(editor.id, newcomer.practiceId, newcomer.id)).toBe('already');
		expect(mayStartLetter(await loadRoles(newcomer.id), gemeente.code)).toBe(true);
		const [mine] = await practicesOfUser(newcomer.id);
		expect(mine.confirmed).toMatchObject({ how: 'kring', by: editor.name });
		const audit = await service.from('audit_log').select('actor_id, details').eq('action', 'practice_member_confirmed').eq('entity_id', newcomer.practiceId);
		expect(audit.data).toEqual([{ actor_id: editor.id, details: expect.objectContaining({ user: newcomer.id, how: 'kring' }) }]);
	});

	it('a colleague may confirm only when verified and confirmed there; nobody confirms their own; strangers never', async () => {
		const gemeente = await emptyGemeente();
		const [colleague, newcomer] = await huisartsen(gemeente.code, 2);
		const stranger = await makeUser('vreemde', true);
		expect(await confirmMember(stranger.id, newcomer.practiceId, newcomer.id)).toBe('not_allowed');
		expect(await confirmMember(colleague.id, newcomer.practiceId, newcomer.id)).toBe('not_allowed');
		await service.from('practice_members').update({ confirmed_at: new Date().toISOString(), confirmed_how: 'kring' }).eq('user_id', colleague.id);
		expect(await confirmMember(colleague.id, newcomer.practiceId, newcomer.id)).toBe('not_allowed');
		await verified(colleague.id);
		expect(await confirmMember(newcomer.id, newcomer.practiceId, newcomer.id)).toBe('self');
		expect(await confirmMember(colleague.id, newcomer.practiceId, newcomer.id)).toBe('confirmed');
		expect((await practicesOfUser(newcomer.id))[0].confirmed?.how).toBe('collega');
		// A confirmed, verified huisarts elsewhere has no say here.
		const [other] = await huisartsen((await emptyGemeente()).code, 1);
		await service.from('practice_members').update({ confirmed_at: new Date().toISOString() }).eq('user_id', other.id);
		await verified(other.id);
		const [third] = await huisartsen(gemeente.code, 1);
		expect(await confirmMember(other.id, third.practiceId, third.id)).toBe('not_allowed');
		expect((await pendingConfirmations(await loadRoles(other.id))).map((p) => p.userId)).not.toContain(third.id);
	});

	it('asking for a confirmation mails who may give it, once a day, and says so when nobody can', async () => {
		const gemeente = await emptyGemeente();
		const [newcomer] = await huisartsen(gemeente.code, 1);
		expect(await askForConfirmation(newcomer, newcomer.practiceId)).toBe('nobody');
		const editor = await makeUser('kring-gevraagd', true);
		await allowCampaignStart(service, editor.id, gemeente.code);
		expect(await askForConfirmation(newcomer, newcomer.practiceId)).toBe(1);
		expect(await askForConfirmation(newcomer, newcomer.practiceId)).toBe('already_today');
		const mail = await service.from('outbox').select('subject, text_body, reply_to').eq('to_address', editor.email).single();
		expect(mail.data?.text_body).toContain('/bevestigen');
		expect(mail.data?.reply_to).toBe(newcomer.email);
		expect(await askForConfirmation(newcomer, '00000000-0000-4000-8000-000000000000')).toBe('not_member');
	});
});
