// The rules of party positions against the real database: no quote, no stance; every change
// kept as a version with who, when and why; the workflow with the party's right of reply; what
// the public (and the anon key) can and cannot see; a party link that answers for its own party
// only; disagreeing without evidence refused in Dutch; a second editor's approval.
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { addMarkdownDocument, positionsScene, type PositionsScene } from '$test/positions-fixtures';
import * as positions from './positions';
import * as replies from './reply-links';
import { publicMatrix, publicPosition } from './matrix';
import { openRows } from './open-data';

const { service, anon } = connectTestDatabase();

const PROGRAMME = `# Zorg en welzijn

Wij beslissen binnen vier weken over elke Wmo-aanvraag en trekken daar 2 miljoen euro voor uit.

Jeugdhulp verdient aandacht.

# Wonen

Er komen 3.000 woningen bij.
`;

const QUOTE = 'Wij beslissen binnen vier weken over elke Wmo-aanvraag en trekken daar 2 miljoen euro voor uit.';

function input(partyId: string, overrides: Partial<positions.PositionInput> = {}): positions.PositionInput {
	return { partyId, themeKey: 'wmo', stance: 'concreet', quote: QUOTE, page: '', section: 'Zorg en welzijn', note: '', reason: '', ...overrides };
}

async function positionId(scene: PositionsScene, party: string, theme = 'wmo'): Promise<string> {
	const { data, error } = await service.from('positions').select('id').eq('party_id', scene.partyIds[party]).eq('theme_key', theme).single();
	if (error) throw new Error(error.message);
	return data.id;
}

async function statusOf(id: string): Promise<string> {
	const { data } = await service.from('positions').select('status').eq('id', id).single();
	return data!.status;
}

describe('no quote, no stance', () => {
	let scene: PositionsScene;
	let documentId = '';
	beforeAll(async () => {
		scene = await positionsScene(['Partij A']);
		documentId = await addMarkdownDocument(scene, ['Partij A'], PROGRAMME);
	});

	it('the form refuses a stance without a quote or without its page or section, in Dutch', () => {
		const parsed = positions.positionSchema.safeParse(input(scene.partyIds['Partij A'], { quote: '', section: '' }));
		expect(parsed.success).toBe(false);
		const messages = parsed.error!.issues.map((i) => i.message);
		expect(messages).toContain('Zonder citaat geen standpunt: plak de zin uit het document waar het standpunt uit blijkt.');
		expect(messages).toContain('Vul de pagina of het hoofdstuk in waar het citaat staat.');
		// "Niet genoemd" needs no quote.
		expect(positions.positionSchema.safeParse(input(scene.partyIds['Partij A'], { stance: 'niet_genoemd', quote: '', section: '' })).success).toBe(true);
	});

	it('the database refuses it too, whatever path the write takes', async () => {
		expect(await positions.savePosition(scene.editor.id, documentId, input(scene.partyIds['Partij A'], { quote: '' }))).toBe('evidence_required');
		const direct = await service.from('positions').insert({
			gemeente_code: scene.gemeente.code,
			party_id: scene.partyIds['Partij A'],
			theme_key: 'jeugdzorg',
			document_id: documentId,
			stance: 'steunt',
			quote: 'Jeugdhulp verdient aandacht.'
		});
		expect(direct.error?.code).toBe('23514');
		const { count } = await service.from('positions').select('id', { count: 'exact', head: true }).eq('document_id', documentId);
		expect(count).toBe(0);
	});

	it('someone who is not an editor of a kring covering the gemeente cannot assess there', async () => {
		const outsider = (await positionsScene(['Partij X'])).editor;
		expect(await positions.savePosition(outsider.id, documentId, input(scene.partyIds['Partij A']))).toBe('not_found');
	});
});

