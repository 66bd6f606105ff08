-- Council work: meetings with their agenda, motions and amendments with their submitters and the
-- vote per party, imported from OpenBesluitvorming's export feed (a snapshot, then changes on a
-- cursor) or entered by hand with a source. Nothing here is public yet (public views come with the
-- pages); every table is for the service role only.
-- Themes attach later (public.themes comes with the positions work): agenda_item_themes and
-- motion_themes will reference agenda_items (id) and motions (id). Imports keep those ids stable
-- (rows are updated in place by external id, never deleted and re-added), so a confirmed theme
-- survives the next sync.

-- Where a gemeente's council data comes from: one OpenBesluitvorming source (a gemeente may have
-- several, e.g. Amsterdam and its stadsdelen); the catalog rows come in the next migration.
create table public.council_sources (
  source_key text primary key check (source_key ~ '^[a-z0-9][a-z0-9_.-]*$' and length(source_key) <= 100),
  gemeente_code text not null references public.gemeenten (code),
  supplier text not null check (supplier ~ '^[a-z]+$'),
  enabled boolean not null default true,
  created_at timestamptz not null default now()
);
alter table public.council_sources enable row level security;
create index council_sources_gemeente_idx on public.council_sources (gemeente_code);

-- How far the import of one source got (the snapshot cursor while paging through the snapshot,
-- then the changes cursor), how the last run went, and what the source turned out to provide.
create table public.council_sync_state (
  source_key text primary key references public.council_sources (source_key) on delete cascade,
  phase text not null default 'snapshot' check (phase in ('snapshot', 'changes')),
  snapshot_cursor text,
  changes_cursor text,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_succeeded_at timestamptz,
  last_error text,
  last_counts jsonb not null default '{}'::jsonb,
  pages_applied bigint not null default 0,
  records_applied bigint not null default 0,
  member_votes_seen boolean not null default false,
  vote_summaries_seen boolean not null default false,
  updated_at timestamptz not null default now()
);
alter table public.council_sync_state enable row level security;

-- A meeting of the council or one of its committees: imported (source_key + external_id, the
-- feed's entity id) or entered by hand (entered_by). content_hash makes re-imports no-ops.
create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  kind text not null default 'overig'
    check (kind in ('raadsvergadering', 'commissievergadering', 'informatiebijeenkomst', 'overig')),
  name text not null check (length(name) between 1 and 500),
  starts_at timestamptz not null,
  ends_at timestamptz check (ends_at is null or ends_at >= starts_at),
  location text check (location is null or length(location) <= 500),
  url text check (url is null or (url ~* '^https?://' and length(url) <= 2000)),
  status text not null default 'gepland' check (status in ('gepland', 'geannuleerd', 'verplaatst', 'uitgesteld')),
  source_status text,
  source text not null default 'handmatig' check (source in ('handmatig', 'openbesluitvorming')),
  source_key text references public.council_sources (source_key),
  external_id text,
  content_hash text,
  entered_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((source = 'handmatig') = (source_key is null) and (source_key is null) = (external_id is null)),
  unique (source_key, external_id)
);
alter table public.meetings enable row level security;
create index meetings_gemeente_idx on public.meetings (gemeente_code, starts_at);

-- One point on a meeting's agenda; nested through parent_id, ordered by position (depth first).
create table public.agenda_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  parent_id uuid references public.agenda_items (id) on delete cascade,
  position integer not null check (position >= 0),
  number text check (number is null or length(number) <= 50),
  title text not null check (length(title) between 1 and 1000),
  is_heading boolean not null default false,
  external_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id),
  unique (meeting_id, external_id)
);
alter table public.agenda_items enable row level security;
create index agenda_items_meeting_idx on public.agenda_items (meeting_id, position);
create index agenda_items_external_idx on public.agenda_items (external_id);

-- A document on an agenda item: a name and a link (the file itself stays with the source).
create table public.agenda_item_documents (
  id uuid primary key default gen_random_uuid(),
  agenda_item_id uuid not null references public.agenda_items (id) on delete cascade,
  position integer not null check (position >= 0),
  name text not null check (length(name) between 1 and 1000),
  url text check (url is null or (url ~* '^https?://' and length(url) <= 2000)),
  external_id text
);
alter table public.agenda_item_documents enable row level security;
create index agenda_item_documents_item_idx on public.agenda_item_documents (agenda_item_id, position);

-- A motie or amendement with its result. status keeps the source's own wording; result is null
-- while it has not been decided. The meeting and agenda item links of an imported motion are kept
-- by external id too, so a motion that arrives before its meeting is linked when the meeting comes.
create table public.motions (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  meeting_id uuid references public.meetings (id) on delete set null,
  agenda_item_id uuid references public.agenda_items (id) on delete set null,
  title text not null check (length(title) between 1 and 1000),
  type text not null check (type in ('motie', 'amendement')),
  source_type text,
  decided_on date,
  result text check (result in ('aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overig')),
  source_status text,
  hamerstuk boolean not null default false,
  text text check (text is null or length(text) <= 100000),
  url text check (url is null or (url ~* '^https?://' and length(url) <= 2000)),
  vote_summary text,
  tally_for integer check (tally_for >= 0),
  tally_against integer check (tally_against >= 0),
  member_votes boolean not null default false,
  meeting_external_id text,
  agenda_item_external_id text,
  agenda_item_hint text,
  source text not null default 'handmatig' check (source in ('handmatig', 'openbesluitvorming')),
  source_key text references public.council_sources (source_key),
  external_id text,
  content_hash text,
  entered_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((source = 'handmatig') = (source_key is null) and (source_key is null) = (external_id is null)),
  unique (source_key, external_id)
);
alter table public.motions enable row level security;
create index motions_gemeente_idx on public.motions (gemeente_code, decided_on);
create index motions_meeting_idx on public.motions (meeting_id);
create index motions_agenda_item_idx on public.motions (agenda_item_id);
create index motions_meeting_external_idx on public.motions (source_key, meeting_external_id);
create index motions_agenda_item_external_idx on public.motions (source_key, agenda_item_external_id);

