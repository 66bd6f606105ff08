-- Outcomes: what parties and the college promised (commitments, "toezeggingen") with a status
-- history that is never rewritten and the promiser's right of reply per update; people who follow
-- a gemeente (a daily e-mail with one-click unsubscribe); the policy cycle's real dates per
-- gemeente with a reminder two weeks before; mail with extra headers (List-Unsubscribe).
-- Reading functions (timeline, chain, "said and did", kring view, changes) come in the next
-- migration. Nothing here is readable with the anon or authenticated key; every function is for
-- the service role only (see the end of this file).

-- Themes on council work. The council pages add these tables (with who confirmed a theme); this
-- creates the same shape when they are not there yet, so the timeline and "said and did" can read
-- a motion's themes either way.
create table if not exists public.motion_themes (
  motion_id uuid not null references public.motions (id) on delete cascade,
  theme_key text not null references public.themes (key),
  confirmed_by uuid references public.users (id) on delete set null,
  confirmed_at timestamptz not null default now(),
  primary key (motion_id, theme_key)
);
alter table public.motion_themes enable row level security;
create index if not exists motion_themes_theme_idx on public.motion_themes (theme_key);

create table if not exists public.agenda_item_themes (
  agenda_item_id uuid not null references public.agenda_items (id) on delete cascade,
  theme_key text not null references public.themes (key),
  confirmed_by uuid references public.users (id) on delete set null,
  confirmed_at timestamptz not null default now(),
  primary key (agenda_item_id, theme_key)
);
alter table public.agenda_item_themes enable row level security;
create index if not exists agenda_item_themes_theme_idx on public.agenda_item_themes (theme_key);

-- Mail with headers of its own (List-Unsubscribe and List-Unsubscribe-Post for followers).
alter table public.outbox add column headers jsonb not null default '{}'::jsonb;

-- Commitments -----------------------------------------------------------------------------------

-- What a party or the college promised in one gemeente, on one theme, and where that promise
-- stands. The source is a party's answer to the letter (response + ask), a clause of a
-- coalitieakkoord (document + the passage it stands in), an adopted motion, a toezegging in a
-- meeting, or a line in the begroting or kadernota (a link and page). source_title, source_quote,
-- source_url and source_page are filled when it is recorded, so the commitment still says where it
-- came from when an imported motion or meeting is later removed at its source (the references are
-- then set to null). status and status_on repeat the newest entry of commitment_updates.
create table public.commitments (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  promiser text not null check (promiser in ('partij', 'college')),
  party_id uuid references public.parties (id),
  -- Who exactly, in words: "wethouder Zorg (M. de Boer)", "fractievoorzitter".
  promiser_detail text check (promiser_detail is null or length(promiser_detail) between 1 and 200),
  -- Where the college is reached for its right of reply (griffie, secretariaat van de wethouder).
  college_email text check (college_email is null or (college_email = lower(college_email)
    and college_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(college_email) <= 320)),
  theme_key text not null references public.themes (key) on update cascade,
  body text not null check (length(btrim(body)) between 10 and 2000),
  source_kind text not null check (source_kind in ('antwoord', 'akkoord', 'motie', 'vergadering', 'begroting')),
  response_id uuid references public.responses (id) on delete set null,
  ask_id uuid references public.letter_asks (id) on delete set null,
  document_id uuid references public.documents (id) on delete set null,
  passage_id bigint references public.document_passages (id) on delete set null,
  motion_id uuid references public.motions (id) on delete set null,
  meeting_id uuid references public.meetings (id) on delete set null,
  source_title text not null check (length(source_title) between 2 and 300),
  source_quote text check (source_quote is null or length(source_quote) <= 5000),
  source_url text check (source_url is null or (source_url ~* '^https?://\S+$' and length(source_url) <= 2000)),
  source_page integer check (source_page is null or source_page between 1 and 5000),
  promised_on date not null,
  deadline date,
  status text not null default 'toegezegd' check (status in
    ('toegezegd', 'in_uitvoering', 'gerealiseerd', 'deels_gerealiseerd', 'niet_nagekomen', 'vastgelopen')),
  status_on date not null,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_by uuid references public.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  check ((promiser = 'partij') = (party_id is not null)),
  check (promiser = 'college' or college_email is null),
  check (deadline is null or deadline >= promised_on)
);
alter table public.commitments enable row level security;
create index commitments_gemeente_idx on public.commitments (gemeente_code, status);
create index commitments_party_idx on public.commitments (party_id);
create index commitments_response_idx on public.commitments (response_id);
create index commitments_ask_idx on public.commitments (ask_id);
create index commitments_motion_idx on public.commitments (motion_id);
create index commitments_meeting_idx on public.commitments (meeting_id);

