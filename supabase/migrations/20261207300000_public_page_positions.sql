-- The positions matrix on /g/[gemeente] comes from the public cache like the rest of the page:
-- every write to what it reads (positions, their documents and the parties' replies, and the
-- themes that label its columns) gives the gemeente's public data a new version.

-- Also: a position's id (for its replies), and 'all' (a theme belongs to every gemeente's page).
create or replace function public.public_page_gemeenten(p_kind text, p_key text)
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
    when 'position_id' then
      return query select p.gemeente_code from public.positions p where p.id = p_key::uuid;
    when 'all' then
      return query select g.code from public.gemeenten g;
    else
      raise exception 'touch_public_page: unknown kind %', p_kind;
  end case;
end
$$;

create trigger public_page after insert or update or delete on public.positions
  for each row execute function public.touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.documents
  for each row execute function public.touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.position_replies
  for each row execute function public.touch_public_page('position_id');
create trigger public_page after insert or update or delete on public.themes
  for each row execute function public.touch_public_page('key', 'all');

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
