-- Signing and coverage: signing through one's own practice, withdrawing, confirming a newer
-- text after a reopen, coordinators verifying BIG numbers, invitations and their acceptance, the
-- reconfirmation e-mails, and a campaign's coverage in one query. Each change is one call that
-- writes its own audit_log entry. Functions that must not race with sending or reopening take a
-- share lock on the campaign row first (a status change waits for them, and they for it).

-- Signs through one of the user's practices in the campaign's gemeente (checked here, in the
-- same transaction), via sign_letter. When the signature is new, fills the user's profile name
-- and BIG number if those were still empty (never overwrites). Returns sign_letter's answer
-- ('signed', 'already_signed', 'closed') or 'practice_not_allowed'.
create function public.sign_letter_as_member(
  p_campaign_id uuid, p_user_id uuid, p_practice_id uuid, p_signer_name text,
  p_big_number text, p_show_name boolean
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
  end if;
  return v_result;
end
$$;

-- Withdraws the user's signature while the letter is not yet sent (also while reopened as a
-- draft). Returns 'withdrawn', 'not_signed' or 'closed' (sent: signatures are fixed).
create function public.withdraw_signature(p_campaign_id uuid, p_user_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform 1 from public.campaigns
  where id = p_campaign_id and status in ('concept', 'ter_ondertekening') for share;
  if not found then
    return 'closed';
  end if;
  update public.signatures set withdrawn_at = now(), verified_at = null, verified_by = null, updated_at = now()
  where campaign_id = p_campaign_id and user_id = p_user_id and withdrawn_at is null
  returning id into v_id;
  if v_id is null then
    return 'not_signed';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'signature_withdrawn', 'campaign', p_campaign_id::text, jsonb_build_object('signature', v_id));
  return 'withdrawn';
end
$$;

-- Re-pins the user's signature to the revision now open for signing (after a reopen changed
-- the text). Returns 'confirmed', 'current' (nothing to confirm), 'not_signed' or 'closed'.
create function public.confirm_signature(p_campaign_id uuid, p_user_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_revision uuid;
  v_id uuid;
begin
  select signing_revision_id into v_revision from public.campaigns
  where id = p_campaign_id and status = 'ter_ondertekening' for share;
  if v_revision is null then
    return 'closed';
  end if;
  update public.signatures set revision_id = v_revision, updated_at = now()
  where campaign_id = p_campaign_id and user_id = p_user_id and withdrawn_at is null
    and revision_id <> v_revision
  returning id into v_id;
  if v_id is null then
    if exists (select 1 from public.signatures
               where campaign_id = p_campaign_id and user_id = p_user_id and withdrawn_at is null) then
      return 'current';
    end if;
    return 'not_signed';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'signature_confirmed', 'campaign', p_campaign_id::text,
          jsonb_build_object('signature', v_id,
            'revision', (select number from public.letter_revisions where id = v_revision)));
  return 'confirmed';
end
$$;

-- A coordinator marks a signer's BIG number as checked (p_verified) or takes that back, until
-- the letter is sent. Returns 'verified', 'unverified', 'not_found' (not a live signature of
-- this campaign) or 'closed'.
create function public.verify_signature(
  p_campaign_id uuid, p_signature_id uuid, p_actor_id uuid, p_verified boolean
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform 1 from public.campaigns
  where id = p_campaign_id and status in ('concept', 'ter_ondertekening') for share;
  if not found then
    return 'closed';
  end if;
  update public.signatures set
    verified_at = case when p_verified then now() else null end,
    verified_by = case when p_verified then p_actor_id else null end,
    updated_at = now()
  where id = p_signature_id and campaign_id = p_campaign_id and withdrawn_at is null
  returning id into v_id;
  if v_id is null then
    return 'not_found';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_verified then 'signature_verified' else 'signature_unverified' end,
          'campaign', p_campaign_id::text, jsonb_build_object('signature', v_id));
  return case when p_verified then 'verified' else 'unverified' end;
end
$$;

