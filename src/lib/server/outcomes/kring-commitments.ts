// The kring's view of commitments: per gemeente it covers, how many promises are in each status,
// and the overdue ones (deadline passed, outcome not settled) listed first, oldest deadline first;
// gemeenten with overdue promises come first. One database call (kring_commitments).
import { z } from 'zod';
import { db } from '../platform/db';
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABELS, type CommitmentStatus } from '$lib/commitments';
import { dutchDay } from './policy-cycle';

const kringSchema = z.array(
	z.object({
		code: z.string(),
		name: z.string(),
		slug: z.string(),
		total: z.number(),
		by_status: z.record(z.string(), z.number()),
		overdue: z.array(
			z.object({
				id: z.string(),
				body: z.string(),
				status: z.enum(COMMITMENT_STATUSES),
				deadline: z.string(),
				promiser: z.string(),
				party: z.string().nullable(),
				theme: z.string()
			})
		)
	})
);

export interface KringCommitmentsRow {
	code: string;
	name: string;
	slug: string;
	total: number;
	/** Every status with its count, in the order of the statuses (zeros included). */
	byStatus: Array<{ status: CommitmentStatus; label: string; count: number }>;
	overdue: Array<{ id: string; body: string; status: CommitmentStatus; statusLabel: string; deadline: string; who: string; theme: string }>;
}

export async function kringCommitments(kringId: string, today = dutchDay(new Date())): Promise<KringCommitmentsRow[]> {
	const { data, error } = await db().rpc('kring_commitments', { p_kring_id: kringId, p_today: today }, { get: true });
	if (error) throw new Error(`kringCommitments: ${error.message}`);
	return kringSchema.parse(data).map((g) => ({
		code: g.code,
		name: g.name,
		slug: g.slug,
		total: g.total,
		byStatus: COMMITMENT_STATUSES.map((status) => ({ status, label: COMMITMENT_STATUS_LABELS[status], count: g.by_status[status] ?? 0 })),
		overdue: g.overdue.map((c) => ({
			id: c.id,
			body: c.body,
			status: c.status,
			statusLabel: COMMITMENT_STATUS_LABELS[c.status],
			deadline: c.deadline,
			who: c.promiser === 'college' ? 'College' : (c.party ?? 'Partij'),
			theme: c.theme
		}))
	}));
}
