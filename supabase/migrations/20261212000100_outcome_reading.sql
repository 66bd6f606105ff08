-- Reading outcomes, each in one call whatever the number of rows: the timeline of a gemeente
-- (letter asks, party answers, published positions, meetings, motions with their votes,
-- commitments and every later status), one chain of linked items, "said and did" for one party,
-- the kring's commitments per gemeente, and what changed since a moment (for the Atom feeds and
-- the followers' e-mail). Only what is public: sent letters, answers the party did not disown,
-- published positions, council work, commitments (public from the moment they are recorded).

-- Noon in Dutch time on a date, so a date sorts among timestamps of the same day.
create function public.outcome_noon(p_date date)
returns timestamptz
language sql
immutable
set search_path = ''
as $$
  select (p_date + time '12:00') at time zone 'Europe/Amsterdam'
$$;

-- Every timeline item of a gemeente. key: '<kind>-<id>'; at: when it happened (sorts the
-- timeline); recorded_at: when it was recorded here (ties on the same moment, and the feeds);
-- seq: the order within one moment (ask number, update number); theme_keys and party_ids for the
-- filters; links: the keys of the items this one follows from (answer → ask; commitment → its
-- answer, ask, motion or meeting; update → commitment; motion → meeting); data: what the page shows.
create function public.outcome_timeline_items(p_gemeente_code text)
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

-- One page of a gemeente's timeline, newest first, filtered by theme, party and kind, after the
-- keyset p_before (JSON text {at, recorded_at, seq, key} of the last item of the previous page;
-- text, so the function can be called by GET). Also the
-- number of items that match, the next keyset (null on the last page), and the parties and themes
-- for the filters. Links are kept only when their target is on the timeline.
create function public.gemeente_timeline(
  p_gemeente_code text, p_limit integer, p_theme text default null, p_party uuid default null,
  p_kind text default null, p_before text default null
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with items as materialized (
    select * from public.outcome_timeline_items(p_gemeente_code)
  ),
  matching as materialized (
    select i.* from items i
    where (p_theme is null or p_theme = any (i.theme_keys))
      and (p_party is null or p_party = any (i.party_ids))
      and (p_kind is null or i.kind = p_kind)
  ),
  after as (
    select p_before::jsonb as b
  ),
  page as (
    select m.* from matching m, after
    where after.b is null
       or (m.at, m.recorded_at, m.seq, m.key) < ((after.b ->> 'at')::timestamptz, (after.b ->> 'recorded_at')::timestamptz,
                                                 (after.b ->> 'seq')::integer, after.b ->> 'key')
    order by m.at desc, m.recorded_at desc, m.seq desc, m.key desc
    limit greatest(1, least(p_limit, 200)) + 1
  ),
  numbered as (
    select p.*, row_number() over (order by p.at desc, p.recorded_at desc, p.seq desc, p.key desc) as n from page p
  )
  select jsonb_build_object(
    'total', (select count(*) from matching),
    'items', coalesce((
      select jsonb_agg(jsonb_build_object(
        'key', n.key, 'kind', n.kind, 'at', n.at, 'recorded_at', n.recorded_at, 'seq', n.seq,
        'theme_keys', to_jsonb(n.theme_keys), 'party_ids', to_jsonb(n.party_ids),
        'links', to_jsonb(array(select l from unnest(n.links) l where exists (select 1 from items t where t.key = l))),
        'data', n.data) order by n.n)
      from numbered n where n.n <= greatest(1, least(p_limit, 200))
    ), '[]'::jsonb),
    'next', (
      select jsonb_build_object('at', n.at, 'recorded_at', n.recorded_at, 'seq', n.seq, 'key', n.key)
      from numbered n
      where n.n = greatest(1, least(p_limit, 200))
        and exists (select 1 from numbered later where later.n > n.n)
    ),
    'parties', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name) order by p.name)
      from public.parties p where p.gemeente_code = p_gemeente_code
    ), '[]'::jsonb),
    'themes', coalesce((
      select jsonb_agg(jsonb_build_object('key', t.key, 'label', t.label) order by t.position, t.label)
      from public.themes t
      where t.retired_at is null or exists (select 1 from items i where t.key = any (i.theme_keys))
    ), '[]'::jsonb)
  )
$$;

