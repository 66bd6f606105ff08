-- Party positions with evidence and the party's right of reply, and kringen across their
-- gemeenten. Documents (a party's verkiezingsprogramma, a coalitieakkoord shared by several
-- parties, …) are stored as passages with their page or section and a Dutch full-text index; a
-- position is a stance on one theme, read from one document, with its quote; every change of a
-- position is kept as a version (who, when, why) by a trigger, so no write path can skip it. A
-- position goes concept → ter_reactie (the party answers through a private link) → gepubliceerd.
-- Nothing here is readable with the anon or authenticated key: the server serves what is
-- published. Every function is for the service role only (see the end of this file).

-- A kring may require a second editor to approve a position before it is published.
alter table public.kringen add column positions_need_approval boolean not null default false;

-- The themes a kring follows: its editors adopt them; its dashboard and matrices start from these.
create table public.kring_themes (
  kring_id uuid not null references public.kringen (id) on delete cascade,
  theme_key text not null references public.themes (key) on update cascade,
  primary key (kring_id, theme_key)
);
alter table public.kring_themes enable row level security;
create index kring_themes_theme_idx on public.kring_themes (theme_key);

-- A source of party positions in one gemeente: a verkiezingsprogramma, a coalitieakkoord or
-- collegeprogramma, or another document; its text lives in document_passages.
create table public.documents (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  kind text not null check (kind in ('verkiezingsprogramma', 'coalitieakkoord', 'collegeprogramma', 'anders')),
  title text not null check (length(title) between 3 and 300),
  url text check (url is null or (url ~ '^https?://' and length(url) <= 2000)),
  published_on date,
  format text not null check (format in ('pdf', 'markdown', 'tekst')),
  page_count integer check (page_count is null or page_count between 1 and 5000),
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now()
);
alter table public.documents enable row level security;
create index documents_gemeente_idx on public.documents (gemeente_code);

-- Whose document it is: one party for a programme, several for a coalitieakkoord.
create table public.document_parties (
  document_id uuid not null references public.documents (id) on delete cascade,
  party_id uuid not null references public.parties (id) on delete cascade,
  primary key (document_id, party_id)
);
alter table public.document_parties enable row level security;
create index document_parties_party_idx on public.document_parties (party_id);

-- A paragraph-sized piece of a document with its page (PDF) or section (Markdown heading), and
-- its Dutch full-text vector for the passage finder.
create table public.document_passages (
  id bigint generated always as identity primary key,
  document_id uuid not null references public.documents (id) on delete cascade,
  ordinal integer not null,
  page integer check (page is null or page >= 1),
  section text check (section is null or length(section) <= 300),
  body text not null check (length(body) between 1 and 20000),
  search tsvector generated always as (to_tsvector('dutch'::regconfig, body)) stored,
  unique (document_id, ordinal)
);
alter table public.document_passages enable row level security;
create index document_passages_search_idx on public.document_passages using gin (search);

-- A party's stance on one theme as read from one document, with the quote that proves it.
-- gemeente_code is the party's (kept here so a gemeente's matrix is one indexed read).
create table public.positions (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  party_id uuid not null references public.parties (id) on delete cascade,
  theme_key text not null references public.themes (key) on update cascade,
  document_id uuid not null references public.documents (id) on delete cascade,
  stance text not null check (stance in ('concreet', 'steunt', 'gemengd', 'tegen', 'niet_genoemd')),
  quote text check (quote is null or length(btrim(quote)) between 1 and 5000),
  page integer check (page is null or page between 1 and 5000),
  section text check (section is null or length(btrim(section)) between 1 and 300),
  -- The assessor's short explanation of the stance (optional).
  note text check (note is null or length(note) <= 2000),
  status text not null default 'concept' check (status in ('concept', 'ter_reactie', 'gepubliceerd')),
  version integer not null default 1,
  assessed_by uuid references public.users (id) on delete set null,
  assessed_at timestamptz not null default now(),
  sent_for_reply_at timestamptz,
  reply_due_at timestamptz,
  approved_by uuid references public.users (id) on delete set null,
  approved_at timestamptz,
  published_at timestamptz,
  published_without_reply boolean,
  -- Who made the latest change and why: copied into position_versions by the trigger below.
  updated_by uuid references public.users (id) on delete set null,
  change_reason text check (change_reason is null or length(change_reason) <= 1000),
  updated_at timestamptz not null default now(),
  unique (party_id, theme_key, document_id),
  -- No quote, no stance: every stance but "niet genoemd" carries its quote and page or section.
  constraint positions_evidence check (
    stance = 'niet_genoemd' or (quote is not null and (page is not null or section is not null))
  ),
  constraint positions_reply_period check (status = 'concept' or reply_due_at is not null)
);
alter table public.positions enable row level security;
create index positions_gemeente_idx on public.positions (gemeente_code, status);
create index positions_document_idx on public.positions (document_id);
create index positions_theme_idx on public.positions (theme_key);

