// A gemeente's parties and their contact addresses: changes stay within the gemeente, only those
// who may keep the list can make them (the database refuses the rest), each change is attributed
// to the gemeente (so every letter there shows it) and mails the coordinators of the other letters.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import * as parties from './parties';
import { freshGemeente, makeUser } from '$test/sending-fixtures';
import type { SessionUser } from '../auth/session';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

/** A kring editor of the gemeente: one of those who keep its party list. */
async function keeper(gemeente: { code: string }): Promise<SessionUser> {
	const user = await makeUser('partijen', true);
	await allowCampaignStart(service, user.id, gemeente.code);
	return user;
}

describe('parties and contacts', () => {
	it('adds, renames and removes within the gemeente only, with an audit entry per change', async () => {
		const gemeente = await freshGemeente();
		const other = await freshGemeente();
		const user = await keeper(gemeente);
		await allowCampaignStart(service, user.id, other.code);
		const created = await parties.saveParty(user, gemeente, null, { name: 'Volt', abbreviation: 'V' });
		if (typeof created === 'string') throw new Error(created);
		expect(await parties.saveParty(user, gemeente, null, { name: 'Volt', abbreviation: '' })).toBe('exists');
		expect(await parties.saveParty(user, other, created.id, { name: 'Gekaapt', abbreviation: '' })).toBe('not_found');
		expect(await parties.saveParty(user, gemeente, 'geen-uuid', { name: 'X', abbreviation: '' })).toBe('not_found');

		expect(await parties.saveContact(user, gemeente, created.id, null, { email: 'a@volt.example', role: 'fractie', name: '' })).toBe('saved');
		expect(await parties.saveContact(user, gemeente, created.id, null, { email: 'a@volt.example', role: 'anders', name: '' })).toBe('exists');
		expect(await parties.saveContact(user, other, created.id, null, { email: 'b@volt.example', role: 'fractie', name: '' })).toBe('not_found');
		const [volt] = await parties.partiesInGemeente(gemeente.code);
		const contactId = volt.contacts[0].id;
		expect(await parties.saveContact(user, gemeente, created.id, contactId, { email: 'lijst@volt.example', role: 'lijsttrekker', name: 'Els' })).toBe('saved');
		expect(await parties.removeContact(user, other, contactId)).toBe('not_found');
		const [contact] = (await parties.partiesInGemeente(gemeente.code))[0].contacts;
		expect(contact).toMatchObject({ id: contactId, email: 'lijst@volt.example', role: 'lijsttrekker', name: 'Els' });
		expect(contact.changed.by).toBe(`${user.name} (${user.email})`);
		expect(await parties.removeContact(user, gemeente, contactId)).toBe('removed');

		expect(await parties.saveParty(user, gemeente, created.id, { name: 'Volt Nederland', abbreviation: 'Volt' })).toEqual(created);
		expect(await parties.removeParty(user, other, created.id)).toBe('not_found');
		expect(await parties.removeParty(user, gemeente, created.id)).toBe('removed');
		expect(await parties.partiesInGemeente(gemeente.code)).toEqual([]);

		const audit = await service
			.from('audit_log')
			.select('action, actor_id')
			.eq('entity', 'gemeente')
			.eq('entity_id', gemeente.code)
			.order('id');
		expect(audit.data?.map((a) => a.action)).toEqual([
			'party_added',
			'party_contact_added',
			'party_contact_updated',
			'party_contact_removed',
			'party_updated',
			'party_removed'
		]);
		expect(audit.data?.every((a) => a.actor_id === user.id)).toBe(true);
	});

	it('keeps a party that a vote or a motion is about: removing it is refused as in use', async () => {
		const gemeente = await freshGemeente();
		const user = await keeper(gemeente);
		const [voter, submitter, unused] = await Promise.all(
			['Stemmers', 'Indieners', 'Los'].map(async (name) => {
				const party = await parties.saveParty(user, gemeente, null, { name, abbreviation: '' });
				if (typeof party === 'string') throw new Error(party);
				return party;
			})
		);
		const motion = await service
			.from('motions')
			.insert({ gemeente_code: gemeente.code, title: 'Motie huisartsenzorg in nieuwbouw', type: 'motie', result: 'aangenomen' })
			.select('id')
			.single();
		if (!motion.data) throw new Error(motion.error?.message);
		await service.from('motion_party_votes').insert({ motion_id: motion.data.id, party_id: voter.id, vote: 'voor', source: 'summary' });
		await service.from('motion_submitters').insert({ motion_id: motion.data.id, party_id: submitter.id, role: 'indiener' });
		expect(await parties.removeParty(user, gemeente, voter.id)).toBe('in_use');
		expect(await parties.removeParty(user, gemeente, submitter.id)).toBe('in_use');
		expect(await parties.removeParty(user, gemeente, unused.id)).toBe('removed');
		expect((await parties.partiesInGemeente(gemeente.code)).map((p) => p.name).sort()).toEqual(['Indieners', 'Stemmers']);
	});

	it('refuses anyone who may not keep the list, and writes nothing for them', async () => {
		const gemeente = await freshGemeente();
		const stranger = await makeUser('vreemde', true);
		const owner = await keeper(gemeente);
		const party = await parties.saveParty(owner, gemeente, null, { name: 'VVD', abbreviation: 'VVD' });
		if (typeof party === 'string') throw new Error(party);
		const contact = { email: 'vreemde@evil.example', role: 'fractie' as const, name: '' };
		expect(await parties.saveContact(stranger, gemeente, party.id, null, contact)).toBe('not_allowed');
		expect(await parties.saveParty(stranger, gemeente, null, { name: 'Nep', abbreviation: '' })).toBe('not_allowed');
		expect(await parties.saveParty(stranger, gemeente, party.id, { name: 'Gekaapt', abbreviation: '' })).toBe('not_allowed');
		expect(await parties.removeParty(stranger, gemeente, party.id)).toBe('not_allowed');
		const [vvd] = await parties.partiesInGemeente(gemeente.code);
		expect(vvd).toMatchObject({ name: 'VVD', contacts: [] });
	});

	it('tells the coordinators of the gemeente\'s other open letters who changed what', async () => {
		const gemeente = await freshGemeente();
		const owner = await keeper(gemeente);
		const coordinator = await makeUser('andere-brief', true);
		await allowCampaignStart(service, coordinator.id, gemeente.code);
		const campaign = await service
			.from('campaigns')
			.insert({ gemeente_code: gemeente.code, occasion: 'begroting', title: 'Een andere brief', occasion_key: 'begroting' })
			.select('id')
			.single();
		await service.from('memberships').insert({ user_id: coordinator.id, role: 'campaign_coordinator', campaign_id: campaign.data!.id });
		const party = await parties.saveParty(owner, gemeente, null, { name: 'D66', abbreviation: '' });
		if (typeof party === 'string') throw new Error(party);
		expect(await parties.saveContact(owner, gemeente, party.id, null, { email: 'fractie@d66.example', role: 'fractie', name: '' })).toBe('saved');
		const mails = await service.from('outbox').select('subject, text_body').eq('to_address', coordinator.email).order('created_at');
		expect(mails.data?.map((m) => m.subject)).toEqual([
			`De partijenlijst van ${gemeente.name} is gewijzigd`,
			`De partijenlijst van ${gemeente.name} is gewijzigd`
		]);
		const last = mails.data!.at(-1)!.text_body;
		expect(last).toContain(`${owner.name} (${owner.email})`);
		expect(last).toContain('D66 kreeg een nieuw e-mailadres: fractie@d66.example.');
		expect(last).toContain(`/campagnes/${campaign.data!.id}/partijen`);
		// The one who made the change is not mailed about it.
		expect((await service.from('outbox').select('id').eq('to_address', owner.email).like('subject', 'De partijenlijst%')).data).toEqual([]);
	});

	it('validates form input in Dutch', () => {
		expect(parties.contactSchema.safeParse({ email: ' Fractie@Partij.NL ', role: 'fractie', name: '' }).data?.email).toBe(
			'fractie@partij.nl'
		);
		const bad = parties.contactSchema.safeParse({ email: 'geen adres', role: 'burgemeester', name: '' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([
			'Dit is geen geldig e-mailadres.',
			'Kies fractie, lijsttrekker of anders.'
		]);
		expect(parties.partySchema.safeParse({ name: ' ', abbreviation: '' }).error?.issues[0].message).toBe(
			'Vul de naam van de partij in.'
		);
	});
});
