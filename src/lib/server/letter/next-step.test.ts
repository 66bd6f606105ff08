import { describe, expect, it } from 'vitest';
import { nextSigningStep } from './next-step';

describe('the next step while a letter is being signed', () => {
	it('first your own signature, then colleagues, then sending', () => {
		expect(nextSigningStep({ signedMyself: false, canSign: true, practicesSigned: 0 })).toBe('sign');
		expect(nextSigningStep({ signedMyself: true, canSign: true, practicesSigned: 1 })).toBe('invite');
		expect(nextSigningStep({ signedMyself: true, canSign: true, practicesSigned: 2 })).toBe('send');
	});

	it('a coordinator who cannot sign (a kring editor) starts with inviting', () => {
		expect(nextSigningStep({ signedMyself: false, canSign: false, practicesSigned: 0 })).toBe('invite');
		expect(nextSigningStep({ signedMyself: false, canSign: false, practicesSigned: 3 })).toBe('send');
	});
});
