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

-- Party positions (demo): two invented programmes and a short invented coalitieakkoord, marked
-- "(demo)" in their titles, with positions in every workflow state. More fixed ids:
--   6… documents · 7… positions · 8… position replies
-- A second invented local party, so the matrix has two programmes to compare.
insert into public.parties (id, gemeente_code, name, abbreviation) values
  ('50000000-0000-4000-8000-000000000010', 'GM0479', 'Zorgzaam Zaanstad (demo)', 'ZZ');

insert into public.kring_themes (kring_id, theme_key) values
  ('10000000-0000-4000-8000-000000000001', 'wmo'),
  ('10000000-0000-4000-8000-000000000001', 'jeugdzorg'),
  ('10000000-0000-4000-8000-000000000001', 'ouderenzorg'),
  ('10000000-0000-4000-8000-000000000001', 'respijtzorg'),
  ('10000000-0000-4000-8000-000000000001', 'preventie'),
  ('10000000-0000-4000-8000-000000000001', 'ggz'),
  ('10000000-0000-4000-8000-000000000001', 'huisvesting');

insert into public.documents (id, gemeente_code, kind, title, url, published_on, format, page_count, created_by) values
  ('60000000-0000-4000-8000-000000000001', 'GM0479', 'verkiezingsprogramma',
   'Verkiezingsprogramma 2026-2030 Lokaal Zaans Belang (demo, verzonnen)', 'https://example.org/demo/lzb-programma-2026.pdf',
   '2025-11-20', 'pdf', 24, '20000000-0000-4000-8000-000000000005'),
  ('60000000-0000-4000-8000-000000000002', 'GM0479', 'verkiezingsprogramma',
   'Verkiezingsprogramma 2026-2030 Zorgzaam Zaanstad (demo, verzonnen)', 'https://example.org/demo/zz-programma-2026.pdf',
   '2025-12-04', 'pdf', 24, '20000000-0000-4000-8000-000000000005'),
  ('60000000-0000-4000-8000-000000000003', 'GM0479', 'coalitieakkoord',
   'Coalitieakkoord 2026-2030 "Samen voor de Zaan" (demo, verzonnen)', 'https://example.org/demo/coalitieakkoord-2026.pdf',
   '2026-05-12', 'pdf', 6, '20000000-0000-4000-8000-000000000005');

insert into public.document_parties (document_id, party_id) values
  ('60000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000009'),
  ('60000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000010'),
  ('60000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000009'),
  ('60000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000010');