-- Every status a commitment had, in order (seq 1 is the promise itself): the date it applies
-- from, what happened, the evidence, who recorded it and when. Rows are only ever added.
create table public.commitment_updates (
  id bigint generated always as identity primary key,
  commitment_id uuid not null references public.commitments (id) on delete cascade,
  seq integer not null check (seq >= 1),
  status text not null check (status in
    ('toegezegd', 'in_uitvoering', 'gerealiseerd', 'deels_gerealiseerd', 'niet_nagekomen', 'vastgelopen')),
  previous_status text check (previous_status in
    ('toegezegd', 'in_uitvoering', 'gerealiseerd', 'deels_gerealiseerd', 'niet_nagekomen', 'vastgelopen')),
  happened_on date not null,
  note text check (note is null or length(btrim(note)) between 1 and 2000),
  evidence_title text check (evidence_title is null or length(btrim(evidence_title)) between 2 and 300),
  evidence_url text check (evidence_url is null or (evidence_url ~* '^https?://\S+$' and length(evidence_url) <= 2000)),
  evidence_page integer check (evidence_page is null or evidence_page between 1 and 5000),
  recorded_by uuid references public.users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  unique (commitment_id, seq),
  -- After the promise itself, every update says what happened and on what evidence.
  constraint commitment_updates_evidence check (
    seq = 1 or (note is not null and (evidence_title is not null or evidence_url is not null))
  ),
  check ((seq = 1) = (previous_status is null))
);
alter table public.commitment_updates enable row level security;

-- The promiser's private link to react to one update: only the SHA-256 of the token is stored; it
-- expires and is revoked when a reaction through it is disowned.
create table public.commitment_reply_links (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references public.commitments (id) on delete cascade,
  update_id bigint not null references public.commitment_updates (id) on delete cascade,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
alter table public.commitment_reply_links enable row level security;
create index commitment_reply_links_update_idx on public.commitment_reply_links (update_id);

-- The promiser's reaction to one update (once per update; a reaction the party or college says is
-- not theirs leaves the public pages and frees the place for their own).
create table public.commitment_reactions (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references public.commitments (id) on delete cascade,
  update_id bigint not null references public.commitment_updates (id) on delete cascade,
  link_id uuid references public.commitment_reply_links (id) on delete set null,
  responder_name text not null check (length(btrim(responder_name)) between 2 and 200),
  responder_role text check (responder_role is null or length(responder_role) <= 200),
  body text not null check (length(btrim(body)) between 2 and 3000),
  disown_token_hash bytea unique,
  disowned_at timestamptz,
  disowned_note text check (disowned_note is null or length(disowned_note) <= 1000),
  -- Whether a copy reached the promiser's own addresses (with "dit komt niet van ons"). Without a
  -- known address the editor passes the link on by hand, nobody on the promiser's side hears of the
  -- reaction and it cannot be disowned: the public pages say so next to it.
  copy_sent boolean,
  created_at timestamptz not null default now()
);
alter table public.commitment_reactions enable row level security;
create unique index commitment_reactions_once_per_update on public.commitment_reactions (update_id)
  where disowned_at is null;
create index commitment_reactions_commitment_idx on public.commitment_reactions (commitment_id);

-- Following a gemeente ----------------------------------------------------------------------------

-- A signed-in user follows a gemeente (opt-in) and gets at most one e-mail a day about what
-- changed there. The unsubscribe link carries the follow's id signed with app_keys.unsubscribe.
create table public.gemeente_follows (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  gemeente_code text not null references public.gemeenten (code),
  created_at timestamptz not null default now(),
  last_digest_at timestamptz,
  unique (user_id, gemeente_code)
);
alter table public.gemeente_follows enable row level security;
create index gemeente_follows_gemeente_idx on public.gemeente_follows (gemeente_code);

