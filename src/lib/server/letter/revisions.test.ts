// Letter revisions against the real local database: numbered saves with author and time,
// frozen outside concept, word diffs, and hostile text stored only as inert HTML.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowCampaignStart, connectTestDatabase } from '$test/test-db';
import * as campaigns from './campaigns';
import { openForSigning } from './open-for-signing';
import * as revisions from './revisions';
import { assertInert, XSS_PAYLOADS } from '$test/xss-payloads';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

let counter = 0;
async function makeUser(name: string | null = 'Dr. Versie'): Promise<string> {
	const email = `revisions-${Date.now()}-${++counter}@example.nl`;
	const { data, error } = await service.from('users').insert({ email, name }).select('id').single();
	if (error) throw error;
	return data.id as string;
}

async function makeCampaign(userId: string): Promise<string> {
	const input = campaigns.newCampaignSchema(['wmo', 'ggz'], []).parse({
		gemeenteCode: 'GM0479',
		occasion: 'anders',
		customTitle: `Versies ${Date.now()} ${++counter}`,
		themes: ['wmo', 'ggz']
	});
	await allowCampaignStart(service, userId, 'GM0479');
	const result = await campaigns.startCampaign(userId, input, 'Zaanstad');
	if (typeof result !== 'object' || !('id' in result)) throw new Error('campaign already exists');
	return result.id;
}

