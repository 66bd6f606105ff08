-- Steps that used to take several calls now take one, so a failure in between cannot leave a
-- half-done change: opening a letter for signing together with the "confirm the new text" mails,
-- adding a co-coordinator together with the audit entry and the mail, and sending only what the
-- coordinator reviewed. Deleting an account also removes the mail and rate-limit traces of the
-- address, and an hourly tidy-up keeps no working links in sent mail and no dead rows.

-- What the coordinators review before sending, as one value: the text open for signing, every
-- live signature (who, which text, name shown or not, verified or not) and every party with its
-- addresses. Sending compares it with the value the review page showed.
create function public.sending_fingerprint(p_campaign_id uuid)
returns text
language sql
stable
set search_path = ''
as $$
  select md5(concat_ws('#',
    (select c.signing_revision_id::text from public.campaigns c where c.id = p_campaign_id),
    (select string_agg(concat_ws('|', s.id, s.revision_id, s.practice_id, s.signer_name, s.show_name,
                                 s.verified_at is not null), ',' order by s.id)
     from public.signatures s
     where s.campaign_id = p_campaign_id and s.withdrawn_at is null),
    (select string_agg(concat_ws('|', p.id, p.name, p.abbreviation,
                                 (select string_agg(pc.email, ';' order by pc.email)
                                  from public.party_contacts pc where pc.party_id = p.id)), ',' order by p.id)
     from public.parties p
     join public.campaigns c on c.gemeente_code = p.gemeente_code
     where c.id = p_campaign_id)
  ))
$$;

-- Sends the letter exactly as reviewed: marks the campaign sent and records each delivery with
-- its queued e-mail and answer link, all at once. The campaign row is locked first, so nobody can
-- sign or withdraw in between; when the fingerprint differs from the reviewed one nothing is
-- written. p_deliveries: [{party_id, addresses[], token_hash (hex), mail?: {to, subject, text,
-- html, reply_to}}]. Returns 'sent', 'not_open' or 'changed'.
drop function public.send_letter(uuid, uuid, uuid, boolean, jsonb);
create function public.send_letter(
  p_campaign_id uuid, p_actor_id uuid, p_fingerprint text, p_manual boolean, p_deliveries jsonb
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

-- The first letter issue's send function; send_letter (which checks the review) replaced it.
drop function public.send_campaign(uuid, uuid, jsonb, boolean);

-- Opens the draft for signing with its newest revision, which must be p_revision_id (the one the
-- mails name), and queues the "confirm the new text" mails in the same step. A mail goes out only
-- for a signature that is still live and was given for another revision. p_mails:
-- [{signature_id, to, subject, text}]. Returns how many mails were queued, or null (nothing
-- changed) when the letter was not a draft any more or a newer revision was saved meanwhile.
create function public.open_for_signing(
  p_campaign_id uuid, p_actor_id uuid, p_revision_id uuid, p_mails jsonb
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.campaigns set status = 'ter_ondertekening', signing_revision_id = p_revision_id
  where id = p_campaign_id and status = 'concept'
    and p_revision_id = (
      select r.id from public.letter_revisions r
      where r.campaign_id = p_campaign_id order by r.number desc limit 1
    );
  if not found then
    return null;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'status_changed', 'campaign', p_campaign_id::text,
          jsonb_build_object('from', 'concept', 'to', 'ter_ondertekening'));
  insert into public.outbox (to_address, subject, text_body)
  select m ->> 'to', m ->> 'subject', m ->> 'text'
  from jsonb_array_elements(p_mails) m
  join public.signatures s on s.id = (m ->> 'signature_id')::uuid
  where s.campaign_id = p_campaign_id and s.withdrawn_at is null and s.revision_id <> p_revision_id;
  get diagnostics v_count = row_count;
  if v_count > 0 then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_actor_id, 'reconfirmation_requested', 'campaign', p_campaign_id::text,
            jsonb_build_object('count', v_count,
              'revision', (select number from public.letter_revisions where id = p_revision_id)));
  end if;
  return v_count;
end
$$;

-- Replaced by open_for_signing, which queues these mails in the same step as the opening.
drop function public.queue_reconfirmation_mails(uuid, uuid, uuid, jsonb);

