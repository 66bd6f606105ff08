// A user's own profile: name and BIG number, the data export, and deleting the account.
import { z } from 'zod';
import { db } from '../platform/db';
import { nameSchema } from '../platform/names';

export interface Profile {
	id: string;
	email: string;
	name: string | null;
	bigNumber: string | null;
	/** How the BIG number on the profile was verified, in words; null when it was not (or changed since). */
	verification: string | null;
	createdAt: string;
}

export const profileSchema = z.object({
	name: nameSchema({ required: 'Vul je naam in (minstens 2 tekens).', tooLong: 'Je naam mag hoogstens 200 tekens hebben.' }),
	bigNumber: z
		.string()
		.transform((value) => value.replace(/[\s.-]/g, ''))
		.pipe(
			z.union([
				z.literal(''),
				z.string().regex(/^\d{11}$/, 'Een BIG-nummer bestaat uit 11 cijfers.')
			])
		)
		.transform((value) => (value === '' ? null : value))
});

export type ProfileInput = z.infer<typeof profileSchema>;

export async function getProfile(userId: string): Promise<Profile> {
	const { data, error } = await db()
		.from('users')
		.select('id, email, name, big_number, created_at, big_verified_at, big_verified_number, big_verified_method, big_register_name')
		.eq('id', userId)
		.single();
	if (error) throw new Error(`getProfile: ${error.message}`);
	return {
		id: data.id,
		email: data.email,
		name: data.name,
		bigNumber: data.big_number,
		verification:
			data.big_verified_at && data.big_verified_number === data.big_number
				? data.big_verified_method === 'register'
					? `in het BIG-register${data.big_register_name ? ` als ${data.big_register_name}` : ''}`
					: 'met de hand, door de kring of een coördinator'
				: null,
		createdAt: data.created_at
	};
}

export async function updateProfile(userId: string, input: ProfileInput): Promise<void> {
	const { error } = await db()
		.from('users')
		.update({ name: input.name, big_number: input.bigNumber, updated_at: new Date().toISOString() })
		.eq('id', userId);
	if (error) throw new Error(`updateProfile: ${error.message}`);
}

/** Everything the product holds about one user, as one JSON document (AVG/GDPR art. 15 and 20). */
export async function exportUserData(userId: string): Promise<Record<string, unknown>> {
	const { data, error } = await db()
		.from('users')
		.select(
			`id, email, name, big_number, big_verified_at, big_verified_method, big_register_name, big_verified_note, created_at, updated_at,
			practice_members!practice_members_user_id_fkey(created_at, confirmed_at, confirmed_how, practices(name, agb_code, address, gemeente_code)),
			memberships(role, kring_id, campaign_id, created_at),
			sessions(created_at, last_seen_at),
			signatures!signatures_user_id_fkey(campaign_id, signer_name, big_number, show_name, created_at, withdrawn_at),
			draft_comments!draft_comments_author_id_fkey(campaign_id, quote, body, created_at, resolution, resolved_at),
			press_contacts!press_contacts_user_id_fkey(campaign_id, name, email, phone, chosen_at, consented_at),
			audit_log(at, action, entity, entity_id, details)`
		)
		.eq('id', userId)
		.single();
	if (error) throw new Error(`exportUserData: ${error.message}`);
	return {
		exportedAt: new Date().toISOString(),
		about:
			'Alle gegevens die Laat je horen over jou bewaart. Inlogcodes en sessiegeheimen worden alleen als hash bewaard en staan hier niet in.',
		...data
	};
}

export async function deleteAccount(userId: string): Promise<void> {
	const { error } = await db().rpc('delete_user_account', { p_user_id: userId });
	if (error) throw new Error(`deleteAccount: ${error.message}`);
}