-- The parties that submitted a motion (indiener) or joined it (mede-indiener).
create table public.motion_submitters (
  motion_id uuid not null references public.motions (id) on delete cascade,
  party_id uuid not null references public.parties (id),
  role text not null check (role in ('indiener', 'mede-indiener')),
  source_name text,
  primary key (motion_id, party_id)
);
alter table public.motion_submitters enable row level security;
create index motion_submitters_party_idx on public.motion_submitters (party_id);

-- How a party voted on a motion, and where that comes from: 'aggregated' from the per-member
-- votes of the import (members_for / members_against), 'summary' read from the source's free-text
-- vote summary, or 'manual' entered from the besluitenlijst or notulen (link and page required).
-- One row per party: a party cannot be both for and against. No row means unknown.
create table public.motion_party_votes (
  motion_id uuid not null references public.motions (id) on delete cascade,
  party_id uuid not null references public.parties (id),
  vote text not null check (vote in ('voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend')),
  source text not null check (source in ('aggregated', 'summary', 'manual')),
  members_for integer check (members_for >= 0),
  members_against integer check (members_against >= 0),
  source_name text,
  source_document text check (source_document in ('besluitenlijst', 'notulen')),
  source_url text check (source_url is null or (source_url ~* '^https?://' and length(source_url) <= 2000)),
  source_page integer check (source_page >= 1),
  entered_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (motion_id, party_id),
  check (source <> 'manual' or (source_document is not null and source_url is not null and source_page is not null)),
  check (source = 'aggregated' or (members_for is null and members_against is null))
);
alter table public.motion_party_votes enable row level security;
create index motion_party_votes_party_idx on public.motion_party_votes (party_id);

-- Party names as a source writes them ("Fractie CDA", "GL"), per gemeente, keyed by a normalised
-- form (name_key, made by the app): mapped once by an editor to a party (party_id) or marked as no
-- party (ignored), and remembered for every later import. Neither set: waiting for review.
create table public.council_party_names (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  name_key text not null check (length(name_key) between 1 and 300),
  name text not null check (length(name) between 1 and 300),
  party_id uuid references public.parties (id) on delete set null,
  ignored boolean not null default false,
  decided_by uuid references public.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check (not (ignored and party_id is not null)),
  unique (gemeente_code, name_key)
);
alter table public.council_party_names enable row level security;

-- What waits for a party name to be mapped: a vote or a submitter of one motion.
create table public.council_pending_party_refs (
  id bigint generated always as identity primary key,
  motion_id uuid not null references public.motions (id) on delete cascade,
  party_name_id uuid not null references public.council_party_names (id) on delete cascade,
  role text not null check (role in ('vote', 'indiener', 'mede-indiener')),
  vote text check (vote in ('voor', 'tegen', 'verdeeld', 'onthouden', 'afwezig', 'onbekend')),
  vote_source text check (vote_source in ('aggregated', 'summary')),
  members_for integer,
  members_against integer,
  source_name text,
  check ((role = 'vote') = (vote is not null and vote_source is not null))
);
alter table public.council_pending_party_refs enable row level security;
create index council_pending_party_refs_name_idx on public.council_pending_party_refs (party_name_id);
create index council_pending_party_refs_motion_idx on public.council_pending_party_refs (motion_id);

-- Scratch space for one import batch (a file, or one fetched page), filled in chunks while the
-- input is read and checked, then applied and emptied by apply_council_import in one transaction.
-- Rows of a batch that was never applied (a crash) are cleared after a day.
create table public.council_import_staging (
  batch_id uuid not null,
  position integer not null,
  source_key text not null,
  item jsonb not null,
  created_at timestamptz not null default now(),
  primary key (batch_id, position)
);
alter table public.council_import_staging enable row level security;
create index council_import_staging_created_idx on public.council_import_staging (created_at);

revoke all on public.council_sources, public.council_sync_state, public.meetings, public.agenda_items,
  public.agenda_item_documents, public.motions, public.motion_submitters, public.motion_party_votes,
  public.council_party_names, public.council_pending_party_refs, public.council_import_staging
  from anon, authenticated;
grant all on public.council_sources, public.council_sync_state, public.meetings, public.agenda_items,
  public.agenda_item_documents, public.motions, public.motion_submitters, public.motion_party_votes,
  public.council_party_names, public.council_pending_party_refs, public.council_import_staging
  to service_role;
grant all on all sequences in schema public to service_role;

-- The vote a party gets from a group of member votes: all for, all against, or split.
create function public.council_vote_from_members(p_for integer, p_against integer)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when coalesce(p_for, 0) > 0 and coalesce(p_against, 0) = 0 then 'voor'
    when coalesce(p_against, 0) > 0 and coalesce(p_for, 0) = 0 then 'tegen'
    when coalesce(p_for, 0) > 0 and coalesce(p_against, 0) > 0 then 'verdeeld'
    else 'onbekend'
  end
$$;

