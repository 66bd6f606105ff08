// "Said and did" against the real database: per theme the party's programme stance, its answer to
// the letter, its votes as a series in words with how many are known (absences do not count), and
// its commitments with their status, each saying how complete it is; other parties stay out.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { answerAs, motionWithVotes, outcomeScene, type OutcomeScene } from '$test/outcomes-fixtures';
import * as commitments from './commitments';
import { commitmentSchema, emptyCommitmentValues, statusSchema } from './commitments';
import { commitmentCompleteness, letterCompleteness, saidAndDid } from './said-and-did';
import { addDocument } from '../positions/documents';

const { service } = connectTestDatabase();
let scene: OutcomeScene;

beforeAll(async () => {
	scene = await outcomeScene(['Zorgpartij', 'Stadspartij']);
	const responseId = await answerAs(scene, 'Zorgpartij', { '1': 'ja' }, 'Binnen vier weken, vanaf 2027.');
	// Wmo: 4 decided motions; Zorgpartij for, for, absent, unknown; Stadspartij against all.
	const votes = [
		{ Zorgpartij: 'voor', Stadspartij: 'tegen' },
		{ Zorgpartij: 'voor', Stadspartij: 'tegen' },
		{ Zorgpartij: 'afwezig', Stadspartij: 'tegen' },
		{ Stadspartij: 'tegen' }
	] as const;
	for (const [i, v] of votes.entries()) {
		await motionWithVotes(scene, { title: `Wmo-motie ${i + 1}`, result: i >= 2 ? 'verworpen' : 'aangenomen', decidedOn: `2026-0${i + 5}-10`, votes: v, themes: ['wmo'] });
	}
	const doc = await addDocument(scene.editor.id, scene.gemeente.code, {
		title: 'Programma Zorgpartij 2026', kind: 'verkiezingsprogramma', url: 'https://example.org/p.pdf', publishedOn: '2026-01-10',
		partyIds: [scene.partyIds.Zorgpartij], format: 'markdown', text: '# Zorg\n\nWij beslissen binnen vier weken.'
	});
	if ('error' in doc) throw new Error(doc.error);
	await service.from('positions').insert({
		gemeente_code: scene.gemeente.code, party_id: scene.partyIds.Zorgpartij, theme_key: 'wmo', document_id: doc.id, stance: 'concreet',
		quote: 'Wij beslissen binnen vier weken.', page: 4, status: 'gepubliceerd', reply_due_at: new Date().toISOString(),
		published_at: new Date().toISOString(), assessed_by: scene.editor.id, updated_by: scene.editor.id
	});
	const recorded = await commitments.recordCommitment(
		scene.editor.id,
		scene.gemeente.code,
		commitmentSchema(['wmo']).parse({
			...emptyCommitmentValues(), sourceKind: 'antwoord', promiser: 'partij', themeKey: 'wmo', deadline: '2026-12-31',
			body: 'Binnen vier weken een besluit over een Wmo-aanvraag.', answer: `${responseId}:${scene.asks.wmo.id}`, promisedOn: '2026-03-01'
		})
	);
	if (!recorded.ok) throw new Error(recorded.reason);
	await commitments.updateStatus(scene.editor.id, recorded.id, statusSchema.parse({
		status: 'in_uitvoering', happenedOn: '2026-09-01', note: 'Geld in de begroting', evidenceTitle: 'Begroting 2027', evidenceUrl: '', evidencePage: '12'
	}));
}, 90_000);

describe('said and did', () => {
	it('the programme, the answer, the votes in words and the commitments, each with where it comes from and how complete it is', async () => {
		const record = (await saidAndDid(scene.partyIds.Zorgpartij, '2027-02-01'))!;
		expect(record.party.name).toBe('Zorgpartij');
		const wmo = record.themes.find((t) => t.key === 'wmo')!;
		expect(wmo.known).toBe(true);
		expect(wmo.programme.positions).toEqual([
			expect.objectContaining({ stance: 'concreet', stanceLabel: expect.any(String), quote: 'Wij beslissen binnen vier weken.', page: 4, document: 'Programma Zorgpartij 2026' })
		]);
		expect(wmo.programme.completeness).toBe('Uit 1 gepubliceerde beoordeling door de kring, met citaat en pagina');
		expect(wmo.letter.asks).toEqual([expect.objectContaining({ number: 1, answer: 'ja', explanation: 'Binnen vier weken, vanaf 2027.' })]);
		expect(wmo.letter.completeness).toBe('Antwoord op de vraag over dit thema');
		expect(wmo.votes.series).toBe('Stemde alle 2 keer voor (daarnaast 1 keer afwezig; dat telt niet als stem)');
		expect(wmo.votes.coverage).toBe('Stemmen bekend voor 3 van de 4 moties');
		expect(wmo.votes.motions.map((m) => m.voteLabel)).toEqual(['Voor', 'Voor', 'Afwezig', 'stem niet bekend']);
		expect(wmo.commitments.items).toEqual([expect.objectContaining({ status: 'in_uitvoering', statusLabel: 'In uitvoering', overdue: true })]);
		expect(wmo.commitments.completeness).toBe('1 toezegging: 1 in uitvoering');

		const ggz = record.themes.find((t) => t.key === 'ggz')!;
		expect(ggz.letter.completeness).toBe('Nog geen antwoord op de vraag over dit thema');
		expect(ggz.votes.coverage).toBe('Nog geen besliste moties over dit thema vastgelegd');
		expect(ggz.commitments.completeness).toBe('Geen toezeggingen vastgelegd');
	});

	it('another party has its own record: its votes, no answer, none of the first party’s promises', async () => {
		const record = (await saidAndDid(scene.partyIds.Stadspartij))!;
		const wmo = record.themes.find((t) => t.key === 'wmo')!;
		expect(wmo.votes.series).toBe('Stemde alle 4 keer tegen');
		expect(wmo.votes.coverage).toBe('Stemmen bekend voor alle 4 moties');
		expect(wmo.letter.completeness).toBe('Nog geen antwoord op de vraag over dit thema');
		expect(wmo.programme.positions).toEqual([]);
		expect(wmo.commitments.items).toEqual([]);
		expect(await saidAndDid('00000000-0000-4000-8000-000000000000')).toBeNull();
		expect(await saidAndDid('geen-id')).toBeNull();
	});

	it('completeness words for the letter and the commitments', () => {
		expect(letterCompleteness(0, 0)).toBe('Geen vraag over dit thema in een brief aan deze partij');
		expect(letterCompleteness(3, 2)).toBe('Antwoord op 2 van de 3 vragen over dit thema');
		expect(letterCompleteness(2, 2)).toBe('Antwoord op alle 2 vragen over dit thema');
		expect(commitmentCompleteness(['gerealiseerd', 'toegezegd', 'gerealiseerd'])).toBe('3 toezeggingen: 1 toegezegd, 2 gerealiseerd');
	});
});
