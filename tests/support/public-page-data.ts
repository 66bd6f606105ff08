// A sent letter as the public page shows it, at any size: signers (every other one named),
// parties reached by hand, and answers from the first `answers` parties with a stance on every
// ask. Used by the cache tests and by the benchmark's realistic data (npm run bench).
import { campaignReadyToSend } from './sending-fixtures';
import { sendLetter } from '$lib/server/letter/sending';
import { enterResponse } from '$lib/server/letter/answers';
import { sendingFingerprint } from '$lib/server/letter/review';
import { asksOfRevision } from '$lib/server/letter/asks';
import { ASK_ANSWERS } from '$lib/ask-answers';

export async function sentLetter(signers: number, parties: number, answers: number) {
	const scenario = await campaignReadyToSend({
		signers: Array.from({ length: signers }, (_, i) => ({ name: `Dokter ${i}`, showName: i % 2 === 0, verified: i % 3 === 0 })),
		parties: Array.from({ length: parties }, (_, i) => ({ name: `Partij ${i}`, emails: [] }))
	});
	const sent = await sendLetter(scenario.campaign, scenario.coordinator.id, await sendingFingerprint(scenario.campaign.id), { manual: true });
	if (!sent.sent) throw new Error(`sentLetter: not sent (${sent.reason})`);
	const campaign = { id: scenario.campaign.id, signingRevisionId: scenario.campaign.signingRevisionId };
	const asks = campaign.signingRevisionId ? await asksOfRevision(campaign.signingRevisionId) : [];
	for (const [index, name] of Object.keys(scenario.partyIds).slice(0, answers).entries()) {
		const stances = Object.fromEntries(asks.map((ask, i) => [String(ask.number), ASK_ANSWERS[(index + i) % ASK_ANSWERS.length]]));
		const explanations = Object.fromEntries(asks.map((ask) => [String(ask.number), `Toelichting van ${name} bij vraag ${ask.number}.`]));
		const ok = await enterResponse(campaign, scenario.partyIds[name], scenario.coordinator.id, 'email', {
			responderName: `Fractievoorzitter ${name}`,
			responderRole: 'fractievoorzitter',
			body: `${name} steunt de huisartsen. **Wij** komen hierop terug in de raad.`,
			answers: stances,
			explanations
		});
		if (!ok) throw new Error('sentLetter: answer not stored');
	}
	return scenario;
}
