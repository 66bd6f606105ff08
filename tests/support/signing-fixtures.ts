// Test-data factories for the signing, invitation and coverage tests (integration, real local
// database). Each test gets its own gemeente without practices, so counts are exact even though
// the whole run shares one database.
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/platform/db';
import { allocateGemeente, allowCampaignStart } from './test-db';
import * as campaigns from '$lib/server/letter/campaigns';
import { openForSigning } from '$lib/server/letter/open-for-signing';
import type { SessionUser } from '$lib/server/auth/session';

export function uniqueTag(): string {
	return randomUUID().slice(0, 8);
}

export async function makeUsers(count: number, prefix: string, withName = false): Promise<SessionUser[]> {
	const tag = uniqueTag();
	const rows = Array.from({ length: count }, (_, i) => ({
		email: `${prefix}-${tag}-${i}@example.nl`,
		name: withName ? `Dokter ${prefix} ${i}` : null
	}));
	const { data, error } = await db().from('users').insert(rows).select('id, email, name');
	if (error) throw new Error(`makeUsers: ${error.message}`);
	return data as SessionUser[];
}

export async function makeUser(prefix = 'arts', withName = false): Promise<SessionUser> {
	return (await makeUsers(1, prefix, withName))[0];
}

/** A gemeente of this test's own: the seed does not touch it and no other test gets it. */
export async function emptyGemeente(): Promise<{ code: string; name: string }> {
	return allocateGemeente();
}

/** count practices in the gemeente (unique random AGB codes; retried on the rare clash). */
export async function makePractices(gemeenteCode: string, count: number): Promise<string[]> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const rows = Array.from({ length: count }, (_, i) => ({
			name: `Testpraktijk ${uniqueTag()} ${i}`,
			agb_code: `01${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
			gemeente_code: gemeenteCode
		}));
		if (new Set(rows.map((r) => r.agb_code)).size < rows.length) continue;
		const { data, error } = await db().from('practices').insert(rows).select('id');
		if (error?.code === '23505') continue;
		if (error) throw new Error(`makePractices: ${error.message}`);
		return data.map((row) => row.id as string);
	}
	throw new Error('makePractices: no free AGB codes');
}

export async function joinPractices(links: Array<{ practiceId: string; userId: string }>): Promise<void> {
	const { error } = await db()
		.from('practice_members')
		.insert(links.map((l) => ({ practice_id: l.practiceId, user_id: l.userId })));
	if (error) throw new Error(`joinPractices: ${error.message}`);
}

/** count huisartsen, perPractice of them in each new practice of the gemeente. */
export async function huisartsen(
	gemeenteCode: string,
	count: number,
	perPractice = 1
): Promise<Array<SessionUser & { practiceId: string }>> {
	const users = await makeUsers(count, 'huisarts');
	const practiceIds = await makePractices(gemeenteCode, Math.ceil(count / perPractice));
	const people = users.map((user, i) => ({ ...user, practiceId: practiceIds[Math.floor(i / perPractice)] }));
	await joinPractices(people.map((p) => ({ practiceId: p.practiceId, userId: p.id })));
	return people;
}

export async function makeCampaign(
	coordinator: SessionUser,
	gemeente: { code: string; name: string }
): Promise<campaigns.Campaign> {
	await allowCampaignStart(db(), coordinator.id, gemeente.code);
	const result = await campaigns.startCampaign(
		coordinator.id,
		{ gemeenteCode: gemeente.code, occasion: 'anders', customTitle: `Testbrief ${uniqueTag()}`, themes: ['wmo'] },
		gemeente.name
	);
	if (typeof result !== 'object' || !('id' in result)) throw new Error('makeCampaign: expected a new campaign');
	return (await campaigns.getCampaign(result.id))!;
}

export async function setStatus(
	campaign: campaigns.Campaign,
	actorId: string,
	from: campaigns.CampaignStatus,
	to: campaigns.CampaignStatus
): Promise<campaigns.Campaign> {
	// Opening fixes the asks, so it has its own step (open_for_signing), as in the app.
	const done =
		from === 'concept' && to === 'ter_ondertekening'
			? (await openForSigning(campaign.id, actorId)) !== null
			: await campaigns.changeStatus(campaign.id, actorId, from, to);
	if (!done) throw new Error(`setStatus ${from} → ${to}`);
	return (await campaigns.getCampaign(campaign.id))!;
}

export async function saveRevision(campaignId: string, authorId: string, text: string): Promise<number> {
	const { data, error } = await db().rpc('save_letter_revision', {
		p_campaign_id: campaignId,
		p_author_id: authorId,
		p_body_md: text,
		p_body_html: `<p>${text}</p>`
	});
	if (error || data === null) throw new Error(`saveRevision: ${error?.message ?? 'text is frozen'}`);
	return data;
}

/** Marks the letter as sent by hand (no parties needed). */
export async function markSent(campaign: campaigns.Campaign, actorId: string): Promise<void> {
	const fingerprint = await db().rpc('sending_fingerprint', { p_campaign_id: campaign.id });
	if (fingerprint.error) throw new Error(`markSent: ${fingerprint.error.message}`);
	const { data, error } = await db().rpc('send_letter', {
		p_campaign_id: campaign.id,
		p_actor_id: actorId,
		p_fingerprint: fingerprint.data,
		p_manual: true,
		p_deliveries: []
	});
	if (error || data !== 'sent') throw new Error(`markSent: ${error?.message ?? data}`);
}