-- The passages: per document the paragraphs that matter for the care themes, on fixed pages, and
-- around them ordinary programme text (wonen, verkeer, economie, financiën) so a document has the
-- length of a real one: 24 pages of four paragraphs for each programme, 6 pages for the akkoord.
with theme_text (document_id, page, section, body) as (values
  ('60000000-0000-4000-8000-000000000001'::uuid, 3, 'Zorg en welzijn',
   'Wie hulp nodig heeft, moet niet maanden wachten. Lokaal Zaans Belang wil dat de gemeente binnen vier weken beslist over een Wmo-aanvraag voor een rolstoel, traplift of huishoudelijke hulp. Vanaf 2027 trekken wij daar jaarlijks 1,2 miljoen euro extra voor uit, en het Wmo-loket krijgt één vast telefoonnummer voor huisartsen.'),
  ('60000000-0000-4000-8000-000000000001'::uuid, 5, 'Zorg en welzijn',
   'De jeugdzorg kost de gemeente te veel geld. Wij willen de jeugdhulp beter organiseren en de wachtlijsten aanpakken, samen met de wijkteams. Ouders moeten weten waar zij terechtkunnen.'),
  ('60000000-0000-4000-8000-000000000001'::uuid, 6, 'Zorg en welzijn',
   'Mantelzorgers verdienen waardering. De jaarlijkse mantelzorgwaardering blijft, maar nieuwe dagbesteding en logeeropvang moeten eerst betaalbaar blijken. Respijtzorg regelen families in de eerste plaats zelf.'),
  ('60000000-0000-4000-8000-000000000001'::uuid, 7, 'Zorg en welzijn',
   'Lokaal Zaans Belang vindt dat de ggz een taak van het Rijk en de zorgverzekeraars is. Wij stoppen met de gemeentelijke bijdrage aan de inloop voor mensen op de ggz-wachtlijst en gebruiken dat geld voor handhaving.'),
  ('60000000-0000-4000-8000-000000000002'::uuid, 4, 'Gezond leven in Zaanstad',
   'Zorgzaam Zaanstad geeft ieder Wmo-loket een vaste contactpersoon voor huisartsen en praktijkondersteuners. Een aanvraag voor hulpmiddelen of huishoudelijke hulp is binnen vier weken beslist; de wachttijd publiceren wij elk kwartaal.'),
  ('60000000-0000-4000-8000-000000000002'::uuid, 6, 'Gezond leven in Zaanstad',
   'Geen kind mag langer dan zes weken wachten op jeugdhulp. Wij financieren vanaf 2026 in elke wijk een praktijkondersteuner jeugd bij de huisarts, structureel en niet als project, en de verwijzende huisarts hoort altijd wat er met zijn verwijzing gebeurt.'),
  ('60000000-0000-4000-8000-000000000002'::uuid, 8, 'Gezond leven in Zaanstad',
   'Preventie loont. Welzijn op recept, sport in de wijk en hulp bij schulden en eenzaamheid verdienen steun. Wij zoeken met de GGD naar manieren om dit te versterken.'),
  ('60000000-0000-4000-8000-000000000002'::uuid, 11, 'Wonen en ruimte',
   'In elk nieuw bouwplan van meer dan 500 woningen reserveert de gemeente ruimte voor een huisartsenpraktijk of gezondheidscentrum, tegen een maatschappelijke huur. Zo komt er in de Achtersluispolder en in Poelenburg vóór 2029 een nieuw gezondheidscentrum.'),
  ('60000000-0000-4000-8000-000000000003'::uuid, 2, 'Zorg dichtbij',
   'Het college zet in op snellere Wmo-besluiten en een goed bereikbaar loket. Wij onderzoeken hoe de wachttijden korter kunnen.'),
  ('60000000-0000-4000-8000-000000000003'::uuid, 3, 'Wonen',
   'Bij nieuwe woningbouw kijken wij of er ruimte kan komen voor zorgvoorzieningen, waaronder huisartsenpraktijken, als dat past binnen de grondexploitatie.')
),
filler (body) as (
  select unnest(array[
    'Zaanstad groeit. De komende jaren komen er duizenden woningen bij, in de Achtersluispolder, langs de Zaan en in Poelenburg. Dat vraagt om goede wegen, fietspaden en openbaar vervoer.',
    'Wij willen dat ondernemers in Zaanstad ruimte krijgen. Minder regels, snellere vergunningen en een ondernemersloket dat meedenkt, maken het verschil voor de lokale economie.',
    'De Zaanse Schans trekt miljoenen bezoekers. Wij willen dat inwoners daar ook van profiteren, met een toeristenbelasting die ten goede komt aan de wijken.',
    'Een veilige straat is de basis. Meer boa''s op straat, betere verlichting in parken en een snelle aanpak van overlast staan bovenaan onze lijst.',
    'De gemeentelijke financiën moeten op orde blijven. Wij houden de lokale lasten laag en geven geen geld uit dat er niet is.',
    'Duurzaamheid doen we samen met inwoners. Wij helpen huiseigenaren met isolatie en zonnepanelen, en maken de gemeentelijke gebouwen als eerste energiezuinig.',
    'Cultuur verbindt. De bibliotheek, het Zaantheater en de muziekschool blijven bereikbaar voor iedereen, ook voor wie weinig te besteden heeft.',
    'Sportverenigingen zijn de huiskamers van de wijk. Wij houden de huur van sportaccommodaties betaalbaar en investeren in een nieuw zwembad in Krommenie.',
    'Het fietsnetwerk verdient een flinke verbetering. Wij willen doorfietsroutes tussen Zaandam, Wormerveer en Krommenie en veilige oversteken bij scholen.',
    'De gemeente moet luisteren voordat zij besluit. Wij organiseren in elke wijk twee keer per jaar een wijkavond waar inwoners meepraten over hun buurt.',
    'Goed onderwijs begint met goede schoolgebouwen. Wij versnellen de renovatie van verouderde basisscholen en zorgen voor frisse lucht in elk klaslokaal.',
    'Afval scheiden moet makkelijker. Wij zorgen voor genoeg containers in de wijk en een milieustraat die op zaterdag langer open is.'
  ]) as body
),
pages as (
  select d.id as document_id, p.page, d.pages, d.chapters
  from (values
    ('60000000-0000-4000-8000-000000000001'::uuid, 24, array['Inleiding', 'Zorg en welzijn', 'Wonen', 'Jeugd', 'Economie', 'Verkeer', 'Financiën']),
    ('60000000-0000-4000-8000-000000000002'::uuid, 24, array['Voorwoord', 'Gezond leven in Zaanstad', 'Wonen en ruimte', 'Werk', 'Bereikbaarheid', 'Duurzaam', 'Geld']),
    ('60000000-0000-4000-8000-000000000003'::uuid, 6, array['Inleiding', 'Zorg dichtbij', 'Wonen', 'Financiën'])
  ) as d(id, pages, chapters)
  cross join lateral generate_series(1, d.pages) as p(page)
),
generated as (
  -- Four paragraphs per page; where a theme paragraph stands on a page it takes the second place.
  select pg.document_id, pg.page, slot,
         coalesce(
           case when slot = 2 then (select t.body from theme_text t where t.document_id = pg.document_id and t.page = pg.page) end,
           (select f.body from (select body, row_number() over () as n from filler) f
            where f.n = 1 + ((pg.page * 5 + slot * 7 + length(pg.document_id::text)) % 12))
           || ' ' ||
           (select f.body from (select body, row_number() over () as n from filler) f
            where f.n = 1 + ((pg.page * 3 + slot * 11) % 12))
         ) as body
  from pages pg cross join generate_series(1, 4) as slot
)
insert into public.document_passages (document_id, ordinal, page, section, body)
select document_id, row_number() over (partition by document_id order by page, slot), page, null, body
from generated;

