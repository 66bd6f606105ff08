-- Colleagues read a draft letter and leave remarks on it before it is frozen: on one block of the
-- text (a paragraph, a heading or one numbered item, found again in later versions by its quote)
-- or on the letter as a whole. The coordinators mark each remark as worked in or not taken over.
-- Who may comment and who may resolve is checked here as in the app (auth/permissions.ts).

-- A remark on a draft letter, on the revision that was read. The anchor names a block of that
-- revision ('3' is the third block, '5-2' the second item of the numbered list in block 5); the
-- quote is the start of that block's text, so the remark keeps its context when the text changes.
-- Without anchor and quote it is about the letter as a whole.
create table public.draft_comments (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  revision_id uuid not null references public.letter_revisions (id) on delete cascade,
  anchor text check (anchor is null or anchor ~ '^[0-9]{1,4}(-[0-9]{1,4})?$'),
  block_kind text check (block_kind is null or block_kind in ('paragraph', 'heading', 'ask', 'item', 'other')),
  quote text check (quote is null or length(quote) between 1 and 300),
  body text not null check (length(btrim(body)) between 1 and 2000),
  -- Null once the author deleted their account: the remark stays, without a name.
  author_id uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references public.users (id) on delete set null,
  resolution text check (resolution is null or resolution in ('verwerkt', 'niet_overgenomen')),
  resolution_note text check (resolution_note is null or length(resolution_note) between 1 and 500),
  check ((anchor is null) = (quote is null) and (anchor is null) = (block_kind is null)),
  check ((resolved_at is null) = (resolution is null)),
  check (resolution_note is null or resolution is not null)
);
alter table public.draft_comments enable row level security;
create index draft_comments_campaign_idx on public.draft_comments (campaign_id, created_at);
create index draft_comments_author_idx on public.draft_comments (author_id);

