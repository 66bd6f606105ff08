// The themes-and-asks migration on a database that already holds letters: a letter opened for
// signing under the old schema gets its asks as rows, its answers ({"1": "ja"}) point at those
// rows, and a draft gets no asks. Runs the real migration files on a fresh in-memory PGlite,
// stopping before the migration, adding old-style rows, then applying it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrationFiles } from '$lib/server/platform/local-supabase/migrate';

const dir = resolve('supabase');
const MIGRATION = '20261202100000_themes_and_asks.sql';
const db = new PGlite();

const letter = `Geachte fractie,

## Wat wij zien

1. Dit is geen vraag maar een opsomming.

## Onze vragen aan u

1. Beslis **binnen vier weken** over een [Wmo-aanvraag](https://example.nl).
2. Geef huisartsen één
   vast aanspreekpunt.
3. Reserveer ruimte in \`elk\` bouwplan.

Met vriendelijke groet`;

beforeAll(async () => {
	await db.exec(readFileSync(join(dir, 'bootstrap.sql'), 'utf8'));
	for (const file of migrationFiles(dir)) {
		if (file >= MIGRATION) break;
		await db.exec(readFileSync(join(dir, 'migrations', file), 'utf8'));
	}
	await db.exec(`
		insert into public.users (id, email) values ('00000000-0000-4000-8000-0000000000a1', 'coord@example.test');
		insert into public.parties (id, gemeente_code, name) values
		  ('00000000-0000-4000-8000-0000000000b1', 'GM0363', 'Partij Een'),
		  ('00000000-0000-4000-8000-0000000000b2', 'GM0363', 'Partij Twee');
		insert into public.campaigns (id, gemeente_code, occasion, title, occasion_key, themes, status, created_by)
		values ('00000000-0000-4000-8000-0000000000c1', 'GM0363', 'begroting', 'Verstuurd', 'begroting',
		        array['wmo', 'huisvesting'], 'concept', '00000000-0000-4000-8000-0000000000a1'),
		       ('00000000-0000-4000-8000-0000000000c2', 'GM0363', 'coalitieakkoord', 'Concept', 'coalitieakkoord',
		        array['ggz'], 'concept', '00000000-0000-4000-8000-0000000000a1');
		insert into public.letter_revisions (id, campaign_id, number, body_md, body_html) values
		  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000c1', 1, $md$${letter}$md$, '<p>x</p>'),
		  ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000c2', 1, $md$${letter}$md$, '<p>x</p>');
		update public.campaigns set status = 'verstuurd', signing_revision_id = '00000000-0000-4000-8000-0000000000d1', sent_at = now()
		where id = '00000000-0000-4000-8000-0000000000c1';
		insert into public.responses (id, campaign_id, party_id, channel, responder_name, body_md, body_html, ask_answers) values
		  ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1',
		   'link', 'Fractievoorzitter', '', '', '{"1": "ja", "3": "nee", "9": "ja", "2": "misschien"}'),
		  ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b2',
		   'email', 'Woordvoerder', 'Later meer.', '<p>Later meer.</p>', '{}');
	`);
	await db.exec(readFileSync(join(dir, 'migrations', MIGRATION), 'utf8'));
});

afterAll(() => db.close());

describe('themes and asks migration', () => {
	test("a letter's themes become rows in the chosen order, and the old column is gone", async () => {
		const themes = await db.query<{ theme_key: string; position: number }>(
			`select theme_key, position from public.campaign_themes
			 where campaign_id = '00000000-0000-4000-8000-0000000000c1' order by position`
		);
		expect(themes.rows).toEqual([
			{ theme_key: 'wmo', position: 1 },
			{ theme_key: 'huisvesting', position: 2 }
		]);
		const column = await db.query(
			`select 1 from information_schema.columns where table_name = 'campaigns' and column_name = 'themes'`
		);
		expect(column.rows).toHaveLength(0);
	});

	test('the sent letter gets the asks under its asks heading, as plain text; the draft gets none', async () => {
		const asks = await db.query<{ campaign_id: string; number: number; body: string }>(
			'select campaign_id, number, body from public.letter_asks order by campaign_id, number'
		);
		expect(asks.rows).toEqual([
			{ campaign_id: '00000000-0000-4000-8000-0000000000c1', number: 1, body: 'Beslis binnen vier weken over een Wmo-aanvraag.' },
			{ campaign_id: '00000000-0000-4000-8000-0000000000c1', number: 2, body: 'Geef huisartsen één vast aanspreekpunt.' },
			{ campaign_id: '00000000-0000-4000-8000-0000000000c1', number: 3, body: 'Reserveer ruimte in elk bouwplan.' }
		]);
	});

	test('answers point at the ask with their number; unknown numbers and values are dropped', async () => {
		const answers = await db.query<{ number: number; answer: string }>(
			`select a.number, ra.answer from public.response_answers ra
			 join public.letter_asks a on a.id = ra.ask_id
			 where ra.response_id = '00000000-0000-4000-8000-0000000000e1' order by a.number`
		);
		expect(answers.rows).toEqual([
			{ number: 1, answer: 'ja' },
			{ number: 3, answer: 'nee' }
		]);
		const all = await db.query('select 1 from public.response_answers');
		expect(all.rows).toHaveLength(2);
	});

	test('the database refuses an answer to an ask of another letter, and a value outside the list', async () => {
		const ask = await db.query<{ id: string }>(`select id from public.letter_asks where number = 1`);
		await db.exec(`
			insert into public.campaigns (id, gemeente_code, occasion, title, occasion_key, status)
			values ('00000000-0000-4000-8000-0000000000c3', 'GM0363', 'anders', 'Derde', 'anders:derde', 'verstuurd');
			insert into public.responses (id, campaign_id, party_id, channel, responder_name, body_md, body_html)
			values ('00000000-0000-4000-8000-0000000000e3', '00000000-0000-4000-8000-0000000000c3',
			        '00000000-0000-4000-8000-0000000000b1', 'email', 'Iemand', '', '');
		`);
		await expect(
			db.query(
				`insert into public.response_answers (response_id, campaign_id, ask_id, answer)
				 values ('00000000-0000-4000-8000-0000000000e3', '00000000-0000-4000-8000-0000000000c3', $1, 'ja')`,
				[ask.rows[0].id]
			)
		).rejects.toThrow(/foreign key/);
		await expect(
			db.query(
				`insert into public.response_answers (response_id, campaign_id, ask_id, answer)
				 values ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-0000000000c1', $1, 'misschien')`,
				[ask.rows[0].id]
			)
		).rejects.toThrow(/check constraint/);
	});
});