-- The chain an item belongs to, oldest first: the items it follows from (answer → ask, commitment
-- → answer, ask, motion, meeting, update → commitment), everything that follows from those (the
-- answers to an ask, the commitments on an ask or motion, every status of a commitment; a meeting
-- is context only, so not all of its motions join), what those follow from in turn, and the
-- published positions of a committed party on the commitment's theme (its programme). Null when
-- the item is not on the gemeente's timeline.
create function public.timeline_chain(p_gemeente_code text, p_key text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with recursive items as materialized (
    select * from public.outcome_timeline_items(p_gemeente_code)
  ),
  up (key) as (
    select i.key from items i where i.key = p_key
    union
    select l.k from up join items i on i.key = up.key cross join unnest(i.links) as l(k)
  ),
  down (key) as (
    select up.key from up
    union
    select i.key from down d join items i on d.key = any (i.links)
    where d.key not like 'vergadering-%'
  ),
  around (key) as (
    select d.key from down d
    union
    select l.k from around join items i on i.key = around.key cross join unnest(i.links) as l(k)
  ),
  committed as (
    select i.party_ids, i.theme_keys from items i join around a on a.key = i.key
    where i.kind = 'toezegging' and cardinality(i.party_ids) > 0
  ),
  chain as (
    select i.* from items i where i.key in (select key from around)
    union
    select i.* from items i
    where i.kind = 'standpunt'
      and exists (select 1 from committed c where c.party_ids && i.party_ids and c.theme_keys && i.theme_keys)
  )
  select case when not exists (select 1 from items where key = p_key) then null else jsonb_build_object(
    'start', p_key,
    'items', coalesce((
      select jsonb_agg(jsonb_build_object(
        'key', c.key, 'kind', c.kind, 'at', c.at, 'recorded_at', c.recorded_at, 'seq', c.seq,
        'theme_keys', to_jsonb(c.theme_keys), 'party_ids', to_jsonb(c.party_ids),
        'links', to_jsonb(array(select l from unnest(c.links) l where exists (select 1 from items t where t.key = l))),
        'data', c.data) order by c.at, c.recorded_at, c.seq, c.key)
      from chain c
    ), '[]'::jsonb),
    'themes', coalesce((select jsonb_agg(jsonb_build_object('key', t.key, 'label', t.label) order by t.position)
                        from public.themes t), '[]'::jsonb)
  ) end
$$;

-- "Said and did" of one party, per theme: its published positions (programme and akkoord), the
-- asks on the theme in the letters sent to it with its newest answer (or none), the decided
-- motions on the theme (not hamerstukken) with its vote where known, and its commitments with
-- their status. Themes: every active theme, and retired ones with something to show.
create function public.party_said_and_did(p_party_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with party as (
    select p.id, p.name, p.abbreviation, p.gemeente_code, g.name as gemeente_name, g.slug
    from public.parties p join public.gemeenten g on g.code = p.gemeente_code
    where p.id = p_party_id
  ),
  positions as (
    select po.theme_key, jsonb_build_object('id', po.id, 'stance', po.stance, 'quote', po.quote, 'page', po.page,
             'section', po.section, 'document', d.title, 'document_kind', d.kind, 'document_url', d.url,
             'published_at', po.published_at, 'without_reply', po.published_without_reply) as item
    from public.positions po join public.documents d on d.id = po.document_id
    where po.party_id = p_party_id and po.status = 'gepubliceerd'
  ),
  asks as (
    select a.theme_key, a.id as ask_id, a.number, a.body, c.title as letter, c.sent_at,
           (select jsonb_build_object('answer', ra.answer, 'explanation', ra.explanation, 'at', r.created_at,
                                      'response_id', r.id, 'channel', r.channel)
            from public.responses r join public.response_answers ra on ra.response_id = r.id and ra.ask_id = a.id
            where r.campaign_id = c.id and r.party_id = p_party_id and r.disowned_at is null
            order by r.created_at desc limit 1) as answer
    from public.campaigns c
    join public.deliveries dl on dl.campaign_id = c.id and dl.party_id = p_party_id
    join public.letter_asks a on a.campaign_id = c.id and a.revision_id = c.signing_revision_id
    where c.status in ('verstuurd', 'afgerond') and a.theme_key is not null
  ),
  motions as (
    select mt.theme_key, mo.id, mo.title, mo.type, mo.result, mo.decided_on, mo.url, v.vote, v.source
    from public.motions mo
    join public.motion_themes mt on mt.motion_id = mo.id
    join party on party.gemeente_code = mo.gemeente_code
    left join public.motion_party_votes v on v.motion_id = mo.id and v.party_id = p_party_id
    where mo.result in ('aangenomen', 'verworpen') and not mo.hamerstuk
  ),
  commitments as (
    select co.theme_key, jsonb_build_object('id', co.id, 'body', co.body, 'status', co.status, 'status_on', co.status_on,
             'deadline', co.deadline, 'promised_on', co.promised_on, 'source_kind', co.source_kind,
             'source_title', co.source_title, 'source_page', co.source_page, 'source_url', co.source_url) as item,
           co.promised_on
    from public.commitments co where co.party_id = p_party_id
  )
  select case when not exists (select 1 from party) then null else jsonb_build_object(
    'party', (select jsonb_build_object('id', id, 'name', name, 'abbreviation', abbreviation) from party),
    'gemeente', (select jsonb_build_object('code', gemeente_code, 'name', gemeente_name, 'slug', slug) from party),
    'themes', coalesce((
      select jsonb_agg(jsonb_build_object(
        'key', t.key, 'label', t.label,
        'positions', coalesce((select jsonb_agg(ps.item order by ps.item ->> 'document_kind' desc, ps.item ->> 'published_at')
                               from positions ps where ps.theme_key = t.key), '[]'::jsonb),
        'asks', coalesce((select jsonb_agg(jsonb_build_object('ask_id', a.ask_id, 'number', a.number, 'body', a.body,
                                                              'letter', a.letter, 'sent_at', a.sent_at, 'answer', a.answer)
                                           order by a.sent_at, a.number)
                          from asks a where a.theme_key = t.key), '[]'::jsonb),
        'motions', coalesce((select jsonb_agg(jsonb_build_object('id', m.id, 'title', m.title, 'type', m.type,
                                                                 'result', m.result, 'decided_on', m.decided_on, 'url', m.url,
                                                                 'vote', m.vote, 'vote_source', m.source)
                                              order by m.decided_on nulls last, m.title)
                             from motions m where m.theme_key = t.key), '[]'::jsonb),
        'commitments', coalesce((select jsonb_agg(cm.item order by cm.promised_on)
                                 from commitments cm where cm.theme_key = t.key), '[]'::jsonb)
      ) order by t.position, t.label)
      from public.themes t
      where t.retired_at is null
         or exists (select 1 from positions ps where ps.theme_key = t.key)
         or exists (select 1 from asks a where a.theme_key = t.key)
         or exists (select 1 from motions m where m.theme_key = t.key)
         or exists (select 1 from commitments cm where cm.theme_key = t.key)
    ), '[]'::jsonb)
  ) end
$$;

-- The kring view of commitments: per gemeente it covers, how many commitments are in each status
-- and the overdue ones (deadline before p_today and not settled: toegezegd, in uitvoering,
-- vastgelopen), oldest deadline first. Gemeenten with overdue commitments come first.
create function public.kring_commitments(p_kring_id uuid, p_today date)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with area as (
    select g.code, g.name, g.slug
    from public.kring_gemeenten kg join public.gemeenten g on g.code = kg.gemeente_code
    where kg.kring_id = p_kring_id
  ),
  open as (
    select co.* from public.commitments co
    where co.gemeente_code in (select code from area)
  ),
  overdue as (
    select o.* from open o
    where o.deadline < p_today and o.status in ('toegezegd', 'in_uitvoering', 'vastgelopen')
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'code', a.code, 'name', a.name, 'slug', a.slug,
    'total', (select count(*) from open o where o.gemeente_code = a.code),
    'by_status', coalesce((select jsonb_object_agg(s.status, s.n)
                           from (select o.status, count(*) as n from open o where o.gemeente_code = a.code group by o.status) s),
                          '{}'::jsonb),
    'overdue', coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'body', o.body, 'status', o.status,
                                                             'deadline', o.deadline, 'promiser', o.promiser,
                                                             'party', p.name, 'theme', t.label)
                                          order by o.deadline, o.created_at)
                         from overdue o left join public.parties p on p.id = o.party_id
                         join public.themes t on t.key = o.theme_key
                         where o.gemeente_code = a.code), '[]'::jsonb)
  ) order by (select count(*) from overdue o where o.gemeente_code = a.code) = 0, a.name), '[]'::jsonb)
  from area a