-- Puts one imported vote (aggregated or summary) of a party on a motion. A hand-entered vote for
-- that party wins. Two source names of one party (e.g. "CDA" and "Fractie CDA") add up their
-- member votes; two summaries that disagree leave the vote unknown.
create function public.council_put_imported_vote(
  p_motion_id uuid, p_party_id uuid, p_vote text, p_source text,
  p_members_for integer, p_members_against integer, p_source_name text
)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_old public.motion_party_votes;
begin
  select * into v_old from public.motion_party_votes
  where motion_id = p_motion_id and party_id = p_party_id
  for update;
  if not found then
    insert into public.motion_party_votes (motion_id, party_id, vote, source, members_for, members_against, source_name)
    values (p_motion_id, p_party_id, p_vote, p_source,
            case when p_source = 'aggregated' then p_members_for end,
            case when p_source = 'aggregated' then p_members_against end, p_source_name);
  elsif v_old.source = 'manual' then
    return;
  elsif v_old.source = 'aggregated' and p_source = 'aggregated' then
    update public.motion_party_votes set
      members_for = coalesce(members_for, 0) + coalesce(p_members_for, 0),
      members_against = coalesce(members_against, 0) + coalesce(p_members_against, 0),
      vote = public.council_vote_from_members(coalesce(members_for, 0) + coalesce(p_members_for, 0),
                                              coalesce(members_against, 0) + coalesce(p_members_against, 0)),
      updated_at = now()
    where motion_id = p_motion_id and party_id = p_party_id;
  elsif v_old.vote is distinct from p_vote then
    update public.motion_party_votes set vote = 'onbekend', updated_at = now()
    where motion_id = p_motion_id and party_id = p_party_id;
  end if;
end
$$;

-- Puts a party on a motion as submitter; indiener wins over mede-indiener.
create function public.council_put_submitter(p_motion_id uuid, p_party_id uuid, p_role text, p_source_name text)
returns void
language sql
set search_path = ''
as $$
  insert into public.motion_submitters (motion_id, party_id, role, source_name)
  values (p_motion_id, p_party_id, p_role, p_source_name)
  on conflict (motion_id, party_id) do update
    set role = case when public.motion_submitters.role = 'indiener' or excluded.role = 'indiener'
                    then 'indiener' else 'mede-indiener' end
$$;

-- The party each imported reference (a vote or submitter, as JSON with name_key and party_id)
-- goes to: the one the app matched, else the one an editor mapped the name to. name_id and
-- ignored tell what an editor decided about the name (the name row must exist).
create function public.council_resolve_refs(p_gemeente_code text, p_refs jsonb)
returns table (r jsonb, party_id uuid, name_id uuid, ignored boolean)
language sql
stable
set search_path = ''
as $$
  select ref, coalesce((ref ->> 'party_id')::uuid, n.party_id), n.id, coalesce(n.ignored, false)
  from jsonb_array_elements(p_refs) ref
  left join public.council_party_names n
    on ref ->> 'party_id' is null and n.gemeente_code = p_gemeente_code and n.name_key = ref ->> 'name_key'
$$;

-- Inserts or updates one imported meeting with its agenda (upserted by external id, so agenda
-- item ids stay stable) and documents, then links motions that were waiting for it. Returns
-- 'inserted', 'updated' or 'unchanged' (same content hash as stored).
create function public.council_upsert_meeting(p_gemeente_code text, p_source_key text, p_item jsonb)
returns text
language plpgsql
set search_path = ''
as $$
declare
  m jsonb := p_item -> 'meeting';
  v_agenda jsonb := coalesce(p_item -> 'agenda', '[]'::jsonb);
  v_id uuid;
  v_hash text;
  v_result text;
begin
  select id, content_hash into v_id, v_hash from public.meetings
  where source_key = p_source_key and external_id = p_item ->> 'external_id'
  for update;
  if v_id is not null and v_hash is not distinct from p_item ->> 'content_hash' then
    return 'unchanged';
  end if;
  if v_id is null then
    insert into public.meetings (gemeente_code, kind, name, starts_at, ends_at, location, url, status,
      source_status, source, source_key, external_id, content_hash)
    values (p_gemeente_code, m ->> 'kind', m ->> 'name', (m ->> 'starts_at')::timestamptz,
      (m ->> 'ends_at')::timestamptz, m ->> 'location', m ->> 'url', m ->> 'status', m ->> 'source_status',
      'openbesluitvorming', p_source_key, p_item ->> 'external_id', p_item ->> 'content_hash')
    returning id into v_id;
    v_result := 'inserted';
  else
    update public.meetings set kind = m ->> 'kind', name = m ->> 'name',
      starts_at = (m ->> 'starts_at')::timestamptz, ends_at = (m ->> 'ends_at')::timestamptz,
      location = m ->> 'location', url = m ->> 'url', status = m ->> 'status',
      source_status = m ->> 'source_status', content_hash = p_item ->> 'content_hash', updated_at = now()
    where id = v_id;
    v_result := 'updated';
  end if;

  insert into public.agenda_items (meeting_id, position, number, title, is_heading, external_id)
  select v_id, (a ->> 'position')::integer, a ->> 'number', a ->> 'title',
         coalesce((a ->> 'is_heading')::boolean, false), a ->> 'external_id'
  from jsonb_array_elements(v_agenda) a
  on conflict (meeting_id, external_id) do update set position = excluded.position,
    number = excluded.number, title = excluded.title, is_heading = excluded.is_heading, updated_at = now();
  update public.agenda_items c set parent_id = (
    select p.id from public.agenda_items p
    where p.meeting_id = v_id and p.external_id = a ->> 'parent_external_id'
  )
  from jsonb_array_elements(v_agenda) a
  where c.meeting_id = v_id and c.external_id = a ->> 'external_id';
  delete from public.agenda_items
  where meeting_id = v_id
    and external_id <> all (array(select a ->> 'external_id' from jsonb_array_elements(v_agenda) a));

  delete from public.agenda_item_documents d using public.agenda_items i
  where d.agenda_item_id = i.id and i.meeting_id = v_id;
  insert into public.agenda_item_documents (agenda_item_id, position, name, url, external_id)
  select i.id, d.ordinality::integer, d.value ->> 'name', d.value ->> 'url', d.value ->> 'external_id'
  from jsonb_array_elements(v_agenda) a
  join public.agenda_items i on i.meeting_id = v_id and i.external_id = a ->> 'external_id'
  cross join lateral jsonb_array_elements(coalesce(a -> 'documents', '[]'::jsonb)) with ordinality d;

  update public.motions mo set meeting_id = v_id, agenda_item_id = (
    select i.id from public.agenda_items i
    where i.meeting_id = v_id and i.external_id = mo.agenda_item_external_id
  )
  where mo.source_key = p_source_key and mo.meeting_external_id = p_item ->> 'external_id';
  update public.motions mo set meeting_id = v_id, agenda_item_id = i.id
  from public.agenda_items i
  where i.meeting_id = v_id and mo.source_key = p_source_key and mo.agenda_item_external_id = i.external_id
    and (mo.meeting_external_id is null or mo.meeting_external_id = p_item ->> 'external_id')
    and mo.agenda_item_id is distinct from i.id;
  return v_result;
