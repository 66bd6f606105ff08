-- Whether the promiser got a copy of a reaction posted through its link. The copy (to the party's
-- or college's own addresses, with "dit komt niet van ons") is what lets them disown a reaction
-- they did not write; without any known address the editor passes the link on by hand and nobody
-- on the promiser's side hears of the reaction. The public pages say so next to such a reaction.
-- Null: posted before this was recorded.
alter table public.commitment_reactions add column copy_sent boolean;

create or replace function public.submit_commitment_reaction(
  p_token_hash text, p_responder_name text, p_body text, p_disown_token_hash text,
  p_responder_role text default null, p_mails jsonb default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_link public.commitment_reply_links%rowtype;
  v_reaction uuid;
begin
  select * into v_link from public.commitment_reply_links where token_hash = decode(p_token_hash, 'hex') for update;
  if v_link.id is null then
    return 'unknown';
  elsif v_link.revoked_at is not null then
    return 'revoked';
  elsif v_link.expires_at <= now() then
    return 'expired';
  end if;
  if exists (select 1 from public.commitment_reactions where update_id = v_link.update_id and disowned_at is null) then
    return 'already';
  end if;
  insert into public.commitment_reactions (commitment_id, update_id, link_id, responder_name, responder_role, body,
                                           disown_token_hash, copy_sent)
  values (v_link.commitment_id, v_link.update_id, v_link.id, btrim(p_responder_name),
          nullif(btrim(coalesce(p_responder_role, '')), ''), btrim(p_body), decode(p_disown_token_hash, 'hex'),
          jsonb_array_length(coalesce(p_mails, '[]'::jsonb)) > 0)
  returning id into v_reaction;
  perform public.queue_outcome_mails(p_mails);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'commitment_reaction_received', 'commitment', v_link.commitment_id::text,
          jsonb_build_object('update', v_link.update_id, 'reaction', v_reaction));
  return 'saved';
exception when unique_violation then
  -- A second reaction through another link of the same update at the same moment.
  return 'already';
end
$$;
revoke all on function public.submit_commitment_reaction(text, text, text, text, text, jsonb) from public, anon, authenticated;
grant execute on function public.submit_commitment_reaction(text, text, text, text, text, jsonb) to service_role;


-- The timeline's items carry it with each reaction (otherwise as in 20261212000100).
create or replace function public.outcome_timeline_items(p_gemeente_code text)
returns table (
  key text, kind text, at timestamptz, recorded_at timestamptz, seq integer,
  theme_keys text[], party_ids uuid[], links text[], data jsonb
)
language sql
stable
set search_path = ''
as $$
  -- The numbered asks of every letter that was sent.
  select 'vraag-' || a.id, 'vraag', c.sent_at, c.sent_at, a.number,
         case when a.theme_key is null then '{}'::text[] else array[a.theme_key] end, '{}'::uuid[], '{}'::text[],
         jsonb_build_object('number', a.number, 'body', a.body, 'letter', c.title, 'campaign_id', c.id)
  from public.letter_asks a
  join public.campaigns c on c.id = a.campaign_id and c.signing_revision_id = a.revision_id
  where c.gemeente_code = p_gemeente_code and c.status in ('verstuurd', 'afgerond') and c.sent_at is not null
  union all
  -- Each party's answer per ask (answers the party disowned stay out).
  select 'antwoord-' || r.id || '-' || a.id, 'antwoord', r.created_at, r.created_at, a.number,
         case when a.theme_key is null then '{}'::text[] else array[a.theme_key] end, array[r.party_id],
         array['vraag-' || a.id],
         jsonb_build_object('answer', ra.answer, 'explanation', ra.explanation, 'ask_number', a.number,
                            'ask_body', a.body, 'party', p.name, 'responder', r.responder_name,
                            'responder_role', r.responder_role, 'channel', r.channel, 'letter', c.title,
                            'response_id', r.id, 'ask_id', a.id)
  from public.response_answers ra
  join public.responses r on r.id = ra.response_id and r.disowned_at is null
  join public.letter_asks a on a.id = ra.ask_id
  join public.campaigns c on c.id = r.campaign_id
  join public.parties p on p.id = r.party_id
  where c.gemeente_code = p_gemeente_code and c.status in ('verstuurd', 'afgerond')
  union all
  -- Published positions (programme or akkoord), with their evidence.
  select 'standpunt-' || po.id, 'standpunt', po.published_at, po.published_at, 0,
         array[po.theme_key], array[po.party_id], '{}'::text[],
         jsonb_build_object('stance', po.stance, 'quote', po.quote, 'page', po.page, 'section', po.section,
                            'party', p.name, 'document', d.title, 'document_kind', d.kind, 'document_url', d.url,
                            'without_reply', po.published_without_reply, 'position_id', po.id)
  from public.positions po
  join public.parties p on p.id = po.party_id
  join public.documents d on d.id = po.document_id
  where po.gemeente_code = p_gemeente_code and po.status = 'gepubliceerd' and po.published_at is not null
  union all
  -- Meetings that matter here: entered by hand, or with motions, themes or commitments.
  select 'vergadering-' || m.id, 'vergadering', m.starts_at, m.created_at, 0,
         array(select distinct t.theme_key from (
           select mt.theme_key from public.motions mo join public.motion_themes mt on mt.motion_id = mo.id
           where mo.meeting_id = m.id
           union
           select ait.theme_key from public.agenda_items ai join public.agenda_item_themes ait on ait.agenda_item_id = ai.id
           where ai.meeting_id = m.id) t order by 1),
         '{}'::uuid[], '{}'::text[],
         jsonb_build_object('name', m.name, 'kind', m.kind, 'status', m.status, 'location', m.location, 'url', m.url,
                            'motions', (select count(*) from public.motions mo where mo.meeting_id = m.id))
  from public.meetings m
  where m.gemeente_code = p_gemeente_code
    and (m.source = 'handmatig'
         or exists (select 1 from public.motions mo where mo.meeting_id = m.id)
         or exists (select 1 from public.commitments co where co.meeting_id = m.id)
         or exists (select 1 from public.agenda_items ai join public.agenda_item_themes ait on ait.agenda_item_id = ai.id
                    where ai.meeting_id = m.id))
  union all
  -- Motions and amendments with their result, submitters and the vote per party.
  select 'motie-' || mo.id, 'motie',
         coalesce(public.outcome_noon(mo.decided_on), mm.starts_at, mo.created_at),
         greatest(mo.created_at, (select max(v.updated_at) from public.motion_party_votes v where v.motion_id = mo.id)), 0,
         array(select mt.theme_key from public.motion_themes mt where mt.motion_id = mo.id order by 1),
         array(select s.party_id from public.motion_submitters s where s.motion_id = mo.id
               union
               select v.party_id from public.motion_party_votes v where v.motion_id = mo.id and v.vote <> 'onbekend'),
         case when mo.meeting_id is null then '{}'::text[] else array['vergadering-' || mo.meeting_id] end,
         jsonb_build_object('title', mo.title, 'type', mo.type, 'result', mo.result, 'hamerstuk', mo.hamerstuk,
                            'url', mo.url, 'decided_on', mo.decided_on, 'meeting', mm.name,
                            'votes', coalesce((select jsonb_agg(jsonb_build_object('party_id', v.party_id, 'party', p.name,
                                                                                   'vote', v.vote, 'source', v.source)
                                                                order by p.name)
                                               from public.motion_party_votes v join public.parties p on p.id = v.party_id
                                               where v.motion_id = mo.id), '[]'::jsonb),
                            'submitters', coalesce((select jsonb_agg(jsonb_build_object('party', p.name, 'role', s.role)
                                                                     order by s.role, p.name)
                                                    from public.motion_submitters s join public.parties p on p.id = s.party_id
                                                    where s.motion_id = mo.id), '[]'::jsonb))
  from public.motions mo
  left join public.meetings mm on mm.id = mo.meeting_id
  where mo.gemeente_code = p_gemeente_code
  union all
  -- Commitments: the promise, with its source and where it stands now.
  select 'toezegging-' || co.id, 'toezegging', public.outcome_noon(co.promised_on), co.created_at, 0,
         array[co.theme_key], case when co.party_id is null then '{}'::uuid[] else array[co.party_id] end,
         array_remove(array[
           case when co.response_id is not null and co.ask_id is not null then 'antwoord-' || co.response_id || '-' || co.ask_id end,
           case when co.ask_id is not null then 'vraag-' || co.ask_id end,
           case when co.motion_id is not null then 'motie-' || co.motion_id end,
           case when co.meeting_id is not null then 'vergadering-' || co.meeting_id end], null),
         jsonb_build_object('commitment_id', co.id, 'body', co.body, 'promiser', co.promiser, 'party', p.name,
                            'promiser_detail', co.promiser_detail, 'source_kind', co.source_kind,
                            'source_title', co.source_title, 'source_quote', co.source_quote, 'source_url', co.source_url,
                            'source_page', co.source_page, 'deadline', co.deadline, 'status', co.status,
                            'status_on', co.status_on, 'promised_on', co.promised_on, 'recorded_by', u.name,
                            'reaction', (select jsonb_build_object('body', cr.body, 'responder', cr.responder_name,
                                                                   'responder_role', cr.responder_role, 'at', cr.created_at,
                                                                   'copy_sent', cr.copy_sent)
                                         from public.commitment_reactions cr join public.commitment_updates cu on cu.id = cr.update_id
                                         where cu.commitment_id = co.id and cu.seq = 1 and cr.disowned_at is null))
  from public.commitments co
  left join public.parties p on p.id = co.party_id
  left join public.users u on u.id = co.created_by
  where co.gemeente_code = p_gemeente_code
  union all
  -- Every later status of a commitment, forward or back, with its evidence and the reaction.
  select 'status-' || cu.id, 'status', public.outcome_noon(cu.happened_on), cu.recorded_at, cu.seq,
         array[co.theme_key], case when co.party_id is null then '{}'::uuid[] else array[co.party_id] end,
         array['toezegging-' || co.id],
         jsonb_build_object('commitment_id', co.id, 'seq', cu.seq, 'status', cu.status, 'previous_status', cu.previous_status,
                            'happened_on', cu.happened_on, 'note', cu.note, 'evidence_title', cu.evidence_title,
                            'evidence_url', cu.evidence_url, 'evidence_page', cu.evidence_page, 'recorded_by', u.name,
                            'body', co.body, 'promiser', co.promiser, 'party', p.name,
                            'reaction', (select jsonb_build_object('body', cr.body, 'responder', cr.responder_name,
                                                                   'responder_role', cr.responder_role, 'at', cr.created_at,
                                                                   'copy_sent', cr.copy_sent)
                                         from public.commitment_reactions cr
                                         where cr.update_id = cu.id and cr.disowned_at is null))
  from public.commitment_updates cu
  join public.commitments co on co.id = cu.commitment_id
  left join public.parties p on p.id = co.party_id
  left join public.users u on u.id = cu.recorded_by
  where co.gemeente_code = p_gemeente_code and cu.seq > 1
$$;
revoke all on function public.outcome_timeline_items(text) from public, anon, authenticated;
grant execute on function public.outcome_timeline_items(text) to service_role;