$$;

-- What changed in these gemeenten after p_since (new answers, published positions, motions with
-- votes, commitments, status updates, reactions), newest first, at most p_limit: the Atom feeds
-- and the followers' daily e-mail. key: the timeline item to link to.
create function public.outcome_changes(p_gemeente_codes text[], p_since timestamptz, p_limit integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with changes as (
    select 'antwoord-' || r.id as id, 'antwoord' as kind, r.created_at as at, c.gemeente_code,
           'antwoord-' || r.id || '-' || (select a.id from public.response_answers ra join public.letter_asks a on a.id = ra.ask_id
                                          where ra.response_id = r.id order by a.number limit 1) as key,
           jsonb_build_object('party', p.name, 'letter', c.title, 'responder', r.responder_name,
                              'answers', (select coalesce(jsonb_object_agg(x.answer, x.n), '{}'::jsonb)
                                          from (select ra.answer, count(*) as n from public.response_answers ra
                                                where ra.response_id = r.id group by ra.answer) x)) as data
    from public.responses r
    join public.campaigns c on c.id = r.campaign_id
    join public.parties p on p.id = r.party_id
    where c.gemeente_code = any (p_gemeente_codes) and r.disowned_at is null and r.created_at > p_since
      and c.status in ('verstuurd', 'afgerond')
    union all
    select 'standpunt-' || po.id, 'standpunt', po.published_at, po.gemeente_code, 'standpunt-' || po.id,
           jsonb_build_object('party', p.name, 'theme', t.label, 'stance', po.stance, 'document', d.title)
    from public.positions po
    join public.parties p on p.id = po.party_id
    join public.themes t on t.key = po.theme_key
    join public.documents d on d.id = po.document_id
    where po.gemeente_code = any (p_gemeente_codes) and po.status = 'gepubliceerd' and po.published_at > p_since
    union all
    select 'stemming-' || mo.id, 'stemming', v.at, mo.gemeente_code, 'motie-' || mo.id,
           jsonb_build_object('title', mo.title, 'type', mo.type, 'result', mo.result, 'parties', v.n)
    from public.motions mo
    join lateral (select max(x.updated_at) as at, count(*) as n from public.motion_party_votes x where x.motion_id = mo.id) v on true
    where mo.gemeente_code = any (p_gemeente_codes) and v.at > p_since
    union all
    select 'toezegging-' || co.id, 'toezegging', co.created_at, co.gemeente_code, 'toezegging-' || co.id,
           jsonb_build_object('body', co.body, 'promiser', co.promiser, 'party', p.name, 'theme', t.label,
                              'source_title', co.source_title)
    from public.commitments co
    left join public.parties p on p.id = co.party_id
    join public.themes t on t.key = co.theme_key
    where co.gemeente_code = any (p_gemeente_codes) and co.created_at > p_since
    union all
    select 'status-' || cu.id, 'status', cu.recorded_at, co.gemeente_code, 'status-' || cu.id,
           jsonb_build_object('body', co.body, 'status', cu.status, 'previous_status', cu.previous_status,
                              'promiser', co.promiser, 'party', p.name, 'note', cu.note)
    from public.commitment_updates cu
    join public.commitments co on co.id = cu.commitment_id
    left join public.parties p on p.id = co.party_id
    where co.gemeente_code = any (p_gemeente_codes) and cu.seq > 1 and cu.recorded_at > p_since
    union all
    select 'reactie-' || cr.id, 'reactie', cr.created_at, co.gemeente_code,
           case when cu.seq = 1 then 'toezegging-' || co.id else 'status-' || cu.id end,
           jsonb_build_object('body', co.body, 'reaction', cr.body, 'responder', cr.responder_name,
                              'promiser', co.promiser, 'party', p.name)
    from public.commitment_reactions cr
    join public.commitment_updates cu on cu.id = cr.update_id
    join public.commitments co on co.id = cr.commitment_id
    left join public.parties p on p.id = co.party_id
    where co.gemeente_code = any (p_gemeente_codes) and cr.disowned_at is null and cr.created_at > p_since
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'kind', x.kind, 'at', x.at, 'key', x.key,
                                               'gemeente_code', x.gemeente_code, 'gemeente', g.name, 'slug', g.slug,
                                               'data', x.data)
                            order by x.at desc, x.id desc), '[]'::jsonb)
  from (select * from changes order by at desc, id desc limit greatest(1, least(p_limit, 500))) x
  join public.gemeenten g on g.code = x.gemeente_code
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