-- When the newest mail to a letter's coordinators about new remarks is (or was) due: at most one
-- per hour per letter; a remark made within the hour after one is announced by the next, an hour
-- later. (Apart from campaigns, so that it does not touch the letter's public page.)
create table public.draft_comment_notices (
  campaign_id uuid primary key references public.campaigns (id) on delete cascade,
  due_at timestamptz not null
);
alter table public.draft_comment_notices enable row level security;

revoke all on public.draft_comments, public.draft_comment_notices from anon, authenticated;
grant all on public.draft_comments, public.draft_comment_notices to service_role;

-- Who may read a draft and comment on it: only while it is a concept, its coordinators, admins,
-- huisartsen with a confirmed practice in its gemeente and editors of a kring covering it.
create function public.may_comment_on_draft(p_user_id uuid, p_campaign_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.campaigns c
    where c.id = p_campaign_id and c.status = 'concept' and (
      exists (
        select 1 from public.memberships m
        where m.user_id = p_user_id
          and (m.role = 'admin' or (m.role = 'campaign_coordinator' and m.campaign_id = c.id))
      )
      or exists (
        select 1 from public.practice_members pm
        join public.practices p on p.id = pm.practice_id
        where pm.user_id = p_user_id and pm.confirmed_at is not null and p.gemeente_code = c.gemeente_code
      )
      or exists (
        select 1 from public.memberships m
        join public.kring_gemeenten kg on kg.kring_id = m.kring_id
        where m.user_id = p_user_id and m.role = 'kring_editor' and kg.gemeente_code = c.gemeente_code
      )
    )
  )
$$;

-- Who may mark remarks as worked in or not taken over: the letter's coordinators and admins.
create function public.may_resolve_draft_comments(p_user_id uuid, p_campaign_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = p_user_id
      and (m.role = 'admin' or (m.role = 'campaign_coordinator' and m.campaign_id = p_campaign_id))
  )
$$;

-- Adds one remark, its audit entry and (at most once per hour per letter) the mail p_notice
-- {subject, text} to the coordinators other than the author, in one step. Returns 'added',
-- 'not_found' (no such letter), 'closed' (no longer a concept), 'not_allowed' or
-- 'unknown_revision' (the revision is not this letter's).
create function public.add_draft_comment(
  p_campaign_id uuid, p_author_id uuid, p_revision_id uuid, p_body text, p_notice jsonb,
  p_anchor text default null, p_block_kind text default null, p_quote text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_status text;
  v_notice_at timestamptz;
  v_number integer;
  v_id uuid;
  v_due timestamptz;
begin
  -- Locks the letter: opening it for signing waits for this remark, or this remark sees it closed.
  select status into v_status from public.campaigns where id = p_campaign_id for update;
  if v_status is null then
    return 'not_found';
  end if;
  if v_status <> 'concept' then
    return 'closed';
  end if;
  if not public.may_comment_on_draft(p_author_id, p_campaign_id) then
    return 'not_allowed';
  end if;
  select number into v_number from public.letter_revisions
  where id = p_revision_id and campaign_id = p_campaign_id;
  if v_number is null then
    return 'unknown_revision';
  end if;

  insert into public.draft_comments (campaign_id, revision_id, anchor, block_kind, quote, body, author_id)
  values (p_campaign_id, p_revision_id, p_anchor, p_block_kind, p_quote, btrim(p_body), p_author_id)
  returning id into v_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_author_id, 'draft_comment_added', 'campaign', p_campaign_id::text,
          jsonb_build_object('comment', v_id, 'revision', v_number, 'anchor', p_anchor,
                             'kind', p_block_kind, 'quote', left(p_quote, 80)));

  select due_at into v_notice_at from public.draft_comment_notices where campaign_id = p_campaign_id;
  -- Now when no mail went out in the past hour; else an hour after the last one, unless that one
  -- is still to come (it then announces this remark too).
  v_due := case
    when v_notice_at is null or v_notice_at <= now() - interval '1 hour' then now()
    when v_notice_at <= now() then v_notice_at + interval '1 hour'
    else null
  end;
  if v_due is not null and p_notice is not null then
    insert into public.outbox (to_address, subject, text_body, next_attempt_at)
    select u.email, p_notice ->> 'subject', p_notice ->> 'text', v_due
    from public.memberships m
    join public.users u on u.id = m.user_id
    where m.role = 'campaign_coordinator' and m.campaign_id = p_campaign_id and m.user_id <> p_author_id;
    if found then
      insert into public.draft_comment_notices (campaign_id, due_at) values (p_campaign_id, v_due)
      on conflict (campaign_id) do update set due_at = excluded.due_at;
    end if;
  end if;
  return 'added';
end
$$;

-- Marks one remark of this letter as 'verwerkt' or 'niet_overgenomen', with an optional short
-- note, and records it. Returns 'resolved', 'not_found', 'not_allowed' or 'already' (someone
-- resolved it first). Possible in every status: the remarks stay the coordinators' to tidy up.
create function public.resolve_draft_comment(
  p_campaign_id uuid, p_comment_id uuid, p_actor_id uuid, p_resolution text, p_note text default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
  v_resolved timestamptz;
  v_quote text;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
begin
  if not public.may_resolve_draft_comments(p_actor_id, p_campaign_id) then
    return 'not_allowed';
  end if;
  select id, resolved_at, quote into v_id, v_resolved, v_quote
  from public.draft_comments where id = p_comment_id and campaign_id = p_campaign_id
  for update;
  if v_id is null then
    return 'not_found';
  end if;
  if v_resolved is not null then
    return 'already';
  end if;
  update public.draft_comments set
    resolved_at = now(), resolved_by = p_actor_id, resolution = p_resolution, resolution_note = v_note
  where id = v_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'draft_comment_resolved', 'campaign', p_campaign_id::text,
          jsonb_build_object('comment', v_id, 'resolution', p_resolution, 'note', v_note, 'quote', left(v_quote, 80)));
  return 'resolved';
end
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
