-- The outcomes' public pages (the timeline and its chains, "gezegd en gedaan", the policy cycle,
-- the commitments on /g/[gemeente], the Atom feeds) come from the public cache (public-cache.ts):
-- every write to a table they read gives the gemeente's public data a new version, whatever code
-- made the write. The letter's and the positions' tables have their triggers already; here the
-- outcomes' own tables (per row: they are written a row at a time), and the council tables the
-- timeline reads where no trigger of the council pages exists yet (when those are there, nothing
-- is added here).

-- The gemeenten a key of an outcome row belongs to (a commitment id), or the gemeente code itself.
create function public.outcome_public_page_gemeenten(p_kind text, p_key text)
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
    when 'commitment_id' then
      return query select c.gemeente_code from public.commitments c where c.id = p_key::uuid;
    else
      raise exception 'outcome_touch_public_page: unknown kind %', p_kind;
  end case;
end
$$;

-- Row trigger: bumps the version of every gemeente the old and the new row belong to; argument:
-- the column that leads to the gemeente (as touch_public_page, for the keys above). A row whose
-- parent is already gone (a cascade) is covered by the parent's own bump.
create function public.outcome_touch_public_page()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_column text := tg_argv[0];
  v_code text;
begin
  for v_code in
    select distinct touched.code from (
      select public.outcome_public_page_gemeenten(v_column, to_jsonb(old) ->> v_column) as code where tg_op <> 'INSERT'
      union all
      select public.outcome_public_page_gemeenten(v_column, to_jsonb(new) ->> v_column) where tg_op <> 'DELETE'
    ) touched
    where touched.code is not null
    order by touched.code
  loop
    if exists (select 1 from public.gemeenten g where g.code = v_code) then
      perform public.bump_public_page(v_code);
    end if;
  end loop;
  return null;
end
$$;

create trigger public_page after insert or update or delete on public.commitments
  for each row execute function public.outcome_touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.commitment_updates
  for each row execute function public.outcome_touch_public_page('commitment_id');
create trigger public_page after insert or update or delete on public.commitment_reactions
  for each row execute function public.outcome_touch_public_page('commitment_id');
create trigger public_page after insert or update or delete on public.policy_moments
  for each row execute function public.outcome_touch_public_page('gemeente_code');

-- Council tables the timeline and "gezegd en gedaan" read, where the council pages have not put
-- their own version triggers (named public_page_*) yet. An import writes thousands of rows in one
-- statement, so these bump once per statement and gemeente, over the transition tables.
create function public.outcome_gemeenten_of(p_kind text, p_keys text[])
returns setof text
language plpgsql
stable
set search_path = ''
as $$
begin
  case p_kind
    when 'gemeente_code' then
      return query select distinct k from unnest(p_keys) k where k is not null;
    when 'meeting_id' then
      return query select distinct m.gemeente_code from public.meetings m where m.id = any (p_keys::uuid[]);
    when 'motion_id' then
      return query select distinct m.gemeente_code from public.motions m where m.id = any (p_keys::uuid[]);
    when 'agenda_item_id' then
      return query select distinct m.gemeente_code from public.agenda_items i join public.meetings m on m.id = i.meeting_id
        where i.id = any (p_keys::uuid[]);
    else
      raise exception 'outcome_gemeenten_of: unknown kind %', p_kind;
  end case;
end
$$;

-- Statement trigger over the transition tables new_rows and old_rows; argument: the column that
-- leads to the gemeente.
create function public.outcome_touch_public_page_rows()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_key text := tg_argv[0];
  v_keys text[];
  v_code text;
begin
  if tg_op in ('INSERT', 'UPDATE') then
    select array_agg(distinct to_jsonb(n) ->> v_key) into v_keys from new_rows n;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    select coalesce(v_keys, '{}') || coalesce(array_agg(distinct to_jsonb(o) ->> v_key), '{}') into v_keys from old_rows o;
  end if;
  if coalesce(cardinality(v_keys), 0) = 0 then
    return null;
  end if;
  for v_code in select g from public.outcome_gemeenten_of(v_key, v_keys) g order by 1 loop
    if exists (select 1 from public.gemeenten where code = v_code) then
      perform public.bump_public_page(v_code);
    end if;
  end loop;
  return null;
end
$$;

do $$
declare
  t record;
begin
  for t in
    select * from (values
      ('meetings', 'gemeente_code'), ('agenda_items', 'meeting_id'), ('agenda_item_themes', 'agenda_item_id'),
      ('motions', 'gemeente_code'), ('motion_submitters', 'motion_id'), ('motion_party_votes', 'motion_id'),
      ('motion_themes', 'motion_id')
    ) v (tbl, col)
  loop
    if not exists (
      select 1 from pg_catalog.pg_trigger tg
      join pg_catalog.pg_class c on c.oid = tg.tgrelid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = t.tbl and tg.tgname like 'public_page%'
    ) then
      execute format('create trigger public_page_insert after insert on public.%I referencing new table as new_rows '
                     'for each statement execute function public.outcome_touch_public_page_rows(%L)', t.tbl, t.col);
      execute format('create trigger public_page_update after update on public.%I referencing old table as old_rows new table as new_rows '
                     'for each statement execute function public.outcome_touch_public_page_rows(%L)', t.tbl, t.col);
      execute format('create trigger public_page_delete after delete on public.%I referencing old table as old_rows '
                     'for each statement execute function public.outcome_touch_public_page_rows(%L)', t.tbl, t.col);
    end if;
  end loop;
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
