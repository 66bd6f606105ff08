-- Database tests for the API roles, run by supabase/tests/pg15.sh after migrations and seed.
-- Each check raises an exception when an expectation fails (psql runs with ON_ERROR_STOP), and
-- prints "ok: …" as a notice when it holds; pg15.sh counts those. Everything is rolled back.
--
-- Contract (see the foundation migration): anon and authenticated may only SELECT the public
-- tables below; every other table, every sequence and every function in public is closed to them.
-- A new public table or view must be added to public_tables() on purpose.

\set ON_ERROR_STOP on
-- Results are empty rows; the notices (stderr) carry the report.
\o /dev/null
set client_min_messages = notice;
begin;

create function pg_temp.public_tables() returns text[] language sql immutable as $$
  select array['gemeenten', 'kringen', 'kring_gemeenten', 'parties', 'themes']
$$;

-- Runs p_sql as the current role; passes only when the database refuses it for lack of rights.
create function pg_temp.expect_denied(p_sql text) returns void language plpgsql as $$
begin
  begin
    execute p_sql;
  exception when insufficient_privilege then
    raise notice 'ok: % denied: %', current_user, regexp_replace(p_sql, '\s+', ' ', 'g');
    return;
  end;
  raise exception 'FAIL: % was allowed: %', current_user, regexp_replace(p_sql, '\s+', ' ', 'g');
end
$$;

-- Runs p_sql and undoes it; passes when it succeeds. Proves a denied statement is a real one.
create function pg_temp.expect_allowed(p_sql text) returns void language plpgsql as $$
begin
  begin
    execute p_sql;
    raise exception using errcode = 'LJH01', message = 'undo';
  exception when sqlstate 'LJH01' then
    raise notice 'ok: % allowed: %', current_user, regexp_replace(p_sql, '\s+', ' ', 'g');
  end;
end
$$;

create function pg_temp.expect_equal(p_what text, p_actual bigint, p_expected bigint)
returns void language plpgsql as $$
begin
  if p_actual is distinct from p_expected then
    raise exception 'FAIL: % as %: got %, want %', p_what, current_user, p_actual, p_expected;
  end if;
  raise notice 'ok: % as %: %', p_what, current_user, p_actual;
end
$$;