end
$$;

-- Inserts or updates one imported motion with its submitters and imported votes (hand-entered
-- votes stay). Party names without a party wait in council_pending_party_refs. Returns
-- 'inserted', 'updated' or 'unchanged', plus the name keys that now wait for review.
create function public.council_upsert_motion(
  p_gemeente_code text, p_source_key text, p_item jsonb, out result text, out pending text[]
)
language plpgsql
set search_path = ''
as $$
declare
  m jsonb := p_item -> 'motion';
  v_id uuid;
  v_hash text;
  v_meeting uuid;
  v_item_meeting uuid;
  v_agenda_item uuid;
  v_refs jsonb;
begin
  pending := '{}';
  select id, content_hash into v_id, v_hash from public.motions
  where source_key = p_source_key and external_id = p_item ->> 'external_id'
  for update;
  if v_id is not null and v_hash is not distinct from p_item ->> 'content_hash' then
    result := 'unchanged';
    return;
  end if;
  -- The meeting the source names wins; the agenda item counts only when it is on that meeting.
  select i.id, i.meeting_id into v_agenda_item, v_item_meeting
  from public.agenda_items i join public.meetings mt on mt.id = i.meeting_id
  where mt.source_key = p_source_key and i.external_id = m ->> 'agenda_item_external_id'
  limit 1;
  select id into v_meeting from public.meetings
  where source_key = p_source_key and external_id = m ->> 'meeting_external_id';
  if v_meeting is null then
    v_meeting := v_item_meeting;
  elsif v_item_meeting is distinct from v_meeting then
    v_agenda_item := null;
  end if;

  if v_id is null then
    insert into public.motions (gemeente_code, meeting_id, agenda_item_id, title, type, source_type,
      decided_on, result, source_status, hamerstuk, text, url, vote_summary, tally_for, tally_against,
      member_votes, meeting_external_id, agenda_item_external_id, agenda_item_hint, source, source_key,
      external_id, content_hash)
    values (p_gemeente_code, v_meeting, v_agenda_item, m ->> 'title', m ->> 'type', m ->> 'source_type',
      (m ->> 'decided_on')::date, m ->> 'result', m ->> 'source_status',
      coalesce((m ->> 'hamerstuk')::boolean, false), m ->> 'text', m ->> 'url', m ->> 'vote_summary',
      (m ->> 'tally_for')::integer, (m ->> 'tally_against')::integer,
      coalesce((m ->> 'member_votes')::boolean, false), m ->> 'meeting_external_id',
      m ->> 'agenda_item_external_id', m ->> 'agenda_item_hint', 'openbesluitvorming', p_source_key,
      p_item ->> 'external_id', p_item ->> 'content_hash')
    returning id into v_id;
    result := 'inserted';
  else
    update public.motions set meeting_id = v_meeting, agenda_item_id = v_agenda_item,
      title = m ->> 'title', type = m ->> 'type', source_type = m ->> 'source_type',
      decided_on = (m ->> 'decided_on')::date, result = m ->> 'result', source_status = m ->> 'source_status',
      hamerstuk = coalesce((m ->> 'hamerstuk')::boolean, false), text = m ->> 'text', url = m ->> 'url',
      vote_summary = m ->> 'vote_summary', tally_for = (m ->> 'tally_for')::integer,
      tally_against = (m ->> 'tally_against')::integer,
      member_votes = coalesce((m ->> 'member_votes')::boolean, false),
      meeting_external_id = m ->> 'meeting_external_id', agenda_item_external_id = m ->> 'agenda_item_external_id',
      agenda_item_hint = m ->> 'agenda_item_hint', content_hash = p_item ->> 'content_hash', updated_at = now()
    where id = v_id;
    delete from public.motion_submitters where motion_id = v_id;
    delete from public.motion_party_votes where motion_id = v_id and source <> 'manual';
    delete from public.council_pending_party_refs where motion_id = v_id;
    result := 'updated';
  end if;

  -- Party references (submitters, and votes as role 'vote'): each goes to the party the app
  -- matched or an editor mapped its name to; a name without one waits for review; a name marked
  -- as no party is dropped. Set-based, one statement per kind.
  v_refs := coalesce(p_item -> 'submitters', '[]'::jsonb)
    || coalesce((select jsonb_agg(v || '{"role": "vote"}'::jsonb) from jsonb_array_elements(p_item -> 'votes') v), '[]'::jsonb);
  if jsonb_array_length(v_refs) = 0 then
    return;
  end if;
  insert into public.council_party_names (gemeente_code, name_key, name)
  select distinct on (r ->> 'name_key') p_gemeente_code, r ->> 'name_key', left(r ->> 'name', 300)
  from jsonb_array_elements(v_refs) r
  where r ->> 'party_id' is null
  on conflict (gemeente_code, name_key) do nothing;

  -- Two names of one party ("CDA", "Fractie CDA") add up their member votes.
  insert into public.motion_party_votes (motion_id, party_id, vote, source, members_for, members_against, source_name)
  select v_id, x.party_id,
    case when bool_and(x.r ->> 'source' = 'aggregated')
           then public.council_vote_from_members(sum((x.r ->> 'members_for')::integer)::integer, sum((x.r ->> 'members_against')::integer)::integer)
         when count(distinct x.r ->> 'vote') = 1 then min(x.r ->> 'vote')
         else 'onbekend' end,
    min(x.r ->> 'source'),
    case when bool_and(x.r ->> 'source' = 'aggregated') then sum((x.r ->> 'members_for')::integer) end,
    case when bool_and(x.r ->> 'source' = 'aggregated') then sum((x.r ->> 'members_against')::integer) end,
    string_agg(x.r ->> 'name', ', ')
  from public.council_resolve_refs(p_gemeente_code, v_refs) x
  where x.r ->> 'role' = 'vote' and x.party_id is not null
  group by x.party_id
  on conflict (motion_id, party_id) do nothing;

  insert into public.motion_submitters (motion_id, party_id, role, source_name)
  select v_id, x.party_id,
    case when bool_or(x.r ->> 'role' = 'indiener') then 'indiener' else 'mede-indiener' end, min(x.r ->> 'name')
  from public.council_resolve_refs(p_gemeente_code, v_refs) x
  where x.r ->> 'role' <> 'vote' and x.party_id is not null
  group by x.party_id
  on conflict (motion_id, party_id) do nothing;

  with queued as (
    insert into public.council_pending_party_refs
      (motion_id, party_name_id, role, vote, vote_source, members_for, members_against, source_name)
    select v_id, x.name_id, x.r ->> 'role', x.r ->> 'vote', x.r ->> 'source',
           (x.r ->> 'members_for')::integer, (x.r ->> 'members_against')::integer, x.r ->> 'name'
    from public.council_resolve_refs(p_gemeente_code, v_refs) x
    where x.party_id is null and not x.ignored
    returning party_name_id
  )
  select coalesce(array_agg(distinct n.name_key), '{}') into pending
  from queued q join public.council_party_names n on n.id = q.party_name_id;
