// The one next step a coordinator sees first on the letter's page while it is being signed: sign
// it yourself (if you can), then get colleagues to sign until at least two practices are on board,
// then review and send. The other steps stay available next to it.

export type SigningStep = 'sign' | 'invite' | 'send';

/** Below this many practices a letter speaks for too few: inviting comes before sending. */
export const PRACTICES_BEFORE_SENDING = 2;

export function nextSigningStep(input: { signedMyself: boolean; canSign: boolean; practicesSigned: number }): SigningStep {
	if (input.canSign && !input.signedMyself) return 'sign';
	if (input.practicesSigned < PRACTICES_BEFORE_SENDING) return 'invite';
	return 'send';
}
