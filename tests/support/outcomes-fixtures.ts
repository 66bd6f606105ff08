// Test-data factories for outcomes (integration, real local database): a gemeente of its own with
// a letter that went to its parties (the starter letter: one ask per theme, wmo and ggz), a kring
// covering it with an editor, and parties that answer through their own links, all through the
// app's own modules. Council rows go in through the council module (saveManualMotion).
import { db } from '$lib/server/platform/db';
import { campaignReadyToSend, makeUser, uniqueTag } from './sending-fixtures';
import { sendLetter } from '$lib/server/letter/sending';
import { sendingFingerprint } from '$lib/server/letter/review';
import { getCampaign } from '$lib/server/letter/campaigns';
import * as answerLinks from '$lib/server/letter/answer-links';
import * as answers from '$lib/server/letter/answers';
import { saveManualMotion } from '$lib/server/council/motions';
import type { SessionUser } from '$lib/server/auth/session';
import type { AskAnswer } from '$lib/ask-answers';

export { makeUser, uniqueTag };

export interface OutcomeScene {
	gemeente: { code: string; name: string; slug: string };
	kringId: string;
	editor: SessionUser;
	coordinator: SessionUser;
	campaignId: string;
	partyIds: Record<string, string>;
	/** The letter's asks by theme key: wmo (1) and ggz (2). */
	asks: Record<string, { id: string; number: number }>;
	/** Each party's answer link token. */
	tokens: Record<string, string>;
	/** A party's fractie address, when the scene was made with contacts. */
	emailOf: (party: string) => string;
}

/** A sent letter in a fresh gemeente to `parties`, and a kring with one editor covering it. */
export async function outcomeScene(parties: string[], options: { contacts?: boolean } = {}): Promise<OutcomeScene> {
	const tag = uniqueTag();
	const emailOf = (party: string) => `fractie-${tag}-${party.toLowerCase().replace(/\W+/g, '')}@partij.example.nl`;
	const s = await campaignReadyToSend({
		parties: parties.map((name) => ({ name, emails: options.contacts ? [emailOf(name)] : [] })),
		signers: [{ name: 'dr. Toezegging', showName: true }]
	});
	const sent = await sendLetter(s.campaign, s.coordinator.id, await sendingFingerprint(s.campaign.id), { manual: true });
	if (!sent.sent) throw new Error(`outcomeScene: ${sent.reason}`);
	const tokens = Object.fromEntries(sent.links.map((l) => [l.partyName, l.url.split('/reageer/')[1]]));
	const campaign = (await getCampaign(s.campaign.id))!;
	const asks = await db().from('letter_asks').select('id, number, theme_key').eq('revision_id', campaign.signingRevisionId!);
	if (asks.error) throw new Error(asks.error.message);
	const kring = await db().from('kringen').insert({ slug: `uitkomst-${tag}`, name: `Kring ${tag}` }).select('id').single();
	if (kring.error) throw new Error(kring.error.message);
	await db().from('kring_gemeenten').insert({ kring_id: kring.data.id, gemeente_code: s.gemeente.code });
	const editor = await makeUser('redacteur', true);
	await db().from('memberships').insert({ user_id: editor.id, role: 'kring_editor', kring_id: kring.data.id });
	const gemeente = await db().from('gemeenten').select('code, name, slug').eq('code', s.gemeente.code).single();
	if (gemeente.error) throw new Error(gemeente.error.message);
	return {
		gemeente: gemeente.data,
		kringId: kring.data.id,
		editor,
		coordinator: s.coordinator,
		campaignId: campaign.id,
		partyIds: s.partyIds,
		asks: Object.fromEntries(asks.data.map((a) => [a.theme_key ?? `vraag${a.number}`, { id: a.id, number: a.number }])),
		tokens,
		emailOf
	};
}

/** The party answers through its link (ask number → answer); returns the response id. */
export async function answerAs(scene: OutcomeScene, party: string, given: Record<string, AskAnswer>, explanation = 'Wij zorgen daarvoor in 2027.'): Promise<string> {
	const token = scene.tokens[party];
	const found = await answerLinks.findLink(token);
	if (found.state !== 'ok') throw new Error(`answerAs: link ${found.state}`);
	const result = await answers.submitViaLink(token, found, {
		responderName: `Woordvoerder ${party}`,
		responderRole: 'fractievoorzitter',
		body: `Antwoord van ${party}.`,
		answers: given,
		explanations: Object.fromEntries(Object.keys(given).map((n) => [n, explanation]))
	});
	if (result !== 'saved') throw new Error(`answerAs: ${result}`);
	const { data, error } = await db()
		.from('responses')
		.select('id')
		.eq('campaign_id', scene.campaignId)
		.eq('party_id', scene.partyIds[party])
		.order('created_at', { ascending: false })
		.limit(1)
		.single();
	if (error) throw new Error(error.message);
	return data.id;
}

/** A motion entered by hand by the scene's editor, with a vote per party (name → vote) and themes. */
export async function motionWithVotes(
	scene: OutcomeScene,
	options: { title: string; result: 'aangenomen' | 'verworpen'; decidedOn: string; votes: Record<string, 'voor' | 'tegen' | 'verdeeld' | 'onthouden' | 'afwezig'>; themes: string[] }
): Promise<string> {
	const saved = await saveManualMotion(scene.editor.id, scene.gemeente.code, null, {
		meetingId: null,
		agendaItemId: null,
		title: options.title,
		type: 'motie',
		decidedOn: options.decidedOn,
		result: options.result,
		hamerstuk: false,
		text: null,
		url: 'https://example.org/motie',
		submitters: [],
		votes: Object.entries(options.votes).map(([party, vote]) => ({
			partyId: scene.partyIds[party],
			vote,
			sourceDocument: 'besluitenlijst',
			sourceUrl: 'https://example.org/besluitenlijst.pdf',
			sourcePage: 1
		}))
	});
	if (!saved.ok) throw new Error(`motionWithVotes: ${saved.message}`);
	// Themes are confirmed by an editor on the council pages; here straight into their table.
	if (options.themes.length > 0) {
		const themed = await db().from('motion_themes').insert(options.themes.map((theme_key) => ({ motion_id: saved.id, theme_key, confirmed_by: scene.editor.id })));
		if (themed.error) throw new Error(themed.error.message);
	}
	return saved.id;
}
