// Benchmark of the positions part (run: npm run bench:positions). Prints, for the record:
// - the public matrix of a gemeente with 15 parties × 12 themes: database calls and time;
// - the dashboard of a kring with 30 gemeenten: database calls and time;
// - reading a 120-page PDF programme into passages, and the passage finder on it (per theme and
//   free search): time per search.
// Times are medians of several runs on the embedded PGlite stack (one backend, in memory).
import { it } from 'vitest';
import { measure, useCountedDatabase } from './measure';
import { listThemes } from '$lib/server/gemeenten/themes';
import { publicMatrix } from '$lib/server/positions/matrix';
import { kringDashboard } from '$lib/server/kringen/dashboard';
import * as documents from '$lib/server/positions/documents';
import { findPassages } from '$lib/server/positions/passages';
import { FILLER, kringWithGemeenten, makePdf, positionsScene, publishedMatrix } from '$test/positions-fixtures';

useCountedDatabase();

const CARE_PAGES: Record<number, string> = {
	14: 'De wachtlijsten in de jeugdzorg moeten binnen een jaar weg. Wij financieren een praktijkondersteuner jeugd bij elke huisarts.',
	37: 'Wij beslissen binnen vier weken over elke Wmo-aanvraag voor een rolstoel, traplift of huishoudelijke hulp.',
	58: 'Mantelzorgers krijgen respijtzorg: dagbesteding en logeeropvang in elke wijk, en een mantelzorgconsulent.',
	81: 'In elk nieuw bouwplan reserveren wij ruimte voor een huisartsenpraktijk of gezondheidscentrum.',
	102: 'Wie op de ggz-wachtlijst staat, krijgt steun in de wijk; voor mensen met verward gedrag komt een meldpunt.'
};

it('positions benchmark', async () => {
	console.log('\nPositions benchmark (embedded PGlite + PostgREST, in memory)\n');

	const matrix = await publishedMatrix(15, 12);
	await measure('matrix, 15 parties × 12 themes (180 published cells)', 20, () =>
		publicMatrix(matrix.gemeente.code, { theme: null, documents: 'alle' })
	);
	const kring = await kringWithGemeenten(30);
	await measure('kring dashboard, 30 gemeenten', 20, () => kringDashboard(kring.kringId));

	const scene = await positionsScene(['Benchpartij']);
	const pdf = await makePdf(120, (page) =>
		CARE_PAGES[page] ?? Array.from({ length: 18 }, (_, i) => FILLER[(page + i) % FILLER.length] + (i % 3 === 2 ? '\n' : ' ')).join('\n')
	);
	const start = performance.now();
	const added = await documents.addDocument(
		scene.editor.id,
		scene.gemeente.code,
		{ title: 'Programma van 120 pagina’s', kind: 'verkiezingsprogramma', url: '', publishedOn: '', partyIds: [scene.partyIds.Benchpartij], format: 'pdf', text: '' },
		pdf
	);
	if ('error' in added) throw new Error(added.error);
	const doc = (await documents.getDocument(added.id))!;
	console.log(
		`${'120-page PDF (' + Math.round(pdf.length / 1024) + ' KB): read, split and stored'.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(7)} ms  ${doc.pageCount} pages, ${doc.passageCount} passages`
	);
	const themes = await listThemes({ activeOnly: true });
	for (const key of ['jeugdzorg', 'wmo', 'huisvesting', 'ggz']) {
		const theme = themes.find((t) => t.key === key)!;
		const found = await findPassages(doc.id, { words: theme.searchWords });
		await measure(`passage finder, theme ${key} (top hit page ${found[0]?.page ?? '-'})`, 20, () =>
			findPassages(doc.id, { words: theme.searchWords })
		);
	}
	await measure('passage finder, free search "praktijkondersteuner jeugd"', 20, () =>
		findPassages(doc.id, { words: [], query: '"praktijkondersteuner jeugd"' })
	);
	await measure('passage finder, free search: wachtlijst -ggz', 20, () => findPassages(doc.id, { words: [], query: 'wachtlijst -ggz' }));
	console.log('');
});
