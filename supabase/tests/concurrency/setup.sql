-- Setup for the concurrency check in pg15.sh: two letters open for signing in gemeente GM0014,
-- one practice there, and 250 huisartsen who are members of it. pgbench then makes them sign
-- at the same moment through the same function the app calls (sign_letter_as_member).
\set ON_ERROR_STOP on
insert into public.practices (name, agb_code, gemeente_code)
values ('Praktijk Gelijktijdig', '01999990', 'GM0014');

insert into public.users (email, name)
select format('gelijk-%s@example.nl', n), format('Dokter %s', n) from generate_series(0, 249) n;

insert into public.practice_members (practice_id, user_id, confirmed_at, confirmed_how)
select p.id, u.id, now(), 'kring' from public.practices p, public.users u
where p.agb_code = '01999990' and u.email like 'gelijk-%@example.nl';

select public.start_campaign(u.id, 'GM0014', o.occasion, o.title, o.occasion, array['wmo'],
                             'Tekst van de brief.', '<p>Tekst van de brief.</p>')
from public.users u,
     (values ('verkiezingen_2026', 'Tweehonderd tegelijk'), ('coalitieakkoord', 'Vijftig keer tien')) o(occasion, title)
where u.email = 'gelijk-0@example.nl';

select public.open_for_signing(c.id, c.created_by, r.id, '[]'::jsonb,
                               '[{"number": 1, "body": "Een vraag."}]'::jsonb)
from public.campaigns c join public.letter_revisions r on r.campaign_id = c.id
where c.gemeente_code = 'GM0014';
