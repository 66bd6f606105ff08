-- Trust: who may act for a gemeente, who may change its party list, which huisartsen are
-- verified, and which answers really come from a party.
--   * A practice membership gives rights (starting a letter) only once it is confirmed by a kring
--     editor of the gemeente, an admin, or a verified huisarts with a confirmed practice there.
--   * A huisarts is verified by the BIG-register (the app asks it) or by hand by a coordinator or
--     kring editor, who records how; nobody verifies their own signature; verifying stays possible
--     after sending (it changes no text).
--   * A gemeente's parties and addresses change only by its kring editors, admins, or a verified
--     coordinator of an active letter there; every change is attributed, reaches the history of
--     every letter there, and mails the other coordinators; a letter is sent only after its sender
--     confirmed each address that someone else changed since the letter started.
--   * An answer through a link is copied to the party's addresses with a way to disown it; a
--     disowned answer leaves the public page with a note, and a new link goes to the party.
--   * Sign-in codes are bound to the browser that asked for them, so a stranger cannot spend or
--     replace someone else's code.
--   * Every function in the public schema gets a fixed, empty search_path (Supabase's linter).

-- Supabase's linter (lint 0011): a fixed, empty search_path on every function already there.
-- Functions replaced below set it themselves; so must every later one (supabase/tests checks).
do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as signature
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and not coalesce(p.proconfig, '{}') && array['search_path=""']
  loop
    execute format('alter function %s set search_path = %L', f.signature, '');
  end loop;
end
$$;

-- Verified huisartsen --------------------------------------------------------------------------

-- The current verification of a user's BIG number: by the register, or by hand (by whom, how).
-- It holds while big_number is still the number that was verified.
alter table public.users
  add column big_verified_at timestamptz,
  add column big_verified_number text check (big_verified_number is null or big_verified_number ~ '^[0-9]{11}$'),
  add column big_verified_name text check (big_verified_name is null or length(big_verified_name) <= 200),
  add column big_register_name text check (big_register_name is null or length(big_register_name) <= 200),
  add column big_verified_method text check (big_verified_method in ('register', 'hand')),
  add column big_verified_by uuid references public.users (id) on delete set null,
  add column big_verified_note text check (big_verified_note is null or length(big_verified_note) <= 500);

alter table public.signatures
  add column verification_method text check (verification_method in ('register', 'hand')),
  add column verification_note text check (verification_note is null or length(verification_note) <= 500),
  add column register_name text check (register_name is null or length(register_name) <= 200);
update public.signatures set verification_method = 'hand' where verified_at is not null;

-- A verified huisarts: the BIG number on the profile is the one that was verified.
create function public.is_verified_huisarts(p_user_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.users u
    where u.id = p_user_id and u.big_verified_at is not null and u.big_verified_number = u.big_number
  )
$$;

-- One account per verified BIG number: the register is public, so a number and name prove no
-- identity by themselves; the first account verified with a number keeps it, and a second one is
-- refused (the kring sorts that out by hand).
create unique index users_big_verified_number_key on public.users (big_verified_number)
  where big_verified_number is not null;

-- The register confirmed that this BIG number belongs to a huisarts with this name: the user's
-- profile takes the number (when it had none or the same), the verification is recorded, and the
-- user's live signatures with that number and name count as verified by the register. Returns
-- 'verified', or 'taken' (another account is verified with this number; nothing changes).
create function public.record_register_verification(
  p_user_id uuid, p_big_number text, p_checked_name text, p_register_name text
)
returns text
language plpgsql
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.users where big_verified_number = p_big_number and id <> p_user_id
  ) then
    return 'taken';
  end if;
  update public.users set
    big_number = p_big_number,
    name = coalesce(name, p_checked_name),
    big_verified_at = now(), big_verified_number = p_big_number, big_verified_name = p_checked_name,
    big_register_name = p_register_name, big_verified_method = 'register', big_verified_by = null,
    big_verified_note = null, updated_at = now()
  where id = p_user_id;
  update public.signatures set
    verified_at = now(), verified_by = null, verification_method = 'register',
    verification_note = null, register_name = p_register_name, updated_at = now()
  where user_id = p_user_id and withdrawn_at is null and big_number = p_big_number
    and signer_name = p_checked_name
    and (verified_at is null or verification_method is distinct from 'register');
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'big_verified', 'user', p_user_id::text,
          jsonb_build_object('method', 'register', 'register_name', p_register_name));
  return 'verified';
exception when unique_violation then
  -- Another account was verified with this number at the same moment.
  return 'taken';
end
$$;

-- Practice memberships that give rights ----------------------------------------------------------

