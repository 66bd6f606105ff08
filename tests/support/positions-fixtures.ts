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
