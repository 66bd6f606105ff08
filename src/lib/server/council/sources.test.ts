// What a gemeente's page can say about its source: the supplier, how the last import went, and
// whether votes per party exist, as the imports found it.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { councilSourcesOf, voteCoverage } from './sources';
import { importFeed } from './ori/import';
import { bytesOf, fixtureLines, makeSource } from '$test/ori-fixtures';

beforeAll(() => {
	connectTestDatabase();
});

describe('source coverage', () => {
	it('lists the catalog source of a gemeente with its supplier, before any import', async () => {
		const [haarlem] = (await councilSourcesOf('GM0392')).filter((s) => s.sourceKey === 'haarlem');
		expect(haarlem).toMatchObject({
			supplierLabel: 'Notubiz',
			enabled: true,
			perPartyVotes: 'nee',
			lastSyncAt: null,
			votes: 'Notubiz publiceert geen stemmen per raadslid. Stemmen per partij kunnen met de hand worden ingevoerd uit de besluitenlijst of notulen.'
		});
		const amsterdam = await councilSourcesOf('GM0363');
		expect(amsterdam.filter((s) => s.enabled).map((s) => s.sourceKey)).toEqual(['amsterdam']);
	});

	it('says per-party votes exist once an import saw per-member votes, and when a Notubiz source has vote summaries', async () => {
		const houten = await makeSource('houten', 'GM0321', 'ibabs');
		await importFeed(bytesOf(fixtureLines('houten-snapshot.ndjson', { sourceKey: houten }).join('\n')), { gemeenteCode: 'GM0321', actorId: null });
		expect((await councilSourcesOf('GM0321')).find((s) => s.sourceKey === houten)).toMatchObject({ supplierLabel: 'iBabs', perPartyVotes: 'ja' });

		const alkmaar = await makeSource('alkmaar', 'GM0361');
		await importFeed(bytesOf(fixtureLines('alkmaar-snapshot-2.ndjson', { sourceKey: alkmaar }).join('\n')), { gemeenteCode: 'GM0361', actorId: null });
		expect((await councilSourcesOf('GM0361')).find((s) => s.sourceKey === alkmaar)).toMatchObject({ perPartyVotes: 'soms' });
	});

	it('is honest about iBabs gemeenten whose votes were not seen, and sources without motions', () => {
		expect(voteCoverage('ibabs', null).perPartyVotes).toBe('onbekend');
		expect(voteCoverage('ibabs', null).votes).toContain('67 van 142');
		expect(voteCoverage('gemeenteoplossingen', null)).toMatchObject({ perPartyVotes: 'nee', votes: expect.stringContaining('alleen vergaderingen en documenten') });
	});
});