alter table public.practice_members
  add column confirmed_at timestamptz,
  add column confirmed_by uuid references public.users (id) on delete set null,
  add column confirmed_how text check (confirmed_how in ('kring', 'admin', 'collega'));

-- Who may confirm that someone works in a practice of this gemeente: admins, editors of a kring
-- that covers it, and verified huisartsen with a confirmed practice there.
create function public.may_confirm_practice_members(p_user_id uuid, p_gemeente_code text)
returns text
language sql
stable
set search_path = ''
as $$
  select case
    when exists (select 1 from public.memberships m where m.user_id = p_user_id and m.role = 'admin') then 'admin'
    when exists (
      select 1 from public.memberships m join public.kring_gemeenten kg on kg.kring_id = m.kring_id
      where m.user_id = p_user_id and m.role = 'kring_editor' and kg.gemeente_code = p_gemeente_code
    ) then 'kring'
    when public.is_verified_huisarts(p_user_id) and exists (
      select 1 from public.practice_members pm join public.practices p on p.id = pm.practice_id
      where pm.user_id = p_user_id and pm.confirmed_at is not null and p.gemeente_code = p_gemeente_code
    ) then 'collega'
    else null
  end
$$;

-- Confirms that p_user_id works in p_practice_id. Returns 'confirmed', 'already', 'not_found',
-- 'self' (nobody confirms their own membership) or 'not_allowed'.
create function public.confirm_practice_member(p_actor_id uuid, p_practice_id uuid, p_user_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_gemeente text;
  v_how text;
  v_confirmed timestamptz;
begin
  select p.gemeente_code, pm.confirmed_at into v_gemeente, v_confirmed
  from public.practice_members pm join public.practices p on p.id = pm.practice_id
  where pm.practice_id = p_practice_id and pm.user_id = p_user_id
  for update of pm;
  if v_gemeente is null then
    return 'not_found';
  end if;
  if p_actor_id = p_user_id then
    return 'self';
  end if;
  v_how := public.may_confirm_practice_members(p_actor_id, v_gemeente);
  if v_how is null then
    return 'not_allowed';
  end if;
  if v_confirmed is not null then
    return 'already';
  end if;
  update public.practice_members set confirmed_at = now(), confirmed_by = p_actor_id, confirmed_how = v_how
  where practice_id = p_practice_id and user_id = p_user_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'practice_member_confirmed', 'practice', p_practice_id::text,
          jsonb_build_object('user', p_user_id, 'how', v_how, 'gemeente', v_gemeente));
  return 'confirmed';
end
$$;

-- Starting a letter needs a confirmed practice in the gemeente (or being its kring editor, or admin).
create or replace function public.may_start_campaign(p_user_id uuid, p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.practice_members pm
    join public.practices p on p.id = pm.practice_id
    where pm.user_id = p_user_id and p.gemeente_code = p_gemeente_code and pm.confirmed_at is not null
  ) or exists (
    select 1 from public.memberships m
    where m.user_id = p_user_id and m.role = 'admin'
  ) or exists (
    select 1 from public.memberships m
    join public.kring_gemeenten kg on kg.kring_id = m.kring_id
    where m.user_id = p_user_id and m.role = 'kring_editor' and kg.gemeente_code = p_gemeente_code
  )
$$;

-- The party list ------------------------------------------------------------------------------

alter table public.parties
  add column updated_at timestamptz not null default now(),
  add column updated_by uuid references public.users (id) on delete set null;
update public.parties set updated_at = created_at;

alter table public.party_contacts
  add column updated_at timestamptz not null default now(),
  add column updated_by uuid references public.users (id) on delete set null;
update public.party_contacts set updated_at = created_at;

-- A coordinator of one letter checked an address that someone else added or changed: from then
-- on that letter may use it (until it changes again).
create table public.campaign_contact_checks (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  contact_id uuid not null references public.party_contacts (id) on delete cascade,
  email text not null,
  checked_by uuid references public.users (id) on delete set null,
  checked_at timestamptz not null default now(),
  primary key (campaign_id, contact_id, email)
);
alter table public.campaign_contact_checks enable row level security;
revoke all on public.campaign_contact_checks from anon, authenticated;
grant all on public.campaign_contact_checks to service_role;

-- Party-list changes were audited per party; they belong to the gemeente's list, so that every
-- letter there can show them in its history.
update public.audit_log set entity = 'gemeente', entity_id = details ->> 'gemeente',
  details = details || jsonb_build_object('party', entity_id)
where entity = 'party' and details ? 'gemeente';