-- Every version of a position: the state after each change, who made it, when and why.
create table public.position_versions (
  id bigint generated always as identity primary key,
  position_id uuid not null references public.positions (id) on delete cascade,
  version integer not null,
  stance text not null,
  quote text,
  page integer,
  section text,
  note text,
  status text not null,
  approved boolean not null default false,
  changed_by uuid references public.users (id) on delete set null,
  changed_at timestamptz not null default now(),
  reason text,
  unique (position_id, version)
);
alter table public.position_versions enable row level security;

-- A party's private link to react to its positions: only the SHA-256 of the token is stored;
-- it expires and can be revoked; it answers for this one party.
create table public.position_reply_links (
  id uuid primary key default gen_random_uuid(),
  party_id uuid not null references public.parties (id) on delete cascade,
  token_hash bytea not null unique,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
alter table public.position_reply_links enable row level security;
create index position_reply_links_party_idx on public.position_reply_links (party_id);

-- A party's reaction to one version of one position: it agrees, or it disagrees and gives its
-- own evidence (a quote and its source). Shown next to the assessment, never instead of it.
create table public.position_replies (
  id uuid primary key default gen_random_uuid(),
  position_id uuid not null references public.positions (id) on delete cascade,
  party_id uuid not null references public.parties (id) on delete cascade,
  position_version integer not null,
  agrees boolean not null,
  explanation text check (explanation is null or length(explanation) <= 3000),
  evidence_quote text check (evidence_quote is null or length(evidence_quote) <= 5000),
  evidence_source text check (evidence_source is null or length(evidence_source) <= 2000),
  evidence_page text check (evidence_page is null or length(evidence_page) <= 100),
  responder_name text not null check (length(responder_name) between 2 and 200),
  responder_role text check (responder_role is null or length(responder_role) <= 200),
  created_at timestamptz not null default now(),
  constraint position_replies_evidence check (
    agrees or (length(btrim(coalesce(evidence_quote, ''))) >= 10 and length(btrim(coalesce(evidence_source, ''))) >= 3)
  )
);
alter table public.position_replies enable row level security;
create index position_replies_position_idx on public.position_replies (position_id, created_at desc);

revoke all on public.kring_themes, public.documents, public.document_parties,
  public.document_passages, public.positions, public.position_versions,
  public.position_reply_links, public.position_replies
  from anon, authenticated;
grant all on public.kring_themes, public.documents, public.document_parties,
  public.document_passages, public.positions, public.position_versions,
  public.position_reply_links, public.position_replies
  to service_role;

-- Numbers each recorded change of a position: a change of its stance, evidence, status or
-- approval is a new version.
create function public.position_bump_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.stance, new.quote, new.page, new.section, new.note, new.status, new.approved_by)
     is distinct from
     (old.stance, old.quote, old.page, old.section, old.note, old.status, old.approved_by) then
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  return new;
end
$$;

-- Keeps the state after every change as a version with who, when and why.
create function public.position_record_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.version = old.version then
    return null;
  end if;
  insert into public.position_versions (position_id, version, stance, quote, page, section, note,
                                        status, approved, changed_by, reason)
  values (new.id, new.version, new.stance, new.quote, new.page, new.section, new.note, new.status,
          new.approved_by is not null, new.updated_by, new.change_reason);
  return null;
end
$$;

create trigger positions_bump_version before update on public.positions
  for each row execute function public.position_bump_version();
create trigger positions_record_version after insert or update on public.positions
  for each row execute function public.position_record_version();