-- Positions as the demo kring editor (Sanne Jansen) assessed them. Inserted as concepts; the
-- updates below walk them through the workflow, so each gets its versions as in real use.
insert into public.positions (id, gemeente_code, party_id, theme_key, document_id, stance, quote, page, note, assessed_by, updated_by, change_reason) values
  ('70000000-0000-4000-8000-000000000001', 'GM0479', '50000000-0000-4000-8000-000000000009', 'wmo', '60000000-0000-4000-8000-000000000001', 'concreet',
   'Lokaal Zaans Belang wil dat de gemeente binnen vier weken beslist over een Wmo-aanvraag voor een rolstoel, traplift of huishoudelijke hulp. Vanaf 2027 trekken wij daar jaarlijks 1,2 miljoen euro extra voor uit',
   3, 'Een termijn en een bedrag.', '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000002', 'GM0479', '50000000-0000-4000-8000-000000000009', 'jeugdzorg', '60000000-0000-4000-8000-000000000001', 'steunt',
   'Wij willen de jeugdhulp beter organiseren en de wachtlijsten aanpakken, samen met de wijkteams.',
   5, 'Geen termijn, geen geld.', '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000003', 'GM0479', '50000000-0000-4000-8000-000000000009', 'huisvesting', '60000000-0000-4000-8000-000000000001', 'niet_genoemd',
   null, null, 'Het hoofdstuk Wonen noemt huisartsen en praktijkruimte niet.', '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000004', 'GM0479', '50000000-0000-4000-8000-000000000009', 'ggz', '60000000-0000-4000-8000-000000000001', 'tegen',
   'Wij stoppen met de gemeentelijke bijdrage aan de inloop voor mensen op de ggz-wachtlijst en gebruiken dat geld voor handhaving.',
   7, null, '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000005', 'GM0479', '50000000-0000-4000-8000-000000000009', 'respijtzorg', '60000000-0000-4000-8000-000000000001', 'gemengd',
   'De jaarlijkse mantelzorgwaardering blijft, maar nieuwe dagbesteding en logeeropvang moeten eerst betaalbaar blijken.',
   6, null, '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000006', 'GM0479', '50000000-0000-4000-8000-000000000010', 'wmo', '60000000-0000-4000-8000-000000000002', 'concreet',
   'Een aanvraag voor hulpmiddelen of huishoudelijke hulp is binnen vier weken beslist; de wachttijd publiceren wij elk kwartaal.',
   4, null, '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000007', 'GM0479', '50000000-0000-4000-8000-000000000010', 'huisvesting', '60000000-0000-4000-8000-000000000002', 'concreet',
   'In elk nieuw bouwplan van meer dan 500 woningen reserveert de gemeente ruimte voor een huisartsenpraktijk of gezondheidscentrum, tegen een maatschappelijke huur.',
   11, null, '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000008', 'GM0479', '50000000-0000-4000-8000-000000000010', 'jeugdzorg', '60000000-0000-4000-8000-000000000002', 'concreet',
   'Geen kind mag langer dan zes weken wachten op jeugdhulp. Wij financieren vanaf 2026 in elke wijk een praktijkondersteuner jeugd bij de huisarts',
   6, null, '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000009', 'GM0479', '50000000-0000-4000-8000-000000000010', 'preventie', '60000000-0000-4000-8000-000000000002', 'steunt',
   'Welzijn op recept, sport in de wijk en hulp bij schulden en eenzaamheid verdienen steun.',
   8, null, '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000010', 'GM0479', '50000000-0000-4000-8000-000000000009', 'wmo', '60000000-0000-4000-8000-000000000003', 'steunt',
   'Het college zet in op snellere Wmo-besluiten en een goed bereikbaar loket.',
   2, 'Het akkoord noemt geen termijn en geen geld meer.', '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling'),
  ('70000000-0000-4000-8000-000000000011', 'GM0479', '50000000-0000-4000-8000-000000000010', 'huisvesting', '60000000-0000-4000-8000-000000000003', 'gemengd',
   'Bij nieuwe woningbouw kijken wij of er ruimte kan komen voor zorgvoorzieningen, waaronder huisartsenpraktijken, als dat past binnen de grondexploitatie.',
   3, 'Van een harde eis in het programma naar "kijken of het past".', '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', 'Eerste beoordeling');

-- A change before sending, with its reason (the history keeps both versions).
update public.positions set stance = 'steunt', note = 'Eerst als concreet gezien; het stuk noemt geen bedrag voor de wachtlijsten.',
  change_reason = 'Bij nalezen: geen geld en geen termijn genoemd', updated_by = '20000000-0000-4000-8000-000000000006'
where id = '70000000-0000-4000-8000-000000000002';

-- Sent to the parties for their reaction: all but the two concepts (respijtzorg, preventie).
-- Jeugdzorg of Zorgzaam Zaanstad was sent long ago: its period is over without a reaction.
update public.positions set status = 'ter_reactie', sent_for_reply_at = now() - interval '30 days',
  reply_due_at = now() - interval '16 days', change_reason = 'Ter reactie naar de partij (14 dagen)',
  updated_by = '20000000-0000-4000-8000-000000000005'
where id in ('70000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000002',
             '70000000-0000-4000-8000-000000000003', '70000000-0000-4000-8000-000000000006',
             '70000000-0000-4000-8000-000000000007', '70000000-0000-4000-8000-000000000008',
             '70000000-0000-4000-8000-000000000010', '70000000-0000-4000-8000-000000000011');
update public.positions set status = 'ter_reactie', sent_for_reply_at = now() - interval '2 days',
  reply_due_at = now() + interval '12 days', change_reason = 'Ter reactie naar de partij (14 dagen)',
  updated_by = '20000000-0000-4000-8000-000000000005'
where id = '70000000-0000-4000-8000-000000000004';

-- The parties' reactions: Lokaal Zaans Belang agrees on the Wmo and disagrees on jeugdzorg with a
-- source of its own; Zorgzaam Zaanstad agrees on huisvesting.
insert into public.position_replies (id, position_id, party_id, position_version, agrees, explanation,
                                     evidence_quote, evidence_source, evidence_page, responder_name, responder_role, created_at) values
  ('80000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000009', 2, true,
   'Klopt. Het bedrag staat ook in onze doorrekening.', null, null, null, 'Kees Zwart (demo)', 'fractievoorzitter', now() - interval '25 days'),
  ('80000000-0000-4000-8000-000000000002', '70000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000009', 3, false,
   'In onze begrotingsamendementen staat wel een bedrag voor de wachtlijsten.',
   'Lokaal Zaans Belang trekt 400.000 euro uit om de wachtlijst voor jeugdhulp in 2027 te halveren.',
   'Amendement A-12 bij de begroting 2026 (demo)', '2', 'Kees Zwart (demo)', 'fractievoorzitter', now() - interval '24 days'),
  ('80000000-0000-4000-8000-000000000003', '70000000-0000-4000-8000-000000000007', '50000000-0000-4000-8000-000000000010', 2, true,
   null, null, null, null, 'Ilse Mol (demo)', 'lijsttrekker', now() - interval '20 days');

