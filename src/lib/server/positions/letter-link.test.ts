// The letter meets the positions: the parties silent or against on a theme of the letter, from
// published positions only, and the ask aimed at them added as the next numbered ask.
import { describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { addMarkdownDocument, positionsScene } from '$test/positions-fixtures';
import { starterLetter } from '../letter/starter-letter';
import { extractAsks } from '../letter/asks';
import { listThemes } from '../gemeenten/themes';
import { aimedAsk, appendAsk, signalsForLetter } from './letter-link';
import * as positions from './positions';
import * as replies from './reply-links';

const { service } = connectTestDatabase();

describe('letter link', () => {
	it('adds the aimed ask as the next item of the asks list', async () => {
		const themes = (await listThemes()).filter((t) => ['wmo', 'ggz'].includes(t.key));
		const letter = starterLetter('Zaanstad', themes);
		const ask = aimedAsk(themes[1], ['Partij A'], ['Partij B', 'Partij C']);
		expect(ask).toBe(`Aan Partij A, Partij B en Partij C (Partij A schrijft niets over ggz en wachtlijsten; Partij B en Partij C zijn ertegen): ${themes[1].letterAsk}`);
		const asks = extractAsks(appendAsk(letter, ask));
		expect(asks).toHaveLength(3);
		expect(asks[2]).toBe(ask);
		// The rest of the letter stays as it was.
		expect(appendAsk(letter, ask)).toContain('## Laten we praten');
		expect(extractAsks(appendAsk('Geachte fractie,\n\nGeen vragen.', 'Vraag'))).toEqual(['Vraag']);
	});

	it('names only parties whose published positions are silent or against', async () => {
		const scene = await positionsScene(['Stil', 'Tegen', 'Voor', 'Nog concept']);
		const text = '# Zorg\n\nDe ggz is een taak van het Rijk.\n';
		for (const [party, stance] of [['Stil', 'niet_genoemd'], ['Tegen', 'tegen'], ['Voor', 'concreet'], ['Nog concept', 'niet_genoemd']] as const) {
			const documentId = await addMarkdownDocument(scene, [party], text);
			await positions.savePosition(scene.editor.id, documentId, {
				partyId: scene.partyIds[party], themeKey: 'ggz', stance, quote: stance === 'niet_genoemd' ? '' : 'De ggz is een taak van het Rijk.', page: '', section: 'Zorg', note: '', reason: ''
			});
			if (party !== 'Nog concept') await replies.sendForReply(scene.editor.id, scene.partyIds[party], 14);
		}
		await service.from('positions').update({ reply_due_at: new Date(Date.now() - 1000).toISOString() }).eq('gemeente_code', scene.gemeente.code).eq('status', 'ter_reactie');
		const { data } = await service.from('positions').select('id').eq('gemeente_code', scene.gemeente.code).eq('status', 'ter_reactie');
		for (const { id } of data!) await positions.publishPosition(scene.editor.id, id);
		const [ggz, wmo] = await signalsForLetter(scene.gemeente.code, ['ggz', 'wmo']);
		expect(ggz).toMatchObject({ themeKey: 'ggz', silent: ['Stil'], against: ['Tegen'] });
		expect(ggz.ask).toMatch(/^Aan Stil en Tegen \(/);
		expect(wmo).toMatchObject({ silent: [], against: [], ask: null });
	});
});
