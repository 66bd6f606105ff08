// The verified-count line, as every reader of the letter gets it.
import { describe, expect, it } from 'vitest';
import { verifiedLine } from './verified-line';

describe('verifiedLine', () => {
	it('says how many are verified, and how', () => {
		expect(verifiedLine({ total: 23, verified: 21, byRegister: 21, byHand: 0 })).toBe('23 huisartsen, waarvan 21 geverifieerd in het BIG-register.');
		expect(verifiedLine({ total: 23, verified: 21, byRegister: 19, byHand: 2 })).toBe(
			'23 huisartsen, waarvan 21 geverifieerd (19 in het BIG-register, 2 door de coördinatoren of de kring).'
		);
		expect(verifiedLine({ total: 2, verified: 1, byRegister: 0, byHand: 1 })).toBe('2 huisartsen, waarvan 1 geverifieerd door de coördinatoren of de kring.');
	});

	it('says plainly when none or all are verified', () => {
		expect(verifiedLine({ total: 3, verified: 0, byRegister: 0, byHand: 0 })).toBe('3 huisartsen, van wie nog niemand geverifieerd is.');
		expect(verifiedLine({ total: 1, verified: 0, byRegister: 0, byHand: 0 })).toBe('1 huisarts, nog niet geverifieerd.');
		expect(verifiedLine({ total: 3, verified: 3, byRegister: 3, byHand: 0 })).toBe('3 huisartsen, allemaal geverifieerd in het BIG-register.');
		expect(verifiedLine({ total: 1, verified: 1, byRegister: 1, byHand: 0 })).toBe('1 huisarts, geverifieerd in het BIG-register.');
		expect(verifiedLine({ total: 0, verified: 0, byRegister: 0, byHand: 0 })).toBe('Nog geen handtekeningen.');
	});
});
