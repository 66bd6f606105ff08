-- Recipients, sending and answers: parties and their contact addresses, the letter going out
-- (by e-mail through the outbox, or marked as sent by hand), retries, private answer links,
-- party answers, and the reminders. Each function is one logical change with its audit entry.
-- No new tables; every function is for the service role only (see the end of this file).

-- Adds a party to a gemeente (p_party_id null) or renames one there. Returns the party id, or
-- null when p_party_id is not a party of that gemeente. Raises 23505 when the name is taken.
create function public.save_party(
  p_actor_id uuid, p_gemeente_code text, p_party_id uuid, p_name text, p_abbreviation text
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

-- Removes a party with its contacts. A party that received a letter or answered one stays:
-- deleting it would take its deliveries and answers along. Returns 'removed', 'in_use' or
-- 'not_found'.
create function public.remove_party(p_actor_id uuid, p_gemeente_code text, p_party_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_name text;
begin
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
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'party_removed', 'party', p_party_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'name', v_name));
  return 'removed';
end
$$;

-- Adds a contact address to a party of the gemeente (p_contact_id null) or changes one.
-- Returns 'saved', 'exists' (the party already has this address) or 'not_found'.
create function public.save_party_contact(
  p_actor_id uuid, p_gemeente_code text, p_party_id uuid, p_contact_id uuid,
  p_email text, p_role text, p_name text
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

-- Removes one contact address of a party in the gemeente. Returns false when there is none.
create function public.remove_party_contact(p_actor_id uuid, p_gemeente_code text, p_contact_id uuid)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_party uuid;
  v_email text;
begin
  delete from public.party_contacts c
  using public.parties p
  where c.id = p_contact_id and p.id = c.party_id and p.gemeente_code = p_gemeente_code
  returning c.party_id, c.email into v_party, v_email;
  if v_party is null then
    return false;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'party_contact_removed', 'party', v_party::text,
          jsonb_build_object('contact', p_contact_id, 'email', v_email));
  return true;
end
$$;

-- Imports checked CSV lines at once: p_rows [{name, abbreviation, email, role, contact_name}].
-- Parties and addresses that exist already are left as they are. Returns
-- {"parties": added, "contacts": added}.
create function public.import_parties(p_actor_id uuid, p_gemeente_code text, p_rows jsonb)
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
  for r in select * from jsonb_array_elements(p_rows) loop
    insert into public.parties (gemeente_code, name, abbreviation)
    values (p_gemeente_code, r ->> 'name', nullif(r ->> 'abbreviation', ''))
    on conflict (gemeente_code, name) do nothing
    returning id into v_party;
    if v_party is null then
      select id into v_party from public.parties
      where gemeente_code = p_gemeente_code and name = r ->> 'name';
    else
      v_parties := v_parties + 1;
    end if;
    if coalesce(r ->> 'email', '') <> '' then
      insert into public.party_contacts (party_id, email, role, name)
      values (v_party, r ->> 'email', coalesce(nullif(r ->> 'role', ''), 'fractie'), nullif(r ->> 'contact_name', ''))
      on conflict (party_id, email) do nothing;
      get diagnostics v_added = row_count;
      v_contacts := v_contacts + v_added;
    end if;
    v_party := null;
  end loop;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'parties_imported', 'gemeente', p_gemeente_code,
          jsonb_build_object('lines', jsonb_array_length(p_rows), 'parties', v_parties, 'contacts', v_contacts));
  return jsonb_build_object('parties', v_parties, 'contacts', v_contacts);
end
$$;

-- Sends the letter (or records that the coordinators mailed it themselves): marks the campaign
-- sent and records, per party, the delivery, its queued e-mail and a fresh answer link, all at
-- once. Each delivery has its own channel: a party without an address is
-- recorded as 'handmatig' even when the others go by e-mail. p_deliveries: [{party_id,
-- addresses[], token_hash (hex), mail: {to, subject, text, html, reply_to} (absent: by hand)}].
-- p_revision_id is the revision the coordinator reviewed. Returns false when the campaign was not
-- open for signing or the text under review is no longer the one being signed.
create function public.send_letter(
  p_campaign_id uuid, p_actor_id uuid, p_revision_id uuid, p_manual boolean, p_deliveries jsonb
)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  d jsonb;
  v_gemeente text;
  v_outbox uuid;
  v_email integer := 0;
begin
  update public.campaigns set status = 'verstuurd', sent_at = now(), sent_manually = p_manual
  where id = p_campaign_id and status = 'ter_ondertekening' and signing_revision_id = p_revision_id
  returning gemeente_code into v_gemeente;
  if v_gemeente is null then
    return false;
  end if;
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
                             'revision', p_revision_id));
  return true;
end
$$;

