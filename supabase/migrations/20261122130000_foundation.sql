-- Foundation: gemeenten, kringen, users and their sessions and login codes, practices,
-- memberships, parties, the audit log and the mail outbox. RLS is enabled on every table;
-- anon and authenticated may read only what is public by design (gemeenten, kringen, parties).
-- The app talks to the database with the service role, from the server only.

-- The 342 Dutch gemeenten (CBS code GMxxxx); rows come in the next migration.
create table public.gemeenten (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null,
  province text not null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
alter table public.gemeenten enable row level security;

-- A kring: an LHV afdeling, a regional GP organisation (RHO) or a hagro.
create table public.kringen (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 2 and 200),
  kind text not null default 'kring' check (kind in ('lhv_afdeling', 'rho', 'hagro', 'kring')),
  created_at timestamptz not null default now()
);
alter table public.kringen enable row level security;

-- Which gemeenten a kring covers (chosen by its editors; no public list exists).
create table public.kring_gemeenten (
  kring_id uuid not null references public.kringen (id) on delete cascade,
  gemeente_code text not null references public.gemeenten (code),
  primary key (kring_id, gemeente_code)
);
alter table public.kring_gemeenten enable row level security;
create index kring_gemeenten_gemeente_idx on public.kring_gemeenten (gemeente_code);