end
$$;

-- Applies one import batch (a file, or one fetched page of the feed) as one transaction: the
-- staged items in order (upserts and delete tombstones), then the batch is emptied. With p_sync
-- ({phase, cursor, next_cursor, changes_cursor, has_more}) the source's cursor moves in the same
-- step, and only when it still stands where this page was fetched from (else 'stale', nothing
-- applied), so a crash resumes at the first page that was not applied and two runs cannot both
-- apply a page. p_actor_id: the editor of a file import (audited). Returns {status, inserted,
-- updated, deleted, unchanged, pendingPartyNames}.
create function public.apply_council_import(
  p_batch_id uuid, p_gemeente_code text, p_source_key text, p_actor_id uuid default null, p_sync jsonb default null
)
returns jsonb
language plpgsql
set search_path = ''
-- Plans are made for each statement as it runs: a plan cached while the tables were empty (and
-- the embedded database never analyzes them) turned a 10,000-motion import quadratic.
set plan_cache_mode = force_custom_plan
as $$
declare
  v_state public.council_sync_state;
  v_item jsonb;
  v_result text;
  v_pending text[] := '{}';
  v_names text[];
  v_counts jsonb;
  v_inserted integer := 0;
  v_updated integer := 0;
  v_deleted integer := 0;
  v_unchanged integer := 0;
  v_records integer := 0;
  v_member_votes boolean := false;
  v_summaries boolean := false;
begin
  perform 1 from public.council_sources where source_key = p_source_key and gemeente_code = p_gemeente_code;
  if not found then
    raise exception 'source % is not a source of gemeente %', p_source_key, p_gemeente_code using errcode = '22023';
  end if;
  insert into public.council_sync_state (source_key) values (p_source_key) on conflict (source_key) do nothing;
  select * into v_state from public.council_sync_state where source_key = p_source_key for update;
  if p_sync is not null and (
    v_state.phase <> p_sync ->> 'phase'
    or (v_state.phase = 'snapshot' and nullif(v_state.snapshot_cursor, '') is distinct from nullif(p_sync ->> 'cursor', ''))
    or (v_state.phase = 'changes' and nullif(v_state.changes_cursor, '') is distinct from nullif(p_sync ->> 'cursor', ''))
  ) then
    delete from public.council_import_staging where batch_id = p_batch_id;
    return jsonb_build_object('status', 'stale');
  end if;

  for v_item in
    select s.item from public.council_import_staging s where s.batch_id = p_batch_id order by s.position
  loop
    v_records := v_records + 1;
    if v_item ->> 'op' = 'delete' then
      if v_item ->> 'entity' = 'meeting' then
        delete from public.meetings where source_key = p_source_key and external_id = v_item ->> 'external_id';
      else
        delete from public.motions where source_key = p_source_key and external_id = v_item ->> 'external_id';
      end if;
      if found then v_deleted := v_deleted + 1; else v_unchanged := v_unchanged + 1; end if;
      continue;
    end if;
    if v_item ->> 'entity' = 'meeting' then
      v_result := public.council_upsert_meeting(p_gemeente_code, p_source_key, v_item);
    else
      select u.result, u.pending into v_result, v_names
      from public.council_upsert_motion(p_gemeente_code, p_source_key, v_item) u;
      v_pending := v_pending || v_names;
      v_member_votes := v_member_votes or coalesce((v_item -> 'motion' ->> 'member_votes')::boolean, false);
      v_summaries := v_summaries or (v_item -> 'motion' ->> 'vote_summary') is not null;
    end if;
    case v_result
      when 'inserted' then v_inserted := v_inserted + 1;
      when 'updated' then v_updated := v_updated + 1;
      else v_unchanged := v_unchanged + 1;
    end case;
  end loop;

  delete from public.council_import_staging
  where batch_id = p_batch_id or created_at < now() - interval '1 day';

  v_counts := jsonb_build_object('inserted', v_inserted, 'updated', v_updated, 'deleted', v_deleted,
    'unchanged', v_unchanged,
    'pendingPartyNames', (select count(distinct k) from unnest(v_pending) k));

  update public.council_sync_state set
    member_votes_seen = member_votes_seen or v_member_votes,
    vote_summaries_seen = vote_summaries_seen or v_summaries,
    pages_applied = pages_applied + case when p_sync is null then 0 else 1 end,
    records_applied = records_applied + v_records,
    updated_at = now()
  where source_key = p_source_key;
  if p_sync is not null then
    if p_sync ->> 'phase' = 'snapshot' then
      update public.council_sync_state set
        changes_cursor = case when nullif(snapshot_cursor, '') is null then p_sync ->> 'changes_cursor' else changes_cursor end,
        snapshot_cursor = case when (p_sync ->> 'has_more')::boolean then p_sync ->> 'next_cursor' end,
        phase = case when (p_sync ->> 'has_more')::boolean then 'snapshot' else 'changes' end
      where source_key = p_source_key;
    else
      update public.council_sync_state set changes_cursor = coalesce(nullif(p_sync ->> 'next_cursor', ''), changes_cursor)
      where source_key = p_source_key;
    end if;
  end if;

  if p_actor_id is not null then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_actor_id, 'council_file_imported', 'gemeente', p_gemeente_code,
            v_counts || jsonb_build_object('source_key', p_source_key, 'items', v_records));
  end if;
  return v_counts || jsonb_build_object('status', 'applied');