-- Admins, and editors of a kring that covers the gemeente, assess positions there (the app asks
-- permissions.mayEditPositions; this is the same rule where the database writes).
create function public.may_edit_positions(p_user_id uuid, p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = p_user_id and m.role = 'admin'
  ) or exists (
    select 1 from public.memberships m
    join public.kring_gemeenten kg on kg.kring_id = m.kring_id
    where m.user_id = p_user_id and m.role = 'kring_editor' and kg.gemeente_code = p_gemeente_code
  )
$$;

-- Admins and the kring's own editors change a kring (its gemeenten, themes, settings, editors).
create function public.may_edit_kring(p_user_id uuid, p_kring_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = p_user_id
      and (m.role = 'admin' or (m.role = 'kring_editor' and m.kring_id = p_kring_id))
  )
$$;

-- True when a kring covering the gemeente asks for a second editor's approval before publishing.
create function public.positions_need_approval(p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.kring_gemeenten kg
    join public.kringen k on k.id = kg.kring_id
    where kg.gemeente_code = p_gemeente_code and k.positions_need_approval
  )
$$;

-- Stores a document with its parties and its text as passages, in one step. p_passages:
-- [{page?, section?, body}] in reading order. Raises 42501 when the actor may not edit positions
-- in the gemeente, 22023 when a party is not of the gemeente or there is none.
create function public.add_document(
  p_actor_id uuid, p_gemeente_code text, p_kind text, p_title text, p_format text,
  p_party_ids uuid[], p_passages jsonb, p_url text default null, p_published_on date default null,
  p_page_count integer default null
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not public.may_edit_positions(p_actor_id, p_gemeente_code) then
    raise exception 'user may not add documents in %', p_gemeente_code using errcode = '42501';
  end if;
  if coalesce(cardinality(p_party_ids), 0) = 0 or exists (
    select 1 from unnest(p_party_ids) pid
    where not exists (select 1 from public.parties p where p.id = pid and p.gemeente_code = p_gemeente_code)
  ) then
    raise exception 'every party must be a party of %', p_gemeente_code using errcode = '22023';
  end if;
  insert into public.documents (gemeente_code, kind, title, url, published_on, format, page_count, created_by)
  values (p_gemeente_code, p_kind, p_title, nullif(p_url, ''), p_published_on, p_format, p_page_count, p_actor_id)
  returning id into v_id;
  insert into public.document_parties (document_id, party_id)
  select distinct v_id, pid from unnest(p_party_ids) pid;
  insert into public.document_passages (document_id, ordinal, page, section, body)
  select v_id, x.ord, (x.value ->> 'page')::integer, nullif(x.value ->> 'section', ''), x.value ->> 'body'
  from jsonb_array_elements(coalesce(p_passages, '[]'::jsonb)) with ordinality as x(value, ord);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'document_added', 'document', v_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'kind', p_kind, 'title', p_title,
                             'parties', to_jsonb(p_party_ids),
                             'passages', jsonb_array_length(coalesce(p_passages, '[]'::jsonb))));
  return v_id;
end
$$;

-- Removes a document nobody has assessed yet. Returns 'removed', 'in_use' or 'not_found'.
create function public.remove_document(p_actor_id uuid, p_document_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_doc public.documents%rowtype;
begin
  select * into v_doc from public.documents where id = p_document_id for update;
  if v_doc.id is null or not public.may_edit_positions(p_actor_id, v_doc.gemeente_code) then
    return 'not_found';
  end if;
  if exists (select 1 from public.positions where document_id = p_document_id) then
    return 'in_use';
  end if;
  delete from public.documents where id = p_document_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'document_removed', 'document', p_document_id::text,
          jsonb_build_object('gemeente', v_doc.gemeente_code, 'title', v_doc.title));
  return 'removed';
end
$$;

