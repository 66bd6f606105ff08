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
--   a0… meetings · a1… agenda items · a2… motions
insert into public.meetings (id, gemeente_code, kind, name, starts_at, ends_at, location, url, status, entered_by) values
  ('a0000000-0000-4000-8000-000000000001', 'GM0479', 'commissievergadering', 'Commissie Samenleving (demo)',
   (date_trunc('day', now() at time zone 'Europe/Amsterdam') + interval '12 days 19 hours 30 minutes') at time zone 'Europe/Amsterdam',
   (date_trunc('day', now() at time zone 'Europe/Amsterdam') + interval '12 days 22 hours') at time zone 'Europe/Amsterdam',
   'Raadzaal, stadhuis Zaandam', null, 'gepland', '20000000-0000-4000-8000-000000000005'),
  ('a0000000-0000-4000-8000-000000000002', 'GM0479', 'raadsvergadering', 'Gemeenteraad (demo)',
   (date_trunc('day', now() at time zone 'Europe/Amsterdam') - interval '20 days' + interval '19 hours 30 minutes') at time zone 'Europe/Amsterdam',
   null, 'Raadzaal, stadhuis Zaandam', null, 'gepland', '20000000-0000-4000-8000-000000000005');

insert into public.agenda_items (id, meeting_id, parent_id, position, number, title, is_heading) values
  ('a1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', null, 0, '1', 'Opening en mededelingen', false),
  ('a1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', null, 1, '4', 'Raadsvoorstel ruimte voor huisartsenpraktijken in Zaandam-Oost (demo)', false),
  ('a1000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', null, 2, '5', 'Wachtlijsten jeugdhulp: stand van zaken (demo)', false),
  ('a1000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000002', null, 0, '8', 'Woningbouwprogramma 2027 (demo)', false);

insert into public.agenda_item_documents (agenda_item_id, position, name, url) values
  ('a1000000-0000-4000-8000-000000000002', 1, 'Raadsvoorstel (demo, verzonnen)', 'https://example.org/demo/raadsvoorstel-huisvesting.pdf');

insert into public.agenda_item_themes (agenda_item_id, theme_key, confirmed_by) values
  ('a1000000-0000-4000-8000-000000000002', 'huisvesting', '20000000-0000-4000-8000-000000000005'),
  ('a1000000-0000-4000-8000-000000000003', 'jeugdzorg', '20000000-0000-4000-8000-000000000005');

insert into public.motions (id, gemeente_code, meeting_id, agenda_item_id, title, type, decided_on, result, text, entered_by) values
  ('a2000000-0000-4000-8000-000000000001', 'GM0479', 'a0000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000004',
   'Motie Een huisartsenpraktijk in elke nieuwe wijk (demo)', 'motie', (now() - interval '20 days')::date, 'aangenomen',
   'De raad, overwegende dat in nieuwe wijken geen ruimte is gereserveerd voor huisartsen, verzoekt het college in elk bestemmingsplan voor een nieuwe wijk ruimte voor een huisartsenpraktijk op te nemen. (Verzonnen tekst voor de demo.)',
   '20000000-0000-4000-8000-000000000005');

insert into public.motion_submitters (motion_id, party_id, role) values
  ('a2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000010', 'indiener'),
  ('a2000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000004', 'mede-indiener');

insert into public.motion_party_votes (motion_id, party_id, vote, source, source_document, source_url, source_page, entered_by)
select 'a2000000-0000-4000-8000-000000000001', p.id, v.vote, 'manual', 'besluitenlijst',
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
  ('a2000000-0000-4000-8000-000000000001', 'huisvesting', '20000000-0000-4000-8000-000000000005');
