-- Versions of each gemeente's public data, so the app can cache public pages and still never
-- show stale data: every write to a table the public pages read bumps the gemeente's version in
-- the same transaction (row triggers below), whichever code path made the write. The app re-reads
-- these versions after its own writes and at least every CACHE_CHECK_MS (public-cache.ts).
-- A new domain hooks in with one line:
--   create trigger public_page after insert or update or delete on public.<table>
--     for each row execute function public.touch_public_page('<column>');
-- where <column> is gemeente_code, campaign_id, party_id or kring_id.

-- Only uniqueness matters (the app compares versions for equality), so commit order is no issue.
create sequence public.public_page_version_seq;

-- The current version of one gemeente's public data; a missing row means "never changed".
create table public.public_page_versions (
  gemeente_code text primary key references public.gemeenten (code) on delete cascade,
  version bigint not null
);
alter table public.public_page_versions enable row level security;
grant select, insert, update, delete on public.public_page_versions to service_role;
grant usage, select on sequence public.public_page_version_seq to service_role;

-- Gives a gemeente's public data a new version (the page caches then rebuild it).
create function public.bump_public_page(p_gemeente_code text)
returns void
language sql
set search_path = ''
as $$
  insert into public.public_page_versions (gemeente_code, version)
  values (p_gemeente_code, nextval('public.public_page_version_seq'))
  on conflict (gemeente_code) do update set version = excluded.version
$$;

-- The gemeenten a key belongs to: p_kind says what the key is (a gemeente code, or the id of a
-- campaign, party or kring).
create function public.public_page_gemeenten(p_kind text, p_key text)
returns setof text
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_key is null then
    return;
  end if;
  case p_kind
    when 'gemeente_code' then return next p_key;
    when 'campaign_id' then
      return query select c.gemeente_code from public.campaigns c where c.id = p_key::uuid;
    when 'party_id' then
      return query select p.gemeente_code from public.parties p where p.id = p_key::uuid;
    when 'kring_id' then
      return query select kg.gemeente_code from public.kring_gemeenten kg where kg.kring_id = p_key::uuid;
    else
      raise exception 'touch_public_page: unknown kind %', p_kind;
  end case;
end
$$;

-- Row trigger: bumps the version of every gemeente the old and the new row belong to. Arguments:
-- the column holding the key, and what kind of key it is when the column's name does not say
-- (touch_public_page('code', 'gemeente_code') on gemeenten itself).
create function public.touch_public_page()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_column text := tg_argv[0];
  v_kind text := coalesce(tg_argv[1], tg_argv[0]);
  v_code text;
begin
  for v_code in
    select distinct touched.code from (
      select public.public_page_gemeenten(v_kind, to_jsonb(old) ->> v_column) as code where tg_op <> 'INSERT'
      union all
      select public.public_page_gemeenten(v_kind, to_jsonb(new) ->> v_column) where tg_op <> 'DELETE'
    ) touched
    where touched.code is not null
    order by touched.code
  loop
    -- A gemeente deleted in the same statement has nothing left to show.
    if exists (select 1 from public.gemeenten g where g.code = v_code) then
      perform public.bump_public_page(v_code);
    end if;
  end loop;
  return null;
end
$$;

-- Everything /g/[gemeente] shows: the gemeente, its kringen, parties, and the letter campaigns
-- with their text, asks, signatures (and the signers' practices), deliveries and answers.
create trigger public_page after update on public.gemeenten
  for each row execute function public.touch_public_page('code', 'gemeente_code');
create trigger public_page after update on public.kringen
  for each row execute function public.touch_public_page('id', 'kring_id');
create trigger public_page after insert or update or delete on public.kring_gemeenten
  for each row execute function public.touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.parties
  for each row execute function public.touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.practices
  for each row execute function public.touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.campaigns
  for each row execute function public.touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.letter_revisions
  for each row execute function public.touch_public_page('campaign_id');
create trigger public_page after insert or update or delete on public.letter_asks
  for each row execute function public.touch_public_page('campaign_id');
create trigger public_page after insert or update or delete on public.signatures
  for each row execute function public.touch_public_page('campaign_id');
create trigger public_page after insert or update or delete on public.deliveries
  for each row execute function public.touch_public_page('campaign_id');
create trigger public_page after insert or update or delete on public.responses
  for each row execute function public.touch_public_page('campaign_id');
create trigger public_page after insert or update or delete on public.response_answers
  for each row execute function public.touch_public_page('campaign_id');

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
