-- Whether the party got a copy of an answer posted through its link (to its own addresses, with
-- "dit antwoord komt niet van ons"). Without a known address the coordinators passed the link on
-- by hand and nobody at the party hears of the answer, so it could not be disowned: the public
-- page says so next to such an answer. p_copy_sent: whether the mails hold that copy. Null: an
-- answer from before this was recorded, or one entered by the coordinators.
alter table public.responses add column copy_sent boolean;

drop function public.submit_party_response(text, text, text, text, text, jsonb, text, jsonb);
create function public.submit_party_response(
  p_token_hash text, p_responder_name text, p_responder_role text, p_body_md text,
  p_body_html text, p_answers jsonb, p_disown_token_hash text, p_mails jsonb, p_copy_sent boolean
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
                                body_md, body_html, link_id, disown_token_hash, copy_sent)
  values (v_link.campaign_id, v_link.party_id, 'link', p_responder_name, nullif(p_responder_role, ''),
          p_body_md, p_body_html, v_link.id, decode(p_disown_token_hash, 'hex'), p_copy_sent)
  returning id into v_response;
  perform public.record_response_answers(v_link.campaign_id, v_response, p_answers);
  insert into public.outbox (to_address, subject, text_body, html_body, reply_to)
  select m ->> 'to', m ->> 'subject', m ->> 'text', m ->> 'html', m ->> 'reply_to'
  from jsonb_array_elements(coalesce(p_mails, '[]'::jsonb)) m;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'response_received', 'campaign', v_link.campaign_id::text,
          jsonb_build_object('party', v_link.party_id, 'response', v_response, 'channel', 'link',
                             'copy_sent', p_copy_sent));
  return 'saved';
end
$$;
revoke all on function public.submit_party_response(text, text, text, text, text, jsonb, text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.submit_party_response(text, text, text, text, text, jsonb, text, jsonb, boolean) to service_role;
