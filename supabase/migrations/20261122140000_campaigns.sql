-- The joint letter: campaigns, their letter revisions, signatures and invitations, party
-- contacts, deliveries, response links and responses. All private to the server (service role)
-- except what the public campaign page reads through the server. RLS on every table.

-- A letter campaign of the huisartsen of one gemeente, for one occasion.
create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  occasion text not null check (occasion in ('verkiezingen_2026', 'coalitieakkoord', 'begroting', 'anders')),
  title text not null check (length(title) between 3 and 200),
  -- Identifies "the same occasion" for the one-active-campaign rule (free titles by their text).
  occasion_key text not null,
  themes text[] not null default '{}',
  status text not null default 'concept'
    check (status in ('concept', 'ter_ondertekening', 'verstuurd', 'afgerond')),
  -- The revision people sign: set when signing opens, fixed once sent.
  signing_revision_id uuid,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  sent_manually boolean not null default false,
  reminder_sent_at timestamptz,
  closed_at timestamptz
);
alter table public.campaigns enable row level security;
create unique index campaigns_one_active_per_occasion
  on public.campaigns (gemeente_code, occasion_key) where status <> 'afgerond';
create index campaigns_gemeente_idx on public.campaigns (gemeente_code);

alter table public.memberships
  add constraint memberships_campaign_fk
  foreign key (campaign_id) references public.campaigns (id) on delete cascade;

-- Every saved version of a campaign's letter: Markdown as written, HTML as sanitised on save.
create table public.letter_revisions (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  number integer not null,
  body_md text not null check (length(body_md) <= 50000),
  body_html text not null,
  author_id uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (campaign_id, number)
);
alter table public.letter_revisions enable row level security;

alter table public.campaigns
  add constraint campaigns_signing_revision_fk
  foreign key (signing_revision_id) references public.letter_revisions (id);

-- A huisarts's signature under a campaign's letter: one per person, pinned to the revision signed.
create table public.signatures (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  -- Null once the signer deleted their account: the signature still counts, without a name.
  user_id uuid references public.users (id) on delete set null,
  practice_id uuid references public.practices (id) on delete set null,
  revision_id uuid not null references public.letter_revisions (id),
  signer_name text check (signer_name is null or length(signer_name) between 2 and 200),
  big_number text check (big_number is null or big_number ~ '^[0-9]{11}$'),
  show_name boolean not null default false,
  verified_at timestamptz,
  verified_by uuid references public.users (id) on delete set null,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.signatures enable row level security;
create unique index signatures_one_per_person on public.signatures (campaign_id, user_id);
create index signatures_campaign_idx on public.signatures (campaign_id);

-- A personal invitation to co-sign, sent by e-mail; only a hash of its token is kept.
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  email text not null check (email = lower(email)),
  token_hash bytea not null unique,
  invited_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  unique (campaign_id, email)
);
alter table public.invitations enable row level security;

-- Where a party is reached: the fractie, the lijsttrekker, or someone else.
create table public.party_contacts (
  id uuid primary key default gen_random_uuid(),
  party_id uuid not null references public.parties (id) on delete cascade,
  email text not null check (email = lower(email) and position('@' in email) > 1),
  role text not null default 'fractie' check (role in ('fractie', 'lijsttrekker', 'anders')),
  name text check (name is null or length(name) <= 200),
  created_at timestamptz not null default now(),
  unique (party_id, email)
);
alter table public.party_contacts enable row level security;