-- Published: after a reaction, or after the period without one (huisvesting of Lokaal Zaans
-- Belang, and the akkoord). The second editor (the demo admin) approved two before publishing.
update public.positions set approved_by = '20000000-0000-4000-8000-000000000006', approved_at = now() - interval '15 days',
  change_reason = 'Goedgekeurd door een tweede redacteur', updated_by = '20000000-0000-4000-8000-000000000006'
where id in ('70000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000007');
update public.positions set status = 'gepubliceerd', published_at = now() - interval '14 days', published_without_reply = false,
  change_reason = 'Gepubliceerd na reactie van de partij', updated_by = '20000000-0000-4000-8000-000000000005'
where id in ('70000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000002', '70000000-0000-4000-8000-000000000007');
update public.positions set status = 'gepubliceerd', published_at = now() - interval '14 days', published_without_reply = true,
  change_reason = 'Gepubliceerd zonder reactie: de reactietermijn is verstreken', updated_by = '20000000-0000-4000-8000-000000000005'
where id in ('70000000-0000-4000-8000-000000000003', '70000000-0000-4000-8000-000000000006',
             '70000000-0000-4000-8000-000000000010', '70000000-0000-4000-8000-000000000011');

-- Council work (demo, invented): an upcoming committee meeting on huisvesting and jeugdzorg, and
-- a past council meeting with a motion and its votes entered by hand from an invented
-- besluitenlijst; themes confirmed by the kring's editor. More fixed ids:
--   d0… meetings · d1… agenda items · d2… motions
insert into public.meetings (id, gemeente_code, kind, name, starts_at, ends_at, location, url, status, entered_by) values
  ('d0000000-0000-4000-8000-000000000001', 'GM0479', 'commissievergadering', 'Commissie Samenleving (demo)',
   (date_trunc('day', now() at time zone 'Europe/Amsterdam') + interval '12 days 19 hours 30 minutes') at time zone 'Europe/Amsterdam',
   (date_trunc('day', now() at time zone 'Europe/Amsterdam') + interval '12 days 22 hours') at time zone 'Europe/Amsterdam',
   'Raadzaal, stadhuis Zaandam', null, 'gepland', '20000000-0000-4000-8000-000000000005'),
  ('d0000000-0000-4000-8000-000000000002', 'GM0479', 'raadsvergadering', 'Gemeenteraad (demo)',
   (date_trunc('day', now() at time zone 'Europe/Amsterdam') - interval '20 days' + interval '19 hours 30 minutes') at time zone 'Europe/Amsterdam',
   null, 'Raadzaal, stadhuis Zaandam', null, 'gepland', '20000000-0000-4000-8000-000000000005');

insert into public.agenda_items (id, meeting_id, parent_id, position, number, title, is_heading) values
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', null, 0, '1', 'Opening en mededelingen', false),
  ('d1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', null, 1, '4', 'Raadsvoorstel ruimte voor huisartsenpraktijken in Zaandam-Oost (demo)', false),
  ('d1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', null, 2, '5', 'Wachtlijsten jeugdhulp: stand van zaken (demo)', false),
  ('d1000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000002', null, 0, '8', 'Woningbouwprogramma 2027 (demo)', false);

insert into public.agenda_item_documents (agenda_item_id, position, name, url) values
  ('d1000000-0000-4000-8000-000000000002', 1, 'Raadsvoorstel (demo, verzonnen)', 'https://example.org/demo/raadsvoorstel-huisvesting.pdf');

insert into public.agenda_item_themes (agenda_item_id, theme_key, confirmed_by) values
  ('d1000000-0000-4000-8000-000000000002', 'huisvesting', '20000000-0000-4000-8000-000000000005'),
  ('d1000000-0000-4000-8000-000000000003', 'jeugdzorg', '20000000-0000-4000-8000-000000000005');

insert into public.motions (id, gemeente_code, meeting_id, agenda_item_id, title, type, decided_on, result, text, entered_by) values
  ('d2000000-0000-4000-8000-000000000001', 'GM0479', 'd0000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000004',
   'Motie Een huisartsenpraktijk in elke nieuwe wijk (demo)', 'motie', (now() - interval '20 days')::date, 'aangenomen',
   'De raad, overwegende dat in nieuwe wijken geen ruimte is gereserveerd voor huisartsen, verzoekt het college in elk bestemmingsplan voor een nieuwe wijk ruimte voor een huisartsenpraktijk op te nemen. (Verzonnen tekst voor de demo.)',
   '20000000-0000-4000-8000-000000000005');

insert into public.motion_submitters (motion_id, party_id, role) values
  ('d2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000010', 'indiener'),
  ('d2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000004', 'mede-indiener');

insert into public.motion_party_votes (motion_id, party_id, vote, source, source_document, source_url, source_page, entered_by)
select 'd2000000-0000-4000-8000-000000000001', p.id, v.vote, 'manual', 'besluitenlijst',
       'https://example.org/demo/besluitenlijst-gemeenteraad.pdf', 3, '20000000-0000-4000-8000-000000000005'