-- The passage finder: the passages of one document that best match a free query (p_query, web
-- search syntax: words, "a phrase", -not) or, without one, any of a theme's search words (each
-- word or phrase an alternative), ranked by cover density, with the matches marked by \x01 and
-- \x02 around them. Nothing is assessed here: an editor reads and decides.
create function public.find_passages(
  p_document_id uuid, p_words text[], p_limit integer, p_query text default null
)
returns table (id bigint, ordinal integer, page integer, section text, body text, marked text, rank real)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_query tsquery;
begin
  if coalesce(btrim(p_query), '') <> '' then
    v_query := websearch_to_tsquery('dutch'::regconfig, p_query);
  else
    select string_agg('(' || q::text || ')', ' | ')::tsquery into v_query
    from (
      select phraseto_tsquery('dutch'::regconfig, w) as q
      from unnest(coalesce(p_words, '{}'::text[])) w
    ) words
    where numnode(q) > 0;
  end if;
  if v_query is null or numnode(v_query) = 0 then
    return;
  end if;
  return query
  select p.id, p.ordinal, p.page, p.section, p.body,
         ts_headline('dutch'::regconfig, p.body, v_query,
                     'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)),
         ts_rank_cd(p.search, v_query, 1) as r
  from public.document_passages p
  where p.document_id = p_document_id and p.search @@ v_query
  order by r desc, p.ordinal
  limit greatest(1, least(p_limit, 100));
end
$$;

-- Assesses a party's stance on a theme from one of its documents (a new position), or changes
-- that assessment. Each change is a new version with who and why (the trigger keeps it); a
-- change after the position went to the party sends it back to concept, so the party can react
-- to what will be published. Returns 'created', 'changed', 'unchanged', 'reason_required'
-- (a change needs a reason) or 'not_found' (no such party, theme or document here). The
-- positions_evidence check refuses a stance without its quote and page or section (23514).
create function public.save_position(
  p_actor_id uuid, p_party_id uuid, p_theme_key text, p_document_id uuid, p_stance text,
  p_quote text default null, p_page integer default null, p_section text default null,
  p_note text default null, p_reason text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_gemeente text;
  v_old public.positions%rowtype;
  v_quote text := nullif(btrim(coalesce(p_quote, '')), '');
  v_section text := nullif(btrim(coalesce(p_section, '')), '');
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
  v_reason text := nullif(btrim(coalesce(p_reason, '')), '');
begin
  select p.gemeente_code into v_gemeente
  from public.parties p
  join public.document_parties dp on dp.party_id = p.id and dp.document_id = p_document_id
  join public.themes t on t.key = p_theme_key
  where p.id = p_party_id;
  if v_gemeente is null or not public.may_edit_positions(p_actor_id, v_gemeente) then
    return 'not_found';
  end if;
  select * into v_old from public.positions
  where party_id = p_party_id and theme_key = p_theme_key and document_id = p_document_id
  for update;
  if v_old.id is null then
    insert into public.positions (gemeente_code, party_id, theme_key, document_id, stance, quote, page,
                                  section, note, assessed_by, updated_by, change_reason)
    values (v_gemeente, p_party_id, p_theme_key, p_document_id, p_stance, v_quote, p_page, v_section,
            v_note, p_actor_id, p_actor_id, coalesce(v_reason, 'Eerste beoordeling'));
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_actor_id, 'position_assessed', 'party', p_party_id::text,
            jsonb_build_object('theme', p_theme_key, 'document', p_document_id, 'stance', p_stance));
    return 'created';
  end if;
  if (v_old.stance, v_old.quote, v_old.page, v_old.section, v_old.note)
     is not distinct from (p_stance, v_quote, p_page, v_section, v_note) then
    return 'unchanged';
  end if;
  if v_reason is null then
    return 'reason_required';
  end if;
  update public.positions set
    stance = p_stance, quote = v_quote, page = p_page, section = v_section, note = v_note,
    status = 'concept', reply_due_at = null, sent_for_reply_at = null, published_at = null,
    published_without_reply = null, approved_by = null, approved_at = null,
    assessed_by = p_actor_id, assessed_at = now(), updated_by = p_actor_id, change_reason = v_reason
  where id = v_old.id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'position_changed', 'party', p_party_id::text,
          jsonb_build_object('theme', p_theme_key, 'document', p_document_id, 'from', v_old.stance,
                             'to', p_stance, 'was', v_old.status, 'reason', v_reason));
  return 'changed';
end
$$;

