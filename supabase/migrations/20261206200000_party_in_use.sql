-- A party that public claims are about stays: besides letters sent to it or answered by it, also
-- positions recorded on it (they carry evidence and history), motions it submitted and votes it
-- cast. Removing it would silently erase those claims (or, for council work, fail on a foreign key).

-- Whether anything public or sent refers to this party.
create function public.party_in_use(p_party_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.deliveries where party_id = p_party_id)
      or exists (select 1 from public.responses where party_id = p_party_id)
      or exists (select 1 from public.response_links where party_id = p_party_id)
      or exists (select 1 from public.positions where party_id = p_party_id)
      or exists (select 1 from public.motion_submitters where party_id = p_party_id)
      or exists (select 1 from public.motion_party_votes where party_id = p_party_id)
$$;

-- Removes a party with its contacts; one that public claims are about stays (party_in_use).
-- Returns 'removed', 'in_use' or 'not_found' (not a party of this gemeente).
create or replace function public.remove_party(p_actor_id uuid, p_gemeente_code text, p_party_id uuid, p_notice jsonb)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_name text;
begin
  perform public.assert_may_edit_party_list(p_actor_id, p_gemeente_code);
  select name into v_name from public.parties
  where id = p_party_id and gemeente_code = p_gemeente_code
  for update;
  if v_name is null then
    return 'not_found';
  end if;
  if public.party_in_use(p_party_id) then
    return 'in_use';
  end if;
  delete from public.parties where id = p_party_id;
  perform public.record_party_list_change(p_actor_id, p_gemeente_code, 'party_removed',
    jsonb_build_object('party', p_party_id, 'name', v_name), p_notice);
  return 'removed';
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
