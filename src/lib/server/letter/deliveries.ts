// What became of the letter per party: the delivery (by e-mail or by hand) and the state of its
// e-mail in the outbox, with a retry for a failed one.
import { z } from 'zod';
import { db } from '../platform/db';
import { kickMailWorker } from '../platform/mail';

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'handmatig';

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
	queued: 'In de wachtrij',
	sending: 'Wordt verstuurd',
	sent: 'Verstuurd',
	failed: 'Mislukt',
	handmatig: 'Zelf verstuurd'
};

export interface Delivery {
	id: string;
	partyId: string;
	partyName: string;
	channel: 'email' | 'handmatig';
	addresses: string[];
	state: DeliveryState;
	attempts: number;
	lastError: string | null;
	sentAt: string | null;
	createdAt: string;
}

const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed'] as const;

function outboxState(status: string): Exclude<DeliveryState, 'handmatig'> {
	return OUTBOX_STATES.find((known) => known === status) ?? 'queued';
}

/** Every delivery of the campaign with the state of its e-mail (one query). */
export async function deliveriesOf(campaignId: string): Promise<Delivery[]> {
	const { data, error } = await db()
		.from('deliveries')
		.select('id, party_id, channel, addresses, created_at, parties(name), outbox(status, attempts, last_error, sent_at)')
		.eq('campaign_id', campaignId);
	if (error) throw new Error(`deliveriesOf: ${error.message}`);
	return data
		.map((row) => ({
			id: row.id,
			partyId: row.party_id,
			partyName: row.parties?.name ?? '(verwijderde partij)',
			channel: row.channel === 'email' ? ('email' as const) : ('handmatig' as const),
			addresses: row.addresses,
			state: row.channel === 'handmatig' || !row.outbox ? ('handmatig' as const) : outboxState(row.outbox.status),
			attempts: row.outbox?.attempts ?? 0,
			lastError: row.outbox?.last_error ?? null,
			sentAt: row.outbox?.sent_at ?? null,
			createdAt: row.created_at
		}))
		.sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl'));
}

/** Puts a failed e-mail back in the queue; false when it is not this campaign's or not failed. */
export async function retryDelivery(campaignId: string, deliveryId: string, actorId: string): Promise<boolean> {
	if (!z.uuid().safeParse(deliveryId).success) return false;
	const { data, error } = await db().rpc('retry_delivery', {
		p_campaign_id: campaignId,
		p_delivery_id: deliveryId,
		p_actor_id: actorId
	});
	if (error) throw new Error(`retryDelivery: ${error.message}`);
	if (data === true) kickMailWorker();
	return data === true;
}