-- Sends a party's concept positions in the gemeente (all, or those in p_position_ids) for its
-- reaction: each gets the reply period, a fresh private link is stored (p_token_hash, hex) that
-- stays valid 90 days past the period, and the mails to the party's addresses are queued, all
-- at once. p_mails: [{to, subject, text}]. Returns how many positions were sent (0: nothing
-- written).
create function public.send_positions_for_reply(
  p_actor_id uuid, p_party_id uuid, p_reply_days integer, p_token_hash text, p_mails jsonb,
  p_position_ids uuid[] default null
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_gemeente text;
  v_count integer;
  v_due timestamptz := now() + make_interval(days => p_reply_days);
begin
  if p_reply_days not between 1 and 90 then
    raise exception 'reply period % days is out of range', p_reply_days using errcode = '22023';
  end if;
  select gemeente_code into v_gemeente from public.parties where id = p_party_id;
  if v_gemeente is null or not public.may_edit_positions(p_actor_id, v_gemeente) then
    return 0;
  end if;
  update public.positions set
    status = 'ter_reactie', sent_for_reply_at = now(), reply_due_at = v_due,
    updated_by = p_actor_id,
    change_reason = 'Ter reactie naar de partij (' || p_reply_days || ' dagen)'
  where party_id = p_party_id and status = 'concept'
    and (p_position_ids is null or id = any (p_position_ids));
  get diagnostics v_count = row_count;
  if v_count = 0 then
    return 0;
  end if;
  insert into public.position_reply_links (party_id, token_hash, created_by, expires_at)
  values (p_party_id, decode(p_token_hash, 'hex'), p_actor_id, v_due + interval '90 days');
  insert into public.outbox (to_address, subject, text_body)
  select m ->> 'to', m ->> 'subject', m ->> 'text'
  from jsonb_array_elements(coalesce(p_mails, '[]'::jsonb)) m;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'positions_sent_for_reply', 'party', p_party_id::text,
          jsonb_build_object('positions', v_count, 'days', p_reply_days,
                             'mails', jsonb_array_length(coalesce(p_mails, '[]'::jsonb))));
  return v_count;
end
$$;

-- A party's reaction through its private link, checked and stored in one step. The link answers
-- for its own party only. Returns 'saved', 'unknown', 'revoked', 'expired', 'not_yours' (the
-- position is another party's), 'closed' (not sent for reaction) or 'evidence_required' (a
-- disagreement without its own quote and source).
create function public.submit_position_reply(
  p_token_hash text, p_position_id uuid, p_agrees boolean, p_responder_name text,
  p_responder_role text default null, p_explanation text default null,
  p_evidence_quote text default null, p_evidence_source text default null,
  p_evidence_page text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_link public.position_reply_links%rowtype;
  v_position public.positions%rowtype;
  v_reply uuid;
begin
  select * into v_link from public.position_reply_links where token_hash = decode(p_token_hash, 'hex');
  if v_link.id is null then
    return 'unknown';
  elsif v_link.revoked_at is not null then
    return 'revoked';
  elsif v_link.expires_at <= now() then
    return 'expired';
  end if;
  select * into v_position from public.positions where id = p_position_id;
  if v_position.id is null or v_position.party_id <> v_link.party_id then
    return 'not_yours';
  end if;
  if v_position.status = 'concept' then
    return 'closed';
  end if;
  if not p_agrees and (length(btrim(coalesce(p_evidence_quote, ''))) < 10
                       or length(btrim(coalesce(p_evidence_source, ''))) < 3) then
    return 'evidence_required';
  end if;
  insert into public.position_replies (position_id, party_id, position_version, agrees, explanation,
                                       evidence_quote, evidence_source, evidence_page,
                                       responder_name, responder_role)
  values (p_position_id, v_link.party_id, v_position.version, p_agrees,
          nullif(btrim(coalesce(p_explanation, '')), ''),
          case when p_agrees then null else btrim(p_evidence_quote) end,
          case when p_agrees then null else btrim(p_evidence_source) end,
          case when p_agrees then null else nullif(btrim(coalesce(p_evidence_page, '')), '') end,
          btrim(p_responder_name), nullif(btrim(coalesce(p_responder_role, '')), ''))
  returning id into v_reply;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'position_reply_received', 'party', v_link.party_id::text,
          jsonb_build_object('position', p_position_id, 'reply', v_reply, 'agrees', p_agrees));
  return 'saved';
end
$$;

