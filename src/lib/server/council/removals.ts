// Removing and ordering hand-entered council work (imported work belongs to its source): a
// meeting (not while motions hang on it), an agenda item with its sub-items, a motion; and moving
// an agenda item up or down among its siblings. One audited database call each, editors only.
import { z } from 'zod';
import { db, oneOf } from '$lib/server/platform/db';

const isId = (value: string) => z.uuid().safeParse(value).success;

export const REMOVE_REFUSED = {
	not_found: 'Dit bestaat niet (meer).',
	imported: 'Dit komt uit de import van de gemeente en kan hier niet worden verwijderd.',
	has_motions: 'Er horen moties bij deze vergadering. Verwijder die eerst, of koppel ze aan een andere vergadering.'
} as const;

export async function deleteMeeting(actorId: string, gemeenteCode: string, meetingId: string) {
	if (!isId(meetingId)) return 'not_found' as const;
	const { data, error } = await db().rpc('delete_manual_meeting', { p_actor_id: actorId, p_gemeente_code: gemeenteCode, p_meeting_id: meetingId });
	if (error) throw new Error(`deleteMeeting: ${error.message}`);
	return oneOf(data, ['deleted', 'not_found', 'imported', 'has_motions'], 'deleteMeeting');
}

export async function deleteAgendaItem(actorId: string, gemeenteCode: string, itemId: string) {
	if (!isId(itemId)) return 'not_found' as const;
	const { data, error } = await db().rpc('delete_manual_agenda_item', { p_actor_id: actorId, p_gemeente_code: gemeenteCode, p_item_id: itemId });
	if (error) throw new Error(`deleteAgendaItem: ${error.message}`);
	return oneOf(data, ['deleted', 'not_found', 'imported'], 'deleteAgendaItem');
}

export async function moveAgendaItem(actorId: string, gemeenteCode: string, itemId: string, up: boolean) {
	if (!isId(itemId)) return 'not_found' as const;
	const { data, error } = await db().rpc('move_manual_agenda_item', { p_actor_id: actorId, p_gemeente_code: gemeenteCode, p_item_id: itemId, p_up: up });
	if (error) throw new Error(`moveAgendaItem: ${error.message}`);
	return oneOf(data, ['moved', 'unchanged', 'not_found', 'imported'], 'moveAgendaItem');
}

export async function deleteMotion(actorId: string, gemeenteCode: string, motionId: string) {
	if (!isId(motionId)) return 'not_found' as const;
	const { data, error } = await db().rpc('delete_manual_motion', { p_actor_id: actorId, p_gemeente_code: gemeenteCode, p_motion_id: motionId });
	if (error) throw new Error(`deleteMotion: ${error.message}`);
	return oneOf(data, ['deleted', 'not_found', 'imported'], 'deleteMotion');
}