end
$$;

-- Records that a sync run of a source began.
create function public.council_sync_started(p_source_key text)
returns void
language sql
set search_path = ''
as $$
  insert into public.council_sync_state (source_key, last_started_at) values (p_source_key, now())
  on conflict (source_key) do update set last_started_at = now(), updated_at = now()
$$;

-- Records how a sync run of a source ended: p_error null means it succeeded.
create function public.council_sync_finished(p_source_key text, p_counts jsonb, p_error text default null)
returns void
language sql
set search_path = ''
as $$
  update public.council_sync_state set
    last_finished_at = now(),
    last_succeeded_at = case when p_error is null then now() else last_succeeded_at end,
    last_error = p_error,
    last_counts = coalesce(p_counts, '{}'::jsonb),
    updated_at = now()
  where source_key = p_source_key
$$;

-- Starts a source over from its snapshot on the next sync (imported rows stay; the snapshot
-- updates them in place).
create function public.reset_council_sync(p_actor_id uuid, p_source_key text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  update public.council_sync_state set phase = 'snapshot', snapshot_cursor = null, changes_cursor = null,
    updated_at = now()
  where source_key = p_source_key;
  insert into public.audit_log (actor_id, action, entity, entity_id)
  values (p_actor_id, 'council_sync_reset', 'council_source', p_source_key);
end
$$;

-- An editor maps a source's party name to a party of the gemeente (p_party_id), or marks it as
-- no party (p_party_id null). Remembered for later imports; the votes and submitters that waited
-- for this name are placed now (or dropped). Returns {status: 'saved' | 'not_found', votes,
-- submitters}.
create function public.resolve_council_party_name(
  p_actor_id uuid, p_gemeente_code text, p_name text, p_name_key text, p_party_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  v_name uuid;
  r public.council_pending_party_refs;
  v_votes integer := 0;
  v_submitters integer := 0;
begin
  if p_party_id is not null then
    perform 1 from public.parties where id = p_party_id and gemeente_code = p_gemeente_code;
    if not found then
      return jsonb_build_object('status', 'not_found');
    end if;
  end if;
  insert into public.council_party_names (gemeente_code, name_key, name, party_id, ignored, decided_by, decided_at)
  values (p_gemeente_code, p_name_key, p_name, p_party_id, p_party_id is null, p_actor_id, now())
  on conflict (gemeente_code, name_key) do update set party_id = excluded.party_id, ignored = excluded.ignored,
    decided_by = excluded.decided_by, decided_at = excluded.decided_at
  returning id into v_name;
  for r in select * from public.council_pending_party_refs where party_name_id = v_name order by id for update loop
    if p_party_id is null then
      continue;
    elsif r.role = 'vote' then
      perform public.council_put_imported_vote(r.motion_id, p_party_id, r.vote, r.vote_source,
        r.members_for, r.members_against, r.source_name);
      v_votes := v_votes + 1;
    else
      perform public.council_put_submitter(r.motion_id, p_party_id, r.role, r.source_name);
      v_submitters := v_submitters + 1;
    end if;
  end loop;
  delete from public.council_pending_party_refs where party_name_id = v_name;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_party_id is null then 'council_party_name_ignored' else 'council_party_name_mapped' end,
          'gemeente', p_gemeente_code,
          jsonb_build_object('name', p_name, 'party_id', p_party_id, 'votes', v_votes, 'submitters', v_submitters));
  return jsonb_build_object('status', 'saved', 'votes', v_votes, 'submitters', v_submitters);
end
$$;

-- Adds (p_meeting_id null) or changes a meeting entered by hand. Imported meetings are the
-- source's: returns {status: 'imported'} for them, 'not_found' for an unknown id, else 'saved'.
create function public.save_manual_meeting(
  p_actor_id uuid, p_gemeente_code text, p_meeting jsonb, p_meeting_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
  v_source text;
begin
  if p_meeting_id is null then
    insert into public.meetings (gemeente_code, kind, name, starts_at, ends_at, location, url, status, entered_by)
    values (p_gemeente_code, p_meeting ->> 'kind', p_meeting ->> 'name', (p_meeting ->> 'starts_at')::timestamptz,
      (p_meeting ->> 'ends_at')::timestamptz, p_meeting ->> 'location', p_meeting ->> 'url',
      coalesce(p_meeting ->> 'status', 'gepland'), p_actor_id)
    returning id into v_id;
  else
    select source into v_source from public.meetings where id = p_meeting_id and gemeente_code = p_gemeente_code for update;
    if v_source is null then
      return jsonb_build_object('status', 'not_found');
    elsif v_source <> 'handmatig' then
      return jsonb_build_object('status', 'imported');
    end if;
    update public.meetings set kind = p_meeting ->> 'kind', name = p_meeting ->> 'name',
      starts_at = (p_meeting ->> 'starts_at')::timestamptz, ends_at = (p_meeting ->> 'ends_at')::timestamptz,
      location = p_meeting ->> 'location', url = p_meeting ->> 'url',
      status = coalesce(p_meeting ->> 'status', 'gepland'), updated_at = now()
    where id = p_meeting_id
    returning id into v_id;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_meeting_id is null then 'meeting_added' else 'meeting_updated' end,
          'meeting', v_id::text, jsonb_build_object('gemeente', p_gemeente_code, 'name', p_meeting ->> 'name'));
  return jsonb_build_object('status', 'saved', 'id', v_id);
end
$$;

-- Adds (p_item_id null, placed last) or changes an agenda item of a meeting entered by hand, with
-- its documents (replaced). p_item: {parent_id, number, title, is_heading, documents: [{name, url}]}.
-- Returns {status: 'saved' | 'not_found' | 'imported' | 'invalid_parent', id}.
create function public.save_manual_agenda_item(
  p_actor_id uuid, p_meeting_id uuid, p_item jsonb, p_item_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_source text;
  v_id uuid;
  v_parent uuid := (p_item ->> 'parent_id')::uuid;
begin
  select source into v_source from public.meetings where id = p_meeting_id for update;
  if v_source is null then
    return jsonb_build_object('status', 'not_found');
  elsif v_source <> 'handmatig' then
    return jsonb_build_object('status', 'imported');
  end if;
  if v_parent is not null then
    perform 1 from public.agenda_items where id = v_parent and meeting_id = p_meeting_id;
    if not found then
      return jsonb_build_object('status', 'not_found');
    end if;
    -- An item cannot sit under itself or under one of its own sub-items.
    if p_item_id is not null and exists (
      with recursive up (id, parent_id) as (
        select a.id, a.parent_id from public.agenda_items a where a.id = v_parent
        union all
        select a.id, a.parent_id from public.agenda_items a join up on a.id = up.parent_id
      )
      select 1 from up where up.id = p_item_id
    ) then
      return jsonb_build_object('status', 'invalid_parent');
    end if;
  end if;
  if p_item_id is null then
    insert into public.agenda_items (meeting_id, parent_id, position, number, title, is_heading)
    values (p_meeting_id, v_parent,
      coalesce((select max(position) + 1 from public.agenda_items where meeting_id = p_meeting_id), 0),
      p_item ->> 'number', p_item ->> 'title', coalesce((p_item ->> 'is_heading')::boolean, false))
    returning id into v_id;
  else
    update public.agenda_items set parent_id = v_parent, number = p_item ->> 'number', title = p_item ->> 'title',
      is_heading = coalesce((p_item ->> 'is_heading')::boolean, false), updated_at = now()
    where id = p_item_id and meeting_id = p_meeting_id
    returning id into v_id;
    if v_id is null then
      return jsonb_build_object('status', 'not_found');
    end if;
    delete from public.agenda_item_documents where agenda_item_id = v_id;
  end if;
  insert into public.agenda_item_documents (agenda_item_id, position, name, url)
  select v_id, d.ordinality::integer, d.value ->> 'name', d.value ->> 'url'
  from jsonb_array_elements(coalesce(p_item -> 'documents', '[]'::jsonb)) with ordinality d;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_item_id is null then 'agenda_item_added' else 'agenda_item_updated' end,
          'meeting', p_meeting_id::text, jsonb_build_object('agenda_item', v_id, 'title', p_item ->> 'title'));
  return jsonb_build_object('status', 'saved', 'id', v_id);
end
$$;

-- Checks hand-entered votes against their motion: each party once and of the motion's gemeente,
-- and none on a hamerstuk (decided without a vote). Raises 22023 with what is wrong.
create function public.council_check_manual_votes(p_gemeente_code text, p_hamerstuk boolean, p_votes jsonb)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_hamerstuk and jsonb_array_length(p_votes) > 0 then
    raise exception 'a hamerstuk has no votes' using errcode = '22023';
  end if;
  if (select count(*) <> count(distinct v ->> 'party_id') from jsonb_array_elements(p_votes) v) then
    raise exception 'a party voted twice' using errcode = '22023';
  end if;
  if exists (
    select 1 from jsonb_array_elements(p_votes) v
    where not exists (select 1 from public.parties p where p.id = (v ->> 'party_id')::uuid and p.gemeente_code = p_gemeente_code)
  ) then
    raise exception 'a vote names a party outside gemeente %', p_gemeente_code using errcode = '22023';
  end if;
end
$$;

-- Adds (p_motion_id null) or changes a motion entered by hand, with its submitters ([{party_id,
-- role}]) and votes ([{party_id, vote, source_document, source_url, source_page}]), replacing
-- earlier ones. Refuses inconsistent input (22023: a party twice, a party of another gemeente, a
-- hamerstuk with votes, a meeting or agenda item of another gemeente; 23514: a vote without its
-- source). Returns {status: 'saved' | 'not_found' | 'imported', id}; imported motions take hand-
-- entered votes through save_manual_votes.
create function public.save_manual_motion(
  p_actor_id uuid, p_gemeente_code text, p_motion jsonb, p_submitters jsonb, p_votes jsonb, p_motion_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
  v_source text;
  v_meeting uuid := (p_motion ->> 'meeting_id')::uuid;
  v_agenda_item uuid := (p_motion ->> 'agenda_item_id')::uuid;
  v_hamerstuk boolean := coalesce((p_motion ->> 'hamerstuk')::boolean, false);
begin
  if v_meeting is not null then
    perform 1 from public.meetings where id = v_meeting and gemeente_code = p_gemeente_code;
    if not found then
      raise exception 'meeting % is not in gemeente %', v_meeting, p_gemeente_code using errcode = '22023';
    end if;
  end if;
  if v_agenda_item is not null then
    select meeting_id into v_meeting from public.agenda_items i
    where i.id = v_agenda_item and (v_meeting is null or i.meeting_id = v_meeting)
      and exists (select 1 from public.meetings m where m.id = i.meeting_id and m.gemeente_code = p_gemeente_code);
    if not found then
      raise exception 'agenda item % is not on a meeting of gemeente %', v_agenda_item, p_gemeente_code using errcode = '22023';
    end if;
  end if;
  perform public.council_check_manual_votes(p_gemeente_code, v_hamerstuk, p_votes);
  if exists (
    select 1 from jsonb_array_elements(p_submitters) s
    where not exists (select 1 from public.parties p where p.id = (s ->> 'party_id')::uuid and p.gemeente_code = p_gemeente_code)
  ) or (select count(*) <> count(distinct s ->> 'party_id') from jsonb_array_elements(p_submitters) s) then
    raise exception 'submitters must be distinct parties of gemeente %', p_gemeente_code using errcode = '22023';
  end if;

  if p_motion_id is null then
    insert into public.motions (gemeente_code, meeting_id, agenda_item_id, title, type, decided_on, result,
      hamerstuk, text, url, entered_by)
    values (p_gemeente_code, v_meeting, v_agenda_item, p_motion ->> 'title', p_motion ->> 'type',
      (p_motion ->> 'decided_on')::date, p_motion ->> 'result', v_hamerstuk, p_motion ->> 'text',
      p_motion ->> 'url', p_actor_id)
    returning id into v_id;
  else
    select source into v_source from public.motions where id = p_motion_id and gemeente_code = p_gemeente_code for update;
    if v_source is null then
      return jsonb_build_object('status', 'not_found');
    elsif v_source <> 'handmatig' then
      return jsonb_build_object('status', 'imported');
    end if;
    update public.motions set meeting_id = v_meeting, agenda_item_id = v_agenda_item, title = p_motion ->> 'title',
      type = p_motion ->> 'type', decided_on = (p_motion ->> 'decided_on')::date, result = p_motion ->> 'result',
      hamerstuk = v_hamerstuk, text = p_motion ->> 'text', url = p_motion ->> 'url', updated_at = now()
    where id = p_motion_id
    returning id into v_id;
    delete from public.motion_submitters where motion_id = v_id;
    delete from public.motion_party_votes where motion_id = v_id;
  end if;
  insert into public.motion_submitters (motion_id, party_id, role)
  select v_id, (s ->> 'party_id')::uuid, s ->> 'role' from jsonb_array_elements(p_submitters) s;
  insert into public.motion_party_votes (motion_id, party_id, vote, source, source_document, source_url, source_page, entered_by)
  select v_id, (v ->> 'party_id')::uuid, v ->> 'vote', 'manual', v ->> 'source_document', v ->> 'source_url',
         (v ->> 'source_page')::integer, p_actor_id
  from jsonb_array_elements(p_votes) v;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_motion_id is null then 'motion_added' else 'motion_updated' end,
          'motion', v_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'title', p_motion ->> 'title', 'result', p_motion ->> 'result',
                             'votes', jsonb_array_length(p_votes)));
  return jsonb_build_object('status', 'saved', 'id', v_id);
