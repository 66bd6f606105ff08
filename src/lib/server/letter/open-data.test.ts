// A letter's open data as a data journalist downloads it: the CSV read back with a CSV parser
// (one row per party and ask, every column described), the JSON with the letter, its counts and
// each party's answer per ask with source and date. Made from a real sent letter in the local
// database: no BIG number and no name of a signer who did not consent ever gets in.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '$test/test-db';
import { sentLetter } from '$test/public-page-data';
import { makeUser } from '$test/signing-fixtures';
import { LETTER_FIELDS, letterCsv, letterJson, letterRows } from './open-data';
import { publicCampaignsOf } from './public-letter';
import { consentAsPressContact, choosePressContact } from './press-contact';

let service: ReturnType<typeof connectTestDatabase>['service'];
beforeAll(() => {
	service = connectTestDatabase().service;
});

const page = 'https://laatjehoren.example/g/test';

async function sentScenario() {
	// 4 signers (Dokter 0 and 2 named, 1 and 3 not), 3 parties, the first 2 answered every ask.
	const scenario = await sentLetter(4, 3, 2);
	const [campaign] = await publicCampaignsOf(scenario.gemeente.code);
	const about = { gemeente: { code: scenario.gemeente.code, name: scenario.gemeente.name }, page };
	return { scenario, campaign, about };
}