from (values
  ('50000000-0000-4000-8000-000000000001', 'voor'), ('50000000-0000-4000-8000-000000000002', 'voor'),
  ('50000000-0000-4000-8000-000000000003', 'voor'), ('50000000-0000-4000-8000-000000000004', 'voor'),
  ('50000000-0000-4000-8000-000000000005', 'voor'), ('50000000-0000-4000-8000-000000000006', 'tegen'),
  ('50000000-0000-4000-8000-000000000007', 'voor'), ('50000000-0000-4000-8000-000000000008', 'onthouden'),
  ('50000000-0000-4000-8000-000000000009', 'verdeeld'), ('50000000-0000-4000-8000-000000000010', 'voor')
) v (party, vote)
join public.parties p on p.id = v.party::uuid;

insert into public.motion_themes (motion_id, theme_key, confirmed_by) values
  ('d2000000-0000-4000-8000-000000000001', 'huisvesting', '20000000-0000-4000-8000-000000000005');

-- Outcomes (demo): a letter the huisartsen of Zaanstad sent after the election (closed now, so it
-- blocks no new letter), the parties' answers, a council meeting with motions and votes, and
-- commitments with their history, one reaction included, so the timeline, "gezegd en gedaan" and
-- the kring view show something on a first start. All invented, marked "(demo)". More fixed ids:
--   a… the letter (campaign, revision, asks, responses) · b… council · c… commitments
insert into public.campaigns (id, gemeente_code, occasion, title, occasion_key, status, created_by, created_at, sent_at, sent_manually, closed_at) values
  ('a0000000-0000-4000-8000-000000000001', 'GM0479', 'anders', 'Zorg na de verkiezingen (demo)',
   'anders:zorg-na-de-verkiezingen-demo', 'afgerond', '20000000-0000-4000-8000-000000000001',
   '2026-03-20 09:00+01', '2026-03-27 10:00+01', true, '2026-10-01 12:00+02');
insert into public.memberships (id, user_id, role, campaign_id) values
  ('40000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', 'campaign_coordinator', 'a0000000-0000-4000-8000-000000000001');
insert into public.letter_revisions (id, campaign_id, number, body_md, body_html, author_id, created_at) values
  ('a1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 1,
   E'Geachte fractie,\n\nNamens de huisartsen in Zaanstad (demo) vragen wij u om drie dingen.\n\n## Onze vragen aan u\n\n1. Beslis binnen vier weken over een Wmo-aanvraag en geef huisartsen één vast aanspreekpunt bij het Wmo-loket.\n2. Zorg dat jeugdhulp binnen zes weken start en dat de verwijzende huisarts hoort wat er met de verwijzing gebeurt.\n3. Reserveer ruimte voor huisartsenzorg in elk nieuw bouwplan en help praktijken aan betaalbare huisvesting.\n\nMet vriendelijke groet,\n\nDe huisartsen van Zaanstad',
   '<p>Geachte fractie,</p><p>Namens de huisartsen in Zaanstad (demo) vragen wij u om drie dingen.</p><h2>Onze vragen aan u</h2><ol><li>Beslis binnen vier weken over een Wmo-aanvraag en geef huisartsen één vast aanspreekpunt bij het Wmo-loket.</li><li>Zorg dat jeugdhulp binnen zes weken start en dat de verwijzende huisarts hoort wat er met de verwijzing gebeurt.</li><li>Reserveer ruimte voor huisartsenzorg in elk nieuw bouwplan en help praktijken aan betaalbare huisvesting.</li></ol><p>Met vriendelijke groet,</p><p>De huisartsen van Zaanstad</p>',
   '20000000-0000-4000-8000-000000000001', '2026-03-20 09:00+01');
update public.campaigns set signing_revision_id = 'a1000000-0000-4000-8000-000000000001'
where id = 'a0000000-0000-4000-8000-000000000001';
insert into public.campaign_themes (campaign_id, theme_key, position) values
  ('a0000000-0000-4000-8000-000000000001', 'wmo', 1),
  ('a0000000-0000-4000-8000-000000000001', 'jeugdzorg', 2),
  ('a0000000-0000-4000-8000-000000000001', 'huisvesting', 3);
insert into public.letter_asks (id, campaign_id, revision_id, number, body, theme_key, created_at) values
  ('a2000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 1,
   'Beslis binnen vier weken over een Wmo-aanvraag en geef huisartsen één vast aanspreekpunt bij het Wmo-loket.', 'wmo', '2026-03-22 10:00+01'),
  ('a2000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 2,
   'Zorg dat jeugdhulp binnen zes weken start en dat de verwijzende huisarts hoort wat er met de verwijzing gebeurt.', 'jeugdzorg', '2026-03-22 10:00+01'),
  ('a2000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 3,
   'Reserveer ruimte voor huisartsenzorg in elk nieuw bouwplan en help praktijken aan betaalbare huisvesting.', 'huisvesting', '2026-03-22 10:00+01');
insert into public.signatures (campaign_id, user_id, practice_id, revision_id, signer_name, big_number, show_name, verified_at, verification_method, created_at)
select 'a0000000-0000-4000-8000-000000000001', u.id, pm.practice_id, 'a1000000-0000-4000-8000-000000000001', u.name, u.big_number, true,
       '2026-03-24 12:00+01', 'hand', '2026-03-23 12:00+01'
from public.users u
join lateral (select practice_id from public.practice_members where user_id = u.id order by practice_id limit 1) pm on true
where u.id in ('20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002',
               '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000004');
