-- Demo data, so a fresh local database shows a living product: one kring around Zaanstad, its
-- practices, a few huisartsen and the parties in Zaanstad. Everything here is fictional (names
-- marked "(demo)", e-mail on demo.laatjehoren.nl, made-up AGB and BIG numbers). No patient data.
-- Sign in as huisarts@demo.laatjehoren.nl (the code arrives in the development mailbox).
--
-- Fixed ids, so tests and later seeds can refer to rows; the first digit says the table:
--   1… kringen · 2… users · 3… practices · 4… memberships · 5… parties

insert into public.kringen (id, slug, name, kind) values
  ('10000000-0000-4000-8000-000000000001', 'huisartsen-zaanstreek-demo',
   'Huisartsenkring Zaanstreek (demo)', 'kring');

insert into public.kring_gemeenten (kring_id, gemeente_code) values
  ('10000000-0000-4000-8000-000000000001', 'GM0479'), -- Zaanstad
  ('10000000-0000-4000-8000-000000000001', 'GM0880'), -- Wormerland
  ('10000000-0000-4000-8000-000000000001', 'GM0431'), -- Oostzaan
  ('10000000-0000-4000-8000-000000000001', 'GM0439'); -- Purmerend

insert into public.users (id, email, name, big_number) values
  ('20000000-0000-4000-8000-000000000001', 'huisarts@demo.laatjehoren.nl', 'Anna de Vries', '19087654301'),
  ('20000000-0000-4000-8000-000000000002', 'jeroen.bakker@demo.laatjehoren.nl', 'Jeroen Bakker', '39012345601'),
  ('20000000-0000-4000-8000-000000000003', 'fatima.elamrani@demo.laatjehoren.nl', 'Fatima El Amrani', '69054321001'),
  ('20000000-0000-4000-8000-000000000004', 'pieter.visser@demo.laatjehoren.nl', 'Pieter Visser', '49098765401'),
  ('20000000-0000-4000-8000-000000000005', 'kring@demo.laatjehoren.nl', 'Sanne Jansen', null),
  ('20000000-0000-4000-8000-000000000006', 'admin@demo.laatjehoren.nl', 'Beheerder (demo)', null);

insert into public.practices (id, name, agb_code, gemeente_code, address, created_by) values
  ('30000000-0000-4000-8000-000000000001', 'Huisartsenpraktijk De Zaanoever (demo)', '01990001',
   'GM0479', 'Zaanoeverpad 12, 1506 AB Zaandam', '20000000-0000-4000-8000-000000000001'),
  ('30000000-0000-4000-8000-000000000002', 'Gezondheidscentrum Het Weefhuis (demo)', '01990002',
   'GM0479', 'Weversgracht 4, 1521 KL Wormerveer', '20000000-0000-4000-8000-000000000002'),
  ('30000000-0000-4000-8000-000000000003', 'Huisartsen Krommenie-Noord (demo)', '01990003',
   'GM0479', 'Linoleumlaan 27, 1561 CD Krommenie', '20000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000004', 'Huisartsenpraktijk De Pelmolen (demo)', '01990004',
   'GM0479', 'Pelmolenhof 8, 1503 EF Zaandam', '20000000-0000-4000-8000-000000000004'),
  -- No members yet: what a practice looks like before anyone has joined it.
  ('30000000-0000-4000-8000-000000000005', 'Huisartsenpraktijk Het Oostzijderveld (demo)', '01990005',
   'GM0479', 'Oostzijderveld 51, 1502 GH Zaandam', null);

-- Confirmed by the kring's editor (Sanne Jansen), so these huisartsen can start letters.
insert into public.practice_members (practice_id, user_id, confirmed_at, confirmed_by, confirmed_how) values
  ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', now(), '20000000-0000-4000-8000-000000000005', 'kring'),
  -- Jeroen Bakker works in two practices.
  ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', now(), '20000000-0000-4000-8000-000000000005', 'kring'),
  ('30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000002', now(), '20000000-0000-4000-8000-000000000005', 'kring'),
  ('30000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000003', now(), '20000000-0000-4000-8000-000000000005', 'kring'),
  ('30000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000004', now(), '20000000-0000-4000-8000-000000000005', 'kring');

-- The demo huisartsen count as verified: by hand, by the kring's editor (the BIG numbers are made
-- up, so the real register would not know them).
update public.users set
  big_verified_at = now(), big_verified_number = big_number, big_verified_name = name,
  big_verified_method = 'hand', big_verified_by = '20000000-0000-4000-8000-000000000005',
  big_verified_note = 'Demo: gecontroleerd door de kring'
where id in ('20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002',
             '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000004');

insert into public.memberships (id, user_id, role, kring_id) values
  ('40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000005', 'kring_editor',
   '10000000-0000-4000-8000-000000000001'),
  ('40000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000006', 'admin', null);

-- National party names as they appear on ballots in Zaanstad, plus one made-up local party.
insert into public.parties (id, gemeente_code, name, abbreviation) values
  ('50000000-0000-4000-8000-000000000001', 'GM0479', 'VVD', 'VVD'),
  ('50000000-0000-4000-8000-000000000002', 'GM0479', 'GroenLinks-PvdA', 'GL-PvdA'),
  ('50000000-0000-4000-8000-000000000003', 'GM0479', 'D66', 'D66'),
  ('50000000-0000-4000-8000-000000000004', 'GM0479', 'CDA', 'CDA'),
  ('50000000-0000-4000-8000-000000000005', 'GM0479', 'SP', 'SP'),
  ('50000000-0000-4000-8000-000000000006', 'GM0479', 'PVV', 'PVV'),
  ('50000000-0000-4000-8000-000000000007', 'GM0479', 'ChristenUnie', 'CU'),
  ('50000000-0000-4000-8000-000000000008', 'GM0479', 'Partij voor de Dieren', 'PvdD'),
  ('50000000-0000-4000-8000-000000000009', 'GM0479', 'Lokaal Zaans Belang (demo)', 'LZB');