-- What an attacker holding the anon key (or a signed-in browser, if it ever held a token) would
-- try first. Every statement here succeeds for service_role (checked below), so a refusal is
-- due to rights, not to a broken statement. Ids are the demo seed's.
create function pg_temp.forbidden_statements() returns text[] language sql immutable as $$
  select array[
    -- private tables: read, write, change, remove
    'select email, big_number from public.users',
    $q$insert into public.users (email, name) values ('aanvaller@example.org', 'Aanvaller')$q$,
    $q$update public.users set big_number = '00000000000'$q$,
    $q$delete from public.users where id = '20000000-0000-4000-8000-000000000006'$q$,
    'select id, user_id from public.sessions',
    $q$insert into public.sessions (id, user_id, secret_hash)
       values ('gestolen', '20000000-0000-4000-8000-000000000001', '\x00')$q$,
    $q$update public.sessions set last_seen_at = now()$q$,
    'delete from public.sessions',
    'select email, code_hash from public.login_codes',
    $q$insert into public.login_codes (email, code_hash, browser_hash, expires_at)
       values ('huisarts@demo.laatjehoren.nl', '\x00', '\x00', now() + interval '1 hour')$q$,
    'update public.login_codes set attempts = 0',
    'delete from public.login_codes',
    'select key, hits from public.rate_limits',
    $q$insert into public.rate_limits (key, window_start, hits) values ('ip:1.2.3.4', now(), 0)$q$,
    'update public.rate_limits set hits = 0',
    'delete from public.rate_limits',
    'select name, agb_code from public.practices',
    $q$insert into public.practices (name, agb_code, gemeente_code)
       values ('Nepraktijk', '01999999', 'GM0479')$q$,
    $q$update public.practices set name = 'Overgenomen'$q$,
    $q$delete from public.practices where id = '30000000-0000-4000-8000-000000000005'$q$,
    'select practice_id, user_id from public.practice_members',
    $q$insert into public.practice_members (practice_id, user_id)
       values ('30000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000001')$q$,
    $q$update public.practice_members set created_at = now()$q$,
    $q$delete from public.practice_members where user_id = '20000000-0000-4000-8000-000000000001'$q$,
    'select user_id, role from public.memberships',
    $q$insert into public.memberships (user_id, role)
       values ('20000000-0000-4000-8000-000000000001', 'admin')$q$,
    $q$update public.memberships set created_at = now()$q$,
    'delete from public.memberships',
    'select actor_id, action from public.audit_log',
    $q$insert into public.audit_log (action, entity) values ('vervalst', 'user')$q$,
    $q$update public.audit_log set action = 'gewist'$q$,
    'delete from public.audit_log',
    'select to_address, text_body from public.outbox',
    $q$insert into public.outbox (to_address, subject, text_body)
       values ('slachtoffer@example.org', 'Uw code', 'phishing')$q$,
    $q$update public.outbox set to_address = 'aanvaller@example.org'$q$,
    'delete from public.outbox',
    -- public tables are read-only
    $q$insert into public.gemeenten (code, name, province, slug)
       values ('GM9999', 'Nepgemeente', 'Nergens', 'nepgemeente')$q$,
    $q$update public.gemeenten set name = 'Gekaapt' where code = 'GM0479'$q$,
    $q$delete from public.gemeenten where code = 'GM9999'$q$,
    $q$insert into public.kringen (slug, name) values ('nepkring', 'Nepkring')$q$,
    $q$update public.kringen set name = 'Gekaapt'$q$,
    $q$delete from public.kring_gemeenten where gemeente_code = 'GM0479'$q$,
    $q$insert into public.parties (gemeente_code, name) values ('GM0479', 'Nieuwe Partij')$q$,
    $q$update public.parties set abbreviation = 'NEP'$q$,
    $q$delete from public.parties where name = 'Nieuwe Partij'$q$,
    -- the RPC functions
    $q$select public.consume_rate_limit('email:huisarts@demo.laatjehoren.nl', 1000, 60)$q$,
    $q$select public.issue_login_code('huisarts@demo.laatjehoren.nl', '\x00', 600, '\x00')$q$,
    $q$select * from public.begin_login_code_check(gen_random_uuid(), '\x00')$q$,
    $q$select public.redeem_login_code('00000000-0000-4000-8000-000000000000')$q$,
    $q$select public.create_practice_with_member('20000000-0000-4000-8000-000000000001',
       'Nepraktijk', '01999998', 'GM0479', null)$q$,
    $q$select public.delete_user_account('20000000-0000-4000-8000-000000000001')$q$,
    'select * from public.claim_outbox(10)',
    'select public.outbox_has_work()',
    $q$select public.reopen_draft_comment(gen_random_uuid(), gen_random_uuid(), gen_random_uuid())$q$,
    -- party positions: concepts, waiting positions, reply links and replies are the server's
    'select quote, status from public.positions',
    $q$update public.positions set note = 'gekaapt'$q$,
    $q$delete from public.positions where id = '70000000-0000-4000-8000-000000000005'$q$,
    'select stance, reason from public.position_versions',
    'select token_hash, party_id from public.position_reply_links',
    $q$insert into public.position_replies (position_id, party_id, position_version, agrees, responder_name)
       values ('70000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000009', 1, true, 'Aanvaller')$q$,
    'select title, url from public.documents',
    'select body from public.document_passages',
    'select theme_key from public.kring_themes',
    $q$select public.submit_position_reply('00', '70000000-0000-4000-8000-000000000004', true, 'Aanvaller')$q$,
    $q$select public.publish_position('20000000-0000-4000-8000-000000000005', '70000000-0000-4000-8000-000000000008')$q$,
    $q$select * from public.find_passages('60000000-0000-4000-8000-000000000001', array['wmo'], 5)$q$,
    $q$select public.kring_dashboard('10000000-0000-4000-8000-000000000001')$q$,
    -- remarks on draft letters are for the colleagues of the gemeente, through the server
    'select body, quote from public.draft_comments',
    $q$update public.draft_comments set body = 'gekaapt'$q$,
    'delete from public.draft_comments',
    'select due_at from public.draft_comment_notices',
    $q$select public.may_comment_on_draft('20000000-0000-4000-8000-000000000001', gen_random_uuid())$q$,
    $q$select public.add_draft_comment(gen_random_uuid(), '20000000-0000-4000-8000-000000000001',
       gen_random_uuid(), 'Aanvaller', null)$q$,
    $q$select public.resolve_draft_comment(gen_random_uuid(), gen_random_uuid(),
       '20000000-0000-4000-8000-000000000001', 'verwerkt')$q$
  ]