-- Makes the person with this address (an account is created on first use) a coordinator of the
-- campaign, records it and queues their mail, in one step. p_mail: {subject, text}.
-- Returns 'added' or 'already'.
create function public.add_coordinator(
  p_campaign_id uuid, p_actor_id uuid, p_email text, p_mail jsonb
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_user uuid;
begin
  insert into public.users (email) values (p_email)
  on conflict (email) do update set email = excluded.email
  returning id into v_user;
  if exists (
    select 1 from public.memberships
    where user_id = v_user and role = 'campaign_coordinator' and campaign_id = p_campaign_id
  ) then
    return 'already';
  end if;
  insert into public.memberships (user_id, role, campaign_id)
  values (v_user, 'campaign_coordinator', p_campaign_id);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'coordinator_added', 'campaign', p_campaign_id::text,
          jsonb_build_object('email', p_email));
  insert into public.outbox (to_address, subject, text_body)
  values (p_email, p_mail ->> 'subject', p_mail ->> 'text');
  return 'added';
end
$$;

-- Deleting an account: as before, and the mail to the address (sign-in codes, invitations) and
-- the rate-limit counters that name it go too.
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
  delete from public.outbox where lower(to_address) = v_email;
  delete from public.rate_limits where right(key, length(v_email) + 1) = ':' || v_email;
  delete from public.users where id = p_user_id;
  insert into public.audit_log (actor_id, action, entity, entity_id)
  values (null, 'account_deleted', 'user', p_user_id::text);
end
$$;

-- Reminds parties that have not answered, as before, but keeps their earlier answer links
-- working: the link in the first e-mail, or one a coordinator passed on, must not die because a
-- reminder went out. Each reminder adds a fresh link (only hashes are kept, so an old link cannot
-- be sent again). Revoking stays an explicit step (renew_response_link).
create or replace function public.send_party_reminders(p_campaign_id uuid, p_actor_id uuid, p_items jsonb)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  i jsonb;
  v_count integer := 0;
  v_party uuid;
begin
  perform 1 from public.campaigns where id = p_campaign_id and status = 'verstuurd' for update;
  if not found then
    return 0;
  end if;
  for i in select * from jsonb_array_elements(p_items) loop
    v_party := (i ->> 'party_id')::uuid;
    perform 1 from public.deliveries where campaign_id = p_campaign_id and party_id = v_party;
    if not found then
      raise exception 'party % did not receive this letter', v_party using errcode = '22023';
    end if;
    insert into public.response_links (campaign_id, party_id, token_hash, expires_at)
    values (p_campaign_id, v_party, decode(i ->> 'token_hash', 'hex'), now() + interval '1 year');
    insert into public.outbox (to_address, subject, text_body, html_body, reply_to)
    values (i -> 'mail' ->> 'to', i -> 'mail' ->> 'subject', i -> 'mail' ->> 'text',
            i -> 'mail' ->> 'html', i -> 'mail' ->> 'reply_to');
    v_count := v_count + 1;
  end loop;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'parties_reminded', 'campaign', p_campaign_id::text,
          jsonb_build_object('parties', (select coalesce(jsonb_agg(x -> 'party_id'), '[]'::jsonb)
                                         from jsonb_array_elements(p_items) x)));
  return v_count;
end
$$;

-- Hourly housekeeping, one call: cuts the private links (a party's answer link, an invitation)
-- out of the stored copies of mail sent more than p_scrub_after_seconds ago, so the outbox holds
-- no working token (only hashes exist elsewhere); and removes what can no longer be used: rate-limit
-- windows older than two days (the longest window is one day), sign-in codes a day past their
-- expiry, and sessions past their inactivity or absolute limit. Returns the counts.
create function public.tidy_up(
  p_scrub_after_seconds integer, p_session_idle_seconds integer, p_session_max_seconds integer
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_link constant text := '/(reageer|uitnodiging)/[a-z2-7]{24}';
  v_scrubbed integer;
  v_limits integer;
  v_codes integer;
  v_sessions integer;
begin
  update public.outbox set
    text_body = regexp_replace(text_body, v_link, '/\1/[verwijderd]', 'g'),
    html_body = regexp_replace(html_body, v_link, '/\1/[verwijderd]', 'g')
  where status = 'sent' and sent_at < now() - make_interval(secs => p_scrub_after_seconds)
    and (text_body ~ v_link or coalesce(html_body, '') ~ v_link);
  get diagnostics v_scrubbed = row_count;
  delete from public.rate_limits where window_start < now() - interval '2 days';
  get diagnostics v_limits = row_count;
  delete from public.login_codes where expires_at < now() - interval '1 day';
  get diagnostics v_codes = row_count;
  delete from public.sessions
  where last_seen_at < now() - make_interval(secs => p_session_idle_seconds)
     or created_at < now() - make_interval(secs => p_session_max_seconds);
  get diagnostics v_sessions = row_count;
  return jsonb_build_object('scrubbed', v_scrubbed, 'rate_limits', v_limits, 'login_codes', v_codes,
                            'sessions', v_sessions);
end
$$;

-- Every function here is for the server (service role) only, as in the earlier migrations.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
