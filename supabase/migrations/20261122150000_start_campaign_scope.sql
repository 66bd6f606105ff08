-- Only huisartsen of the gemeente (a member of a practice there), editors of a kring that covers
-- it, and admins may start a campaign for it: a coordinator manages the gemeente's recipients.
create or replace function public.may_start_campaign(p_user_id uuid, p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.practice_members pm
    join public.practices p on p.id = pm.practice_id
    where pm.user_id = p_user_id and p.gemeente_code = p_gemeente_code
  ) or exists (
    select 1 from public.memberships m
    where m.user_id = p_user_id and m.role = 'admin'
  ) or exists (
    select 1 from public.memberships m
    join public.kring_gemeenten kg on kg.kring_id = m.kring_id
    where m.user_id = p_user_id and m.role = 'kring_editor' and kg.gemeente_code = p_gemeente_code
  )
$$;

create or replace function public.start_campaign(
  p_user_id uuid, p_gemeente_code text, p_occasion text, p_title text, p_occasion_key text,
  p_themes text[], p_body_md text, p_body_html text
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_campaign uuid;
  v_revision uuid;
begin
  if not public.may_start_campaign(p_user_id, p_gemeente_code) then
    raise exception 'user may not start a campaign in %', p_gemeente_code using errcode = '42501';
  end if;
  insert into public.campaigns (gemeente_code, occasion, title, occasion_key, themes, created_by)
  values (p_gemeente_code, p_occasion, p_title, p_occasion_key, p_themes, p_user_id)
  returning id into v_campaign;
  insert into public.letter_revisions (campaign_id, number, body_md, body_html, author_id)
  values (v_campaign, 1, p_body_md, p_body_html, p_user_id)
  returning id into v_revision;
  insert into public.memberships (user_id, role, campaign_id)
  values (p_user_id, 'campaign_coordinator', v_campaign);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'campaign_started', 'campaign', v_campaign::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'occasion', p_occasion, 'title', p_title));
  return v_campaign;
end
$$;

-- Every function here is for the server (service role) only, as in the earlier migrations.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