describe('history and the workflow with the right of reply', () => {
	let scene: PositionsScene;
	let documentId = '';
	let id = '';
	let link: replies.ReplyLink;

	beforeAll(async () => {
		scene = await positionsScene(['Partij A', 'Partij B'], { contacts: true });
		documentId = await addMarkdownDocument(scene, ['Partij A'], PROGRAMME);
		expect(await positions.savePosition(scene.editor.id, documentId, input(scene.partyIds['Partij A'], { stance: 'steunt' }))).toBe('created');
		id = await positionId(scene, 'Partij A');
	});

	it('a change needs a reason, and keeps the previous version with who, when and why', async () => {
		const changed = input(scene.partyIds['Partij A'], { stance: 'concreet' });
		expect(await positions.savePosition(scene.second.id, documentId, changed)).toBe('reason_required');
		expect(await positions.savePosition(scene.second.id, documentId, { ...changed, reason: 'Er staat een bedrag in' })).toBe('changed');
		expect(await positions.savePosition(scene.second.id, documentId, { ...changed, reason: 'nog eens' })).toBe('unchanged');
		const history = await positions.positionHistory(id);
		expect(history.map((v) => [v.version, v.stance, v.by, v.reason])).toEqual([
			[2, 'concreet', scene.second.name, 'Er staat een bedrag in'],
			[1, 'steunt', scene.editor.name, 'Eerste beoordeling']
		]);
	});

	it('a write that skips the app still leaves a version (the database keeps it)', async () => {
		await service.from('positions').update({ note: 'rechtstreeks', updated_by: scene.editor.id, change_reason: 'test' }).eq('id', id);
		const history = await positions.positionHistory(id);
		expect(history[0]).toMatchObject({ version: 3, reason: 'test', by: scene.editor.name });
	});

	it('a concept is invisible to the public pages, open data and the anon key', async () => {
		await expectInvisible();
	});

	it('sending gives the party 14 days, a private link and a mail, and keeps it out of public view', async () => {
		const sent = await replies.sendForReply(scene.editor.id, scene.partyIds['Partij A'], replies.DEFAULT_REPLY_DAYS);
		expect(sent.count).toBe(1);
		link = sent.link!;
		expect(link.url).toMatch(/\/standpunten\/reageer\/[a-z2-7]{24}$/);
		const { data: stored } = await service.from('position_reply_links').select('token_hash, expires_at').eq('party_id', scene.partyIds['Partij A']);
		expect(stored).toHaveLength(1);
		// Only the hash is stored.
		expect(JSON.stringify(stored)).not.toContain(link.token);
		const { data: position } = await service.from('positions').select('status, reply_due_at').eq('id', id).single();
		expect(position!.status).toBe('ter_reactie');
		const days = (new Date(position!.reply_due_at!).getTime() - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(13.9);
		expect(days).toBeLessThan(14.1);
		const { data: mail } = await service.from('outbox').select('to_address, text_body').eq('to_address', sent.mailed[0]);
		expect(mail![0].text_body).toContain(link.url);
		await expectInvisible();
	});

	it('publishing waits for a reaction or for the end of the period', async () => {
		expect(await positions.publishPosition(scene.editor.id, id)).toBe('waiting');
		expect(await statusOf(id)).toBe('ter_reactie');
	});

	it('a party link answers for its own party only', async () => {
		await positions.savePosition(scene.editor.id, await addMarkdownDocument(scene, ['Partij B'], PROGRAMME), input(scene.partyIds['Partij B']));
		const other = await positionId(scene, 'Partij B');
		await replies.sendForReply(scene.editor.id, scene.partyIds['Partij B'], 14);
		const reply = { positionId: other, agrees: 'eens' as const, responderName: 'Indringer', responderRole: '', explanation: '', evidenceQuote: '', evidenceSource: '', evidencePage: '' };
		expect(await replies.submitReply(link.token, reply)).toBe('not_yours');
		const found = await replies.findReplyLink(link.token);
		expect(found.state === 'ok' && found.positions.map((p) => p.id)).toEqual([id]);
		const { count } = await service.from('position_replies').select('id', { count: 'exact', head: true }).eq('position_id', other);
		expect(count).toBe(0);
	});

	it('disagreeing without evidence is refused in Dutch; with evidence it is stored next to the assessment', async () => {
		const bare = { positionId: id, agrees: 'oneens' as const, responderName: 'Fractievoorzitter A', responderRole: '', explanation: 'Klopt niet', evidenceQuote: '', evidenceSource: '', evidencePage: '' };
		const parsed = replies.replySchema.safeParse(bare);
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((i) => i.message)).toContain(replies.DISAGREE_WITHOUT_EVIDENCE);
		expect(replies.DISAGREE_WITHOUT_EVIDENCE).toMatch(/^U bent het oneens: geef dan uw eigen bron/);
		// The database refuses it as well, through the link and directly.
		expect(await replies.submitReply(link.token, bare)).toBe('evidence_required');
		const direct = await service.from('position_replies').insert({
			position_id: id, party_id: scene.partyIds['Partij A'], position_version: 1, agrees: false, responder_name: 'Iemand'
		});
		expect(direct.error?.code).toBe('23514');
		const withEvidence = { ...bare, evidenceQuote: 'Wij trekken 3 miljoen euro uit voor de Wmo.', evidenceSource: 'Begroting 2027, p. 4' };
		expect(await replies.submitReply(link.token, withEvidence)).toBe('saved');
	});

	it('after the reaction it can be published; the public then sees the stance, the reaction and the history', async () => {
		expect(await positions.publishPosition(scene.editor.id, id)).toBe('published');
		const shown = await publicPosition(scene.gemeente.code, id);
		expect(shown).toMatchObject({ stance: 'concreet', quote: QUOTE, section: 'Zorg en welzijn', publishedWithoutReply: false });
		expect(shown!.replies[0]).toMatchObject({ agrees: false, evidenceQuote: 'Wij trekken 3 miljoen euro uit voor de Wmo.' });
		// The public history leaves out the concept versions and never shows an e-mail address.
		expect(shown!.history.map((v) => v.status)).toEqual(['gepubliceerd', 'ter_reactie']);
		expect(JSON.stringify(shown)).not.toContain('@');
		const matrix = await publicMatrix(scene.gemeente.code, { theme: null, documents: 'alle' });
		const row = matrix.rows.find((r) => r.partyId === scene.partyIds['Partij A'])!;
		expect(row.cells.wmo).toEqual([expect.objectContaining({ positionId: id, stance: 'concreet', side: 'programma', reaction: 'oneens' })]);
		// Partij B still waits: not in the matrix.
		expect(matrix.rows.find((r) => r.partyId === scene.partyIds['Partij B'])!.cells).toEqual({});
		expect((await openRows([scene.gemeente.code])).map((r) => r.partij)).toEqual(['Partij A']);
	});

	it('changing a published position sends it back to concept, so the party may react again', async () => {
		const result = await positions.savePosition(scene.editor.id, documentId, input(scene.partyIds['Partij A'], { stance: 'steunt', reason: 'Na de reactie van de partij' }));
		expect(result).toBe('changed');
		expect(await statusOf(id)).toBe('concept');
		expect(await publicPosition(scene.gemeente.code, id)).toBeNull();
	});

	async function expectInvisible() {
		expect(await publicPosition(scene.gemeente.code, id)).toBeNull();
		const matrix = await publicMatrix(scene.gemeente.code, { theme: null, documents: 'alle' });
		expect(matrix.publishedCount).toBe(0);
		expect(await openRows([scene.gemeente.code])).toEqual([]);
		for (const table of ['positions', 'position_versions', 'position_replies', 'position_reply_links', 'documents', 'document_passages']) {
			const { data, error } = await anon.from(table).select('*').limit(1);
			expect(error?.code, table).toBe('42501');
			expect(data).toBeNull();
		}
		const rpc = await anon.rpc('find_passages', { p_document_id: documentId, p_words: ['wmo'], p_limit: 5 });
		expect(rpc.error).not.toBeNull();
	}
});