end
$$;

-- Sets the hand-entered votes of any motion of the gemeente (imported ones too): earlier manual
-- votes are replaced, and a manual vote replaces the imported vote of that party. Same checks as
-- save_manual_motion. Returns {status: 'saved' | 'not_found'}.
create function public.save_manual_votes(p_actor_id uuid, p_gemeente_code text, p_motion_id uuid, p_votes jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_hamerstuk boolean;
begin
  select hamerstuk into v_hamerstuk from public.motions
  where id = p_motion_id and gemeente_code = p_gemeente_code for update;
  if v_hamerstuk is null then
    return jsonb_build_object('status', 'not_found');
  end if;
  perform public.council_check_manual_votes(p_gemeente_code, v_hamerstuk, p_votes);
  delete from public.motion_party_votes
  where motion_id = p_motion_id
    and (source = 'manual' or party_id in (select (v ->> 'party_id')::uuid from jsonb_array_elements(p_votes) v));
  insert into public.motion_party_votes (motion_id, party_id, vote, source, source_document, source_url, source_page, entered_by)
  select p_motion_id, (v ->> 'party_id')::uuid, v ->> 'vote', 'manual', v ->> 'source_document', v ->> 'source_url',
         (v ->> 'source_page')::integer, p_actor_id
  from jsonb_array_elements(p_votes) v;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'motion_votes_entered', 'motion', p_motion_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'votes', jsonb_array_length(p_votes)));
  return jsonb_build_object('status', 'saved');
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