-- The letter going to one party: how, to whom, and what became of it.
create table public.deliveries (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  party_id uuid not null references public.parties (id) on delete cascade,
  channel text not null check (channel in ('email', 'handmatig')),
  addresses text[] not null default '{}',
  outbox_id uuid references public.outbox (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (campaign_id, party_id)
);
alter table public.deliveries enable row level security;

-- A party's private answer link for one campaign: hashed token, valid a year, revocable.
create table public.response_links (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  party_id uuid not null references public.parties (id) on delete cascade,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
alter table public.response_links enable row level security;
create index response_links_campaign_party_idx on public.response_links (campaign_id, party_id);

-- A party's answer to a campaign's letter: through its link, or entered by a coordinator.
create table public.responses (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  party_id uuid not null references public.parties (id) on delete cascade,
  channel text not null check (channel in ('link', 'email', 'telefoon', 'anders')),
  responder_name text not null check (length(responder_name) between 2 and 200),
  responder_role text check (responder_role is null or length(responder_role) <= 200),
  body_md text not null check (length(body_md) <= 30000),
  body_html text not null,
  -- One entry per numbered ask: {"1": "ja", "2": "deels", ...}
  ask_answers jsonb not null default '{}'::jsonb,
  entered_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now()
);
alter table public.responses enable row level security;
create index responses_campaign_idx on public.responses (campaign_id, party_id);

revoke all on public.campaigns, public.letter_revisions, public.signatures, public.invitations,
  public.party_contacts, public.deliveries, public.response_links, public.responses
  from anon, authenticated;
grant all on public.campaigns, public.letter_revisions, public.signatures, public.invitations,
  public.party_contacts, public.deliveries, public.response_links, public.responses
  to service_role;

-- Starts a campaign with its first revision and its coordinator, in one step. Raises 23505
-- (unique_violation) when the gemeente already has an active campaign for this occasion.
create function public.start_campaign(
  p_user_id uuid, p_gemeente_code text, p_occasion text, p_title text, p_occasion_key text,
  p_themes text[], p_body_md text, p_body_html text
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_campaign uuid;
  v_revision uuid;
begin
  insert into public.campaigns (gemeente_code, occasion, title, occasion_key, themes, created_by)
  values (p_gemeente_code, p_occasion, p_title, p_occasion_key, p_themes, p_user_id)
  returning id into v_campaign;
  insert into public.letter_revisions (campaign_id, number, body_md, body_html, author_id)
  values (v_campaign, 1, p_body_md, p_body_html, p_user_id)
  returning id into v_revision;
  insert into public.memberships (user_id, role, campaign_id)
  values (p_user_id, 'campaign_coordinator', v_campaign);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'campaign_started', 'campaign', v_campaign::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'occasion', p_occasion, 'title', p_title));
  return v_campaign;
end
$$;

-- Saves a new revision while the campaign is a draft; returns its number, or null when the
-- text is frozen (signing open or sent).
create function public.save_letter_revision(
  p_campaign_id uuid, p_author_id uuid, p_body_md text, p_body_html text
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_number integer;
begin
  perform 1 from public.campaigns where id = p_campaign_id and status = 'concept' for update;
  if not found then
    return null;
  end if;
  select coalesce(max(number), 0) + 1 into v_number
  from public.letter_revisions where campaign_id = p_campaign_id;
  insert into public.letter_revisions (campaign_id, number, body_md, body_html, author_id)
  values (p_campaign_id, v_number, p_body_md, p_body_html, p_author_id);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_author_id, 'letter_revised', 'campaign', p_campaign_id::text,
          jsonb_build_object('revision', v_number));
  return v_number;
end
$$;

-- Adds a signature, or renews a withdrawn one, against the revision open for signing.
-- Returns 'signed', 'already_signed' or 'closed' (signing not open).
create function public.sign_letter(
  p_campaign_id uuid, p_user_id uuid, p_practice_id uuid, p_signer_name text,
  p_big_number text, p_show_name boolean
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_revision uuid;
  v_id uuid;
begin
  select signing_revision_id into v_revision from public.campaigns
  where id = p_campaign_id and status = 'ter_ondertekening';
  if v_revision is null then
    return 'closed';
  end if;
  insert into public.signatures (campaign_id, user_id, practice_id, revision_id, signer_name, big_number, show_name)
  values (p_campaign_id, p_user_id, p_practice_id, v_revision, p_signer_name, p_big_number, p_show_name)
  on conflict (campaign_id, user_id) do update set
    practice_id = excluded.practice_id, revision_id = excluded.revision_id,
    signer_name = excluded.signer_name, big_number = excluded.big_number,
    show_name = excluded.show_name, withdrawn_at = null, verified_at = null, verified_by = null,
    updated_at = now()
  where public.signatures.withdrawn_at is not null
  returning id into v_id;
  if v_id is null then
    return 'already_signed';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'letter_signed', 'campaign', p_campaign_id::text,
          jsonb_build_object('signature', v_id, 'show_name', p_show_name));
  return 'signed';
end
$$;

-- Sends the letter: marks the campaign sent and records each delivery with its queued e-mail,
-- all at once. p_deliveries: [{party_id, addresses[], to, subject, text, html, reply_to,
-- token_hash (hex), channel}]. Returns false when the campaign was not open for signing.
create function public.send_campaign(p_campaign_id uuid, p_actor_id uuid, p_deliveries jsonb, p_manual boolean)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  d jsonb;
  v_outbox uuid;
begin
  update public.campaigns set status = 'verstuurd', sent_at = now(), sent_manually = p_manual
  where id = p_campaign_id and status = 'ter_ondertekening';
  if not found then
    return false;
  end if;
  for d in select * from jsonb_array_elements(p_deliveries) loop
    v_outbox := null;
    if not p_manual then
      insert into public.outbox (to_address, subject, text_body, html_body, reply_to)
      values (d ->> 'to', d ->> 'subject', d ->> 'text', d ->> 'html', d ->> 'reply_to')
      returning id into v_outbox;
    end if;
    insert into public.deliveries (campaign_id, party_id, channel, addresses, outbox_id)
    values (p_campaign_id, (d ->> 'party_id')::uuid, case when p_manual then 'handmatig' else 'email' end,
            array(select jsonb_array_elements_text(coalesce(d -> 'addresses', '[]'::jsonb))), v_outbox);
    if d ? 'token_hash' then
      insert into public.response_links (campaign_id, party_id, token_hash, expires_at)
      values (p_campaign_id, (d ->> 'party_id')::uuid, decode(d ->> 'token_hash', 'hex'), now() + interval '1 year');
    end if;
  end loop;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, case when p_manual then 'letter_marked_sent' else 'letter_sent' end, 'campaign',
          p_campaign_id::text, jsonb_build_object('deliveries', jsonb_array_length(p_deliveries)));
  return true;
end
$$;

-- Moves a campaign along concept ⇄ ter_ondertekening and verstuurd → afgerond (sending has its
-- own function). Opening for signing freezes the newest revision as the one people sign.
create function public.change_campaign_status(p_campaign_id uuid, p_actor_id uuid, p_from text, p_to text)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if not ((p_from = 'concept' and p_to = 'ter_ondertekening')
       or (p_from = 'ter_ondertekening' and p_to = 'concept')
       or (p_from = 'verstuurd' and p_to = 'afgerond')) then
    raise exception 'status change % -> % is not allowed', p_from, p_to using errcode = '22023';
  end if;
  update public.campaigns set
    status = p_to,
    signing_revision_id = case when p_to = 'ter_ondertekening' then (
      select r.id from public.letter_revisions r
      where r.campaign_id = p_campaign_id order by r.number desc limit 1
    ) else signing_revision_id end,
    closed_at = case when p_to = 'afgerond' then now() else closed_at end
  where id = p_campaign_id and status = p_from;
  if not found then
    return false;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'status_changed', 'campaign', p_campaign_id::text,
          jsonb_build_object('from', p_from, 'to', p_to));
  return true;
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
