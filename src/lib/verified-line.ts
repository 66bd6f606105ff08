// "23 huisartsen, waarvan 21 geverifieerd in het BIG-register": how many signatures are verified,
// said the same way on the review, the public page, the PDF and in the mail to parties.
import { count } from './format';

export interface VerifiedCounts {
	total: number;
	verified: number;
	byRegister: number;
	byHand: number;
}

const REGISTER = 'in het BIG-register';
const HAND = 'door de coördinatoren of de kring';

/** How the verified ones were verified: "in het BIG-register", "door …", or both with counts. */
function how(counts: VerifiedCounts): string {
	if (counts.byHand === 0) return REGISTER;
	if (counts.byRegister === 0) return HAND;
	return `(${counts.byRegister} ${REGISTER}, ${counts.byHand} ${HAND})`;
}

export function verifiedLine(counts: VerifiedCounts): string {
	if (counts.total === 0) return 'Nog geen handtekeningen.';
	const signers = count(counts.total, 'huisarts', 'huisartsen');
	if (counts.verified === 0) {
		return counts.total === 1 ? `${signers}, nog niet geverifieerd.` : `${signers}, van wie nog niemand geverifieerd is.`;
	}
	if (counts.verified === counts.total) {
		return `${signers}, ${counts.total === 1 ? '' : 'allemaal '}geverifieerd ${how(counts)}.`;
	}
	return `${signers}, waarvan ${counts.verified} geverifieerd ${how(counts)}.`;
}