-- A second editor approves an assessment before it is published (where a kring asks for that).
-- Returns 'approved', 'own_assessment' (the assessor cannot approve their own work), 'already',
-- 'published' or 'not_found'.
create function public.approve_position(p_actor_id uuid, p_position_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_position public.positions%rowtype;
begin
  select * into v_position from public.positions where id = p_position_id for update;
  if v_position.id is null or not public.may_edit_positions(p_actor_id, v_position.gemeente_code) then
    return 'not_found';
  elsif v_position.status = 'gepubliceerd' then
    return 'published';
  elsif v_position.approved_by is not null then
    return 'already';
  elsif v_position.assessed_by = p_actor_id then
    return 'own_assessment';
  end if;
  update public.positions set approved_by = p_actor_id, approved_at = now(), updated_by = p_actor_id,
    change_reason = 'Goedgekeurd door een tweede redacteur'
  where id = p_position_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'position_approved', 'party', v_position.party_id::text,
          jsonb_build_object('position', p_position_id));
  return 'approved';
end
$$;

-- Publishes a position that went to the party: once the party reacted, or once its reply period
-- is over (then it is marked as published without a reaction). Returns 'published', 'waiting'
-- (period not over, no reaction yet), 'needs_approval' (a kring asks for a second editor),
-- 'not_sent' (still a concept), 'published_already' or 'not_found'.
create function public.publish_position(p_actor_id uuid, p_position_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_position public.positions%rowtype;
  v_replied boolean;
begin
  select * into v_position from public.positions where id = p_position_id for update;
  if v_position.id is null or not public.may_edit_positions(p_actor_id, v_position.gemeente_code) then
    return 'not_found';
  elsif v_position.status = 'gepubliceerd' then
    return 'published_already';
  elsif v_position.status = 'concept' then
    return 'not_sent';
  end if;
  v_replied := exists (select 1 from public.position_replies where position_id = p_position_id);
  if not v_replied and v_position.reply_due_at > now() then
    return 'waiting';
  end if;
  if v_position.approved_by is null and public.positions_need_approval(v_position.gemeente_code) then
    return 'needs_approval';
  end if;
  update public.positions set status = 'gepubliceerd', published_at = now(),
    published_without_reply = not v_replied, updated_by = p_actor_id,
    change_reason = case when v_replied then 'Gepubliceerd na reactie van de partij'
                         else 'Gepubliceerd zonder reactie: de reactietermijn is verstreken' end
  where id = p_position_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'position_published', 'party', v_position.party_id::text,
          jsonb_build_object('position', p_position_id, 'without_reply', not v_replied));
  return 'published';
end
$$;

-- An admin creates a kring. Raises 23505 when the slug is taken, 42501 for non-admins.
create function public.create_kring(p_actor_id uuid, p_slug text, p_name text, p_kind text)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not exists (select 1 from public.memberships where user_id = p_actor_id and role = 'admin') then
    raise exception 'only admins create kringen' using errcode = '42501';
  end if;
  insert into public.kringen (slug, name, kind) values (p_slug, p_name, p_kind) returning id into v_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'kring_created', 'kring', v_id::text,
          jsonb_build_object('slug', p_slug, 'name', p_name, 'kind', p_kind));
  return v_id;
end
$$;

-- Makes the person with this address (an account is created on first use) an editor of the kring,
-- records it and queues their invitation mail, in one step. p_mail: {subject, text}.
-- Returns 'added', 'already' or 'not_allowed'.
create function public.add_kring_editor(p_kring_id uuid, p_actor_id uuid, p_email text, p_mail jsonb)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_user uuid;
begin
  if not public.may_edit_kring(p_actor_id, p_kring_id) then
    return 'not_allowed';
  end if;
  insert into public.users (email) values (p_email)
  on conflict (email) do update set email = excluded.email
  returning id into v_user;
  if exists (select 1 from public.memberships
             where user_id = v_user and role = 'kring_editor' and kring_id = p_kring_id) then
    return 'already';
  end if;
  insert into public.memberships (user_id, role, kring_id) values (v_user, 'kring_editor', p_kring_id);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'kring_editor_added', 'kring', p_kring_id::text, jsonb_build_object('email', p_email));
  insert into public.outbox (to_address, subject, text_body)
  values (p_email, p_mail ->> 'subject', p_mail ->> 'text');
  return 'added';
end
$$;

