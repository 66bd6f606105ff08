-- Optional arguments last, with a default, instead of nulls in the middle: the generated database
-- types (npm run db:types) then say which arguments may be left out, and the app passes no null
-- where a value is required. Bodies are unchanged.

-- Adds a party (p_party_id left out) or renames one of the gemeente.
drop function public.save_party(uuid, text, uuid, text, text);
create function public.save_party(
  p_actor_id uuid, p_gemeente_code text, p_name text, p_abbreviation text, p_party_id uuid default null
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if p_party_id is null then
    insert into public.parties (gemeente_code, name, abbreviation)
    values (p_gemeente_code, p_name, nullif(p_abbreviation, ''))
    returning id into v_id;
  else
    update public.parties set name = p_name, abbreviation = nullif(p_abbreviation, '')
    where id = p_party_id and gemeente_code = p_gemeente_code
    returning id into v_id;
    if v_id is null then
      return null;
    end if;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_party_id is null then 'party_added' else 'party_updated' end,
          'party', v_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'name', p_name, 'abbreviation', p_abbreviation));
  return v_id;
end
$$;

-- Adds a contact address to a party (p_contact_id left out) or changes one.
drop function public.save_party_contact(uuid, text, uuid, uuid, text, text, text);
create function public.save_party_contact(
  p_actor_id uuid, p_gemeente_code text, p_party_id uuid, p_email text, p_role text, p_name text,
  p_contact_id uuid default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform 1 from public.parties where id = p_party_id and gemeente_code = p_gemeente_code;
  if not found then
    return 'not_found';
  end if;
  begin
    if p_contact_id is null then
      insert into public.party_contacts (party_id, email, role, name)
      values (p_party_id, p_email, p_role, nullif(p_name, ''))
      returning id into v_id;
    else
      update public.party_contacts set email = p_email, role = p_role, name = nullif(p_name, '')
      where id = p_contact_id and party_id = p_party_id
      returning id into v_id;
      if v_id is null then
        return 'not_found';
      end if;
    end if;
  exception when unique_violation then
    return 'exists';
  end;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_contact_id is null then 'party_contact_added' else 'party_contact_updated' end,
          'party', p_party_id::text, jsonb_build_object('contact', v_id, 'email', p_email, 'role', p_role));
  return 'saved';
end
$$;

-- Revokes a party's live answer links and, when p_token_hash is given, makes a new one.
drop function public.renew_response_link(uuid, uuid, uuid, text);
create function public.renew_response_link(
  p_campaign_id uuid, p_party_id uuid, p_actor_id uuid, p_token_hash text default null
)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  perform 1 from public.deliveries where campaign_id = p_campaign_id and party_id = p_party_id;
  if not found then
    return false;
  end if;
  update public.response_links set revoked_at = now()
  where campaign_id = p_campaign_id and party_id = p_party_id and revoked_at is null;
  if p_token_hash is not null then
    insert into public.response_links (campaign_id, party_id, token_hash, expires_at)
    values (p_campaign_id, p_party_id, decode(p_token_hash, 'hex'), now() + interval '1 year');
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_token_hash is null then 'response_link_revoked' else 'response_link_renewed' end,
          'campaign', p_campaign_id::text, jsonb_build_object('party', p_party_id));
  return true;
end
$$;

-- Creates a practice and makes the user a member of it; the address may be left out.
drop function public.create_practice_with_member(uuid, text, text, text, text);
create function public.create_practice_with_member(
  p_user_id uuid, p_name text, p_agb_code text, p_gemeente_code text, p_address text default null
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_practice uuid;
begin
  insert into public.practices (name, agb_code, gemeente_code, address, created_by)
  values (p_name, p_agb_code, p_gemeente_code, p_address, p_user_id)
  returning id into v_practice;
  insert into public.practice_members (practice_id, user_id) values (v_practice, p_user_id);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'practice_created', 'practice', v_practice::text,
          jsonb_build_object('agb_code', p_agb_code, 'name', p_name));
  return v_practice;
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
