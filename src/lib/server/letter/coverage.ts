// How far a campaign reaches in its gemeente: "N huisartsen uit P van de Z praktijken", and
// which practices have no signer yet (for coordinators only). One database call
// (campaign_coverage), so it stays cheap however many practices a gemeente has.
import { db } from '../platform/db';

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
	const result = data as {
		signers: number;
		practices_signed: number;
		practices_total: number;
		unsigned: UnsignedPractice[];
	};
	return {
		signers: Number(result.signers),
		practicesSigned: Number(result.practices_signed),
		practicesTotal: Number(result.practices_total),
		unsignedPractices: result.unsigned
	};
}
