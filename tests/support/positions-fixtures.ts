// Test-data factories for positions (integration, real local database): a gemeente of its own
// with parties, a kring that covers it with its editors, and documents stored through the app's
// own add_document path. Also a multi-page PDF made with pdfkit, the way a party publishes one.
import PDFDocument from 'pdfkit';
import { db } from '$lib/server/platform/db';
import { freshGemeente, makeParties, makeUser } from './sending-fixtures';
import { uniqueTag } from './signing-fixtures';
import * as documents from '$lib/server/positions/documents';
import type { SessionUser } from '$lib/server/auth/session';

export interface PositionsScene {
	gemeente: { code: string; name: string };
	kringId: string;
	editor: SessionUser;
	second: SessionUser;
	partyIds: Record<string, string>;
}

/** A gemeente with `parties`, covered by a fresh kring with two editors. */
export async function positionsScene(parties: string[], options: { needApproval?: boolean; contacts?: boolean } = {}): Promise<PositionsScene> {
	const gemeente = await freshGemeente();
	const tag = uniqueTag();
	const partyIds = await makeParties(
		gemeente.code,
		parties.map((name) => ({ name, emails: options.contacts ? [`fractie-${tag}-${name.toLowerCase().replace(/\W+/g, '')}@partij.example.nl`] : [] }))
	);
	const kring = await db()
		.from('kringen')
		.insert({ slug: `kring-${tag}`, name: `Kring ${tag}`, positions_need_approval: options.needApproval ?? false })
		.select('id')
		.single();
	if (kring.error) throw new Error(kring.error.message);
	const area = await db().from('kring_gemeenten').insert({ kring_id: kring.data.id, gemeente_code: gemeente.code });
	if (area.error) throw new Error(area.error.message);
	const editor = await makeUser('redacteur', true);
	const second = await makeUser('tweede', true);
	const roles = await db()
		.from('memberships')
		.insert([editor, second].map((u) => ({ user_id: u.id, role: 'kring_editor', kring_id: kring.data.id })));
	if (roles.error) throw new Error(roles.error.message);
	return { gemeente, kringId: kring.data.id, editor, second, partyIds };
}

/** A Markdown programme for one party (or an akkoord for several), stored as the app stores it. */
export async function addMarkdownDocument(
	scene: PositionsScene,
	partyNames: string[],
	text: string,
	kind: 'verkiezingsprogramma' | 'coalitieakkoord' = 'verkiezingsprogramma'
): Promise<string> {
	const result = await documents.addDocument(scene.editor.id, scene.gemeente.code, {
		title: `Programma ${uniqueTag()}`,
		kind,
		url: 'https://example.org/programma.pdf',
		publishedOn: '2026-01-15',
		partyIds: partyNames.map((name) => scene.partyIds[name]),
		format: 'markdown',
		text
	});
	if ('error' in result) throw new Error(result.error);
	return result.id;
}

/** A PDF of `pages` pages; `textOf(page)` gives each page's text (pdfkit, Helvetica). */
export function makePdf(pages: number, textOf: (page: number) => string): Promise<Uint8Array> {
	const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Verkiezingsprogramma (test)' } });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
	for (let page = 1; page <= pages; page++) {
		if (page > 1) doc.addPage();
		doc.fontSize(11).text(textOf(page), { align: 'left' });
	}
	doc.end();
	return done;
}

/** Ordinary programme prose for the pages that are not about care. */
export const FILLER = [
	'Zaanstad groeit en dat vraagt om goede wegen, veilige fietspaden en openbaar vervoer dat op tijd rijdt.',
	'Ondernemers verdienen ruimte: minder regels, snellere vergunningen en een loket dat meedenkt.',
	'De gemeentelijke financiën blijven op orde; wij geven geen geld uit dat er niet is.',
	'Cultuur verbindt: de bibliotheek en het theater blijven voor iedereen bereikbaar.',
	'Wij maken scholen frisser en veiliger, met goede ventilatie in elk lokaal.'
];

/** Published positions for `partyCount` parties × `themeCount` themes in a fresh gemeente (two
 * retired test themes are added when more than the active themes are asked for), written straight
 * to the tables: for counting database calls and for the benchmark. */
