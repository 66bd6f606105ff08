// The passage finder on a stored PDF: ranked by the theme's search words with the page, Dutch
// stemming (wachtlijsten finds wachtlijst), free search with phrases and exclusions, and marks.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { FILLER, makePdf, positionsScene, type PositionsScene } from '$test/positions-fixtures';
import { listThemes } from '../gemeenten/themes';
import * as documents from './documents';
import { findPassages, markedParts } from './passages';

connectTestDatabase();

let scene: PositionsScene;
let documentId = '';

beforeAll(async () => {
	scene = await positionsScene(['Partij P']);
	const pdf = await makePdf(12, (page) =>
		page === 7
			? 'De wachtlijsten in de jeugdzorg moeten binnen een jaar weg. Wij financieren een praktijkondersteuner jeugd bij elke huisarts.'
			: page === 9
				? 'Jongeren verdienen een plek om te sporten.'
				: FILLER[page % FILLER.length]
	);
	const result = await documents.addDocument(
		scene.editor.id,
		scene.gemeente.code,
		{ title: 'Programma met pagina’s', kind: 'verkiezingsprogramma', url: '', publishedOn: '', partyIds: [scene.partyIds['Partij P']], format: 'pdf', text: '' },
		pdf
	);
	if ('error' in result) throw new Error(result.error);
	documentId = result.id;
});

describe('passage finder', () => {
	it('stores the PDF with its page count', async () => {
		expect(await documents.getDocument(documentId)).toMatchObject({ format: 'pdf', pageCount: 12 });
	});

	it('ranks the passage about the theme first, with its page, matched words marked', async () => {
		const jeugd = (await listThemes()).find((t) => t.key === 'jeugdzorg')!;
		const found = await findPassages(documentId, { words: jeugd.searchWords });
		expect(found[0].page).toBe(7);
		expect(found[0].parts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(
			expect.arrayContaining(['wachtlijsten', 'jeugdzorg'])
		);
		expect(found.map((p) => p.page)).not.toContain(3);
	});

	it('free search: Dutch stemming, phrases and exclusions', async () => {
		expect((await findPassages(documentId, { words: [], query: 'wachtlijst' })).map((p) => p.page)).toEqual([7]);
		expect((await findPassages(documentId, { words: [], query: '"praktijkondersteuner jeugd"' })).map((p) => p.page)).toEqual([7]);
		expect(await findPassages(documentId, { words: [], query: 'jeugdzorg -huisarts' })).toEqual([]);
		expect(await findPassages(documentId, { words: [], query: 'ruimtevaart' })).toEqual([]);
	});

	it('splits the marked text into plain and matched parts', () => {
		expect(markedParts('De \u0001jeugdzorg\u0002 groeit')).toEqual([
			{ text: 'De ', match: false },
			{ text: 'jeugdzorg', match: true },
			{ text: ' groeit', match: false }
		]);
	});
});