-- Adds a gemeente to the kring's area (p_covered) or takes it out. Returns false when nothing
-- changed or the actor may not edit the kring.
create function public.set_kring_gemeente(
  p_kring_id uuid, p_actor_id uuid, p_gemeente_code text, p_covered boolean
)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  if not public.may_edit_kring(p_actor_id, p_kring_id) then
    return false;
  end if;
  if p_covered then
    insert into public.kring_gemeenten (kring_id, gemeente_code) values (p_kring_id, p_gemeente_code)
    on conflict do nothing;
  else
    delete from public.kring_gemeenten where kring_id = p_kring_id and gemeente_code = p_gemeente_code;
  end if;
  get diagnostics v_count = row_count;
  if v_count = 0 then
    return false;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_covered then 'kring_gemeente_added' else 'kring_gemeente_removed' end,
          'kring', p_kring_id::text, jsonb_build_object('gemeente', p_gemeente_code));
  return true;
end
$$;

-- The themes the kring follows (replaces the list) and whether publishing needs a second
-- editor. Retired themes cannot be newly adopted. Returns false when the actor may not.
create function public.save_kring_settings(
  p_kring_id uuid, p_actor_id uuid, p_theme_keys text[], p_need_approval boolean
)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if not public.may_edit_kring(p_actor_id, p_kring_id) then
    return false;
  end if;
  delete from public.kring_themes kt
  where kt.kring_id = p_kring_id and not (kt.theme_key = any (coalesce(p_theme_keys, '{}'::text[])));
  insert into public.kring_themes (kring_id, theme_key)
  select p_kring_id, t.key from public.themes t
  where t.key = any (coalesce(p_theme_keys, '{}'::text[])) and t.retired_at is null
  on conflict do nothing;
  update public.kringen set positions_need_approval = p_need_approval where id = p_kring_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'kring_settings_saved', 'kring', p_kring_id::text,
          jsonb_build_object('themes', to_jsonb(coalesce(p_theme_keys, '{}'::text[])),
                             'need_approval', p_need_approval));
  return true;
end
$$;

-- An admin adds a theme (p_key new) or changes its label, description and search words; the key
-- never changes, so everything that refers to it keeps its history. Returns 'created',
-- 'changed', 'label_taken', 'key_taken' or 'not_allowed'.
create function public.save_theme(
  p_actor_id uuid, p_key text, p_label text, p_description text, p_search_words text[],
  p_create boolean
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_old public.themes%rowtype;
begin
  if not exists (select 1 from public.memberships where user_id = p_actor_id and role = 'admin') then
    return 'not_allowed';
  end if;
  if exists (select 1 from public.themes where lower(label) = lower(p_label) and key <> p_key) then
    return 'label_taken';
  end if;
  select * into v_old from public.themes where key = p_key for update;
  if p_create then
    if v_old.key is not null then
      return 'key_taken';
    end if;
    insert into public.themes (key, label, description, search_words, position)
    values (p_key, p_label, p_description, p_search_words,
            (select coalesce(max(position), 0) + 10 from public.themes));
  else
    if v_old.key is null then
      return 'not_allowed';
    end if;
    update public.themes set label = p_label, description = p_description,
      search_words = p_search_words, updated_at = now()
    where key = p_key;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_create then 'theme_created' else 'theme_changed' end, 'theme', p_key,
          jsonb_build_object('label', p_label, 'old_label', v_old.label,
                             'search_words', to_jsonb(p_search_words)));
  return case when p_create then 'created' else 'changed' end;
end
$$;

-- An admin retires a theme (no longer offered for new work; what refers to it keeps its name)
-- or brings it back. Returns false when nothing changed.
create function public.set_theme_retired(p_actor_id uuid, p_key text, p_retired boolean)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from public.memberships where user_id = p_actor_id and role = 'admin') then
    return false;
  end if;
  update public.themes set retired_at = case when p_retired then now() else null end, updated_at = now()
  where key = p_key and (retired_at is not null) <> p_retired;
  if not found then
    return false;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_retired then 'theme_retired' else 'theme_restored' end, 'theme', p_key, '{}'::jsonb);
  return true;
end
$$;

