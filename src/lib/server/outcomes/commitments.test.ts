// Commitments against the real database: recorded from a party's answer with the party's reply
// link mailed to its addresses; a status history that goes back and forth stays complete and in
// order and can never be rewritten; every step needs evidence; only the gemeente's kring editors
// and admins write; sources must be of the gemeente (an adopted motion, an akkoord passage); the
// promiser reacts once per step, can disown a reaction it did not write, and gets a new link.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { answerAs, makeUser, motionWithVotes, outcomeScene, type OutcomeScene } from '$test/outcomes-fixtures';
import { makeParties } from '$test/sending-fixtures';
import * as commitments from './commitments';
import * as replies from './reply-links';
import { commitmentSchema, emptyCommitmentValues, statusSchema, type CommitmentInput, type StatusInput } from './commitments';
import { addDocument } from '../positions/documents';
import { removeParty } from '../gemeenten/parties';
import type { CommitmentStatus } from '$lib/commitments';

const { service } = connectTestDatabase();
const THEMES = ['wmo', 'ggz', 'jeugdzorg'];

let scene: OutcomeScene;
let responseId = '';

beforeAll(async () => {
	scene = await outcomeScene(['Zorgpartij', 'Stadspartij'], { contacts: true });
	responseId = await answerAs(scene, 'Zorgpartij', { '1': 'ja', '2': 'deels' }, 'Wij beslissen binnen vier weken, vanaf 2027.');
}, 60_000);