export async function publishedMatrix(partyCount: number, themeCount: number): Promise<PositionsScene & { themeKeys: string[] }> {
	const names = Array.from({ length: partyCount }, (_, i) => `Partij ${String(i + 1).padStart(2, '0')}`);
	const scene = await positionsScene(names);
	const { data: themes } = await db().from('themes').select('key').is('retired_at', null).order('position');
	const keys = (themes ?? []).map((t) => t.key);
	while (keys.length < themeCount) {
		const key = `test_${uniqueTag().replace(/-/g, '')}`;
		const added = await db()
			.from('themes')
			.insert({ key, label: `Testthema ${key}`, description: 'Een thema alleen voor tests.', retired_at: new Date().toISOString() });
		if (added.error) throw new Error(added.error.message);
		keys.push(key);
	}
	const themeKeys = keys.slice(0, themeCount);
	const doc = await db()
		.from('documents')
		.insert({ gemeente_code: scene.gemeente.code, kind: 'verkiezingsprogramma', title: 'Gezamenlijk testprogramma', format: 'markdown' })
		.select('id')
		.single();
	if (doc.error) throw new Error(doc.error.message);
	const links = await db().from('document_parties').insert(Object.values(scene.partyIds).map((party_id) => ({ document_id: doc.data.id, party_id })));
	if (links.error) throw new Error(links.error.message);
	const stances = ['concreet', 'steunt', 'gemengd', 'tegen'] as const;
	const rows = Object.values(scene.partyIds).flatMap((party_id, p) =>
		themeKeys.map((theme_key, t) => ({
			gemeente_code: scene.gemeente.code,
			party_id,
			theme_key,
			document_id: doc.data.id,
			stance: stances[(p + t) % stances.length],
			quote: `Citaat ${p}-${t}`,
			page: 1 + t,
			status: 'gepubliceerd',
			reply_due_at: new Date().toISOString(),
			published_at: new Date().toISOString(),
			assessed_by: scene.editor.id,
			updated_by: scene.editor.id
		}))
	);
	const inserted = await db().from('positions').insert(rows);
	if (inserted.error) throw new Error(inserted.error.message);
	return { ...scene, themeKeys };
}

/** A kring covering `count` gemeenten, each with a letter, a party and a published position. */
export async function kringWithGemeenten(count: number): Promise<{ kringId: string; codes: string[]; partyName: string }> {
	const tag = uniqueTag();
	const kring = await db().from('kringen').insert({ slug: `dashboard-${tag}`, name: `Dashboardkring ${tag}` }).select('id').single();
	if (kring.error) throw new Error(kring.error.message);
	// Gemeenten of this test's own (the run's allocator): the first codes in the list would be shared
	// with every other test that takes a gemeente, and its parties would show up in theirs.
	const codes: string[] = [];
	for (let i = 0; i < count; i++) codes.push((await freshGemeente()).code);
	const area = await db().from('kring_gemeenten').insert(codes.map((gemeente_code) => ({ kring_id: kring.data.id, gemeente_code })));
	if (area.error) throw new Error(area.error.message);
	const parties = await db()
		.from('parties')
		.insert(codes.map((gemeente_code) => ({ gemeente_code, name: `Dashboardpartij ${tag}` })))
		.select('id, gemeente_code');
	if (parties.error) throw new Error(parties.error.message);
	const docs = await db()
		.from('documents')
		.insert(codes.map((gemeente_code) => ({ gemeente_code, kind: 'verkiezingsprogramma', title: `Programma ${tag}`, format: 'tekst' })))
		.select('id, gemeente_code');
	if (docs.error) throw new Error(docs.error.message);
	const docOf = new Map(docs.data.map((d) => [d.gemeente_code, d.id]));
	await db().from('document_parties').insert(parties.data.map((p) => ({ document_id: docOf.get(p.gemeente_code)!, party_id: p.id })));
	const positions = await db()
		.from('positions')
		.insert(
			parties.data.map((p) => ({
				gemeente_code: p.gemeente_code,
				party_id: p.id,
				theme_key: 'wmo',
				document_id: docOf.get(p.gemeente_code)!,
				stance: 'niet_genoemd',
				status: 'gepubliceerd',
				reply_due_at: new Date().toISOString()
			}))
		);
	if (positions.error) throw new Error(positions.error.message);
	return { kringId: kring.data.id, codes, partyName: `Dashboardpartij ${tag}` };
}

/** A supabase-js fetch that counts the requests it makes. */
export function countingFetch(): { fetch: typeof fetch; count: () => number; reset: () => void } {
	let calls = 0;
	return {
		fetch: (input, init) => {
			calls += 1;
			return fetch(input, init);
		},
		count: () => calls,
		reset: () => {
			calls = 0;
		}
	};
}