describe('publishing without a reaction, and the second editor', () => {
	it('after the period a position is published without a reaction, and says so', async () => {
		const scene = await positionsScene(['Partij C']);
		const documentId = await addMarkdownDocument(scene, ['Partij C'], PROGRAMME);
		await positions.savePosition(scene.editor.id, documentId, input(scene.partyIds['Partij C']));
		const id = await positionId(scene, 'Partij C');
		await replies.sendForReply(scene.editor.id, scene.partyIds['Partij C'], 14);
		expect(await positions.publishPosition(scene.editor.id, id)).toBe('waiting');
		// Fifteen days later (the period moved back instead of waiting).
		await service.from('positions').update({ reply_due_at: new Date(Date.now() - 86_400_000).toISOString() }).eq('id', id);
		expect(await positions.publishPosition(scene.editor.id, id)).toBe('published');
		expect(await publicPosition(scene.gemeente.code, id)).toMatchObject({ publishedWithoutReply: true, replies: [] });
		expect((await openRows([scene.gemeente.code]))[0]).toMatchObject({ zonder_reactie: true, reactie_partij: null });
	});

	it('where the kring asks for it, a second editor approves before publishing; nobody approves their own work', async () => {
		const scene = await positionsScene(['Partij D'], { needApproval: true });
		const documentId = await addMarkdownDocument(scene, ['Partij D'], PROGRAMME);
		await positions.savePosition(scene.editor.id, documentId, input(scene.partyIds['Partij D']));
		const id = await positionId(scene, 'Partij D');
		await replies.sendForReply(scene.editor.id, scene.partyIds['Partij D'], 1);
		await service.from('positions').update({ reply_due_at: new Date(Date.now() - 1000).toISOString() }).eq('id', id);
		expect(await positions.publishPosition(scene.editor.id, id)).toBe('needs_approval');
		expect(await positions.approvePosition(scene.editor.id, id)).toBe('own_assessment');
		expect(await positions.approvePosition(scene.second.id, id)).toBe('approved');
		expect(await positions.publishPosition(scene.editor.id, id)).toBe('published');
		const history = await positions.positionHistory(id);
		expect(history.find((v) => v.reason === 'Goedgekeurd door een tweede redacteur')).toMatchObject({ by: scene.second.name, approved: true });
	});
});