function fromAnswer(overrides: Partial<Record<keyof ReturnType<typeof emptyCommitmentValues>, string>> = {}): CommitmentInput {
	const parsed = commitmentSchema(THEMES).safeParse({
		...emptyCommitmentValues(),
		sourceKind: 'antwoord',
		promiser: 'partij',
		themeKey: 'wmo',
		body: 'Binnen vier weken een besluit over elke Wmo-aanvraag.',
		answer: `${responseId}:${scene.asks.wmo.id}`,
		deadline: '2027-12-31',
		...overrides
	});
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

function step(status: CommitmentStatus, happenedOn: string, note = `Stand ${status}`): StatusInput {
	return statusSchema.parse({ status, happenedOn, note, evidenceTitle: `Raadsinformatiebrief ${happenedOn}`, evidenceUrl: 'https://example.org/brief.pdf', evidencePage: '3' });
}

async function outboxTo(address: string): Promise<string[]> {
	const { data, error } = await service.from('outbox').select('text_body').eq('to_address', address).order('created_at');
	if (error) throw error;
	return data.map((row) => row.text_body);
}

function tokenIn(text: string, path: string): string {
	const match = text.match(new RegExp(`${path}/([a-z2-7]{24})`));
	if (!match) throw new Error(`no ${path} link in:\n${text}`);
	return match[1];
}

describe('recording a commitment', () => {
	it('refuses in Dutch, and stores nothing, what the database would reject: a page beyond 5000, a one-letter title, a deadline before the promise', async () => {
		const wrong = commitmentSchema(THEMES).safeParse({ ...emptyCommitmentValues(), sourceKind: 'vergadering', promiser: 'college', themeKey: 'wmo',
			body: 'Geld voor een vast Wmo-aanspreekpunt.', sourceTitle: 'B', sourceUrl: 'https://example.org/b.pdf', sourcePage: '6000', promisedOn: '2026-11-05' });
		expect(wrong.success).toBe(false);
		const messages = Object.fromEntries((wrong.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
		expect(messages).toMatchObject({ sourcePage: 'Een pagina is een getal van 1 tot en met 5000.', sourceTitle: 'Een titel heeft minstens 2 tekens.' });
		// The promise's date comes from the answer (today): a deadline before it is refused, not a crash.
		const before = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Een te vroege termijn.', deadline: '2020-01-01' }));
		expect(before).toEqual({ ok: false, reason: 'deadline' });
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Een termijn die klopt.' }));
		if (!recorded.ok) throw new Error(recorded.reason);
		const correction = { body: 'Een termijn die klopt.', themeKey: 'wmo', promiserDetail: '', deadline: '2020-01-01', reason: 'Termijn verkeerd overgenomen' };
		expect(await commitments.correctCommitment(scene.editor.id, recorded.id, correction)).toBe('deadline');
		expect((await commitments.getCommitment(recorded.id))!.deadline).toBe('2027-12-31');
	});

	it('from a party answer: the party, ask and date come from the answer; the party gets its reply link by mail', async () => {
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer());
		expect(recorded.ok).toBe(true);
		if (!recorded.ok) return;
		const c = (await commitments.getCommitment(recorded.id))!;
		expect(c).toMatchObject({
			promiser: 'partij',
			partyId: scene.partyIds.Zorgpartij,
			partyName: 'Zorgpartij',
			sourceKind: 'antwoord',
			responseId,
			askId: scene.asks.wmo.id,
			status: 'toegezegd',
			recordedBy: scene.editor.name,
			sourceQuote: 'Wij beslissen binnen vier weken, vanaf 2027.'
		});
		expect(c.sourceTitle).toMatch(/^Antwoord van Zorgpartij op vraag 1 van de brief/);
		expect(c.updates.map((u) => [u.seq, u.status, u.previousStatus])).toEqual([[1, 'toegezegd', null]]);
		expect(recorded.mailed).toEqual([scene.emailOf('Zorgpartij')]);
		const mail = (await outboxTo(scene.emailOf('Zorgpartij'))).find((text) => text.includes('Binnen vier weken een besluit'));
		expect(mail).toBeDefined();
		expect(tokenIn(mail!, '/toezeggingen/reageer')).toBe(recorded.link.split('/reageer/')[1]);
		expect(mail).toContain(`/g/${scene.gemeente.slug}/tijdlijn/toezegging-${recorded.id}`);
	});

	it('"we gaan onderzoeken" is explained to the editor; a text of a few letters is refused in Dutch', () => {
		const refused = commitmentSchema(THEMES).safeParse({ ...emptyCommitmentValues(), sourceKind: 'antwoord', promiser: 'partij', themeKey: 'wmo', body: 'Kijken', answer: '' });
		expect(refused.success).toBe(false);
		const messages = refused.error!.issues.map((i) => i.message);
		expect(messages).toContain('Beschrijf wat er beloofd is, in minstens 10 tekens.');
		expect(messages).toContain('Kies het antwoord waarin de partij het beloofde.');
	});

	it('only kring editors of the gemeente and admins record; the database refuses others too', async () => {
		const stranger = await makeUser('vreemde');
		const elsewhere = await outcomeScene(['Andere partij']);
		expect(await commitments.recordCommitment(stranger.id, scene.gemeente.code, fromAnswer())).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await commitments.recordCommitment(elsewhere.editor.id, scene.gemeente.code, fromAnswer())).toEqual({ ok: false, reason: 'not_allowed' });
		const { count } = await service.from('commitments').select('*', { count: 'exact', head: true }).eq('gemeente_code', scene.gemeente.code).eq('created_by', stranger.id);
		expect(count).toBe(0);
	});

	it('a source must be of this gemeente and say what it promises: an answer elsewhere, a rejected motion, a programme passage are refused', async () => {
		const elsewhere = await outcomeScene(['Verre partij']);
		const farResponse = await answerAs(elsewhere, 'Verre partij', { '1': 'ja' });
		expect(await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ answer: `${farResponse}:${elsewhere.asks.wmo.id}` }))).toMatchObject({ ok: false });

		const rejected = await motionWithVotes(scene, { title: 'Verworpen motie', result: 'verworpen', decidedOn: '2026-06-01', votes: { Zorgpartij: 'voor' }, themes: ['wmo'] });
		const adopted = await motionWithVotes(scene, { title: 'Aangenomen motie wachttijden', result: 'aangenomen', decidedOn: '2026-06-01', votes: { Zorgpartij: 'voor', Stadspartij: 'tegen' }, themes: ['wmo'] });
		const byMotion = (motionId: string) =>
			commitmentSchema(THEMES).parse({ ...emptyCommitmentValues(), sourceKind: 'motie', promiser: 'college', themeKey: 'wmo', body: 'Het college publiceert elk kwartaal de wachttijd.', motionId, collegeEmail: 'Griffie@Gemeente.example.nl' });
		expect(await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, byMotion(rejected))).toEqual({ ok: false, reason: 'source' });
		const fromMotion = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, byMotion(adopted));
		expect(fromMotion).toMatchObject({ ok: true, mailed: ['griffie@gemeente.example.nl'] });
		const motionCommitment = fromMotion.ok ? await commitments.getCommitment(fromMotion.id) : null;
		expect(motionCommitment).toMatchObject({ promiser: 'college', partyId: null, sourceTitle: 'Motie "Aangenomen motie wachttijden" (aangenomen)', promisedOn: '2026-06-01' });

		const programme = await addDocument(scene.editor.id, scene.gemeente.code, {
			title: 'Programma Zorgpartij', kind: 'verkiezingsprogramma', url: 'https://example.org/p.pdf', publishedOn: '2026-01-10',
			partyIds: [scene.partyIds.Zorgpartij], format: 'markdown', text: '# Zorg\n\nWij beslissen binnen vier weken over elke Wmo-aanvraag.'
		});
		const akkoord = await addDocument(scene.editor.id, scene.gemeente.code, {
			title: 'Coalitieakkoord 2026', kind: 'coalitieakkoord', url: 'https://example.org/akkoord.pdf', publishedOn: '2026-05-20',
			partyIds: [scene.partyIds.Zorgpartij, scene.partyIds.Stadspartij], format: 'markdown', text: '# Zorg\n\nHet college beslist binnen vier weken over elke Wmo-aanvraag.'
		});
		if ('error' in programme || 'error' in akkoord) throw new Error('document not stored');
		const passage = async (documentId: string) =>
			(await service.from('document_passages').select('id').eq('document_id', documentId).ilike('body', '%vier weken%').single()).data!.id;
		const byAkkoord = async (documentId: string) =>
			commitmentSchema(THEMES).parse({ ...emptyCommitmentValues(), sourceKind: 'akkoord', promiser: 'college', themeKey: 'wmo', body: 'Binnen vier weken een besluit.', documentId, passageId: String(await passage(documentId)) });
		expect(await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, await byAkkoord(programme.id))).toEqual({ ok: false, reason: 'source' });
		const anchored = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, await byAkkoord(akkoord.id));
		expect(anchored.ok).toBe(true);
		const fromAkkoord = anchored.ok ? await commitments.getCommitment(anchored.id) : null;
		expect(fromAkkoord).toMatchObject({
			sourceTitle: 'Coalitieakkoord 2026',
			sourceQuote: 'Het college beslist binnen vier weken over elke Wmo-aanvraag.',
			sourceUrl: 'https://example.org/akkoord.pdf',
			promisedOn: '2026-05-20',
			documentId: akkoord.id,
			passageId: await passage(akkoord.id)
		});
	});

	it('a party that a commitment names stays on the party list', async () => {
		const [named, unnamed] = ['Genoemde partij', 'Ongenoemde partij'];
		const ids = await makeParties(scene.gemeente.code, [{ name: named, emails: [] }, { name: unnamed, emails: [] }]);
		const adopted = await motionWithVotes(scene, { title: 'Motie over het loket', result: 'aangenomen', decidedOn: '2026-07-01', votes: {}, themes: ['wmo'] });
		const input = commitmentSchema(THEMES).parse({
			...emptyCommitmentValues(), sourceKind: 'motie', promiser: 'partij', partyId: ids[named], themeKey: 'wmo',
			body: 'De partij dient elk jaar een voorstel in voor het loket.', motionId: adopted
		});
		expect((await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, input)).ok).toBe(true);
		const editor = { id: scene.editor.id, name: scene.editor.name, email: scene.editor.email };
		expect(await removeParty(editor, scene.gemeente, ids[named])).toBe('in_use');
		expect(await removeParty(editor, scene.gemeente, ids[unnamed])).toBe('removed');
	});
});