-- The kring dashboard in one call, whatever the number of gemeenten: per gemeente its newest
-- letter (status, live signatures, practices signed of all, parties answered of those written
-- to), its parties, positions coverage (party × theme cells assessed, and published, over the
-- kring's themes, or all active themes when it follows none) and the time of the latest change;
-- per theme and stance the published positions with party and gemeente; the latest changes.
create function public.kring_dashboard(p_kring_id uuid)
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
  kring_theme_keys as (
    select t.key, t.label, t.position from public.themes t
    where t.retired_at is null and (
      t.key in (select theme_key from public.kring_themes where kring_id = p_kring_id)
      or not exists (select 1 from public.kring_themes where kring_id = p_kring_id))
  ),
  letter as (
    select distinct on (c.gemeente_code) c.gemeente_code, c.id, c.status, c.title
    from public.campaigns c where c.gemeente_code in (select code from area)
    order by c.gemeente_code, (c.status = 'afgerond'), c.created_at desc
  ),
  party_counts as (
    select p.gemeente_code, count(*) as parties from public.parties p
    where p.gemeente_code in (select code from area) group by p.gemeente_code
  ),
  cells as (
    select po.gemeente_code, po.party_id, po.theme_key, bool_or(po.status = 'gepubliceerd') as published
    from public.positions po
    where po.gemeente_code in (select code from area) and po.theme_key in (select key from kring_theme_keys)
    group by po.gemeente_code, po.party_id, po.theme_key
  ),
  latest_change as (
    select po.gemeente_code, max(v.changed_at) as at
    from public.position_versions v join public.positions po on po.id = v.position_id
    where po.gemeente_code in (select code from area) group by po.gemeente_code
  )
  select jsonb_build_object(
    'theme_count', (select count(*) from kring_theme_keys),
    'gemeenten', coalesce((
      select jsonb_agg(jsonb_build_object(
        'code', a.code, 'name', a.name, 'slug', a.slug,
        'letter_status', l.status, 'letter_title', l.title,
        'signatures', (select count(*) from public.signatures s where s.campaign_id = l.id and s.withdrawn_at is null),
        'practices_signed', (select count(distinct s.practice_id) from public.signatures s
                             join public.practices pr on pr.id = s.practice_id and pr.gemeente_code = a.code
                             where s.campaign_id = l.id and s.withdrawn_at is null),
        'practices_total', (select count(*) from public.practices pr where pr.gemeente_code = a.code),
        'parties_written', (select count(*) from public.deliveries d where d.campaign_id = l.id),
        'parties_answered', (select count(distinct r.party_id) from public.responses r where r.campaign_id = l.id),
        'parties', coalesce(pc.parties, 0),
        'cells_assessed', (select count(*) from cells c where c.gemeente_code = a.code),
        'cells_published', (select count(*) from cells c where c.gemeente_code = a.code and c.published),
        'last_change', lc.at
      ) order by a.name)
      from area a
      left join letter l on l.gemeente_code = a.code
      left join party_counts pc on pc.gemeente_code = a.code
      left join latest_change lc on lc.gemeente_code = a.code
    ), '[]'::jsonb),
    'themes', coalesce((
      select jsonb_agg(jsonb_build_object(
        'key', t.key, 'label', t.label,
        'positions', coalesce((
          select jsonb_agg(jsonb_build_object('stance', po.stance, 'party', pa.name, 'gemeente', a.name)
                           order by a.name, pa.name)
          from public.positions po
          join public.parties pa on pa.id = po.party_id
          join area a on a.code = po.gemeente_code
          where po.theme_key = t.key and po.status = 'gepubliceerd'
        ), '[]'::jsonb)
      ) order by t.position, t.label)
      from kring_theme_keys t
    ), '[]'::jsonb),
    'changes', coalesce((
      select jsonb_agg(x order by x ->> 'at' desc) from (
        select jsonb_build_object('at', v.changed_at, 'gemeente', a.name, 'party', pa.name,
                                  'theme', th.label, 'stance', v.stance, 'status', v.status,
                                  'reason', v.reason, 'by', u.name) as x
        from public.position_versions v
        join public.positions po on po.id = v.position_id
        join area a on a.code = po.gemeente_code
        join public.parties pa on pa.id = po.party_id
        join public.themes th on th.key = po.theme_key
        left join public.users u on u.id = v.changed_by
        order by v.changed_at desc, v.id desc
        limit 15
      ) recent
    ), '[]'::jsonb)
  )
$$;

-- Every function here is for the server (service role) only, as in the earlier migrations.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