-- Who may change a gemeente's parties and addresses: admins, its kring editors, and a verified
-- huisarts who coordinates a letter there that is not closed.
create function public.may_edit_party_list(p_user_id uuid, p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.memberships m where m.user_id = p_user_id and m.role = 'admin')
  or exists (
    select 1 from public.memberships m join public.kring_gemeenten kg on kg.kring_id = m.kring_id
    where m.user_id = p_user_id and m.role = 'kring_editor' and kg.gemeente_code = p_gemeente_code
  )
  or (public.is_verified_huisarts(p_user_id) and exists (
    select 1 from public.memberships m join public.campaigns c on c.id = m.campaign_id
    where m.user_id = p_user_id and m.role = 'campaign_coordinator'
      and c.gemeente_code = p_gemeente_code and c.status <> 'afgerond'
  ))
$$;

-- One change to a gemeente's party list: refused (42501) for anyone who may not make it; the
-- audit entry goes to the gemeente (every letter there shows it), and the coordinators of the
-- gemeente's other open letters get p_notice {subject, text} by mail, with "{brieven}" in the
-- text replaced by links to their letters' party pages (p_notice.origin + /campagnes/<id>/partijen).
create function public.record_party_list_change(
  p_actor_id uuid, p_gemeente_code text, p_action text, p_details jsonb, p_notice jsonb
)
returns void
language plpgsql
set search_path = ''
as $$
begin
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, p_action, 'gemeente', p_gemeente_code, p_details || jsonb_build_object('gemeente', p_gemeente_code));
  if p_notice is null then
    return;
  end if;
  insert into public.outbox (to_address, subject, text_body)
  select u.email, p_notice ->> 'subject',
         replace(p_notice ->> 'text', '{brieven}', string_agg(
           format('- %s: %s/campagnes/%s/partijen', c.title, p_notice ->> 'origin', c.id), E'\n' order by c.created_at))
  from public.memberships m
  join public.campaigns c on c.id = m.campaign_id
  join public.users u on u.id = m.user_id
  where m.role = 'campaign_coordinator' and c.gemeente_code = p_gemeente_code
    and c.status in ('concept', 'ter_ondertekening', 'verstuurd') and m.user_id <> p_actor_id
  group by u.id, u.email;
end
$$;