describe('the letter as CSV', () => {
	it('reads back as one row per party and ask, with every described column and nothing else', async () => {
		const { campaign, about, scenario } = await sentScenario();
		const csv = letterCsv(letterRows(campaign, about));
		const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual(Object.keys(LETTER_FIELDS));

		const asks = campaign.sent!.asks;
		expect(asks.length).toBeGreaterThan(0);
		expect(parsed.data).toHaveLength(3 * asks.length);
		for (const row of parsed.data) {
			expect(row).toMatchObject({
				gemeente_code: scenario.gemeente.code,
				brief_id: scenario.campaign.id,
				status: 'verstuurd',
				huisartsen: '4',
				praktijken_getekend: '4',
				praktijken_totaal: '4',
				partijen: '3',
				partijen_geantwoord: '2',
				pagina: page
			});
			expect(Number(row.geverifieerd)).toBe(Number(row.geverifieerd_big_register) + Number(row.geverifieerd_met_de_hand));
			expect(new Date(row.verstuurd_op).getTime()).not.toBeNaN();
		}

		// An answering party: its stance per ask, its explanation, how it came in and when.
		const answered = parsed.data.filter((row) => row.partij === 'Partij 0');
		expect(answered.map((row) => Number(row.vraag))).toEqual(asks.map((ask) => ask.number));
		expect(answered[0]).toMatchObject({
			vraag_tekst: asks[0].body,
			antwoord: 'ja',
			antwoord_tekst: 'ja',
			toelichting: `Toelichting van Partij 0 bij vraag ${asks[0].number}.`,
			bron: 'email',
			beantwoord_door: 'Fractievoorzitter Partij 0, fractievoorzitter',
			dagen_zonder_reactie: ''
		});
		expect(new Date(answered[0].beantwoord_op).getTime()).not.toBeNaN();
		// The one that did not answer: said so, with the days it has been waiting.
		const silent = parsed.data.filter((row) => row.partij === 'Partij 2');
		expect(silent.every((row) => row.antwoord === 'geen_reactie' && row.antwoord_tekst === 'nog geen reactie' && row.dagen_zonder_reactie === '0')).toBe(true);
		expect(silent.every((row) => row.bron === '' && row.beantwoord_op === '')).toBe(true);
	});

	it('is one row with the counts while the letter is being signed, and survives commas, quotes and line breaks', async () => {
		const { campaign, about } = await sentScenario();
		const awkward = { ...campaign, title: 'Zorg, "dichtbij"\nen op tijd', sent: null, status: 'ter_ondertekening' };
		const parsed = Papa.parse<Record<string, string>>(letterCsv(letterRows(awkward, about)), { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data).toHaveLength(1);
		expect(parsed.data[0]).toMatchObject({ titel: 'Zorg, "dichtbij"\nen op tijd', huisartsen: '4', partij: '', vraag: '', verstuurd_op: '' });
	});

	it('does not let a typed formula run in a spreadsheet: a cell that starts like one gets a quote first', async () => {
		const { campaign, about } = await sentScenario();
		const attack = { ...campaign, title: '=HYPERLINK("https://evil.example","klik")', sent: null, status: 'ter_ondertekening' };
		const parsed = Papa.parse<Record<string, string>>(letterCsv(letterRows(attack, about)), { header: true, skipEmptyLines: true });
		expect(parsed.data[0].titel).toBe(`'=HYPERLINK("https://evil.example","klik")`);
	});
});

describe('the letter as JSON', () => {
	it('nests the counts, asks and every party with its answer per ask, source and date', async () => {
		const { campaign, about, scenario } = await sentScenario();
		const data = JSON.parse(letterJson(campaign, about));
		expect(data.licentie.name).toBe('CC BY 4.0');
		expect(data.pagina).toBe(page);
		expect(data.velden_csv).toEqual(LETTER_FIELDS);
		expect(data.brief).toMatchObject({
			id: scenario.campaign.id,
			status: 'verstuurd',
			status_tekst: 'Verstuurd',
			gemeente: { code: scenario.gemeente.code },
			zelf_verstuurd: true,
			ondertekening: { huisartsen: 4, praktijken_getekend: 4, praktijken_totaal: 4, zonder_naam: 2 },
			perscontact: null
		});
		expect(data.brief.ondertekening.namen.map((n: { naam: string }) => n.naam)).toEqual(['Dokter 0', 'Dokter 2']);
		expect(data.brief.vragen.length).toBe(campaign.sent!.asks.length);
		const parties = data.brief.partijen as Array<{ naam: string; antwoord: null | { bron: string; op: string; per_vraag: Array<{ vraag: number; antwoord: string; toelichting: string }> }; dagen_zonder_reactie: number | null }>;
		expect(parties.map((p) => p.naam)).toEqual(['Partij 0', 'Partij 1', 'Partij 2']);
		expect(parties[1].antwoord?.bron).toBe('email');
		expect(parties[1].antwoord?.per_vraag[0]).toEqual({ vraag: campaign.sent!.asks[0].number, antwoord: 'deels', toelichting: `Toelichting van Partij 1 bij vraag ${campaign.sent!.asks[0].number}.` });
		expect(parties[2]).toMatchObject({ antwoord: null, dagen_zonder_reactie: 0 });
	});

	it('never holds a BIG number or the name of a signer who did not consent; the press contact only after consent', async () => {
		const { campaign, about, scenario } = await sentScenario();
		const { data: signatures } = await service.from('signatures').select('big_number, signer_name, show_name').eq('campaign_id', scenario.campaign.id);
		expect(signatures).toHaveLength(4);
		const colleague = await makeUser('pers', true);
		await service.from('memberships').insert({ user_id: colleague.id, role: 'campaign_coordinator', campaign_id: scenario.campaign.id });
		expect(await choosePressContact({ ...scenario.campaign }, scenario.coordinator, colleague.id)).toBe('chosen');
		const [pending] = await publicCampaignsOf(scenario.gemeente.code);

		for (const shown of [letterJson(campaign, about), letterCsv(letterRows(campaign, about)), letterJson(pending, about)]) {
			for (const signature of signatures!) {
				expect(shown).not.toContain(signature.big_number);
				if (!signature.show_name) expect(shown).not.toContain(signature.signer_name);
			}
			// Asked, not yet agreed: nothing of the colleague is public.
			expect(shown).not.toContain(colleague.email);
		}
		expect(JSON.parse(letterJson(pending, about)).brief.perscontact).toBeNull();

		expect(await consentAsPressContact(scenario.campaign.id, colleague.id, { name: 'dr. P. Pers', email: 'pers@praktijk.example.nl', phone: '075 123 45 67' })).toBe('consented');
		const [agreed] = await publicCampaignsOf(scenario.gemeente.code);
		expect(JSON.parse(letterJson(agreed, about)).brief.perscontact).toEqual({ naam: 'dr. P. Pers', email: 'pers@praktijk.example.nl', telefoon: '075 123 45 67' });
		// What was agreed to show, not the account's own address.
		expect(letterJson(agreed, about)).not.toContain(colleague.email);
	});
});
