// The press contact of a letter against the real database: only a coordinator of the letter can be
// it, nothing is public before that person agreed (and then only what they agreed to show), a
// colleague who is asked gets a mail, stepping forward replaces the one before, taking it off or
// deleting the account removes it from the public page, and the history says who did what.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { sentLetter } from '$test/public-page-data';
import { makeUser } from '$test/signing-fixtures';
import { deleteAccount } from '../auth/users';
import { choosePressContact, consentAsPressContact, pressContactOf, pressContactSchema, removePressContact } from './press-contact';
import { publicCampaignsOf } from './public-letter';
import { campaignHistory, actionLabel, detailText } from './history';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

async function letterWithColleague() {
	const scenario = await sentLetter(2, 1, 0);
	const colleague = await makeUser('mede', true);
	await service.from('memberships').insert({ user_id: colleague.id, role: 'campaign_coordinator', campaign_id: scenario.campaign.id });
	const shown = async () => (await publicCampaignsOf(scenario.gemeente.code))[0].pressContact;
	return { ...scenario, colleague, shown };
}

const details = { name: 'dr. M. Mede', email: 'pers@mede.example.nl', phone: '06-12345678' };

describe('the press contact', () => {
	it('is asked by mail, public only after consent, and then shows exactly what was agreed', async () => {
		const s = await letterWithColleague();
		expect(await s.shown()).toBeNull();
		expect(await choosePressContact(s.campaign, s.coordinator, s.colleague.id)).toBe('chosen');
		const mail = await service.from('outbox').select('subject, text_body').eq('to_address', s.colleague.email).single();
		expect(mail.data?.subject).toBe(`Wil je perscontact zijn voor de brief in ${s.campaign.gemeenteName}?`);
		expect(mail.data?.text_body).toContain(`/campagnes/${s.campaign.id}/pers`);
		expect(mail.data?.text_body).toContain('pas als je zelf toestemming geeft');
		// Asked, not agreed: the coordinators see who was asked, the public sees nothing.
		expect(await pressContactOf(s.campaign.id)).toMatchObject({ userId: s.colleague.id, consentedAt: null, name: null, chosenBy: s.coordinator.name });
		expect(await s.shown()).toBeNull();

		expect(await consentAsPressContact(s.campaign.id, s.colleague.id, details)).toBe('consented');
		expect(await s.shown()).toEqual(details);
		// Who asked stays recorded when the one asked agrees.
		expect((await pressContactOf(s.campaign.id))?.chosenBy).toBe(s.coordinator.name);
	});

	it('can only be a coordinator of this letter; only its coordinators and admins choose', async () => {
		const s = await letterWithColleague();
		const outsider = await makeUser('buiten', true);
		expect(await consentAsPressContact(s.campaign.id, outsider.id, details)).toBe('not_coordinator');
		expect(await choosePressContact(s.campaign, s.coordinator, outsider.id)).toBe('not_coordinator');
		expect(await choosePressContact(s.campaign, outsider, s.colleague.id)).toBe('forbidden');
		expect(await removePressContact(s.campaign.id, outsider.id)).toBe('forbidden');
		const admin = await makeUser('beheer', true);
		await service.from('memberships').insert({ user_id: admin.id, role: 'admin' });
		expect(await choosePressContact(s.campaign, admin, s.colleague.id)).toBe('chosen');
		// An admin who is no coordinator of the letter is never its public face.
		expect(await consentAsPressContact(s.campaign.id, admin.id, details)).toBe('not_coordinator');
		expect(await s.shown()).toBeNull();
	});

	it('stepping forward replaces the one before; asking someone else takes the old one off the page at once', async () => {
		const s = await letterWithColleague();
		await consentAsPressContact(s.campaign.id, s.colleague.id, details);
		expect(await consentAsPressContact(s.campaign.id, s.coordinator.id, { name: 'dr. C. Coördinator', email: 'c@praktijk.example.nl', phone: null })).toBe('consented');
		expect(await s.shown()).toEqual({ name: 'dr. C. Coördinator', email: 'c@praktijk.example.nl', phone: null });
		expect(await choosePressContact(s.campaign, s.coordinator, s.colleague.id)).toBe('chosen');
		// The colleague's earlier consent does not carry over to a new request.
		expect(await s.shown()).toBeNull();
		expect(await pressContactOf(s.campaign.id)).toMatchObject({ userId: s.colleague.id, name: null, email: null, phone: null, consentedAt: null });
	});

	it('goes off the page when taken off or when the account is deleted, and the history says who did what', async () => {
		const s = await letterWithColleague();
		await choosePressContact(s.campaign, s.coordinator, s.colleague.id);
		await consentAsPressContact(s.campaign.id, s.colleague.id, details);
		expect(await removePressContact(s.campaign.id, s.colleague.id)).toBe('removed');
		expect(await s.shown()).toBeNull();
		expect(await removePressContact(s.campaign.id, s.colleague.id)).toBe('none');

		const { entries } = await campaignHistory(s.campaign);
		const press = entries.filter((e) => e.action.startsWith('press_contact_')).map((e) => [actionLabel(e.action), e.actor, detailText(e.action, e.details)]);
		expect(press).toEqual([
			['Perscontact van de openbare pagina gehaald', s.colleague.name, null],
			['Perscontact op de openbare pagina gezet, met toestemming', s.colleague.name, details.name],
			['Mede-coördinator gevraagd perscontact te zijn', s.coordinator.name, s.colleague.email]
		]);

		await consentAsPressContact(s.campaign.id, s.colleague.id, details);
		expect(await s.shown()).toEqual(details);
		await deleteAccount(s.colleague.id);
		expect(await s.shown()).toBeNull();
	});
});

describe('the consent form', () => {
	const form = { name: 'dr. A. Pers', email: 'Pers@Praktijk.NL', phone: '', consent: 'ja' };

	it('takes a name, an e-mail address, a phone number or none, and the tick', () => {
		expect(pressContactSchema.parse(form)).toEqual({ name: 'dr. A. Pers', email: 'pers@praktijk.nl', phone: null, consent: 'ja' });
		for (const phone of ['075 123 45 67', '06-12345678', '+31 6 1234 5678', '(075) 1234567']) {
			expect(pressContactSchema.safeParse({ ...form, phone }).success, phone).toBe(true);
		}
	});

	it('says in Dutch what to fix', () => {
		const issues = (input: object) => {
			const result = pressContactSchema.safeParse({ ...form, ...input });
			return result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
		};
		expect(issues({ consent: '' })).toEqual(['consent: Vink aan dat je naam, e-mailadres en telefoonnummer openbaar op de pagina mogen staan.']);
		expect(issues({ phone: '12345' })).toEqual(['phone: Vul een telefoonnummer in zoals 075 123 45 67 of +31 6 12345678, of laat het leeg.']);
		expect(issues({ phone: 'bel me maar' })).toHaveLength(1);
		expect(issues({ email: 'geen adres' })[0]).toMatch(/^email: Dit is geen geldig e-mailadres/);
		expect(issues({ name: 'www.pers.nl' })[0]).toMatch(/^name: Een naam mag geen link/);
	});
});