describe('the status history', () => {
	it('goes back and forth and stays complete and ordered: every step kept, each pointing at the one before', async () => {
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Een vast aanspreekpunt bij het Wmo-loket voor huisartsen.' }));
		if (!recorded.ok) throw new Error('not recorded');
		const path: Array<[CommitmentStatus, string]> = [
			['in_uitvoering', '2027-01-15'],
			['vastgelopen', '2027-03-01'],
			['in_uitvoering', '2027-04-10'],
			['gerealiseerd', '2027-06-01'],
			['deels_gerealiseerd', '2027-06-20'],
			['deels_gerealiseerd', '2027-09-01']
		];
		for (const [status, on] of path) {
			const result = await commitments.updateStatus(scene.editor.id, recorded.id, step(status, on));
			expect(result.ok).toBe(true);
		}
		const c = (await commitments.getCommitment(recorded.id))!;
		expect(c.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(c.updates.map((u) => u.status)).toEqual(['toegezegd', ...path.map(([s]) => s)]);
		expect(c.updates.map((u) => u.happenedOn)).toEqual([c.promisedOn, ...path.map(([, on]) => on)]);
		for (const [i, update] of c.updates.entries()) {
			expect(update.previousStatus).toBe(i === 0 ? null : c.updates[i - 1].status);
			expect(update.recordedBy).toBe(scene.editor.name);
			if (i > 0) expect(update).toMatchObject({ evidenceTitle: `Raadsinformatiebrief ${update.happenedOn}`, evidenceUrl: 'https://example.org/brief.pdf', evidencePage: 3 });
		}
		expect(c).toMatchObject({ status: 'deels_gerealiseerd', statusOn: '2027-09-01' });

		// The history cannot be rewritten or thinned out, not even by the server's own key.
		const rewrite = await service.from('commitment_updates').update({ status: 'gerealiseerd' }).eq('commitment_id', recorded.id).eq('seq', 3);
		expect(rewrite.error?.code).toBe('42501');
		const thinOut = await service.from('commitment_updates').delete().eq('commitment_id', recorded.id).eq('seq', 3);
		expect(thinOut.error?.code).toBe('42501');
		expect((await commitments.getCommitment(recorded.id))!.updates).toHaveLength(7);
	});

	it('every step needs what happened and its evidence; the database refuses a step without', async () => {
		const missing = statusSchema.safeParse({ status: 'gerealiseerd', happenedOn: '2027-01-01', note: 'Klaar', evidenceTitle: '', evidenceUrl: '', evidencePage: '' });
		expect(missing.success).toBe(false);
		expect(missing.error!.issues.map((i) => i.message)).toContain('Geef het bewijs: de titel van het stuk, een link, of allebei.');
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Een vaste contactpersoon in het sociaal domein.' }));
		if (!recorded.ok) throw new Error('not recorded');
		const { data } = await service.rpc('update_commitment_status', {
			p_actor_id: scene.editor.id,
			p_commitment_id: recorded.id,
			p_status: 'gerealiseerd',
			p_happened_on: '2027-01-01',
			p_note: 'Klaar',
			p_token_hash: '00'.repeat(32),
			p_link_days: 90
		});
		expect(data).toEqual({ status: 'evidence_required' });
		const stranger = await makeUser('vreemde');
		expect(await commitments.updateStatus(stranger.id, recorded.id, step('gerealiseerd', '2027-02-01'))).toEqual({ ok: false, reason: 'not_found' });
		expect((await commitments.getCommitment(recorded.id))!.updates).toHaveLength(1);
	});
});

describe('the right of reply', () => {
	it('the party reacts once per step, through the link of that step; a second reaction is refused', async () => {
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Wachttijd Wmo elk kwartaal openbaar.' }));
		if (!recorded.ok) throw new Error('not recorded');
		const first = recorded.link.split('/reageer/')[1];
		const moved = await commitments.updateStatus(scene.editor.id, recorded.id, step('deels_gerealiseerd', '2027-05-01'));
		if (!moved.ok) throw new Error('not moved');
		const second = moved.link.split('/reageer/')[1];

		const opened = await replies.findReplyLink(second);
		expect(opened.state).toBe('ok');
		if (opened.state === 'ok') expect(opened.update.seq).toBe(2);

		const reaction = { responderName: 'Els Fractie', responderRole: 'fractievoorzitter', body: 'Het is helemaal gedaan, zie de begroting.', confirm: 'ja' as const };
		expect(await replies.submitReaction(second, reaction)).toBe('saved');
		expect(await replies.submitReaction(second, { ...reaction, body: 'Nog een keer.' })).toBe('already');
		expect(await replies.submitReaction(first, { ...reaction, body: 'Wij hebben dit beloofd.' })).toBe('saved');

		const c = (await commitments.getCommitment(recorded.id))!;
		expect(c.updates.map((u) => u.reaction?.body ?? null)).toEqual(['Wij hebben dit beloofd.', 'Het is helemaal gedaan, zie de begroting.']);
		// The copy went to the party's own address, with the way to disown it.
		const copies = (await outboxTo(scene.emailOf('Zorgpartij'))).filter((text) => text.includes('Het is helemaal gedaan'));
		expect(copies).toHaveLength(1);
		expect(copies[0]).toMatch(/\/toezeggingen\/niet-van-ons\/[a-z2-7]{24}/);
		expect(c.updates.map((u) => u.reaction?.copySent)).toEqual([true, true]);
	});

	it('a reaction through a link the kring passed on (no address known) says that the promiser got no copy', async () => {
		const fromBudget = commitmentSchema(THEMES).parse({
			...emptyCommitmentValues(),
			sourceKind: 'begroting',
			promiser: 'college',
			themeKey: 'wmo',
			body: 'Het college trekt in de begroting geld uit voor een vast Wmo-aanspreekpunt.',
			sourceTitle: 'Begroting 2027',
			sourceUrl: 'https://example.org/begroting-2027.pdf',
			promisedOn: '2026-11-05'
		});
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromBudget);
		if (!recorded.ok) throw new Error(`not recorded: ${JSON.stringify(recorded)}`);
		expect(recorded.mailed).toEqual([]);
		const token = recorded.link.split('/reageer/')[1];
		expect(await replies.submitReaction(token, { responderName: 'Iemand', responderRole: '', body: 'Het college doet dit al.', confirm: 'ja' })).toBe('saved');
		expect((await commitments.getCommitment(recorded.id))!.updates[0].reaction).toMatchObject({ body: 'Het college doet dit al.', copySent: false });
	});

	it('a reaction the party did not write goes offline with the old link, and a new link goes to the party', async () => {
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Respijtzorg binnen twee weken beschikbaar.' }));
		if (!recorded.ok) throw new Error('not recorded');
		const token = recorded.link.split('/reageer/')[1];
		expect(await replies.submitReaction(token, { responderName: 'Iemand Anders', responderRole: '', body: 'Wij hebben nooit iets beloofd.', confirm: 'ja' })).toBe('saved');
		const copy = (await outboxTo(scene.emailOf('Zorgpartij'))).find((text) => text.includes('Wij hebben nooit iets beloofd.'))!;
		const disown = tokenIn(copy, '/toezeggingen/niet-van-ons');

		expect(await replies.disownReaction(disown, 'Dit kwam niet van onze fractie.')).toBe('disowned');
		expect(await replies.disownReaction(disown, '')).toBe('already');
		const c = (await commitments.getCommitment(recorded.id))!;
		expect(c.updates[0].reaction).toBeNull();
		expect(c.updates[0].disowned).toHaveLength(1);
		expect(await replies.findReplyLink(token)).toEqual({ state: 'revoked' });
		const fresh = (await outboxTo(scene.emailOf('Zorgpartij'))).find((text) => text.startsWith('Geachte Zorgpartij') && text.includes('nieuwe persoonlijke link') && text.includes('Respijtzorg binnen twee weken'))!;
		const newToken = tokenIn(fresh, '/toezeggingen/reageer');
		expect(await replies.submitReaction(newToken, { responderName: 'Els Fractie', responderRole: '', body: 'Dit is onze echte reactie.', confirm: 'ja' })).toBe('saved');
		expect((await commitments.getCommitment(recorded.id))!.updates[0].reaction?.body).toBe('Dit is onze echte reactie.');
	});

	it('unknown, malformed and expired links open nothing', async () => {
		expect(await replies.findReplyLink('niet-een-token')).toEqual({ state: 'unknown' });
		expect(await replies.findReplyLink('a'.repeat(24))).toEqual({ state: 'unknown' });
		const recorded = await commitments.recordCommitment(scene.editor.id, scene.gemeente.code, fromAnswer({ body: 'Een praktijkruimte in elk nieuw bouwplan.' }));
		if (!recorded.ok) throw new Error('not recorded');
		const token = recorded.link.split('/reageer/')[1];
		const later = new Date(Date.now() + 91 * 24 * 60 * 60 * 1000);
		expect(await replies.findReplyLink(token, later)).toEqual({ state: 'expired' });
		await service.from('commitment_reply_links').update({ expires_at: new Date(Date.now() - 1000).toISOString() }).eq('commitment_id', recorded.id);
		expect(await replies.submitReaction(token, { responderName: 'Els Fractie', responderRole: '', body: 'Te laat.', confirm: 'ja' })).toBe('expired');
	});
});
