// The audit log: who changed what, when. Write one entry per logical change.
import { db } from './db';
import type { Json } from './database.types';

export async function recordAudit(entry: {
	actorId: string | null;
	action: string;
	entity: string;
	entityId?: string | null;
	details?: { [key: string]: Json };
}): Promise<void> {
	const { error } = await db().from('audit_log').insert({
		actor_id: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entity_id: entry.entityId ?? null,
		details: entry.details ?? {}
	});
	if (error) throw new Error(`recordAudit: ${error.message}`);
}