-- Puts a failed delivery e-mail back in the queue, due now, with a fresh set of attempts.
-- Returns false when the delivery is not this campaign's or its e-mail has not failed.
create function public.retry_delivery(p_campaign_id uuid, p_delivery_id uuid, p_actor_id uuid)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_party uuid;
begin
  update public.outbox o set status = 'queued', attempts = 0, next_attempt_at = now()
  from public.deliveries d
  where d.id = p_delivery_id and d.campaign_id = p_campaign_id and o.id = d.outbox_id
    and o.status = 'failed'
  returning d.party_id into v_party;
  if v_party is null then
    return false;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'delivery_retried', 'campaign', p_campaign_id::text,
          jsonb_build_object('delivery', p_delivery_id, 'party', v_party));
  return true;
end
$$;

-- Revokes a party's live answer links for a campaign and, when p_token_hash (hex) is given,
-- makes a new one valid for a year. Only for parties the letter went to. Returns false otherwise.
create function public.renew_response_link(
  p_campaign_id uuid, p_party_id uuid, p_actor_id uuid, p_token_hash text
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

-- A party's answer through its private link: the link is checked and the answer stored in one
-- step. Returns 'saved', 'unknown', 'revoked', 'expired' or 'closed' (letter not sent).
create function public.submit_party_response(
  p_token_hash text, p_responder_name text, p_responder_role text, p_body_md text,
  p_body_html text, p_ask_answers jsonb
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
                                body_md, body_html, ask_answers)
  values (v_link.campaign_id, v_link.party_id, 'link', p_responder_name, nullif(p_responder_role, ''),
          p_body_md, p_body_html, coalesce(p_ask_answers, '{}'::jsonb))
  returning id into v_response;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'response_received', 'campaign', v_link.campaign_id::text,
          jsonb_build_object('party', v_link.party_id, 'response', v_response, 'channel', 'link'));
  return 'saved';
end
$$;

-- An answer that came by e-mail, phone or otherwise, entered by a coordinator for a party the
-- letter went to. Returns false when the letter was not sent to that party.
create function public.enter_party_response(
  p_campaign_id uuid, p_party_id uuid, p_actor_id uuid, p_channel text, p_responder_name text,
  p_responder_role text, p_body_md text, p_body_html text, p_ask_answers jsonb
)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_response uuid;
begin
  if p_channel not in ('email', 'telefoon', 'anders') then
    raise exception 'channel % cannot be entered by hand', p_channel using errcode = '22023';
  end if;
  perform 1 from public.deliveries d join public.campaigns c on c.id = d.campaign_id
  where d.campaign_id = p_campaign_id and d.party_id = p_party_id and c.status in ('verstuurd', 'afgerond');
  if not found then
    return false;
  end if;
  insert into public.responses (campaign_id, party_id, channel, responder_name, responder_role,
                                body_md, body_html, ask_answers, entered_by)
  values (p_campaign_id, p_party_id, p_channel, p_responder_name, nullif(p_responder_role, ''),
          p_body_md, p_body_html, coalesce(p_ask_answers, '{}'::jsonb), p_actor_id)
  returning id into v_response;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'response_entered', 'campaign', p_campaign_id::text,
          jsonb_build_object('party', p_party_id, 'response', v_response, 'channel', p_channel));
  return true;
end
$$;

-- The fourteen-day digest to the coordinators: claims the campaign's one reminder and queues
-- the e-mails in one step, so two runs at once never send it twice. p_mails: [{to, subject,
-- text, html}]. Returns false when the reminder was already sent or is not due.
create function public.record_reminder_digest(
  p_campaign_id uuid, p_sent_before timestamptz, p_now timestamptz, p_mails jsonb
)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  m jsonb;
begin
  update public.campaigns set reminder_sent_at = p_now
  where id = p_campaign_id and status = 'verstuurd' and reminder_sent_at is null
    and sent_at <= p_sent_before;
  if not found then
    return false;
  end if;
  for m in select * from jsonb_array_elements(p_mails) loop
    insert into public.outbox (to_address, subject, text_body, html_body)
    values (m ->> 'to', m ->> 'subject', m ->> 'text', m ->> 'html');
  end loop;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'reminder_digest_sent', 'campaign', p_campaign_id::text,
          jsonb_build_object('coordinators', jsonb_array_length(p_mails)));
  return true;
end
$$;

-- Reminds parties that have not answered: per party a fresh answer link (the old ones are
-- revoked: only their hashes exist, so they cannot be sent again) and a queued e-mail.
-- p_items: [{party_id, token_hash (hex), mail: {to, subject, text, html, reply_to}}].
-- Returns how many parties were reminded (0 when the letter is not sent).
create function public.send_party_reminders(p_campaign_id uuid, p_actor_id uuid, p_items jsonb)
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
    update public.response_links set revoked_at = now()
    where campaign_id = p_campaign_id and party_id = v_party and revoked_at is null;
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

-- Every function here is for the server (service role) only, as in the earlier migrations.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