create function public.assert_may_edit_party_list(p_actor_id uuid, p_gemeente_code text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not public.may_edit_party_list(p_actor_id, p_gemeente_code) then
    raise exception 'user may not change the party list of %', p_gemeente_code using errcode = '42501';
  end if;
end
$$;

drop function public.save_party(uuid, text, text, text, uuid);
-- Adds a party (p_party_id left out) or renames one of the gemeente. Returns its id, or null when
-- p_party_id is not a party there. Raises 23505 when the name is taken, 42501 when not allowed.
create function public.save_party(
  p_actor_id uuid, p_gemeente_code text, p_name text, p_abbreviation text, p_notice jsonb,
  p_party_id uuid default null
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
  v_old text;
begin
  perform public.assert_may_edit_party_list(p_actor_id, p_gemeente_code);
  if p_party_id is null then
    insert into public.parties (gemeente_code, name, abbreviation, updated_by)
    values (p_gemeente_code, p_name, nullif(p_abbreviation, ''), p_actor_id)
    returning id into v_id;
  else
    select name into v_old from public.parties where id = p_party_id and gemeente_code = p_gemeente_code;
    update public.parties set name = p_name, abbreviation = nullif(p_abbreviation, ''),
      updated_at = now(), updated_by = p_actor_id
    where id = p_party_id and gemeente_code = p_gemeente_code
    returning id into v_id;
    if v_id is null then
      return null;
    end if;
  end if;
  perform public.record_party_list_change(p_actor_id, p_gemeente_code,
    case when p_party_id is null then 'party_added' else 'party_updated' end,
    jsonb_build_object('party', v_id, 'name', p_name, 'abbreviation', p_abbreviation, 'old_name', v_old),
    p_notice);
  return v_id;
end
$$;

drop function public.remove_party(uuid, text, uuid);
-- Removes a party with its contacts; one that received or answered a letter stays. Returns
-- 'removed', 'in_use' or 'not_found' (not a party of this gemeente).
create function public.remove_party(p_actor_id uuid, p_gemeente_code text, p_party_id uuid, p_notice jsonb)
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
  if exists (select 1 from public.deliveries where party_id = p_party_id)
     or exists (select 1 from public.responses where party_id = p_party_id)
     or exists (select 1 from public.response_links where party_id = p_party_id) then
    return 'in_use';
  end if;
  delete from public.parties where id = p_party_id;
  perform public.record_party_list_change(p_actor_id, p_gemeente_code, 'party_removed',
    jsonb_build_object('party', p_party_id, 'name', v_name), p_notice);
  return 'removed';
end
$$;

drop function public.save_party_contact(uuid, text, uuid, text, text, text, uuid);
-- Adds a contact address to a party of the gemeente (p_contact_id left out) or changes one.
-- Returns 'saved', 'exists' (the party already has this address) or 'not_found'.
create function public.save_party_contact(
  p_actor_id uuid, p_gemeente_code text, p_party_id uuid, p_email text, p_role text, p_name text,
  p_notice jsonb, p_contact_id uuid default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
  v_party text;
  v_old text;
begin
  perform public.assert_may_edit_party_list(p_actor_id, p_gemeente_code);
  select name into v_party from public.parties where id = p_party_id and gemeente_code = p_gemeente_code;
  if v_party is null then
    return 'not_found';
  end if;
  begin
    if p_contact_id is null then
      insert into public.party_contacts (party_id, email, role, name, updated_by)
      values (p_party_id, p_email, p_role, nullif(p_name, ''), p_actor_id)
      returning id into v_id;
    else
      select email into v_old from public.party_contacts where id = p_contact_id and party_id = p_party_id;
      update public.party_contacts set email = p_email, role = p_role, name = nullif(p_name, ''),
        updated_at = now(), updated_by = p_actor_id
      where id = p_contact_id and party_id = p_party_id
      returning id into v_id;
      if v_id is null then
        return 'not_found';
      end if;
    end if;
  exception when unique_violation then
    return 'exists';
  end;
  perform public.record_party_list_change(p_actor_id, p_gemeente_code,
    case when p_contact_id is null then 'party_contact_added' else 'party_contact_updated' end,
    jsonb_build_object('party', p_party_id, 'party_name', v_party, 'contact', v_id, 'email', p_email,
                       'old_email', v_old, 'role', p_role),
    p_notice);
  return 'saved';
end
$$;

drop function public.remove_party_contact(uuid, text, uuid);
-- Removes one contact address of a party in the gemeente. Returns false when there is none.
create function public.remove_party_contact(p_actor_id uuid, p_gemeente_code text, p_contact_id uuid, p_notice jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_party uuid;
  v_party_name text;
  v_email text;
begin
  perform public.assert_may_edit_party_list(p_actor_id, p_gemeente_code);
  delete from public.party_contacts c
  using public.parties p
  where c.id = p_contact_id and p.id = c.party_id and p.gemeente_code = p_gemeente_code
  returning c.party_id, p.name, c.email into v_party, v_party_name, v_email;
  if v_party is null then
    return false;
  end if;
  perform public.record_party_list_change(p_actor_id, p_gemeente_code, 'party_contact_removed',
    jsonb_build_object('party', v_party, 'party_name', v_party_name, 'contact', p_contact_id, 'email', v_email),
    p_notice);
  return true;
end
$$;

drop function public.import_parties(uuid, text, jsonb);
-- Imports checked CSV lines at once (as before); one attributed change with one notice.
create function public.import_parties(p_actor_id uuid, p_gemeente_code text, p_rows jsonb, p_notice jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  r jsonb;
  v_party uuid;
  v_parties integer := 0;
  v_contacts integer := 0;
  v_added integer;
begin
  perform public.assert_may_edit_party_list(p_actor_id, p_gemeente_code);
  for r in select * from jsonb_array_elements(p_rows) loop
    insert into public.parties (gemeente_code, name, abbreviation, updated_by)
    values (p_gemeente_code, r ->> 'name', nullif(r ->> 'abbreviation', ''), p_actor_id)
    on conflict (gemeente_code, name) do nothing
    returning id into v_party;
    if v_party is null then
      select id into v_party from public.parties
      where gemeente_code = p_gemeente_code and name = r ->> 'name';
    else
      v_parties := v_parties + 1;
    end if;
    if coalesce(r ->> 'email', '') <> '' then
      insert into public.party_contacts (party_id, email, role, name, updated_by)
      values (v_party, r ->> 'email', coalesce(nullif(r ->> 'role', ''), 'fractie'), nullif(r ->> 'contact_name', ''), p_actor_id)
      on conflict (party_id, email) do nothing;
      get diagnostics v_added = row_count;
      v_contacts := v_contacts + v_added;
    end if;
    v_party := null;
  end loop;
  perform public.record_party_list_change(p_actor_id, p_gemeente_code, 'parties_imported',
    jsonb_build_object('lines', jsonb_array_length(p_rows), 'parties', v_parties, 'contacts', v_contacts),
    case when v_parties + v_contacts > 0 then p_notice else null end);
  return jsonb_build_object('parties', v_parties, 'contacts', v_contacts);
end
$$;

-- The addresses of the gemeente's parties that someone other than p_actor_id added or changed
-- since the letter started, and that nobody checked for this letter since: what the review marks
-- and the send refuses without an explicit confirmation.
create function public.unchecked_contacts(p_campaign_id uuid, p_actor_id uuid)
returns table (contact_id uuid, party_id uuid, email text, updated_at timestamptz, updated_by uuid)
language sql
stable
set search_path = ''
as $$
  select pc.id, pc.party_id, pc.email, pc.updated_at, pc.updated_by
  from public.campaigns c
  join public.parties p on p.gemeente_code = c.gemeente_code
  join public.party_contacts pc on pc.party_id = p.id
  where c.id = p_campaign_id
    and pc.updated_at > c.created_at
    and pc.updated_by is distinct from p_actor_id
    and not exists (
      select 1 from public.campaign_contact_checks k
      where k.campaign_id = c.id and k.contact_id = pc.id and k.email = pc.email and k.checked_at >= pc.updated_at
    )
$$;

-- A coordinator confirms, for one letter, addresses that someone else changed.
create function public.check_campaign_contacts(p_campaign_id uuid, p_actor_id uuid, p_contact_ids uuid[])
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  insert into public.campaign_contact_checks (campaign_id, contact_id, email, checked_by)
  select p_campaign_id, u.contact_id, u.email, p_actor_id
  from public.unchecked_contacts(p_campaign_id, p_actor_id) u
  where u.contact_id = any(p_contact_ids)
  on conflict (campaign_id, contact_id, email) do update set checked_at = now(), checked_by = excluded.checked_by;
  get diagnostics v_count = row_count;
  if v_count > 0 then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_actor_id, 'contacts_checked', 'campaign', p_campaign_id::text, jsonb_build_object('count', v_count));
  end if;
  return v_count;
end
$$;

-- Sending, as before, and refused ('unchecked') while an address someone else changed is not among
-- the ones the sender confirmed (p_checked_contacts), which are recorded as checked.
drop function public.send_letter(uuid, uuid, text, boolean, jsonb);
create function public.send_letter(
  p_campaign_id uuid, p_actor_id uuid, p_fingerprint text, p_manual boolean, p_deliveries jsonb,
  p_checked_contacts uuid[] default '{}'
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  d jsonb;
  v_gemeente text;
  v_revision uuid;
  v_outbox uuid;
  v_email integer := 0;
begin
  select gemeente_code, signing_revision_id into v_gemeente, v_revision
  from public.campaigns where id = p_campaign_id and status = 'ter_ondertekening'
  for update;
  if v_gemeente is null then
    return 'not_open';
  end if;
  if public.sending_fingerprint(p_campaign_id) is distinct from p_fingerprint then
    return 'changed';
  end if;
  if exists (
    select 1 from public.unchecked_contacts(p_campaign_id, p_actor_id) u
    where not (u.contact_id = any(coalesce(p_checked_contacts, '{}')))
  ) then
    return 'unchecked';
  end if;
  perform public.check_campaign_contacts(p_campaign_id, p_actor_id, p_checked_contacts);
  update public.campaigns set status = 'verstuurd', sent_at = now(), sent_manually = p_manual
  where id = p_campaign_id;
  for d in select * from jsonb_array_elements(p_deliveries) loop
    perform 1 from public.parties where id = (d ->> 'party_id')::uuid and gemeente_code = v_gemeente;
    if not found then
      raise exception 'party % is not in gemeente %', d ->> 'party_id', v_gemeente using errcode = '22023';
    end if;
    v_outbox := null;
    if not p_manual and d ? 'mail' then
      insert into public.outbox (to_address, subject, text_body, html_body, reply_to)
      values (d -> 'mail' ->> 'to', d -> 'mail' ->> 'subject', d -> 'mail' ->> 'text',
              d -> 'mail' ->> 'html', d -> 'mail' ->> 'reply_to')
      returning id into v_outbox;
      v_email := v_email + 1;
    end if;
    insert into public.deliveries (campaign_id, party_id, channel, addresses, outbox_id)
    values (p_campaign_id, (d ->> 'party_id')::uuid, case when v_outbox is null then 'handmatig' else 'email' end,
            array(select jsonb_array_elements_text(coalesce(d -> 'addresses', '[]'::jsonb))), v_outbox);
    insert into public.response_links (campaign_id, party_id, token_hash, expires_at)
    values (p_campaign_id, (d ->> 'party_id')::uuid, decode(d ->> 'token_hash', 'hex'), now() + interval '1 year');
  end loop;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_manual then 'letter_marked_sent' else 'letter_sent' end, 'campaign',
          p_campaign_id::text,
          jsonb_build_object('deliveries', jsonb_array_length(p_deliveries), 'emails', v_email,
                             'revision', v_revision));
  return 'sent';
end
$$;

-- Signing and verifying ---------------------------------------------------------------------------

-- Signing through one's own practice (as before); p_register_name is set when the app just checked
-- the BIG number and name with the register: the signature is then verified by the register.
drop function public.sign_letter_as_member(uuid, uuid, uuid, text, text, boolean);
create function public.sign_letter_as_member(
  p_campaign_id uuid, p_user_id uuid, p_practice_id uuid, p_signer_name text,
  p_big_number text, p_show_name boolean, p_register_name text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_result text;
begin
  perform 1 from public.campaigns where id = p_campaign_id for share;
  if not exists (
    select 1
    from public.practice_members m
    join public.practices p on p.id = m.practice_id
    join public.campaigns c on c.gemeente_code = p.gemeente_code
    where m.user_id = p_user_id and m.practice_id = p_practice_id and c.id = p_campaign_id
  ) then
    return 'practice_not_allowed';
  end if;
  v_result := public.sign_letter(p_campaign_id, p_user_id, p_practice_id, p_signer_name, p_big_number, p_show_name);
  if v_result = 'signed' then
    update public.users set
      name = coalesce(name, p_signer_name),
      big_number = coalesce(big_number, p_big_number),
      updated_at = now()
    where id = p_user_id and (name is null or big_number is null);
    if p_register_name is not null then
      -- 'taken' leaves the signature unverified; the app checked that before asking the register.
      perform public.record_register_verification(p_user_id, p_big_number, p_signer_name, p_register_name);
    else
      -- Signed with the number and name this user was verified with before: the signature carries
      -- that verification (register or by hand, with who and how).
      update public.signatures s set
        verified_at = now(), verified_by = u.big_verified_by, verification_method = u.big_verified_method,
        verification_note = u.big_verified_note, register_name = u.big_register_name, updated_at = now()
      from public.users u
      where s.campaign_id = p_campaign_id and s.user_id = p_user_id and u.id = p_user_id
        and public.is_verified_huisarts(p_user_id)
        and u.big_verified_number = p_big_number and u.big_verified_name = p_signer_name;
    end if;
  end if;
  return v_result;
end
$$;

-- Who may verify signatures of this letter by hand: its coordinators, editors of a kring that
-- covers its gemeente, and admins.
create function public.may_verify_signatures(p_user_id uuid, p_campaign_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.memberships m where m.user_id = p_user_id and m.role = 'admin')
  or exists (
    select 1 from public.memberships m
    where m.user_id = p_user_id and m.role = 'campaign_coordinator' and m.campaign_id = p_campaign_id
  )
  or exists (
    select 1 from public.memberships m
    join public.kring_gemeenten kg on kg.kring_id = m.kring_id
    join public.campaigns c on c.gemeente_code = kg.gemeente_code
    where m.user_id = p_user_id and m.role = 'kring_editor' and c.id = p_campaign_id
  )
$$;

-- Verifies a signature by hand (p_verified, with p_note saying how) or takes a verification back,
-- at any time: it changes no text, so it stays possible after sending. Returns 'verified',
-- 'unverified', 'not_found' (no live signature of this letter), 'own' (nobody verifies their own
-- signature), 'note_missing' or 'not_allowed'.
drop function public.verify_signature(uuid, uuid, uuid, boolean);
create function public.verify_signature(
  p_campaign_id uuid, p_signature_id uuid, p_actor_id uuid, p_verified boolean, p_note text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_signer uuid;
  v_id uuid;
begin
  if not public.may_verify_signatures(p_actor_id, p_campaign_id) then
    return 'not_allowed';
  end if;
  select id, user_id into v_id, v_signer from public.signatures
  where id = p_signature_id and campaign_id = p_campaign_id and withdrawn_at is null
  for update;
  if v_id is null then
    return 'not_found';
  end if;
  if v_signer = p_actor_id then
    return 'own';
  end if;
  if p_verified and length(btrim(coalesce(p_note, ''))) < 3 then
    return 'note_missing';
  end if;
  update public.signatures set
    verified_at = case when p_verified then now() else null end,
    verified_by = case when p_verified then p_actor_id else null end,
    verification_method = case when p_verified then 'hand' else null end,
    verification_note = case when p_verified then btrim(p_note) else null end,
    register_name = case when p_verified then register_name else null end,
    updated_at = now()
  where id = p_signature_id;
  -- The signer is checked as a huisarts by this: their profile carries it while its BIG number is
  -- the one signed with (unless the register verified them already). Taking it back undoes a
  -- verification by hand that came from this.
  if v_signer is not null then
    if p_verified then
      update public.users u set
        big_verified_at = now(), big_verified_number = s.big_number, big_verified_name = s.signer_name,
        big_register_name = null, big_verified_method = 'hand', big_verified_by = p_actor_id,
        big_verified_note = btrim(p_note), updated_at = now()
      from public.signatures s
      where s.id = p_signature_id and u.id = v_signer and s.big_number = u.big_number
        and u.big_verified_method is distinct from 'register'
        and not exists (
          select 1 from public.users o where o.big_verified_number = s.big_number and o.id <> v_signer
        );
    else
      update public.users u set
        big_verified_at = null, big_verified_number = null, big_verified_name = null,
        big_verified_method = null, big_verified_by = null, big_verified_note = null, updated_at = now()
      where u.id = v_signer and u.big_verified_method = 'hand' and u.big_verified_by = p_actor_id;
    end if;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_verified then 'signature_verified' else 'signature_unverified' end,
          'campaign', p_campaign_id::text,
          jsonb_build_object('signature', v_id, 'method', 'hand', 'note', btrim(coalesce(p_note, ''))));
  return case when p_verified then 'verified' else 'unverified' end;
end
$$;

-- Answers that are the party's -----------------------------------------------------------------

alter table public.responses
  add column link_id uuid references public.response_links (id) on delete set null,
  add column disown_token_hash bytea unique,
  add column disowned_at timestamptz,
  add column disowned_note text check (disowned_note is null or length(disowned_note) <= 1000);

-- A party's answer through its private link (as before), now also: the responder confirmed that it
-- becomes public (the app refuses without), the link used is kept, a hash of the disown token is
-- stored, and p_mails (a copy to the party's addresses with the disown link, and a note to the
-- coordinators) are queued in the same step.
drop function public.submit_party_response(text, text, text, text, text, jsonb);
create function public.submit_party_response(
  p_token_hash text, p_responder_name text, p_responder_role text, p_body_md text,
  p_body_html text, p_answers jsonb, p_disown_token_hash text, p_mails jsonb
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_link public.response_links%rowtype;
  v_response uuid;
begin
  select * into v_link from public.response_links where token_hash = decode(p_token_hash, 'hex');
  if v_link.id is null then
    return 'unknown';
  elsif v_link.revoked_at is not null then
    return 'revoked';
  elsif v_link.expires_at <= now() then
    return 'expired';
  end if;
  perform 1 from public.campaigns
  where id = v_link.campaign_id and status in ('verstuurd', 'afgerond');
  if not found then
    return 'closed';
  end if;
  insert into public.responses (campaign_id, party_id, channel, responder_name, responder_role,
                                body_md, body_html, link_id, disown_token_hash)
  values (v_link.campaign_id, v_link.party_id, 'link', p_responder_name, nullif(p_responder_role, ''),
          p_body_md, p_body_html, v_link.id, decode(p_disown_token_hash, 'hex'))
  returning id into v_response;
  perform public.record_response_answers(v_link.campaign_id, v_response, p_answers);
  insert into public.outbox (to_address, subject, text_body, html_body, reply_to)
  select m ->> 'to', m ->> 'subject', m ->> 'text', m ->> 'html', m ->> 'reply_to'
  from jsonb_array_elements(coalesce(p_mails, '[]'::jsonb)) m;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'response_received', 'campaign', v_link.campaign_id::text,
          jsonb_build_object('party', v_link.party_id, 'response', v_response, 'channel', 'link'));
  return 'saved';
end
$$;

-- The party says an answer posted through its link is not theirs: the answer leaves the public
-- page (it is kept, marked), every live answer link of that party for this letter is revoked, a
-- new one is made and p_mails (the new link to the addresses the letter went to, a note to the
-- coordinators) are queued. Returns 'disowned', 'already' or 'unknown'.
create function public.disown_party_response(
  p_disown_token_hash text, p_note text, p_new_token_hash text, p_mails jsonb
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_response public.responses%rowtype;
begin
  select * into v_response from public.responses
  where disown_token_hash = decode(p_disown_token_hash, 'hex')
  for update;
  if v_response.id is null then
    return 'unknown';
  end if;
  if v_response.disowned_at is not null then
    return 'already';
  end if;
  update public.responses set disowned_at = now(), disowned_note = nullif(btrim(coalesce(p_note, '')), '')
  where id = v_response.id;
  update public.response_links set revoked_at = now()
  where campaign_id = v_response.campaign_id and party_id = v_response.party_id and revoked_at is null;
  insert into public.response_links (campaign_id, party_id, token_hash, expires_at)
  values (v_response.campaign_id, v_response.party_id, decode(p_new_token_hash, 'hex'), now() + interval '1 year');
  insert into public.outbox (to_address, subject, text_body, html_body, reply_to)
  select m ->> 'to', m ->> 'subject', m ->> 'text', m ->> 'html', m ->> 'reply_to'
  from jsonb_array_elements(coalesce(p_mails, '[]'::jsonb)) m;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'response_disowned', 'campaign', v_response.campaign_id::text,
          jsonb_build_object('party', v_response.party_id, 'response', v_response.id));
  return 'disowned';
end
$$;

-- Invitations: what a real coordinator needs ----------------------------------------------------

-- As before, and at most 300 invitations per letter in all (a gemeente has far fewer huisartsen);
-- returns null when closed and 'too_many' (as {"too_many": true}) beyond that.
create or replace function public.issue_invitations(p_campaign_id uuid, p_actor_id uuid, p_invitations jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  i jsonb;
  v_email text;
  v_results jsonb := '[]'::jsonb;
  v_invited integer := 0;
begin
  perform 1 from public.campaigns where id = p_campaign_id and status = 'ter_ondertekening' for update;
  if not found then
    return null;
  end if;
  if (select count(*) from public.invitations where campaign_id = p_campaign_id)
     + jsonb_array_length(p_invitations) > 300 then
    return jsonb_build_object('too_many', true);
  end if;
  for i in select * from jsonb_array_elements(p_invitations) loop
    v_email := lower(i ->> 'email');
    if exists (
      select 1 from public.signatures s join public.users u on u.id = s.user_id
      where s.campaign_id = p_campaign_id and u.email = v_email and s.withdrawn_at is null
    ) then
      v_results := v_results || jsonb_build_object('email', v_email, 'status', 'already_signed');
      continue;
    end if;
    insert into public.invitations (campaign_id, email, token_hash, invited_by, expires_at)
    values (p_campaign_id, v_email, decode(i ->> 'token_hash', 'hex'), p_actor_id, now() + interval '30 days')
    on conflict (campaign_id, email) do update set
      token_hash = excluded.token_hash, invited_by = excluded.invited_by,
      created_at = now(), expires_at = excluded.expires_at, accepted_at = null;
    insert into public.outbox (to_address, subject, text_body, reply_to)
    values (v_email, i ->> 'subject', i ->> 'text', i ->> 'reply_to');
    v_results := v_results || jsonb_build_object('email', v_email, 'status', 'invited');
    v_invited := v_invited + 1;
  end loop;
  if v_invited > 0 then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_actor_id, 'colleagues_invited', 'campaign', p_campaign_id::text,
            jsonb_build_object('count', v_invited));
  end if;
  return v_results;
end
$$;

-- Sign-in codes bound to the browser that asked ---------------------------------------------------

alter table public.login_codes add column browser_hash bytea;
delete from public.login_codes;
alter table public.login_codes alter column browser_hash set not null;

-- Issues a code for the address to the browser that asked (p_browser_hash: hash of a secret kept
-- in that browser's cookie). Other browsers' codes for the address stay valid, so asking for a
-- code in someone else's name replaces nothing of theirs. Returns the code's id.
drop function public.issue_login_code(text, bytea, integer);
create function public.issue_login_code(p_email text, p_code_hash bytea, p_ttl_seconds integer, p_browser_hash bytea)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  delete from public.login_codes
  where (email = p_email and browser_hash = p_browser_hash) or expires_at < now() - interval '1 day';
  insert into public.login_codes (email, code_hash, expires_at, browser_hash)
  values (p_email, p_code_hash, now() + make_interval(secs => p_ttl_seconds), p_browser_hash)
  returning id into v_id;
  return v_id;
end
$$;

-- Counts one check against one code, only for the browser it was issued to, and returns it (with
-- its address) for a constant-time compare.
drop function public.begin_login_code_check(text);
create function public.begin_login_code_check(p_code_id uuid, p_browser_hash bytea)
returns table (id uuid, email text, code_hash bytea, attempts integer, expired boolean)
language sql
set search_path = ''
as $$
  update public.login_codes c set attempts = c.attempts + 1
  where c.id = p_code_id and c.browser_hash = p_browser_hash and c.used_at is null
  returning c.id, c.email, c.code_hash, c.attempts, c.expires_at <= now()
$$;

-- The address a browser's pending code is for (to show on the code page), or null.
create function public.pending_login_email(p_code_id uuid, p_browser_hash bytea)
returns text
language sql
stable
set search_path = ''
as $$
  select email from public.login_codes
  where id = p_code_id and browser_hash = p_browser_hash and used_at is null
    and expires_at > now() - interval '1 hour'
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
