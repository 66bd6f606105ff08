// The press contact of a letter: one of its coordinators, whom journalists may call or mail. A
// coordinator asks a fellow coordinator (who gets a mail), or steps forward; either way the name,
// e-mail and phone appear on the public page only once that person agreed to show exactly those.
// Each step is one database function (choose_press_contact, consent_press_contact,
// remove_press_contact) that checks the roles again and writes the campaign's history.
import { z } from 'zod';
import { db, oneOf } from '../platform/db';
import { publicOrigin } from '../platform/env';
import { mailName, nameSchema } from '../platform/names';
import { emailSchema } from '../auth/login-code';

export interface PressContact {
	userId: string;
	/** Null until the contact agreed: then what the public page shows. */
	name: string | null;
	email: string | null;
	phone: string | null;
	consentedAt: string | null;
	chosenAt: string;
	/** Who asked this person (their name, or their e-mail when they gave no name). */
	chosenBy: string | null;
	/** The coordinator's own account, to say who is asked while consent is pending. */
	account: { name: string | null; email: string };
}

const COLUMNS =
	'user_id, name, email, phone, consented_at, chosen_at, chooser:users!press_contacts_chosen_by_fkey(name, email), contact:users!press_contacts_user_id_fkey(name, email)' as const;

/** The letter's press contact, consented or waiting for consent; null when there is none. */
export async function pressContactOf(campaignId: string): Promise<PressContact | null> {
	const { data, error } = await db().from('press_contacts').select(COLUMNS).eq('campaign_id', campaignId).maybeSingle();
	if (error) throw new Error(`pressContactOf: ${error.message}`);
	if (!data) return null;
	return {
		userId: data.user_id,
		name: data.name,
		email: data.email,
		phone: data.phone,
		consentedAt: data.consented_at,
		chosenAt: data.chosen_at,
		chosenBy: data.chooser ? (data.chooser.name ?? data.chooser.email) : null,
		account: { name: data.contact?.name ?? null, email: data.contact?.email ?? '' }
	};
}

// Dutch numbers as people write them: 075 123 45 67, 06-12345678, +31 6 1234 5678, (075) 1234567.
const PHONE = /^(\+|\()?[0-9][0-9 ()-]{5,24}$/;

/** The consent form: what will be public, and the tick that says so. */
export const pressContactSchema = z.object({
	name: nameSchema({ required: 'Vul de naam in die journalisten zien.', tooLong: 'Een naam mag hoogstens 200 tekens hebben.' }),
	email: emailSchema,
	phone: z
		.string()
		.trim()
		.max(40, 'Een telefoonnummer mag hoogstens 40 tekens hebben.')
		.refine((phone) => phone === '' || (PHONE.test(phone) && phone.replace(/\D/g, '').length >= 9), 'Vul een telefoonnummer in zoals 075 123 45 67 of +31 6 12345678, of laat het leeg.')
		.transform((phone) => (phone === '' ? null : phone)),
	consent: z.literal('ja', { message: 'Vink aan dat je naam, e-mailadres en telefoonnummer openbaar op de pagina mogen staan.' })
});

export type PressContactInput = z.infer<typeof pressContactSchema>;

/** Asks a fellow coordinator to be the press contact: a mail to them, nothing public yet. */
export async function choosePressContact(
	campaign: { id: string; title: string; gemeenteName: string },
	actor: { id: string; name: string | null; email: string },
	userId: string
): Promise<'chosen' | 'forbidden' | 'not_coordinator'> {
	const asker = actor.name ? `${mailName(actor.name, 'Een collega')} (${actor.email})` : actor.email;
	const mail = {
		subject: `Wil je perscontact zijn voor de brief in ${campaign.gemeenteName}?`,
		text: [
			`${asker} vraagt of jij het perscontact wilt zijn voor de brief "${campaign.title}" van de huisartsen in ${campaign.gemeenteName}.`,
			'',
			'Journalisten zien dan op de openbare pagina van de brief je naam en e-mailadres, en als je wilt je telefoonnummer. Dat gebeurt pas als je zelf toestemming geeft:',
			`${publicOrigin()}/campagnes/${campaign.id}/pers`,
			'',
			'Wil je het niet? Dan hoef je niets te doen.',
			'',
			'Laat je horen'
		].join('\n')
	};
	const { data, error } = await db().rpc('choose_press_contact', {
		p_campaign_id: campaign.id,
		p_actor_id: actor.id,
		p_user_id: userId,
		p_mail: mail
	});
	if (error) throw new Error(`choosePressContact: ${error.message}`);
	return oneOf(data, ['chosen', 'forbidden', 'not_coordinator'], 'choose_press_contact');
}

/** This coordinator agrees to be the press contact, with exactly what the public page shows. */
export async function consentAsPressContact(
	campaignId: string,
	userId: string,
	input: Pick<PressContactInput, 'name' | 'email' | 'phone'>
): Promise<'consented' | 'not_coordinator'> {
	const { data, error } = await db().rpc('consent_press_contact', {
		p_campaign_id: campaignId,
		p_user_id: userId,
		p_name: input.name,
		p_email: input.email,
		p_phone: input.phone ?? undefined
	});
	if (error) throw new Error(`consentAsPressContact: ${error.message}`);
	return oneOf(data, ['consented', 'not_coordinator'], 'consent_press_contact');
}

/** Takes the press contact off the letter (also: the contact withdraws consent). */
export async function removePressContact(campaignId: string, actorId: string): Promise<'removed' | 'none' | 'forbidden'> {
	const { data, error } = await db().rpc('remove_press_contact', { p_campaign_id: campaignId, p_actor_id: actorId });
	if (error) throw new Error(`removePressContact: ${error.message}`);
	return oneOf(data, ['removed', 'none', 'forbidden'], 'remove_press_contact');
}
