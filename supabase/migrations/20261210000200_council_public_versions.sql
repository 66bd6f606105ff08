-- Council work on the public pages goes through the public cache (public-cache.ts): every write
-- to a table those pages read bumps the gemeente's version, whatever code made it. An import
-- writes thousands of rows in one transaction, so these are statement triggers over the
-- transition tables (one bump per statement and gemeente), not the row trigger touch_public_page.

-- The gemeenten that keys of one kind (gemeente_code, meeting_id, motion_id, agenda_item_id or
-- source_key) belong to.
create function public.council_gemeenten_of(p_kind text, p_keys text[])
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
    when 'source_key' then
      return query select distinct s.gemeente_code from public.council_sources s where s.source_key = any (p_keys);
    else
      raise exception 'council_gemeenten_of: unknown key %', p_kind;
  end case;
end
$$;

-- Statement trigger: bumps the version of each gemeente the written rows belong to; argument: the
-- column that leads to the gemeente. A statement that touched no row costs one small query. Rows
-- whose parent is already gone (a cascade) are covered by the parent's own bump. Plain SQL over
-- the transition tables (compiled once per trigger), no dynamic SQL: an import runs this for every
-- statement it makes.
create function public.council_touch_public_page()
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
  for v_code in select g from public.council_gemeenten_of(v_key, v_keys) g order by 1 loop
    if exists (select 1 from public.gemeenten where code = v_code) then
      perform public.bump_public_page(v_code);
    end if;
  end loop;
  return null;
end
$$;

create trigger public_page_insert after insert on public.meetings referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('gemeente_code');
create trigger public_page_update after update on public.meetings referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('gemeente_code');
create trigger public_page_delete after delete on public.meetings referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('gemeente_code');

create trigger public_page_insert after insert on public.agenda_items referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('meeting_id');
create trigger public_page_update after update on public.agenda_items referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('meeting_id');
create trigger public_page_delete after delete on public.agenda_items referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('meeting_id');

create trigger public_page_insert after insert on public.agenda_item_documents referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('agenda_item_id');
create trigger public_page_update after update on public.agenda_item_documents referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('agenda_item_id');
create trigger public_page_delete after delete on public.agenda_item_documents referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('agenda_item_id');

create trigger public_page_insert after insert on public.agenda_item_themes referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('agenda_item_id');
create trigger public_page_update after update on public.agenda_item_themes referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('agenda_item_id');
create trigger public_page_delete after delete on public.agenda_item_themes referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('agenda_item_id');

create trigger public_page_insert after insert on public.motions referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('gemeente_code');
create trigger public_page_update after update on public.motions referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('gemeente_code');
create trigger public_page_delete after delete on public.motions referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('gemeente_code');

create trigger public_page_insert after insert on public.motion_submitters referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('motion_id');
create trigger public_page_update after update on public.motion_submitters referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('motion_id');
create trigger public_page_delete after delete on public.motion_submitters referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('motion_id');

create trigger public_page_insert after insert on public.motion_party_votes referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('motion_id');
create trigger public_page_update after update on public.motion_party_votes referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('motion_id');
create trigger public_page_delete after delete on public.motion_party_votes referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('motion_id');

create trigger public_page_insert after insert on public.motion_themes referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('motion_id');
create trigger public_page_update after update on public.motion_themes referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('motion_id');
create trigger public_page_delete after delete on public.motion_themes referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('motion_id');

create trigger public_page_insert after insert on public.meeting_attendance referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('meeting_id');
create trigger public_page_update after update on public.meeting_attendance referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('meeting_id');
create trigger public_page_delete after delete on public.meeting_attendance referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('meeting_id');

create trigger public_page_insert after insert on public.council_sync_state referencing new table as new_rows
  for each statement execute function public.council_touch_public_page('source_key');
create trigger public_page_update after update on public.council_sync_state referencing old table as old_rows new table as new_rows
  for each statement execute function public.council_touch_public_page('source_key');
create trigger public_page_delete after delete on public.council_sync_state referencing old table as old_rows
  for each statement execute function public.council_touch_public_page('source_key');

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
