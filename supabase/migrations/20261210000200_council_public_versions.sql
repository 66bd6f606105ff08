-- Council work on the public pages goes through the public cache (public-cache.ts): every write
-- to a table those pages read bumps the gemeente's version, whatever code made it. An import
-- writes thousands of rows in one transaction, so these are statement triggers over the
-- transition tables (one bump per statement and gemeente), not the row trigger touch_public_page.

-- Statement trigger: bumps the version of each gemeente the written rows belong to. Argument: the
-- column that leads to the gemeente (gemeente_code, meeting_id, motion_id, agenda_item_id or
-- source_key). Rows whose parent is already gone (a cascade) are covered by the parent's own bump.
create function public.council_touch_public_page()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_rows text := case tg_op
    when 'INSERT' then 'select * from new_rows'
    when 'DELETE' then 'select * from old_rows'
    else 'select * from new_rows union all select * from old_rows' end;
  v_codes text := case tg_argv[0]
    when 'gemeente_code' then 'select r.gemeente_code as code from rows r'
    when 'meeting_id' then 'select m.gemeente_code from rows r join public.meetings m on m.id = r.meeting_id'
    when 'motion_id' then 'select m.gemeente_code from rows r join public.motions m on m.id = r.motion_id'
    when 'agenda_item_id' then 'select m.gemeente_code from rows r join public.agenda_items i on i.id = r.agenda_item_id join public.meetings m on m.id = i.meeting_id'
    when 'source_key' then 'select s.gemeente_code from rows r join public.council_sources s on s.source_key = r.source_key'
  end;
  v_code text;
begin
  if v_codes is null then
    raise exception 'council_touch_public_page: unknown key %', tg_argv[0];
  end if;
  for v_code in execute format('with rows as (%s) select distinct code from (%s) c(code) where code is not null order by 1', v_rows, v_codes) loop
    if exists (select 1 from public.gemeenten g where g.code = v_code) then
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