$$;

-- 1. The catalogue: RLS on every table, and no right for the API roles beyond SELECT on the
--    public tables. Covers tables, sequences and functions that later migrations add.
do $$
declare
  t record;
  r text;
  p text;
begin
  for t in
    select c.oid, c.relname, c.relkind, c.relrowsecurity from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
  loop
    if t.relkind in ('r', 'p') and not t.relrowsecurity then
      raise exception 'FAIL: row level security is off on public.%', t.relname;
    end if;
    foreach r in array array['anon', 'authenticated'] loop
      foreach p in array array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] loop
        if has_table_privilege(r, t.oid, p)
           and not (p = 'SELECT' and t.relname = any (pg_temp.public_tables())) then
          raise exception 'FAIL: % has % on public.%', r, p, t.relname;
        end if;
      end loop;
      foreach p in array array['INSERT', 'UPDATE', 'REFERENCES'] loop
        if has_any_column_privilege(r, t.oid, p) then
          raise exception 'FAIL: % has column % rights on public.%', r, p, t.relname;
        end if;
      end loop;
      if has_any_column_privilege(r, t.oid, 'SELECT')
         and not t.relname = any (pg_temp.public_tables()) then
        raise exception 'FAIL: % may read columns of public.%', r, t.relname;
      end if;
    end loop;
  end loop;
  raise notice 'ok: row level security on every table; API roles read only %',
    array_to_string(pg_temp.public_tables(), ', ');
end
$$;

do $$
declare
  f record;
begin
  for f in
    select s.oid, s.relname from pg_class s
    where s.relnamespace = 'public'::regnamespace and s.relkind = 'S'
  loop
    if has_sequence_privilege('anon', f.oid, 'USAGE') or has_sequence_privilege('authenticated', f.oid, 'USAGE')
       or has_sequence_privilege('anon', f.oid, 'UPDATE') or has_sequence_privilege('authenticated', f.oid, 'UPDATE') then
      raise exception 'FAIL: an API role may use sequence public.%', f.relname;
    end if;
  end loop;
  for f in
    select p.oid, p.oid::regprocedure::text as relname from pg_proc p
    where p.pronamespace = 'public'::regnamespace
  loop
    if has_function_privilege('anon', f.oid, 'EXECUTE')
       or has_function_privilege('authenticated', f.oid, 'EXECUTE') then
      raise exception 'FAIL: an API role may execute %', f.relname;
    end if;
  end loop;
  raise notice 'ok: no public sequence or function is open to anon or authenticated';
end
$$;