-- Invites colleagues while the letter is open for signing: per address a fresh token (hash
-- only) replacing any earlier one, valid 30 days, and the e-mail queued in the outbox; skips
-- addresses that already signed. p_invitations: [{email, token_hash (hex), subject, text,
-- reply_to}]. Returns [{email, status: 'invited' | 'already_signed'}], or null when closed.
create function public.issue_invitations(p_campaign_id uuid, p_actor_id uuid, p_invitations jsonb)
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
  perform 1 from public.campaigns where id = p_campaign_id and status = 'ter_ondertekening' for share;
  if not found then
    return null;
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

-- Marks an invitation accepted by the signed-in user it was sent to (same e-mail address, not
-- expired). Returns 'accepted' (also when it already was), 'other_email' or 'invalid'.
create function public.accept_invitation(p_invitation_id uuid, p_user_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_campaign uuid;
  v_first boolean;
begin
  select i.campaign_id, i.accepted_at is null into v_campaign, v_first
  from public.invitations i where i.id = p_invitation_id and i.expires_at > now() for update;
  if v_campaign is null then
    return 'invalid';
  end if;
  if not exists (
    select 1 from public.invitations i join public.users u on u.email = i.email
    where i.id = p_invitation_id and u.id = p_user_id
  ) then
    return 'other_email';
  end if;
  if v_first then
    update public.invitations set accepted_at = now() where id = p_invitation_id;
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_user_id, 'invitation_accepted', 'campaign', v_campaign::text,
            jsonb_build_object('invitation', p_invitation_id));
  end if;
  return 'accepted';
end
$$;

-- Queues the "please confirm the new text" e-mails after a reopen, only while p_revision_id is
-- still the revision open for signing. p_mails: [{to, subject, text}]. Returns how many were
-- queued (0 when the campaign moved on meanwhile).
create function public.queue_reconfirmation_mails(
  p_campaign_id uuid, p_actor_id uuid, p_revision_id uuid, p_mails jsonb
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  perform 1 from public.campaigns
  where id = p_campaign_id and status = 'ter_ondertekening' and signing_revision_id = p_revision_id
  for share;
  if not found or jsonb_array_length(p_mails) = 0 then
    return 0;
  end if;
  insert into public.outbox (to_address, subject, text_body)
  select m ->> 'to', m ->> 'subject', m ->> 'text' from jsonb_array_elements(p_mails) m;
  get diagnostics v_count = row_count;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'reconfirmation_requested', 'campaign', p_campaign_id::text,
          jsonb_build_object('count', v_count,
            'revision', (select number from public.letter_revisions where id = p_revision_id)));
  return v_count;
end
$$;

-- A campaign's coverage in one query: signers (live signatures), practices in the gemeente with
-- at least one signer, all practices in the gemeente, and the ones without a signer yet.
create function public.campaign_coverage(p_campaign_id uuid, p_gemeente_code text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with signed as (
    select s.practice_id, count(*) as signers
    from public.signatures s
    where s.campaign_id = p_campaign_id and s.withdrawn_at is null
    group by s.practice_id
  ),
  local as (
    select p.id, p.name, p.address, signed.signers
    from public.practices p
    left join signed on signed.practice_id = p.id
    where p.gemeente_code = p_gemeente_code
  )
  select jsonb_build_object(
    'signers', (select coalesce(sum(signers), 0) from signed),
    'practices_signed', (select count(*) from local where signers is not null),
    'practices_total', (select count(*) from local),
    'unsigned', coalesce(
      (select jsonb_agg(jsonb_build_object('id', id, 'name', name, 'address', address) order by name, id)
       from local where signers is null),
      '[]'::jsonb)
  )
$$;

-- Deleting an account (replaces the foundation's version, which left this to the letter issue):
-- the user's signatures keep counting but lose name, BIG number and consent; invitations to the
-- address go. Everything else as before.
create or replace function public.delete_user_account(p_user_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_email text;
begin
  select email into v_email from public.users where id = p_user_id;
  if v_email is null then
    return;
  end if;
  update public.signatures set signer_name = null, big_number = null, show_name = false, updated_at = now()
  where user_id = p_user_id;
  delete from public.invitations where email = v_email;
  delete from public.login_codes where email = v_email;
  delete from public.users where id = p_user_id;
  insert into public.audit_log (actor_id, action, entity, entity_id)
  values (null, 'account_deleted', 'user', p_user_id::text);
end
$$;

-- Every function here is for the server (service role) only, as in the earlier migrations.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
