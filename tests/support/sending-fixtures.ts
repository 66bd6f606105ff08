// Test-data factories for the parties, sending, answer and reminder tests (integration, real
// local database). Each scenario gets a gemeente of its own without practices, parties or
// campaigns, so counts are exact although the whole run shares one database.
import { db } from '$lib/server/platform/db';
import { allocateGemeente, allowCampaignStart } from './test-db';
import * as campaigns from '$lib/server/letter/campaigns';
import { huisartsen, makeUser, setStatus, uniqueTag } from './signing-fixtures';
import { signLetter } from '$lib/server/letter/signatures';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { SessionUser } from '$lib/server/auth/session';

export { makeUser, uniqueTag };

/** A gemeente of this test's own: the seed does not touch it and no other test gets it. */
export async function freshGemeente(): Promise<{ code: string; name: string }> {
	return allocateGemeente();
}

export interface PartySpec {
	name: string;
	emails: string[];
}

/** Parties with their contact addresses, as `editorId` entered them; returns their ids by name. */
export async function makeParties(gemeenteCode: string, specs: PartySpec[], editorId: string | null = null): Promise<Record<string, string>> {
	const { data, error } = await db()
		.from('parties')
		.insert(specs.map((s) => ({ gemeente_code: gemeenteCode, name: s.name, updated_by: editorId })))
		.select('id, name');
	if (error) throw new Error(`makeParties: ${error.message}`);
	const ids = Object.fromEntries((data as Array<{ id: string; name: string }>).map((row) => [row.name, row.id]));
	const contacts = specs.flatMap((s) => s.emails.map((email) => ({ party_id: ids[s.name], email, updated_by: editorId })));
	if (contacts.length > 0) {
		const inserted = await db().from('party_contacts').insert(contacts);
		if (inserted.error) throw new Error(`makeParties: ${inserted.error.message}`);
	}
	return ids;
}

export interface SignerSpec {
	name: string;
	showName: boolean;
	verified?: boolean;
}

export interface Scenario {
	gemeente: { code: string; name: string };
	coordinator: SessionUser;
	campaign: campaigns.Campaign;
	partyIds: Record<string, string>;
}

/** A campaign open for signing, with signers and parties, ready to be sent. */
export async function campaignReadyToSend(options: {
	parties: PartySpec[];
	signers: SignerSpec[];
	letter?: string;
	coCoordinator?: boolean;
}): Promise<Scenario> {
	const gemeente = await freshGemeente();
	const coordinator = await makeUser('coordinator', true);
	await allowCampaignStart(db(), coordinator.id, gemeente.code);
	const created = await campaigns.startCampaign(
		coordinator.id,
		{ gemeenteCode: gemeente.code, occasion: 'anders', customTitle: `Testbrief ${uniqueTag()}`, themes: ['wmo', 'ggz'] },
		gemeente.name
	);
	if (typeof created !== 'object' || !('id' in created)) throw new Error('campaignReadyToSend: expected a new campaign');
	let campaign = (await campaigns.getCampaign(created.id))!;
	if (options.letter !== undefined) {
		const { error } = await db()
			.from('letter_revisions')
			.update({ body_md: options.letter, body_html: renderMarkdown(options.letter) })
			.eq('campaign_id', campaign.id);
		if (error) throw new Error(`campaignReadyToSend: ${error.message}`);
	}
	if (options.coCoordinator) {
		const co = await makeUser('mede', true);
		await db().from('memberships').insert({ user_id: co.id, role: 'campaign_coordinator', campaign_id: campaign.id });
	}
	campaign = await setStatus(campaign, coordinator.id, 'concept', 'ter_ondertekening');
	const people = options.signers.length > 0 ? await huisartsen(gemeente.code, options.signers.length) : [];
	for (const [i, person] of people.entries()) {
		const spec = options.signers[i];
		const result = await signLetter(campaign.id, person, {
			practiceId: person.practiceId,
			signerName: spec.name,
			bigNumber: String(10000000000 + Math.floor(Math.random() * 8e10)),
			showName: spec.showName
		});
		if (result !== 'signed') throw new Error(`campaignReadyToSend: signing gave ${result}`);
		if (spec.verified) {
			await db().from('signatures').update({ verified_at: new Date().toISOString() }).eq('user_id', person.id);
		}
	}
	// Entered by the coordinator who sends: addresses someone else changed need an explicit check.
	const partyIds = await makeParties(gemeente.code, options.parties, coordinator.id);
	return { gemeente, coordinator, campaign, partyIds };
}

/** The answer tokens in a campaign's queued e-mails, by recipient address. */
export async function tokensInOutbox(toAddress: string): Promise<string[]> {
	const { data, error } = await db().from('outbox').select('text_body').eq('to_address', toAddress).order('created_at');
	if (error) throw new Error(`tokensInOutbox: ${error.message}`);
	return (data as Array<{ text_body: string }>).flatMap((row) => [...row.text_body.matchAll(/\/reageer\/([a-z2-7]{24})/g)].map((m) => m[1]));
}