-- The positions migration's functions run with a fixed, empty search_path (Supabase's linter
-- flags a function without one).
do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure::text as name, p.proconfig from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.proname in (
      'position_bump_version', 'position_record_version', 'may_edit_positions', 'may_edit_kring',
      'positions_need_approval', 'add_document', 'remove_document', 'find_passages', 'save_position',
      'send_positions_for_reply', 'submit_position_reply', 'approve_position', 'publish_position',
      'create_kring', 'add_kring_editor', 'set_kring_gemeente', 'save_kring_settings', 'save_theme',
      'set_theme_retired', 'kring_dashboard')
  loop
    if not coalesce('search_path=""' = any (f.proconfig), false) then
      raise exception 'FAIL: % has no fixed search_path (%)', f.name, f.proconfig;
    end if;
  end loop;
  raise notice 'ok: the positions functions have a fixed empty search_path';
end
$$;

-- The contents of every table the attempts below aim at, to prove afterwards that none of them
-- left a trace (and that expect_allowed really undoes what it ran).
create function pg_temp.fingerprint() returns text language plpgsql as $$
declare
  t text;
  v_part text;
  v_all text := '';
begin
  foreach t in array array['users', 'sessions', 'login_codes', 'rate_limits', 'practices',
    'practice_members', 'memberships', 'audit_log', 'outbox', 'gemeenten', 'kringen',
    'kring_gemeenten', 'parties', 'positions', 'position_replies', 'position_reply_links'] loop
    execute format('select coalesce(md5(string_agg(r::text, '','' order by r::text)), '''') from public.%I r', t)
      into v_part;
    v_all := v_all || t || ':' || v_part || ';';
  end loop;
  return md5(v_all);
end
$$;
create temp table before_attempts as select pg_temp.fingerprint() as fingerprint;

-- The foundation revokes EXECUTE from PUBLIC on new functions, these test helpers included.
grant execute on function pg_temp.public_tables(), pg_temp.expect_denied(text),
  pg_temp.expect_allowed(text), pg_temp.expect_equal(text, bigint, bigint),
  pg_temp.forbidden_statements(), pg_temp.fingerprint()
  to service_role, anon, authenticated;

-- 2. The service role (the app's server) can do everything below; the API roles cannot.
set local role service_role;
select pg_temp.expect_allowed(s) from unnest(pg_temp.forbidden_statements()) as s;
reset role;

set local role anon;
set local request.jwt.claims = '{"role":"anon"}';
select pg_temp.expect_equal('gemeenten visible', (select count(*) from public.gemeenten), 342);
select pg_temp.expect_equal('Zaanstad parties visible',
  (select count(*) from public.parties where gemeente_code = 'GM0479'), 10);
select pg_temp.expect_equal('demo kring areas visible',
  (select count(*) from public.kringen k join public.kring_gemeenten g on g.kring_id = k.id
   where k.slug = 'huisartsen-zaanstreek-demo'), 4);
select pg_temp.expect_denied(s) from unnest(pg_temp.forbidden_statements()) as s;
reset role;

-- A signed-in user's claims (Anna, from the seed) must not open anything either: the app never
-- hands out such tokens, but if one leaked, RLS has no policy that would honour it.
set local role authenticated;
set local request.jwt.claims =
  '{"role":"authenticated","sub":"20000000-0000-4000-8000-000000000001","email":"huisarts@demo.laatjehoren.nl"}';
select pg_temp.expect_equal('auth.uid() reads the claims',
  (select count(*) from (select 1 where auth.uid() = '20000000-0000-4000-8000-000000000001') x), 1);
select pg_temp.expect_equal('gemeenten visible', (select count(*) from public.gemeenten), 342);
select pg_temp.expect_equal('Zaanstad parties visible',
  (select count(*) from public.parties where gemeente_code = 'GM0479'), 10);
select pg_temp.expect_denied(s) from unnest(pg_temp.forbidden_statements()) as s;
reset role;

-- 3. Nothing the API roles tried has left a trace.
do $$
begin
  if pg_temp.fingerprint() <> (select fingerprint from before_attempts) then
    raise exception 'FAIL: table contents changed during the attempts';
  end if;
  raise notice 'ok: every table is unchanged after the attempts';
end
$$;
select pg_temp.expect_equal('Anna still has her BIG number',
  (select count(*) from public.users where big_number = '19087654301'), 1);

rollback;