-- Handed over by the coordinators themselves (the demo parties have no addresses).
insert into public.deliveries (campaign_id, party_id, channel, created_at)
select 'a0000000-0000-4000-8000-000000000001', id, 'handmatig', '2026-03-27 10:00+01'
from public.parties where gemeente_code = 'GM0479';
insert into public.responses (id, campaign_id, party_id, channel, responder_name, responder_role, body_md, body_html, entered_by, created_at) values
  ('a3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000009', 'email',
   'Kees Zwart (demo)', 'fractievoorzitter', 'Lokaal Zaans Belang staat achter snelle Wmo-besluiten.',
   '<p>Lokaal Zaans Belang staat achter snelle Wmo-besluiten.</p>', '20000000-0000-4000-8000-000000000001', '2026-04-02 14:00+02'),
  ('a3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000010', 'email',
   'Ilse Mol (demo)', 'lijsttrekker', 'Zorgzaam Zaanstad zegt op alle drie de vragen ja.',
   '<p>Zorgzaam Zaanstad zegt op alle drie de vragen ja.</p>', '20000000-0000-4000-8000-000000000001', '2026-04-05 09:30+02'),
  ('a3000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001', 'email',
   'Demo Woordvoerder (demo)', 'woordvoerder zorg', 'De VVD wil eerst weten wat het kost.',
   '<p>De VVD wil eerst weten wat het kost.</p>', '20000000-0000-4000-8000-000000000001', '2026-04-09 16:00+02');
insert into public.response_answers (response_id, campaign_id, ask_id, answer, explanation) values
  ('a3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000001', 'ja',
   'Wij regelen dat de gemeente vanaf 2027 binnen vier weken beslist, en trekken er geld voor uit in de eerste begroting.'),
  ('a3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000002', 'deels',
   'Sneller wel, maar zes weken kunnen wij niet beloven.'),
  ('a3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', 'geen_standpunt', null),
  ('a3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000001', 'ja',
   'Ja: vier weken, en een vaste contactpersoon voor huisartsen bij het loket.'),
  ('a3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000002', 'ja',
   'Een praktijkondersteuner jeugd in elke wijk, vanaf dit jaar.'),
  ('a3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', 'ja',
   'In elk bouwplan van meer dan 500 woningen ruimte voor een praktijk.'),
  ('a3000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000001', 'deels',
   'Snellere besluiten graag, maar niet met extra geld.'),
  ('a3000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000002', 'nee', null),
  ('a3000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', 'ja', null);

-- The akkoord also holds a real promise (the other care passages only say "wij onderzoeken").
insert into public.document_passages (document_id, ordinal, page, section, body)
select '60000000-0000-4000-8000-000000000003', max(ordinal) + 1, 4, 'Zorg dichtbij',
       'Het Wmo-loket krijgt vóór 1 januari 2027 één vast telefoonnummer voor huisartsen, en het college publiceert vanaf dan elk kwartaal de wachttijden voor Wmo-besluiten.'
from public.document_passages where document_id = '60000000-0000-4000-8000-000000000003';

-- A council meeting with motions and the vote per party, entered by hand from the besluitenlijst.
insert into public.meetings (id, gemeente_code, kind, name, starts_at, location, status, entered_by, created_at) values
  ('b1000000-0000-4000-8000-000000000001', 'GM0479', 'raadsvergadering', 'Raadsvergadering 18 juni 2026 (demo)',
   '2026-06-18 19:30+02', 'Stadhuis Zaandam, raadzaal', 'gepland', '20000000-0000-4000-8000-000000000005', '2026-06-19 09:00+02'),
  ('b1000000-0000-4000-8000-000000000002', 'GM0479', 'raadsvergadering', 'Begrotingsraad 5 november 2026 (demo)',
   '2026-11-05 17:00+01', 'Stadhuis Zaandam, raadzaal', 'gepland', '20000000-0000-4000-8000-000000000005', '2026-11-06 09:00+01');
insert into public.motions (id, gemeente_code, meeting_id, title, type, decided_on, result, text, url, entered_by, created_at) values
  ('b2000000-0000-4000-8000-000000000001', 'GM0479', 'b1000000-0000-4000-8000-000000000001', 'Snel een rolstoel (demo)', 'motie',
   '2026-06-18', 'aangenomen', 'Draagt het college op om vanaf 1 januari 2027 binnen vier weken te beslissen over elke Wmo-aanvraag voor een hulpmiddel.',
   'https://example.org/demo/motie-snel-een-rolstoel.pdf', '20000000-0000-4000-8000-000000000005', '2026-06-19 09:00+02'),
  ('b2000000-0000-4000-8000-000000000002', 'GM0479', 'b1000000-0000-4000-8000-000000000001', 'Wachttijd jeugdhulp openbaar (demo)', 'motie',
   '2026-06-18', 'verworpen', 'Verzoekt het college elk kwartaal de wachttijd voor jeugdhulp te publiceren.',
   'https://example.org/demo/motie-wachttijd-jeugdhulp.pdf', '20000000-0000-4000-8000-000000000005', '2026-06-19 09:00+02'),
  ('b2000000-0000-4000-8000-000000000003', 'GM0479', 'b1000000-0000-4000-8000-000000000002', 'Praktijkruimte in de Achtersluispolder (demo)', 'amendement',
   '2026-11-05', 'aangenomen', 'Reserveert in de grondexploitatie Achtersluispolder ruimte voor een gezondheidscentrum.',
   'https://example.org/demo/amendement-praktijkruimte.pdf', '20000000-0000-4000-8000-000000000005', '2026-11-06 09:00+01'),
  ('b2000000-0000-4000-8000-000000000004', 'GM0479', 'b1000000-0000-4000-8000-000000000002', 'Loket voor mantelzorgers (demo)', 'motie',
   '2026-11-05', 'aangenomen', 'Verzoekt het college één loket voor respijtzorg en mantelzorgondersteuning te openen.',
   'https://example.org/demo/motie-loket-mantelzorgers.pdf', '20000000-0000-4000-8000-000000000005', '2026-11-06 09:00+01');