-- A person who signs in (a huisarts, a kring editor, an admin). E-mail is stored lower-case.
create table public.users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email) and position('@' in email) > 1),
  name text check (name is null or length(name) between 1 and 200),
  big_number text check (big_number is null or big_number ~ '^[0-9]{11}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.users enable row level security;

-- A signed-in browser: id + SHA-256 of the secret (never the secret itself).
create table public.sessions (
  id text primary key,
  user_id uuid not null references public.users (id) on delete cascade,
  secret_hash bytea not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
alter table public.sessions enable row level security;
create index sessions_user_idx on public.sessions (user_id);

-- A one-time sign-in code for one e-mail address: hashed, single use, short-lived.
create table public.login_codes (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  code_hash bytea not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
alter table public.login_codes enable row level security;
create index login_codes_email_idx on public.login_codes (email);

-- Fixed-window counters for rate limits (per e-mail address, per client).
create table public.rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
alter table public.rate_limits enable row level security;

-- A huisartsenpraktijk; the AGB code of a GP practice has 8 digits and starts with 01.
create table public.practices (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 2 and 200),
  agb_code text not null unique check (agb_code ~ '^01[0-9]{6}$'),
  gemeente_code text not null references public.gemeenten (code),
  address text check (address is null or length(address) <= 300),
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now()
);
alter table public.practices enable row level security;
create index practices_gemeente_idx on public.practices (gemeente_code);

-- Who works in which practice (a huisarts may work in more than one).
create table public.practice_members (
  practice_id uuid not null references public.practices (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (practice_id, user_id)
);
alter table public.practice_members enable row level security;
create index practice_members_user_idx on public.practice_members (user_id);

-- A user's role in a scope: admin (everything), kring editor (one kring), campaign coordinator
-- (one campaign; the campaigns table arrives with the letter).
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  role text not null check (role in ('admin', 'kring_editor', 'campaign_coordinator')),
  kring_id uuid references public.kringen (id) on delete cascade,
  campaign_id uuid,
  created_at timestamptz not null default now(),
  check (
    (role = 'admin' and kring_id is null and campaign_id is null)
    or (role = 'kring_editor' and kring_id is not null and campaign_id is null)
    or (role = 'campaign_coordinator' and campaign_id is not null and kring_id is null)
  )
);
alter table public.memberships enable row level security;
create unique index memberships_unique_idx
  on public.memberships (user_id, role, coalesce(kring_id::text, ''), coalesce(campaign_id::text, ''));

-- A political party (fractie) in one gemeente.
create table public.parties (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  name text not null check (length(name) between 1 and 200),
  abbreviation text check (abbreviation is null or length(abbreviation) <= 40),
  created_at timestamptz not null default now(),
  unique (gemeente_code, name)
);
alter table public.parties enable row level security;

-- Who changed what, when. Kept when the actor deletes their account (actor becomes null).
create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references public.users (id) on delete set null,
  action text not null,
  entity text not null,
  entity_id text,
  details jsonb not null default '{}'::jsonb
);
alter table public.audit_log enable row level security;
create index audit_log_entity_idx on public.audit_log (entity, entity_id);

-- Outgoing mail: queued here, sent by the mail worker with retries (or read at /dev/mail).
create table public.outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  reply_to text,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
alter table public.outbox enable row level security;
create index outbox_due_idx on public.outbox (status, next_attempt_at);

-- Privileges: nothing for the API roles, then the public tables readable by everyone.
-- Hosted Supabase grants the API roles rights on every new object by default; switch that off
-- so a table or function added by a later migration is closed until it is opened on purpose.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
alter default privileges revoke execute on functions from public;
revoke all on all tables in schema public from anon, authenticated;
grant select on public.gemeenten, public.kringen, public.kring_gemeenten, public.parties
  to anon, authenticated;
grant all on all tables in schema public to service_role;
grant all on all sequences in schema public to service_role;

create policy "gemeenten are public" on public.gemeenten
  for select to anon, authenticated using (true);
create policy "kringen are public" on public.kringen
  for select to anon, authenticated using (true);
create policy "kring areas are public" on public.kring_gemeenten
  for select to anon, authenticated using (true);
create policy "parties are public" on public.parties
  for select to anon, authenticated using (true);

-- Counts one hit against key in a fixed window; true while the limit is not exceeded.
create function public.consume_rate_limit(p_key text, p_limit integer, p_window_seconds integer)
returns boolean
language sql
set search_path = ''
as $$
  insert into public.rate_limits as r (key, window_start, hits)
  values (p_key, now(), 1)
  on conflict (key) do update set
    window_start = case when r.window_start <= now() - make_interval(secs => p_window_seconds)
      then now() else r.window_start end,
    hits = case when r.window_start <= now() - make_interval(secs => p_window_seconds)
      then 1 else r.hits + 1 end
  returning hits <= p_limit
$$;

-- Replaces any earlier code for the address by a new one (a new code on every request).
create function public.issue_login_code(p_email text, p_code_hash bytea, p_ttl_seconds integer)
returns void
language sql
set search_path = ''
as $$
  delete from public.login_codes where email = p_email or expires_at < now() - interval '1 day';
  insert into public.login_codes (email, code_hash, expires_at)
  values (p_email, p_code_hash, now() + make_interval(secs => p_ttl_seconds));
$$;

-- Counts one check against the address's live code and returns it for a constant-time compare.
create function public.begin_login_code_check(p_email text)
returns table (id uuid, code_hash bytea, attempts integer, expired boolean)
language sql
set search_path = ''
as $$
  update public.login_codes c set attempts = c.attempts + 1
  where c.email = p_email and c.used_at is null
  returning c.id, c.code_hash, c.attempts, c.expires_at <= now()
$$;

-- Uses a code once and returns the user for its address, creating the user on first sign-in.
create function public.redeem_login_code(p_code_id uuid)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_email text;
  v_user uuid;
begin
  update public.login_codes set used_at = now()
  where id = p_code_id and used_at is null and expires_at > now()
  returning email into v_email;
  if v_email is null then
    return null;
  end if;
  insert into public.users (email) values (v_email)
  on conflict (email) do update set updated_at = now()
  returning id into v_user;
  insert into public.audit_log (actor_id, action, entity, entity_id)
  values (v_user, 'signed_in', 'user', v_user::text);
  return v_user;
end
$$;

-- Creates a practice and makes the user a member of it, in one step.
create function public.create_practice_with_member(
  p_user_id uuid, p_name text, p_agb_code text, p_gemeente_code text, p_address text
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_practice uuid;
begin
  insert into public.practices (name, agb_code, gemeente_code, address, created_by)
  values (p_name, p_agb_code, p_gemeente_code, p_address, p_user_id)
  returning id into v_practice;
  insert into public.practice_members (practice_id, user_id) values (v_practice, p_user_id);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'practice_created', 'practice', v_practice::text,
          jsonb_build_object('agb_code', p_agb_code, 'name', p_name));
  return v_practice;
end
$$;

-- Deletes a user with their sessions, codes, memberships and practice links; audit entries stay
-- with the actor set to null. Later issues anonymise what must remain public (signatures).
create function public.delete_user_account(p_user_id uuid)
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
  delete from public.login_codes where email = v_email;
  delete from public.users where id = p_user_id;
  insert into public.audit_log (actor_id, action, entity, entity_id)
  values (null, 'account_deleted', 'user', p_user_id::text);
end
$$;

-- Claims due outbox messages for sending; a message stuck in 'sending' for 10 minutes is due again.
create function public.claim_outbox(p_limit integer)
returns setof public.outbox
language sql
set search_path = ''
as $$
  update public.outbox o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = now()
  where o.id in (
    select id from public.outbox
    where (status = 'queued' and next_attempt_at <= now())
       or (status = 'sending' and next_attempt_at <= now() - interval '10 minutes')
    order by created_at
    limit p_limit
    for update skip locked
  )
  returning o.*
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