describe('a coalitieakkoord belongs to several parties', () => {
	it('each of its parties gets its own position from it, shown beside its programme', async () => {
		const scene = await positionsScene(['Partij E', 'Partij F']);
		const programme = await addMarkdownDocument(scene, ['Partij E'], PROGRAMME);
		const akkoord = await addMarkdownDocument(scene, ['Partij E', 'Partij F'], '# Zorg\n\nHet college onderzoekt snellere Wmo-besluiten.\n', 'coalitieakkoord');
		for (const [party, doc, stance, quote] of [
			['Partij E', programme, 'concreet', QUOTE],
			['Partij E', akkoord, 'steunt', 'Het college onderzoekt snellere Wmo-besluiten.'],
			['Partij F', akkoord, 'steunt', 'Het college onderzoekt snellere Wmo-besluiten.']
		] as const) {
			expect(await positions.savePosition(scene.editor.id, doc, input(scene.partyIds[party], { stance, quote, section: 'Zorg' }))).toBe('created');
		}
		for (const party of ['Partij E', 'Partij F']) {
			await replies.sendForReply(scene.editor.id, scene.partyIds[party], 14);
		}
		await service.from('positions').update({ reply_due_at: new Date(Date.now() - 1000).toISOString() }).eq('gemeente_code', scene.gemeente.code);
		const { data: all } = await service.from('positions').select('id').eq('gemeente_code', scene.gemeente.code);
		for (const { id } of all!) expect(await positions.publishPosition(scene.editor.id, id)).toBe('published');
		const both = await publicMatrix(scene.gemeente.code, { theme: 'wmo', documents: 'alle' });
		expect(both.themes.map((t) => t.key)).toEqual(['wmo']);
		const e = both.rows.find((r) => r.partyName === 'Partij E')!;
		expect(e.cells.wmo.map((c) => [c.side, c.stance])).toEqual([['programma', 'concreet'], ['akkoord', 'steunt']]);
		const akkoordOnly = await publicMatrix(scene.gemeente.code, { theme: null, documents: 'akkoord' });
		expect(akkoordOnly.rows.map((r) => r.cells.wmo?.map((c) => c.side))).toEqual([['akkoord'], ['akkoord']]);
	});
});
