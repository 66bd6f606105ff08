-- Reading council work for the public pages and the calendar: the meetings of some gemeenten
-- that are about the care themes (a theme confirmed on one of their agenda items or motions).
-- Returns meeting rows, so PostgREST can embed their agenda, motions and attendance in one call.

-- Meetings of these gemeenten with a care theme on the agenda or on a motion; p_from limits to
-- meetings that start at or after it (the calendar's upcoming meetings).
create function public.council_care_meetings(p_gemeente_codes text[], p_from timestamptz default null)
returns setof public.meetings
language sql
stable
set search_path = ''
as $$
  select m.* from public.meetings m
  where m.gemeente_code = any (p_gemeente_codes)
    and (p_from is null or m.starts_at >= p_from)
    and (
      exists (select 1 from public.agenda_items i join public.agenda_item_themes t on t.agenda_item_id = i.id where i.meeting_id = m.id)
      or exists (select 1 from public.motions mo join public.motion_themes t on t.motion_id = mo.id where mo.meeting_id = m.id)
    )
  order by m.starts_at
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
