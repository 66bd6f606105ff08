// How far a campaign reaches in its gemeente: "N huisartsen uit P van de Z praktijken", and
// which practices have no signer yet (for coordinators only). One database call
// (campaign_coverage), so it stays cheap however many practices a gemeente has.
import { z } from 'zod';
import { db } from '../platform/db';

// campaign_coverage returns one jsonb value; its shape is checked here, where it enters the app.
const coverageJson = z.object({
	signers: z.coerce.number(),
	practices_signed: z.coerce.number(),
	practices_total: z.coerce.number(),
	unsigned: z.array(z.object({ id: z.string(), name: z.string(), address: z.string().nullable() }))
});

export interface UnsignedPractice {
	id: string;
	name: string;
	address: string | null;
}

export interface Coverage {
	/** Live (not withdrawn) signatures: one per huisarts. */
	signers: number;
	/** Practices in the gemeente with at least one live signature. */
	practicesSigned: number;
	/** Practices in the gemeente known to Laat je horen. */
	practicesTotal: number;
	unsignedPractices: UnsignedPractice[];
}

export async function coverage(campaignId: string, gemeenteCode: string): Promise<Coverage> {
	const { data, error } = await db().rpc('campaign_coverage', {
		p_campaign_id: campaignId,
		p_gemeente_code: gemeenteCode
	});
	if (error) throw new Error(`coverage: ${error.message}`);
	const result = coverageJson.parse(data);
	return {
		signers: result.signers,
		practicesSigned: result.practices_signed,
		practicesTotal: result.practices_total,
		unsignedPractices: result.unsigned
	};
}