describe('saving revisions', () => {
	it('numbers every save, newest first, with author and time, and keeps sanitised HTML', async () => {
		const userId = await makeUser('Dr. A. de Vries');
		const campaignId = await makeCampaign(userId);
		const first = await revisions.latestRevision(campaignId);
		expect(first?.number).toBe(1);
		expect(first?.bodyMd).toContain('Zaanstad');

		const second = `${first!.bodyMd}\nEen extra alinea met **nadruk**.\n`;
		expect(await revisions.saveRevision(campaignId, userId, second, { basedOn: 1 })).toBe(2);
		expect(await revisions.saveRevision(campaignId, userId, `${second}\nNog een.`)).toBe(3);

		const list = await revisions.listRevisions(campaignId);
		expect(list.map((r) => r.number)).toEqual([3, 2, 1]);
		expect(list.every((r) => r.authorName === 'Dr. A. de Vries')).toBe(true);
		expect(Date.parse(list[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(list[2].createdAt));

		const two = await revisions.getRevision(campaignId, 2);
		expect(two?.bodyHtml).toContain('<strong>nadruk</strong>');
		expect(await revisions.getRevision(campaignId, 99)).toBeNull();
		expect(await revisions.getRevision(campaignId, 0)).toBeNull();

		const audit = await service.from('audit_log').select('details').eq('entity_id', campaignId).eq('action', 'letter_revised');
		expect(audit.data?.map((row) => JSON.stringify(row.details)).sort()).toEqual(['{"revision":2}', '{"revision":3}']);
	});

	it('refuses unchanged text, also when only the line endings differ', async () => {
		const userId = await makeUser();
		const campaignId = await makeCampaign(userId);
		const current = (await revisions.latestRevision(campaignId))!.bodyMd;
		expect(await revisions.saveRevision(campaignId, userId, current)).toBe('unchanged');
		expect(await revisions.saveRevision(campaignId, userId, current.replace(/\n/g, '\r\n') + '\r\n\r\n')).toBe('unchanged');
		expect(revisions.SAVE_REFUSED.unchanged).toMatch(/niet veranderd/);
		expect(await revisions.listRevisions(campaignId)).toHaveLength(1);
	});

	it('refuses a save based on an older version when someone saved meanwhile', async () => {
		const userId = await makeUser();
		const other = await makeUser('Dr. Collega');
		const campaignId = await makeCampaign(userId);
		expect(await revisions.saveRevision(campaignId, other, 'Tekst van de collega.', { basedOn: 1 })).toBe(2);
		expect(await revisions.saveRevision(campaignId, userId, 'Mijn tekst.', { basedOn: 1 })).toBe('stale');
		expect(await revisions.saveRevision(campaignId, userId, 'Mijn tekst.', { basedOn: 2 })).toBe(3);
		expect((await revisions.listRevisions(campaignId)).map((r) => r.authorName)).toEqual([
			'Dr. Versie',
			'Dr. Collega',
			'Dr. Versie'
		]);
	});

	it('freezes the text once signing opens, and allows editing again after reopening', async () => {
		const userId = await makeUser();
		const campaignId = await makeCampaign(userId);
		expect(await revisions.saveRevision(campaignId, userId, 'Versie twee.')).toBe(2);
		expect(await openForSigning(campaignId, userId)).toBe(0);

		expect(await revisions.saveRevision(campaignId, userId, 'Stiekem veranderd.')).toBe('frozen');
		expect((await revisions.latestRevision(campaignId))?.bodyMd).toBe('Versie twee.\n');
		const campaign = await campaigns.getCampaign(campaignId);
		expect(campaign?.signingRevisionId).toBe((await revisions.getRevision(campaignId, 2))?.id);

		expect(await campaigns.changeStatus(campaignId, userId, 'ter_ondertekening', 'concept')).toBe(true);
		expect(await revisions.saveRevision(campaignId, userId, 'Versie drie.')).toBe(3);
	});

	it('stores hostile text as written, and only inert HTML', async () => {
		const userId = await makeUser();
		const campaignId = await makeCampaign(userId);
		const hostile = XSS_PAYLOADS.map((p) => p.markdown).join('\n\n');
		const number = await revisions.saveRevision(campaignId, userId, hostile);
		expect(number).toBe(2);
		const stored = await revisions.getRevision(campaignId, 2);
		expect(stored?.bodyMd).toBe(revisions.normaliseLetter(hostile));
		assertInert(stored!.bodyHtml);
		for (const payload of XSS_PAYLOADS.slice(0, 12)) {
			expect(await revisions.saveRevision(campaignId, userId, `Brief\n\n${payload.markdown}`)).toEqual(expect.any(Number));
			assertInert((await revisions.latestRevision(campaignId))!.bodyHtml);
		}
	});

	it('shows who wrote a version, also without a name or after the account is gone', async () => {
		const named = await makeUser(null);
		const campaignId = await makeCampaign(named);
		const [first] = await revisions.listRevisions(campaignId);
		expect(first.authorName).toMatch(/^revisions-.*@example\.nl$/);
		const gone = await makeUser('Weg');
		await revisions.saveRevision(campaignId, gone, 'Andere tekst.');
		await service.from('users').delete().eq('id', gone);
		expect((await revisions.listRevisions(campaignId))[0].authorName).toBe('Verwijderd account');
	});
});

describe('letterBodySchema', () => {
	it('accepts 1 to 50 000 characters and says what is wrong in Dutch', () => {
		expect(revisions.letterBodySchema.parse({ body: 'a\r\nb  \r\n' }).body).toBe('a\nb\n');
		expect(revisions.letterBodySchema.safeParse({ body: '  \n ' }).error?.issues[0].message).toBe(
			'Schrijf de tekst van de brief.'
		);
		expect(revisions.letterBodySchema.safeParse({}).error?.issues[0].message).toBe('Schrijf de tekst van de brief.');
		expect(revisions.letterBodySchema.safeParse({ body: 'x'.repeat(49_999) }).success).toBe(true);
		expect(revisions.letterBodySchema.safeParse({ body: 'x'.repeat(50_000) }).error?.issues[0].message).toBe(
			'De brief mag hoogstens 50.000 tekens hebben.'
		);
		expect(revisions.letterBodySchema.safeParse({ body: 'x'.repeat(200_000) }).success).toBe(false);
	});
});

describe('diffRevisions', () => {
	it('shows the changed words and counts them', () => {
		const older = 'Geachte fractie,\n\nWij vragen u binnen vier weken te beslissen.\n\n1. Eerste vraag\n';
		const newer = 'Geachte fractie,\n\nWij vragen u binnen zes weken te beslissen.\n\n1. Eerste vraag\n2. Tweede vraag\n';
		const diff = revisions.diffRevisions(older, newer);
		expect(diff.parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['vier']);
		expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['zes', '2. Tweede vraag']);
		expect(diff.wordsRemoved).toBe(1);
		expect(diff.wordsAdded).toBe(4);
		expect(diff.identical).toBe(false);
		// Reading the parts in order without the removed ones gives the newer text back.
		expect(diff.parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(newer);
		expect(diff.parts.every((p) => p.kind === 'same' || p.text.trim() !== '')).toBe(true);
	});

	it('tells identical texts and whitespace-only changes apart', () => {
		expect(revisions.diffRevisions('Een twee.\n', 'Een twee.')).toMatchObject({ identical: true, wordsAdded: 0 });
		const rewrapped = revisions.diffRevisions('Een twee drie.', 'Een twee\ndrie.');
		expect(rewrapped).toMatchObject({ identical: false, whitespaceOnly: true, wordsAdded: 0, wordsRemoved: 0 });
	});

	it('compares two saved revisions', async () => {
		const userId = await makeUser();
		const campaignId = await makeCampaign(userId);
		const first = (await revisions.latestRevision(campaignId))!;
		await revisions.saveRevision(campaignId, userId, first.bodyMd.replace('Geachte fractie,', 'Beste raadsleden,'));
		const second = (await revisions.getRevision(campaignId, 2))!;
		const diff = revisions.diffRevisions(first.bodyMd, second.bodyMd);
		expect(diff.parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['Geachte fractie']);
		expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['Beste raadsleden']);
	});

	it('stays quick on two long, completely different letters', () => {
		const words = (seed: string) => Array.from({ length: 6000 }, (_, i) => `${seed}${i % 997}`).join(' ');
		const started = performance.now();
		const diff = revisions.diffRevisions(words('a'), words('b'));
		expect(performance.now() - started).toBeLessThan(5000);
		expect(diff.wordsAdded).toBe(6000);
		expect(diff.wordsRemoved).toBe(6000);
	});
});