insert into public.motion_submitters (motion_id, party_id, role) values
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000010', 'indiener'),
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000009', 'mede-indiener'),
  ('b2000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000010', 'indiener'),
  ('b2000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000002', 'indiener'),
  ('b2000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000005', 'indiener');
insert into public.motion_party_votes (motion_id, party_id, vote, source, source_document, source_url, source_page, entered_by)
select v.motion_id::uuid, v.party_id::uuid, v.vote, 'manual', 'besluitenlijst', v.url, v.page, '20000000-0000-4000-8000-000000000005'
from (values
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000009', 'voor', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3),
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000010', 'voor', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3),
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001', 'tegen', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3),
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000002', 'voor', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3),
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000003', 'voor', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3),
  ('b2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000004', 'afwezig', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3),
  ('b2000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000009', 'tegen', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 4),
  ('b2000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000010', 'voor', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 4),
  ('b2000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000001', 'tegen', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 4),
  ('b2000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000002', 'voor', 'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 4),
  ('b2000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000009', 'voor', 'https://example.org/demo/besluitenlijst-2026-11-05.pdf', 7),
  ('b2000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000010', 'voor', 'https://example.org/demo/besluitenlijst-2026-11-05.pdf', 7),
  ('b2000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000002', 'voor', 'https://example.org/demo/besluitenlijst-2026-11-05.pdf', 7),
  ('b2000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000009', 'voor', 'https://example.org/demo/besluitenlijst-2026-11-05.pdf', 8),
  ('b2000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000005', 'voor', 'https://example.org/demo/besluitenlijst-2026-11-05.pdf', 8)
) as v (motion_id, party_id, vote, url, page);
insert into public.motion_themes (motion_id, theme_key, confirmed_by) values
  ('b2000000-0000-4000-8000-000000000001', 'wmo', '20000000-0000-4000-8000-000000000005'),
  ('b2000000-0000-4000-8000-000000000002', 'jeugdzorg', '20000000-0000-4000-8000-000000000005'),
  ('b2000000-0000-4000-8000-000000000003', 'huisvesting', '20000000-0000-4000-8000-000000000005'),
  ('b2000000-0000-4000-8000-000000000004', 'respijtzorg', '20000000-0000-4000-8000-000000000005');

-- Commitments as the kring's editor recorded them, each with its steps (written here in the order
-- they happened; the app records them through record_commitment and update_commitment_status).
insert into public.commitments (id, gemeente_code, promiser, party_id, promiser_detail, theme_key, body, source_kind,
                                response_id, ask_id, document_id, passage_id, motion_id, meeting_id, source_title, source_quote,
                                source_url, source_page, promised_on, deadline, status, status_on, created_by, updated_by, created_at) values
  ('c0000000-0000-4000-8000-000000000001', 'GM0479', 'partij', '50000000-0000-4000-8000-000000000009', 'fractievoorzitter Kees Zwart (demo)', 'wmo',
   'Vanaf 2027 beslist de gemeente binnen vier weken over een Wmo-aanvraag, met geld in de eerste begroting.', 'antwoord',
   'a3000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000001', null, null, 'b2000000-0000-4000-8000-000000000001', null,
   'Antwoord van Lokaal Zaans Belang (demo) op vraag 1 van de brief "Zorg na de verkiezingen (demo)"',
   'Wij regelen dat de gemeente vanaf 2027 binnen vier weken beslist, en trekken er geld voor uit in de eerste begroting.',
   null, null, '2026-04-02', '2027-01-01', 'deels_gerealiseerd', '2026-11-10', '20000000-0000-4000-8000-000000000005',
   '20000000-0000-4000-8000-000000000005', '2026-04-10 10:00+02'),
  ('c0000000-0000-4000-8000-000000000002', 'GM0479', 'college', null, 'wethouder Zorg (demo)', 'wmo',
   'Het Wmo-loket krijgt vóór 1 januari 2027 één vast telefoonnummer voor huisartsen; elk kwartaal worden de wachttijden gepubliceerd.', 'akkoord',
   null, 'a2000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000003',
   (select id from public.document_passages where document_id = '60000000-0000-4000-8000-000000000003' and body like 'Het Wmo-loket krijgt%'),
   null, null, 'Coalitieakkoord 2026-2030 "Samen voor de Zaan" (demo, verzonnen)',
   'Het Wmo-loket krijgt vóór 1 januari 2027 één vast telefoonnummer voor huisartsen, en het college publiceert vanaf dan elk kwartaal de wachttijden voor Wmo-besluiten.',
   'https://example.org/demo/coalitieakkoord-2026.pdf', 4, '2026-05-12', '2027-01-01', 'in_uitvoering', '2026-09-15',
   '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', '2026-05-20 10:00+02'),
  ('c0000000-0000-4000-8000-000000000003', 'GM0479', 'college', null, null, 'huisvesting',
   'Het college reserveert in de Achtersluispolder ruimte voor een gezondheidscentrum en legt vóór 1 oktober 2026 een plan voor.', 'motie',
   null, 'a2000000-0000-4000-8000-000000000003', null, null, 'b2000000-0000-4000-8000-000000000003', null,
   'Amendement "Praktijkruimte in de Achtersluispolder (demo)" (aangenomen)', null,
   'https://example.org/demo/amendement-praktijkruimte.pdf', null, '2026-06-18', '2026-10-01', 'toegezegd', '2026-06-18',
   '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000005', '2026-06-19 10:00+02'),
  ('c0000000-0000-4000-8000-000000000004', 'GM0479', 'college', null, 'wethouder Zorg (demo)', 'respijtzorg',
   'De wethouder stuurt vóór de zomer een plan voor respijtzorg naar de raad.', 'vergadering',
   null, null, null, null, null, 'b1000000-0000-4000-8000-000000000001', 'Raadsvergadering 18 juni 2026 (demo)',
   'Ik zeg toe dat u vóór de zomer een plan voor respijtzorg krijgt.', 'https://example.org/demo/notulen-2026-06-18.pdf', 12,
   '2026-06-18', '2026-07-15', 'niet_nagekomen', '2026-09-01', '20000000-0000-4000-8000-000000000005',
   '20000000-0000-4000-8000-000000000005', '2026-06-19 10:30+02');
