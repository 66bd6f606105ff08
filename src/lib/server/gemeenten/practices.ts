// Practices (huisartsenpraktijken) and who works in them.
import type { QueryData } from '@supabase/supabase-js';
import { z } from 'zod';
import { db } from '../platform/db';

export interface Practice {
	id: string;
	name: string;
	agbCode: string;
	address: string | null;
	gemeenteCode: string;
	gemeenteName: string;
}

const PRACTICE_COLUMNS = 'id, name, agb_code, address, gemeente_code, gemeenten(name)' as const;

function practiceQuery() {
	return db().from('practices').select(PRACTICE_COLUMNS);
}

type PracticeRow = QueryData<ReturnType<typeof practiceQuery>>[number];

function toPractice(row: PracticeRow): Practice {
	return {
		id: row.id,
		name: row.name,
		agbCode: row.agb_code,
		address: row.address,
		gemeenteCode: row.gemeente_code,
		gemeenteName: row.gemeenten?.name ?? row.gemeente_code
	};
}

export const gemeenteCodeSchema = z
	.string()
	.trim()
	.toUpperCase()
	.regex(/^GM\d{4}$/, 'Kies een gemeente.');

export const newPracticeSchema = z.object({
	name: z
		.string()
		.trim()
		.min(2, 'Vul de naam van de praktijk in.')
		.max(200, 'De naam mag hoogstens 200 tekens hebben.'),
	agbCode: z
		.string()
		.transform((value) => value.replace(/[\s.-]/g, ''))
		.pipe(
			z
				.string()
				.regex(/^\d{8}$/, 'Een AGB-code bestaat uit 8 cijfers.')
				.regex(/^01/, 'De AGB-code van een huisartsenpraktijk begint met 01.')
		),
	address: z.string().trim().max(300, 'Het adres mag hoogstens 300 tekens hebben.'),
	gemeenteCode: gemeenteCodeSchema
});

export type NewPractice = z.infer<typeof newPracticeSchema>;

/** A practice the user works in, and whether that is confirmed (which gives the rights of a
 * huisarts of the gemeente): by whom, as what (kring, admin, collega), when. */
export interface Membership extends Practice {
	confirmed: { at: string; how: string | null; by: string | null } | null;
}

export async function practicesOfUser(userId: string): Promise<Membership[]> {
	const { data, error } = await db()
		.from('practice_members')
		.select(`confirmed_at, confirmed_how, confirmer:users!practice_members_confirmed_by_fkey(name, email), practices(${PRACTICE_COLUMNS})` as const)
		.eq('user_id', userId)
		.order('created_at');
	if (error) throw new Error(`practicesOfUser: ${error.message}`);
	return data.flatMap((row) =>
		row.practices
			? [
					{
						...toPractice(row.practices),
						confirmed: row.confirmed_at
							? { at: row.confirmed_at, how: row.confirmed_how, by: row.confirmer ? (row.confirmer.name ?? row.confirmer.email) : null }
							: null
					}
				]
			: []
	);
}

export async function practicesInGemeente(gemeenteCode: string): Promise<Practice[]> {
	const { data, error } = await practiceQuery()
		.eq('gemeente_code', gemeenteCode)
		.order('name');
	if (error) throw new Error(`practicesInGemeente: ${error.message}`);
	return data.map(toPractice);
}

export async function joinPractice(userId: string, practiceId: string): Promise<'joined' | 'not_found'> {
	const { error } = await db()
		.from('practice_members')
		.upsert({ practice_id: practiceId, user_id: userId }, { onConflict: 'practice_id,user_id', ignoreDuplicates: true });
	if (error?.code === '23503' || error?.code === '22P02') return 'not_found';
	if (error) throw new Error(`joinPractice: ${error.message}`);
	return 'joined';
}

export async function leavePractice(userId: string, practiceId: string): Promise<void> {
	// Not an id (a crafted form): nothing to leave.
	if (!z.uuid().safeParse(practiceId).success) return;
	const { error } = await db()
		.from('practice_members')
		.delete()
		.eq('practice_id', practiceId)
		.eq('user_id', userId);
	if (error) throw new Error(`leavePractice: ${error.message}`);
}

/** Creates the practice and joins it in one database call; 'agb_taken' when the code exists. */
export async function createPractice(
	userId: string,
	input: NewPractice
): Promise<{ id: string } | 'agb_taken' | 'unknown_gemeente'> {
	const { data, error } = await db().rpc('create_practice_with_member', {
		p_user_id: userId,
		p_name: input.name,
		p_agb_code: input.agbCode,
		p_gemeente_code: input.gemeenteCode,
		p_address: input.address || undefined
	});
	if (error?.code === '23505') return 'agb_taken';
	// A code of the right shape that is no gemeente (a crafted or outdated form).
	if (error?.code === '23503') return 'unknown_gemeente';
	if (error) throw new Error(`createPractice: ${error.message}`);
	return { id: data };
}
