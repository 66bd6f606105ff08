// The recent changes to a gemeente's party list, with who made them (from the audit log), for the
// gemeente's party page. A letter's own history shows the same entries (letter/history.ts).
import { db } from '../platform/db';
import { actionLabel, actorLabel, asDetails, detailText } from '../letter/history';

export interface PartyListChange {
	id: number;
	at: string;
	label: string;
	detail: string | null;
	actor: string;
}

export async function partyListChanges(gemeenteCode: string, limit: number): Promise<PartyListChange[]> {
	const { data, error } = await db()
		.from('audit_log')
		.select('id, at, action, details, users(name, email)')
		.eq('entity', 'gemeente')
		.eq('entity_id', gemeenteCode)
		.order('id', { ascending: false })
		.limit(limit);
	if (error) throw new Error(`partyListChanges: ${error.message}`);
	return data.map((row) => {
		const actor = row.users ? (row.users.name ? `${row.users.name} (${row.users.email})` : row.users.email) : null;
		return {
			id: row.id,
			at: row.at,
			label: actionLabel(row.action),
			detail: detailText(row.action, asDetails(row.details)),
			actor: actorLabel(row.action, actor)
		};
	});
}