-- The commitments' number 3 went back the way promises sometimes do, and number 1 moved forward.
insert into public.commitment_updates (commitment_id, seq, status, previous_status, happened_on, note, evidence_title, evidence_url, evidence_page, recorded_by, recorded_at) values
  ('c0000000-0000-4000-8000-000000000001', 1, 'toegezegd', null, '2026-04-02', null, null, null, null, '20000000-0000-4000-8000-000000000005', '2026-04-10 10:00+02'),
  ('c0000000-0000-4000-8000-000000000001', 2, 'in_uitvoering', 'toegezegd', '2026-06-18',
   'De raad nam de motie "Snel een rolstoel" aan, mede ingediend door Lokaal Zaans Belang.', 'Besluitenlijst raadsvergadering 18 juni 2026 (demo)',
   'https://example.org/demo/besluitenlijst-2026-06-18.pdf', 3, '20000000-0000-4000-8000-000000000005', '2026-06-19 11:00+02'),
  ('c0000000-0000-4000-8000-000000000001', 3, 'deels_gerealiseerd', 'in_uitvoering', '2026-11-10',
   'De begroting 2027 trekt geld uit voor de helft van de extra beslissers; de termijn van vier weken staat er niet in.', 'Begroting 2027 (demo), programma Zorg en welzijn',
   'https://example.org/demo/begroting-2027.pdf', 42, '20000000-0000-4000-8000-000000000005', '2026-11-12 09:00+01'),
  ('c0000000-0000-4000-8000-000000000002', 1, 'toegezegd', null, '2026-05-12', null, null, null, null, '20000000-0000-4000-8000-000000000005', '2026-05-20 10:00+02'),
  ('c0000000-0000-4000-8000-000000000002', 2, 'in_uitvoering', 'toegezegd', '2026-09-15',
   'Het college meldt dat het telefoonnummer in januari werkt; de wachttijden volgen.', 'Raadsinformatiebrief Wmo-loket (demo)',
   'https://example.org/demo/raadsinformatiebrief-wmo-loket.pdf', null, '20000000-0000-4000-8000-000000000005', '2026-09-16 10:00+02'),
  ('c0000000-0000-4000-8000-000000000003', 1, 'toegezegd', null, '2026-06-18', null, null, null, null, '20000000-0000-4000-8000-000000000005', '2026-06-19 10:00+02'),
  ('c0000000-0000-4000-8000-000000000004', 1, 'toegezegd', null, '2026-06-18', null, null, null, null, '20000000-0000-4000-8000-000000000005', '2026-06-19 10:30+02'),
  ('c0000000-0000-4000-8000-000000000004', 2, 'in_uitvoering', 'toegezegd', '2026-07-01',
   'De wethouder meldt in de commissie dat het plan in voorbereiding is.', 'Verslag commissie Samenleving 1 juli 2026 (demo)',
   null, 5, '20000000-0000-4000-8000-000000000005', '2026-07-02 10:00+02'),
  ('c0000000-0000-4000-8000-000000000004', 3, 'vastgelopen', 'in_uitvoering', '2026-08-01',
   'Het plan is uitgesteld tot na het zomerreces; geen nieuwe datum.', 'Lijst van toezeggingen raad, augustus 2026 (demo)',
   'https://example.org/demo/toezeggingenlijst-2026-08.pdf', 2, '20000000-0000-4000-8000-000000000005', '2026-08-02 10:00+02'),
  ('c0000000-0000-4000-8000-000000000004', 4, 'niet_nagekomen', 'vastgelopen', '2026-09-01',
   'De wethouder trekt de toezegging in: respijtzorg komt in de kadernota 2028.', 'Lijst van toezeggingen raad, september 2026 (demo)',
   'https://example.org/demo/toezeggingenlijst-2026-09.pdf', 2, '20000000-0000-4000-8000-000000000005', '2026-09-02 10:00+02');
-- The demo parties have no addresses: the kring passed the link on, so no copy went to the party.
insert into public.commitment_reactions (commitment_id, update_id, responder_name, responder_role, body, created_at, copy_sent)
select 'c0000000-0000-4000-8000-000000000001', id, 'Kees Zwart (demo)', 'fractievoorzitter',
       'Klopt. De andere helft regelen wij in de voorjaarsnota; daar houden wij het college aan.', '2026-11-14 16:00+01', false
from public.commitment_updates where commitment_id = 'c0000000-0000-4000-8000-000000000001' and seq = 3;

-- The kring set the real date of next year's kadernota (the begroting stays an estimate).
insert into public.policy_moments (gemeente_code, kind, year, on_date, note, set_by) values
  ('GM0479', 'kadernota', 2027, '2027-06-24', 'Raadsvergadering over de kadernota 2028 (demo)', '20000000-0000-4000-8000-000000000005');