-- Keys the server signs with (the unsubscribe links), made here from the database's strong random
-- source, so nothing has to be configured and a copied database keeps its links working.
create table public.app_keys (
  name text primary key check (name ~ '^[a-z_]+$'),
  key bytea not null check (length(key) >= 32),
  created_at timestamptz not null default now()
);
alter table public.app_keys enable row level security;
insert into public.app_keys (name, key)
values ('unsubscribe', sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text
                                         || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')));

-- The policy cycle ----------------------------------------------------------------------------------

-- The real date of a moment in a gemeente's policy cycle, set by its kring editors or the
-- coordinators of a letter there: the coalitieakkoord, the kadernota (voorjaarsnota), the
-- begroting, the next election. Without a row the app shows an estimate. reminder_sent_at: the
-- followers got the two-week reminder for this date (cleared when the date changes).
create table public.policy_moments (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  kind text not null check (kind in ('coalitieakkoord', 'kadernota', 'begroting', 'verkiezingen')),
  year integer not null check (year between 2026 and 2100),
  on_date date not null,
  note text check (note is null or length(note) <= 500),
  set_by uuid references public.users (id) on delete set null,
  set_at timestamptz not null default now(),
  reminder_sent_at timestamptz,
  unique (gemeente_code, kind, year)
);
alter table public.policy_moments enable row level security;
create index policy_moments_date_idx on public.policy_moments (on_date);

revoke all on public.motion_themes, public.agenda_item_themes, public.commitments,
  public.commitment_updates, public.commitment_reply_links, public.commitment_reactions,
  public.gemeente_follows, public.app_keys, public.policy_moments
  from anon, authenticated;
grant all on public.motion_themes, public.agenda_item_themes, public.commitments,
  public.commitment_updates, public.commitment_reply_links, public.commitment_reactions,
  public.gemeente_follows, public.app_keys, public.policy_moments
  to service_role;
grant all on all sequences in schema public to service_role;

-- A status history is never rewritten: updates cannot be changed, and removed only together with
-- their commitment (the cascade runs after the commitment itself is gone).
create function public.commitment_updates_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    raise exception 'a status update is never changed; record a new one' using errcode = '42501';
  end if;
  if exists (select 1 from public.commitments where id = old.commitment_id) then
    raise exception 'a status update is never removed; record a new one' using errcode = '42501';
  end if;
  return old;
end
$$;

create trigger commitment_updates_append_only before update or delete on public.commitment_updates
  for each row execute function public.commitment_updates_append_only();

-- Permissions -------------------------------------------------------------------------------------

-- Record and update commitments in a gemeente: admins and editors of a kring that covers it
-- (permissions.mayRecordCommitments says the same).
create function public.may_record_commitments(p_user_id uuid, p_gemeente_code text)
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

-- Set the real dates of a gemeente's policy cycle: admins, its kring editors, and the coordinators
-- of a letter there that is not closed whose own signature is verified (permissions.maySetPolicyDates
-- says the same). The dates reach every follower by e-mail, so this asks the trust of the party list.
-- An audited change.
create function public.may_set_policy_dates(p_user_id uuid, p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select public.may_record_commitments(p_user_id, p_gemeente_code)
  or (
    public.is_verified_huisarts(p_user_id)
    and exists (
      select 1 from public.memberships m join public.campaigns c on c.id = m.campaign_id
      where m.user_id = p_user_id and m.role = 'campaign_coordinator'
        and c.gemeente_code = p_gemeente_code and c.status <> 'afgerond'
    )
  )
$$;

-- A party that commitments name stays (as with letters, positions and votes).
create or replace function public.party_in_use(p_party_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.deliveries where party_id = p_party_id)
      or exists (select 1 from public.responses where party_id = p_party_id)
      or exists (select 1 from public.response_links where party_id = p_party_id)
      or exists (select 1 from public.positions where party_id = p_party_id)
      or exists (select 1 from public.motion_submitters where party_id = p_party_id)
      or exists (select 1 from public.motion_party_votes where party_id = p_party_id)
      or exists (select 1 from public.commitments where party_id = p_party_id)
$$;

-- Queues mails [{to, subject, text, html?, reply_to?, headers?}] (used inside the functions below).
create function public.queue_outcome_mails(p_mails jsonb)
returns void
language sql
set search_path = ''
as $$
  insert into public.outbox (to_address, subject, text_body, html_body, reply_to, headers)
  select m ->> 'to', m ->> 'subject', m ->> 'text', m ->> 'html', m ->> 'reply_to',
         coalesce(m -> 'headers', '{}'::jsonb)
  from jsonb_array_elements(coalesce(p_mails, '[]'::jsonb)) m
$$;

-- Writing commitments -----------------------------------------------------------------------------

-- Records a commitment with its first status (toegezegd), a reply link for the promiser
-- (p_token_hash, hex; valid p_link_days) and the mails to the promiser's addresses (p_mails), in
-- one step. p_commitment: {id (may be left out), promiser, party_id, promiser_detail, college_email, theme_key, body,
-- source_kind, response_id, ask_id, document_id, passage_id, motion_id, meeting_id, source_title,
-- source_url, source_page, source_quote, promised_on, deadline}. The source must be of this
-- gemeente: an answer of this party (to this ask, in a letter sent here), a passage of a
-- coalitieakkoord or collegeprogramma here, an adopted motion here, or a meeting here; for the
-- begroting a link and a title. Any source may also name an adopted motion that carries it and
-- the ask of the letter it answers, so the timeline can link ask → answer → motion → commitment. What the source says is copied (title, quote, page, link) unless
-- given. Returns {status: 'saved', id, update_id} or {status: 'not_allowed' | 'invalid', reason}.
create function public.record_commitment(
  p_actor_id uuid, p_gemeente_code text, p_commitment jsonb, p_token_hash text, p_link_days integer,
  p_mails jsonb default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  c jsonb := p_commitment;
  v_kind text := c ->> 'source_kind';
  v_promiser text := c ->> 'promiser';
  v_party uuid := nullif(c ->> 'party_id', '')::uuid;
  v_response uuid := nullif(c ->> 'response_id', '')::uuid;
  v_ask uuid := nullif(c ->> 'ask_id', '')::uuid;
  v_document uuid := nullif(c ->> 'document_id', '')::uuid;
  v_passage bigint := nullif(c ->> 'passage_id', '')::bigint;
  v_motion uuid := nullif(c ->> 'motion_id', '')::uuid;
  v_meeting uuid := nullif(c ->> 'meeting_id', '')::uuid;
  v_title text := nullif(btrim(coalesce(c ->> 'source_title', '')), '');
  v_quote text := nullif(btrim(coalesce(c ->> 'source_quote', '')), '');
  v_url text := nullif(btrim(coalesce(c ->> 'source_url', '')), '');
  v_page integer := nullif(c ->> 'source_page', '')::integer;
  v_promised date := nullif(c ->> 'promised_on', '')::date;
  v_found record;
  v_id uuid;
  v_update bigint;
begin
  if not public.may_record_commitments(p_actor_id, p_gemeente_code) then
    return jsonb_build_object('status', 'not_allowed');
  end if;
  if v_party is not null then
    perform 1 from public.parties where id = v_party and gemeente_code = p_gemeente_code;
    if not found then
      return jsonb_build_object('status', 'invalid', 'reason', 'party');
    end if;
  end if;
  if v_kind = 'antwoord' then
    select r.party_id, r.created_at, a.number, a.body, ra.answer, ra.explanation, p.name as party_name, cp.title as letter
      into v_found
    from public.response_answers ra
    join public.responses r on r.id = ra.response_id
    join public.letter_asks a on a.id = ra.ask_id
    join public.campaigns cp on cp.id = r.campaign_id
    join public.parties p on p.id = r.party_id
    where ra.response_id = v_response and ra.ask_id = v_ask and cp.gemeente_code = p_gemeente_code
      and r.disowned_at is null;
    if v_found is null or v_promiser <> 'partij' or v_found.party_id is distinct from v_party then
      return jsonb_build_object('status', 'invalid', 'reason', 'source');
    end if;
    v_title := coalesce(v_title, format('Antwoord van %s op vraag %s van de brief "%s"', v_found.party_name, v_found.number, v_found.letter));
    v_quote := coalesce(v_quote, v_found.explanation);
    v_promised := coalesce(v_promised, (v_found.created_at at time zone 'Europe/Amsterdam')::date);
  elsif v_kind = 'akkoord' then
    select d.title, d.url, d.published_on, dp.page, dp.body into v_found
    from public.document_passages dp join public.documents d on d.id = dp.document_id
    where dp.id = v_passage and d.id = v_document and d.gemeente_code = p_gemeente_code
      and d.kind in ('coalitieakkoord', 'collegeprogramma');
    if v_found is null then
      return jsonb_build_object('status', 'invalid', 'reason', 'source');
    end if;
    v_title := coalesce(v_title, v_found.title);
    v_quote := coalesce(v_quote, v_found.body);
    v_url := coalesce(v_url, v_found.url);
    v_page := coalesce(v_page, v_found.page);
    v_promised := coalesce(v_promised, v_found.published_on);
  elsif v_kind = 'motie' then
    select mo.title, mo.type, mo.url, mo.decided_on, mo.result into v_found
    from public.motions mo where mo.id = v_motion and mo.gemeente_code = p_gemeente_code;
    if v_found is null or v_found.result is distinct from 'aangenomen' then
      return jsonb_build_object('status', 'invalid', 'reason', 'source');
    end if;
    v_title := coalesce(v_title, format('%s "%s" (aangenomen)', initcap(v_found.type), v_found.title));
    v_url := coalesce(v_url, v_found.url);
    v_promised := coalesce(v_promised, v_found.decided_on);
  elsif v_kind = 'vergadering' then
    select m.name, m.starts_at, m.url into v_found
    from public.meetings m where m.id = v_meeting and m.gemeente_code = p_gemeente_code;
    if v_found is null then
      return jsonb_build_object('status', 'invalid', 'reason', 'source');
    end if;
    v_title := coalesce(v_title, v_found.name);
    v_url := coalesce(v_url, v_found.url);
    v_promised := coalesce(v_promised, (v_found.starts_at at time zone 'Europe/Amsterdam')::date);
  elsif v_kind = 'begroting' then
    if v_url is null or v_title is null then
      return jsonb_build_object('status', 'invalid', 'reason', 'source');
    end if;
  else
    return jsonb_build_object('status', 'invalid', 'reason', 'source');
  end if;
  -- Any source may also name the adopted motion that carries it, the meeting it came up in and
  -- the ask of the letter it answers (an answer names its own ask): all of this gemeente.
  if v_motion is not null and not exists (
    select 1 from public.motions where id = v_motion and gemeente_code = p_gemeente_code and result = 'aangenomen'
  ) then
    return jsonb_build_object('status', 'invalid', 'reason', 'source');
  end if;
  if v_meeting is not null and not exists (
    select 1 from public.meetings where id = v_meeting and gemeente_code = p_gemeente_code
  ) then
    return jsonb_build_object('status', 'invalid', 'reason', 'source');
  end if;
  if v_ask is not null then
    perform 1 from public.letter_asks a join public.campaigns cp on cp.id = a.campaign_id
    where a.id = v_ask and cp.gemeente_code = p_gemeente_code;
    if not found then
      return jsonb_build_object('status', 'invalid', 'reason', 'ask');
    end if;
  end if;
  if v_promised is null then
    return jsonb_build_object('status', 'invalid', 'reason', 'promised_on');
  end if;
  -- The promise's date may come from its source: only then can the deadline be checked against it.
  if nullif(c ->> 'deadline', '')::date < v_promised then
    return jsonb_build_object('status', 'invalid', 'reason', 'deadline');
  end if;
  insert into public.commitments (id, gemeente_code, promiser, party_id, promiser_detail, college_email, theme_key, body,
    source_kind, response_id, ask_id, document_id, passage_id, motion_id, meeting_id, source_title, source_quote,
    source_url, source_page, promised_on, deadline, status, status_on, created_by, updated_by)
  values (coalesce(nullif(c ->> 'id', '')::uuid, gen_random_uuid()), p_gemeente_code, v_promiser, v_party,
    nullif(btrim(coalesce(c ->> 'promiser_detail', '')), ''),
    nullif(lower(btrim(coalesce(c ->> 'college_email', ''))), ''), c ->> 'theme_key', btrim(c ->> 'body'),
    v_kind, case when v_kind = 'antwoord' then v_response end, v_ask,
    case when v_kind = 'akkoord' then v_document end, case when v_kind = 'akkoord' then v_passage end,
    v_motion, v_meeting, left(v_title, 300), v_quote, v_url, v_page, v_promised, nullif(c ->> 'deadline', '')::date,
    'toegezegd', v_promised, p_actor_id, p_actor_id)
  returning id into v_id;
  insert into public.commitment_updates (commitment_id, seq, status, happened_on, recorded_by)
  values (v_id, 1, 'toegezegd', v_promised, p_actor_id)
  returning id into v_update;
  insert into public.commitment_reply_links (commitment_id, update_id, token_hash, expires_at)
  values (v_id, v_update, decode(p_token_hash, 'hex'), now() + make_interval(days => p_link_days));
  perform public.queue_outcome_mails(p_mails);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'commitment_recorded', 'commitment', v_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'source', v_kind, 'party', v_party,
                             'theme', c ->> 'theme_key', 'mails', jsonb_array_length(coalesce(p_mails, '[]'::jsonb))));
  return jsonb_build_object('status', 'saved', 'id', v_id, 'update_id', v_update);
end
$$;

-- Records a new status of a commitment (forward or back: every step is kept) with its date, what
-- happened and the evidence, a reply link for the promiser and the mails to its addresses, in one
-- step. Returns {status: 'saved', seq, update_id}, {status: 'not_found'} (no such commitment the
-- actor may update) or {status: 'evidence_required'}.
create function public.update_commitment_status(
  p_actor_id uuid, p_commitment_id uuid, p_status text, p_happened_on date, p_note text,
  p_token_hash text, p_link_days integer, p_evidence_title text default null, p_evidence_url text default null,
  p_evidence_page integer default null, p_mails jsonb default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_commitment public.commitments%rowtype;
  v_seq integer;
  v_update bigint;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
  v_title text := nullif(btrim(coalesce(p_evidence_title, '')), '');
  v_url text := nullif(btrim(coalesce(p_evidence_url, '')), '');
begin
  select * into v_commitment from public.commitments where id = p_commitment_id for update;
  if v_commitment.id is null or not public.may_record_commitments(p_actor_id, v_commitment.gemeente_code) then
    return jsonb_build_object('status', 'not_found');
  end if;
  if v_note is null or (v_title is null and v_url is null) then
    return jsonb_build_object('status', 'evidence_required');
  end if;
  select max(seq) + 1 into v_seq from public.commitment_updates where commitment_id = p_commitment_id;
  insert into public.commitment_updates (commitment_id, seq, status, previous_status, happened_on, note,
    evidence_title, evidence_url, evidence_page, recorded_by)
  values (p_commitment_id, v_seq, p_status, v_commitment.status, p_happened_on, v_note, v_title, v_url,
    p_evidence_page, p_actor_id)
  returning id into v_update;
  update public.commitments set status = p_status, status_on = p_happened_on, updated_by = p_actor_id, updated_at = now()
  where id = p_commitment_id;
  insert into public.commitment_reply_links (commitment_id, update_id, token_hash, expires_at)
  values (p_commitment_id, v_update, decode(p_token_hash, 'hex'), now() + make_interval(days => p_link_days));
  perform public.queue_outcome_mails(p_mails);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'commitment_status_changed', 'commitment', p_commitment_id::text,
          jsonb_build_object('gemeente', v_commitment.gemeente_code, 'from', v_commitment.status, 'to', p_status,
                             'seq', v_seq, 'happened_on', p_happened_on));
  return jsonb_build_object('status', 'saved', 'seq', v_seq, 'update_id', v_update);
end
$$;

-- Corrects the words of a commitment (its text, theme, who exactly, deadline); the source and the
-- status history stay. Every correction is in the audit log with the old values and the reason.
-- Returns 'saved', 'unchanged', 'reason_required' or 'not_found'.
create function public.correct_commitment(
  p_actor_id uuid, p_commitment_id uuid, p_body text, p_theme_key text, p_reason text,
  p_promiser_detail text default null, p_deadline date default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_old public.commitments%rowtype;
  v_detail text := nullif(btrim(coalesce(p_promiser_detail, '')), '');
begin
  select * into v_old from public.commitments where id = p_commitment_id for update;
  if v_old.id is null or not public.may_record_commitments(p_actor_id, v_old.gemeente_code) then
    return 'not_found';
  end if;
  if (v_old.body, v_old.theme_key, v_old.promiser_detail, v_old.deadline)
     is not distinct from (btrim(p_body), p_theme_key, v_detail, p_deadline) then
    return 'unchanged';
  end if;
  if nullif(btrim(coalesce(p_reason, '')), '') is null then
    return 'reason_required';
  end if;
  if p_deadline < v_old.promised_on then
    return 'deadline';
  end if;
  update public.commitments set body = btrim(p_body), theme_key = p_theme_key, promiser_detail = v_detail,
    deadline = p_deadline, updated_by = p_actor_id, updated_at = now()
  where id = p_commitment_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'commitment_corrected', 'commitment', p_commitment_id::text,
          jsonb_build_object('gemeente', v_old.gemeente_code, 'reason', btrim(p_reason),
                             'old', jsonb_build_object('body', v_old.body, 'theme', v_old.theme_key,
                                                       'promiser_detail', v_old.promiser_detail, 'deadline', v_old.deadline)));
  return 'saved';
end
$$;

-- The promiser's reaction to one update through its private link, checked and stored in one step,
-- with the copy to the promiser's own addresses (p_mails, holding the disown link whose hash is
-- p_disown_token_hash). Returns 'saved', 'unknown', 'revoked', 'expired' or 'already' (this update
-- has its reaction).
create function public.submit_commitment_reaction(
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

-- The party or college says a reaction posted through its link is not theirs: the reaction leaves
-- the public pages (kept, marked), the link is revoked, a new one for the same update is stored
-- (p_new_token_hash) and p_mails (the new link to the promiser's addresses) are queued. Returns
-- 'disowned', 'already' or 'unknown'.
create function public.disown_commitment_reaction(
  p_disown_token_hash text, p_new_token_hash text, p_link_days integer, p_note text default null,
  p_mails jsonb default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_reaction public.commitment_reactions%rowtype;
begin
  select * into v_reaction from public.commitment_reactions
  where disown_token_hash = decode(p_disown_token_hash, 'hex') for update;
  if v_reaction.id is null then
    return 'unknown';
  elsif v_reaction.disowned_at is not null then
    return 'already';
  end if;
  update public.commitment_reactions set disowned_at = now(), disowned_note = nullif(btrim(coalesce(p_note, '')), '')
  where id = v_reaction.id;
  update public.commitment_reply_links set revoked_at = now()
  where update_id = v_reaction.update_id and revoked_at is null;
  insert into public.commitment_reply_links (commitment_id, update_id, token_hash, expires_at)
  values (v_reaction.commitment_id, v_reaction.update_id, decode(p_new_token_hash, 'hex'),
          now() + make_interval(days => p_link_days));
  perform public.queue_outcome_mails(p_mails);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'commitment_reaction_disowned', 'commitment', v_reaction.commitment_id::text,
          jsonb_build_object('update', v_reaction.update_id, 'reaction', v_reaction.id));
  return 'disowned';
end
$$;

-- Following ---------------------------------------------------------------------------------------

-- The user follows the gemeente. Returns 'followed' or 'already'.
create function public.follow_gemeente(p_user_id uuid, p_gemeente_code text)
returns text
language plpgsql
set search_path = ''
as $$
begin
  insert into public.gemeente_follows (user_id, gemeente_code) values (p_user_id, p_gemeente_code)
  on conflict (user_id, gemeente_code) do nothing;
  if not found then
    return 'already';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'gemeente_followed', 'gemeente', p_gemeente_code, '{}'::jsonb);
  return 'followed';
end
$$;

-- Ends one follow: by its owner (p_user_id given) or through the signed link in a mail (the id
-- alone, checked by the app's signature first). Returns true when a follow ended.
create function public.end_follow(p_follow_id uuid, p_how text, p_user_id uuid default null)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_follow public.gemeente_follows%rowtype;
begin
  if p_how not in ('account', 'link', 'one_click') then
    raise exception 'unknown way to unfollow: %', p_how using errcode = '22023';
  end if;
  delete from public.gemeente_follows
  where id = p_follow_id and (p_user_id is null or user_id = p_user_id)
  returning * into v_follow;
  if v_follow.id is null then
    return false;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (v_follow.user_id, 'gemeente_unfollowed', 'gemeente', v_follow.gemeente_code, jsonb_build_object('how', p_how));
  return true;
end
$$;

-- Claims the follow's daily e-mail and queues it (p_mail {to, subject, text, html, headers}) in
-- one step: only when the last one went out before p_due_before, so two runs never send two.
-- Returns false when it is not due (or the follow ended).
create function public.record_follow_digest(p_follow_id uuid, p_due_before timestamptz, p_now timestamptz, p_mail jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  update public.gemeente_follows set last_digest_at = p_now
  where id = p_follow_id and (last_digest_at is null or last_digest_at <= p_due_before);
  if not found then
    return false;
  end if;
  perform public.queue_outcome_mails(jsonb_build_array(p_mail));
  return true;
end
$$;

-- The policy cycle ----------------------------------------------------------------------------------

-- Sets the real date of one moment (p_on_date) or goes back to the estimate (p_on_date null).
-- A moved date gets its reminder again. Returns 'saved', 'cleared', 'unchanged' or 'not_allowed'.
create function public.set_policy_moment(
  p_actor_id uuid, p_gemeente_code text, p_kind text, p_year integer, p_on_date date default null,
  p_note text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_old public.policy_moments%rowtype;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
begin
  if not public.may_set_policy_dates(p_actor_id, p_gemeente_code) then
    return 'not_allowed';
  end if;
  select * into v_old from public.policy_moments
  where gemeente_code = p_gemeente_code and kind = p_kind and year = p_year for update;
  if p_on_date is null then
    if v_old.id is null then
      return 'unchanged';
    end if;
    delete from public.policy_moments where id = v_old.id;
  elsif v_old.id is null then
    -- A moment set again after it was cleared keeps the reminder that already went out for it.
    insert into public.policy_moments (gemeente_code, kind, year, on_date, note, set_by, reminder_sent_at)
    values (p_gemeente_code, p_kind, p_year, p_on_date, v_note, p_actor_id,
            (select max((a.details ->> 'reminded_at')::timestamptz) from public.audit_log a
             where a.action = 'policy_moment_cleared' and a.entity = 'gemeente' and a.entity_id = p_gemeente_code
               and a.details ->> 'kind' = p_kind and (a.details ->> 'year')::integer = p_year));
  elsif (v_old.on_date, v_old.note) is not distinct from (p_on_date, v_note) then
    return 'unchanged';
  else
    -- The reminder already sent stays: see policy_reminder_stale.
    update public.policy_moments set on_date = p_on_date, note = v_note, set_by = p_actor_id, set_at = now()
    where id = v_old.id;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_on_date is null then 'policy_moment_cleared' else 'policy_moment_set' end,
          'gemeente', p_gemeente_code,
          jsonb_build_object('kind', p_kind, 'year', p_year, 'on_date', p_on_date, 'was', v_old.on_date,
                             'reminded_at', v_old.reminder_sent_at));
  return case when p_on_date is null then 'cleared' else 'saved' end;
end
$$;

-- Whether a reminder sent at p_sent_at is too old to count for a moment on p_on_date. A reminder
-- counts for every date up to four weeks after it went out, so a date moved back and forth, or
-- cleared and set again, is not reminded twice; only a real postponement gets a reminder of its own
-- (policy-moments.ts reminderDue says the same).
create function public.policy_reminder_stale(p_sent_at timestamptz, p_on_date date)
returns boolean
language sql
stable
set search_path = ''
as $$
  select (p_sent_at at time zone 'Europe/Amsterdam')::date < p_on_date - 28
$$;

-- Claims the two-week reminder of one moment and queues its mails (p_mails, one per follower) in
-- one step: only when no reminder counts for it yet and the date is still p_on_date. Returns false
-- otherwise.
create function public.record_policy_reminder(p_moment_id uuid, p_on_date date, p_now timestamptz, p_mails jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_gemeente text;
begin
  update public.policy_moments set reminder_sent_at = p_now
  where id = p_moment_id and on_date = p_on_date
    and (reminder_sent_at is null or public.policy_reminder_stale(reminder_sent_at, on_date))
  returning gemeente_code into v_gemeente;
  if v_gemeente is null then
    return false;
  end if;
  perform public.queue_outcome_mails(p_mails);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'policy_reminder_sent', 'gemeente', v_gemeente,
          jsonb_build_object('moment', p_moment_id, 'on_date', p_on_date,
                             'mails', jsonb_array_length(coalesce(p_mails, '[]'::jsonb))));
  return true;
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
