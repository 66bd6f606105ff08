-- Council work for people: who may enter and import it (the database checks it too), themes on
-- agenda items and motions (suggested by Dutch full-text search, confirmed by an editor), deleting
-- and ordering hand-entered work, import jobs with their progress, and huisartsen who go to a
-- meeting (or want to speak there) with a reminder the day before.

-- Enter, import and theme council work in a gemeente: admins and editors of a kring that covers
-- it (mayEditCouncil in permissions.ts says the same).
create function public.may_edit_council(p_user_id uuid, p_gemeente_code text)
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

-- Raises 42501 unless the user may edit council work in the gemeente.
create function public.assert_may_edit_council(p_user_id uuid, p_gemeente_code text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_user_id is null or not public.may_edit_council(p_user_id, p_gemeente_code) then
    raise exception 'user may not edit council work in %', p_gemeente_code using errcode = '42501';
  end if;
end
$$;

-- Say they go to a meeting (and speak there) in a gemeente: huisartsen whose practice there is
-- confirmed (mayAttendMeeting in permissions.ts).
create function public.may_attend_meeting(p_user_id uuid, p_gemeente_code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.practice_members pm
    join public.practices p on p.id = pm.practice_id
    where pm.user_id = p_user_id and pm.confirmed_at is not null and p.gemeente_code = p_gemeente_code
  )
$$;

-- The writing functions of the first council migration did not ask who acts. Their bodies move to
-- *_unchecked (called only from here), and the names the app calls check the editor first.
alter function public.save_manual_meeting(uuid, text, jsonb, uuid) rename to council_save_meeting_unchecked;
alter function public.save_manual_agenda_item(uuid, uuid, jsonb, uuid) rename to council_save_agenda_item_unchecked;
alter function public.save_manual_motion(uuid, text, jsonb, jsonb, jsonb, uuid) rename to council_save_motion_unchecked;
alter function public.save_manual_votes(uuid, text, uuid, jsonb) rename to council_save_votes_unchecked;
alter function public.resolve_council_party_name(uuid, text, text, text, uuid) rename to council_resolve_party_name_unchecked;
alter function public.reset_council_sync(uuid, text) rename to council_reset_sync_unchecked;
alter function public.apply_council_import(uuid, text, text, uuid, jsonb) rename to council_apply_import_unchecked;

-- Adds or changes a hand-entered meeting (see council_save_meeting_unchecked), for an editor only.
create function public.save_manual_meeting(
  p_actor_id uuid, p_gemeente_code text, p_meeting jsonb, p_meeting_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  return public.council_save_meeting_unchecked(p_actor_id, p_gemeente_code, p_meeting, p_meeting_id);
end
$$;

-- Adds or changes an agenda item of a hand-entered meeting, for an editor of its gemeente only.
create function public.save_manual_agenda_item(
  p_actor_id uuid, p_meeting_id uuid, p_item jsonb, p_item_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_gemeente text;
begin
  select gemeente_code into v_gemeente from public.meetings where id = p_meeting_id;
  if v_gemeente is null then
    return jsonb_build_object('status', 'not_found');
  end if;
  perform public.assert_may_edit_council(p_actor_id, v_gemeente);
  return public.council_save_agenda_item_unchecked(p_actor_id, p_meeting_id, p_item, p_item_id);
end
$$;

-- Adds or changes a hand-entered motion with submitters and votes, for an editor only.
create function public.save_manual_motion(
  p_actor_id uuid, p_gemeente_code text, p_motion jsonb, p_submitters jsonb, p_votes jsonb, p_motion_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  return public.council_save_motion_unchecked(p_actor_id, p_gemeente_code, p_motion, p_submitters, p_votes, p_motion_id);
end
$$;

-- Sets the hand-entered votes of a motion, for an editor only.
create function public.save_manual_votes(p_actor_id uuid, p_gemeente_code text, p_motion_id uuid, p_votes jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  return public.council_save_votes_unchecked(p_actor_id, p_gemeente_code, p_motion_id, p_votes);
end
$$;

-- Maps a source's party name to a party (or to none), for an editor only.
create function public.resolve_council_party_name(
  p_actor_id uuid, p_gemeente_code text, p_name text, p_name_key text, p_party_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  return public.council_resolve_party_name_unchecked(p_actor_id, p_gemeente_code, p_name, p_name_key, p_party_id);
end
$$;

-- Starts a source over from its snapshot, for an editor of its gemeente only.
create function public.reset_council_sync(p_actor_id uuid, p_source_key text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_may_edit_council(p_actor_id, (select gemeente_code from public.council_sources where source_key = p_source_key));
  perform public.council_reset_sync_unchecked(p_actor_id, p_source_key);
end
$$;

-- Applies an import batch (see council_apply_import_unchecked). A file import (p_actor_id set)
-- is for an editor of the gemeente only; the scheduled sync passes no actor.
create function public.apply_council_import(
  p_batch_id uuid, p_gemeente_code text, p_source_key text, p_actor_id uuid default null, p_sync jsonb default null
)
returns jsonb
language plpgsql
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
begin
  if p_actor_id is not null then
    perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  end if;
  return public.council_apply_import_unchecked(p_batch_id, p_gemeente_code, p_source_key, p_actor_id, p_sync);
end
$$;

-- Removes a hand-entered meeting with its agenda. One with motions stays ('has_motions'): remove
-- or move those first. Returns 'deleted', 'has_motions', 'imported' or 'not_found'.
create function public.delete_manual_meeting(p_actor_id uuid, p_gemeente_code text, p_meeting_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_meeting public.meetings;
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  select * into v_meeting from public.meetings where id = p_meeting_id and gemeente_code = p_gemeente_code for update;
  if not found then
    return 'not_found';
  elsif v_meeting.source <> 'handmatig' then
    return 'imported';
  elsif exists (select 1 from public.motions where meeting_id = p_meeting_id) then
    return 'has_motions';
  end if;
  delete from public.meetings where id = p_meeting_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'meeting_removed', 'meeting', p_meeting_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'name', v_meeting.name, 'starts_at', v_meeting.starts_at));
  return 'deleted';
end
$$;

-- Removes an agenda item (and its sub-items) of a hand-entered meeting; motions on it stay, no
-- longer linked to the item. Returns 'deleted', 'imported' or 'not_found'.
create function public.delete_manual_agenda_item(p_actor_id uuid, p_gemeente_code text, p_item_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_item public.agenda_items;
  v_source text;
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  select i.* into v_item from public.agenda_items i
  join public.meetings m on m.id = i.meeting_id
  where i.id = p_item_id and m.gemeente_code = p_gemeente_code
  for update of i;
  if not found then
    return 'not_found';
  end if;
  select source into v_source from public.meetings where id = v_item.meeting_id;
  if v_source <> 'handmatig' then
    return 'imported';
  end if;
  delete from public.agenda_items where id = p_item_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'agenda_item_removed', 'meeting', v_item.meeting_id::text,
          jsonb_build_object('agenda_item', p_item_id, 'title', v_item.title));
  return 'deleted';
end
$$;

-- Moves an agenda item of a hand-entered meeting one place up or down among its siblings.
-- Returns 'moved', 'unchanged' (already first or last), 'imported' or 'not_found'.
create function public.move_manual_agenda_item(p_actor_id uuid, p_gemeente_code text, p_item_id uuid, p_up boolean)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_item public.agenda_items;
  v_other public.agenda_items;
  v_source text;
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  select i.* into v_item from public.agenda_items i
  join public.meetings m on m.id = i.meeting_id
  where i.id = p_item_id and m.gemeente_code = p_gemeente_code;
  if not found then
    return 'not_found';
  end if;
  select source into v_source from public.meetings where id = v_item.meeting_id for update;
  if v_source <> 'handmatig' then
    return 'imported';
  end if;
  select * into v_other from public.agenda_items s
  where s.meeting_id = v_item.meeting_id and s.parent_id is not distinct from v_item.parent_id and s.id <> v_item.id
    and case when p_up then s.position < v_item.position else s.position > v_item.position end
  order by case when p_up then -s.position else s.position end
  limit 1;
  if not found then
    return 'unchanged';
  end if;
  update public.agenda_items set position = v_other.position, updated_at = now() where id = v_item.id;
  update public.agenda_items set position = v_item.position, updated_at = now() where id = v_other.id;
  return 'moved';
end
$$;

-- Removes a hand-entered motion with its submitters, votes and themes. Returns 'deleted',
-- 'imported' or 'not_found'.
create function public.delete_manual_motion(p_actor_id uuid, p_gemeente_code text, p_motion_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_motion public.motions;
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  select * into v_motion from public.motions where id = p_motion_id and gemeente_code = p_gemeente_code for update;
  if not found then
    return 'not_found';
  elsif v_motion.source <> 'handmatig' then
    return 'imported';
  end if;
  delete from public.motions where id = p_motion_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'motion_removed', 'motion', p_motion_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'title', v_motion.title));
  return 'deleted';
end
$$;

-- The care themes an editor confirmed for an agenda item (imported or not: the import keeps
-- agenda item ids, so a confirmed theme survives the next sync).
create table public.agenda_item_themes (
  agenda_item_id uuid not null references public.agenda_items (id) on delete cascade,
  theme_key text not null references public.themes (key),
  confirmed_by uuid references public.users (id) on delete set null,
  confirmed_at timestamptz not null default now(),
  primary key (agenda_item_id, theme_key)
);
alter table public.agenda_item_themes enable row level security;
create index agenda_item_themes_theme_idx on public.agenda_item_themes (theme_key);

-- The care themes an editor confirmed for a motion.
create table public.motion_themes (
  motion_id uuid not null references public.motions (id) on delete cascade,
  theme_key text not null references public.themes (key),
  confirmed_by uuid references public.users (id) on delete set null,
  confirmed_at timestamptz not null default now(),
  primary key (motion_id, theme_key)
);
alter table public.motion_themes enable row level security;
create index motion_themes_theme_idx on public.motion_themes (theme_key);

-- Sets the themes of an agenda item (p_kind 'agenda_item') or a motion ('motion'), replacing
-- earlier ones; themes kept keep who confirmed them and when. Returns 'saved', 'not_found' or
-- 'unknown_theme'. Audited.
create function public.set_council_themes(p_actor_id uuid, p_gemeente_code text, p_kind text, p_id uuid, p_theme_keys text[])
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct k from unnest(coalesce(p_theme_keys, '{}')) k);
begin
  perform public.assert_may_edit_council(p_actor_id, p_gemeente_code);
  if exists (select 1 from unnest(v_keys) k where not exists (select 1 from public.themes t where t.key = k)) then
    return 'unknown_theme';
  end if;
  if p_kind = 'agenda_item' then
    perform 1 from public.agenda_items i join public.meetings m on m.id = i.meeting_id
    where i.id = p_id and m.gemeente_code = p_gemeente_code;
    if not found then
      return 'not_found';
    end if;
    delete from public.agenda_item_themes where agenda_item_id = p_id and theme_key <> all (v_keys);
    insert into public.agenda_item_themes (agenda_item_id, theme_key, confirmed_by)
    select p_id, k, p_actor_id from unnest(v_keys) k
    on conflict (agenda_item_id, theme_key) do nothing;
  elsif p_kind = 'motion' then
    perform 1 from public.motions where id = p_id and gemeente_code = p_gemeente_code;
    if not found then
      return 'not_found';
    end if;
    delete from public.motion_themes where motion_id = p_id and theme_key <> all (v_keys);
    insert into public.motion_themes (motion_id, theme_key, confirmed_by)
    select p_id, k, p_actor_id from unnest(v_keys) k
    on conflict (motion_id, theme_key) do nothing;
  else
    raise exception 'unknown kind %', p_kind using errcode = '22023';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'council_themes_set', p_kind, p_id::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'themes', to_jsonb(v_keys)));
  return 'saved';
end
$$;

-- Theme suggestions for pieces of council text ([{id, text}]): each active theme whose search
-- words occur in the text, by the same Dutch full-text search as the passage finder (each word
-- or phrase an alternative, ranked by cover density). A person confirms; nothing is stored here.
create function public.suggest_council_themes(p_texts jsonb)
returns table (id text, theme_key text, rank real)
language sql
stable
set search_path = ''
as $$
  with queries as (
    select t.key, t.position, string_agg('(' || q::text || ')', ' | ')::tsquery as query
    from public.themes t
    cross join lateral unnest(t.search_words) w
    cross join lateral phraseto_tsquery('dutch'::regconfig, w) q
    where t.retired_at is null and numnode(q) > 0
    group by t.key, t.position
  ),
  texts as (
    select x ->> 'id' as id, to_tsvector('dutch'::regconfig, coalesce(x ->> 'text', '')) as doc
    from jsonb_array_elements(coalesce(p_texts, '[]'::jsonb)) x
  )
  select texts.id, queries.key, ts_rank_cd(texts.doc, queries.query, 1)
  from texts join queries on texts.doc @@ queries.query
  order by texts.id, ts_rank_cd(texts.doc, queries.query, 1) desc, queries.position
$$;

-- An import an editor started (a file, or "sync now"), with its progress while it runs, so the
-- page can show how far it got (reloading without JavaScript) and what came of it.
create table public.council_import_jobs (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code),
  kind text not null check (kind in ('bestand', 'synchronisatie')),
  file_name text check (file_name is null or length(file_name) <= 300),
  status text not null default 'bezig' check (status in ('bezig', 'klaar', 'mislukt')),
  records integer not null default 0 check (records >= 0),
  pages integer not null default 0 check (pages >= 0),
  counts jsonb not null default '{}'::jsonb,
  errors text[] not null default '{}',
  started_by uuid references public.users (id) on delete set null,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
alter table public.council_import_jobs enable row level security;
create index council_import_jobs_gemeente_idx on public.council_import_jobs (gemeente_code, started_at desc);

-- A huisarts who will go to a meeting, and (speaks_on) wants to use the inspreekrecht on one of
-- its agenda items. name_public: the name may be shown on the public page; without it only the
-- count is. reminded_at: the reminder the day before went out (once).
create table public.meeting_attendance (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  speaks_on uuid references public.agenda_items (id) on delete set null,
  name_public boolean not null default false,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, user_id)
);
alter table public.meeting_attendance enable row level security;
create index meeting_attendance_user_idx on public.meeting_attendance (user_id);

-- A huisarts says they go to a meeting (or changes that: speaking on an item, name public).
-- Returns 'saved', 'not_found', 'not_allowed' (no confirmed practice in the gemeente), 'past'
-- (begun, or cancelled) or 'invalid_item' (the item is not on this meeting).
create function public.set_meeting_attendance(
  p_user_id uuid, p_meeting_id uuid, p_name_public boolean, p_speaks_on uuid default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_meeting public.meetings;
begin
  select * into v_meeting from public.meetings where id = p_meeting_id;
  if not found then
    return 'not_found';
  elsif not public.may_attend_meeting(p_user_id, v_meeting.gemeente_code) then
    return 'not_allowed';
  elsif v_meeting.starts_at <= now() or v_meeting.status = 'geannuleerd' then
    return 'past';
  end if;
  if p_speaks_on is not null then
    perform 1 from public.agenda_items where id = p_speaks_on and meeting_id = p_meeting_id;
    if not found then
      return 'invalid_item';
    end if;
  end if;
  insert into public.meeting_attendance (meeting_id, user_id, speaks_on, name_public)
  values (p_meeting_id, p_user_id, p_speaks_on, coalesce(p_name_public, false))
  on conflict (meeting_id, user_id) do update
    set speaks_on = excluded.speaks_on, name_public = excluded.name_public, updated_at = now();
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'meeting_attendance_set', 'meeting', p_meeting_id::text,
          jsonb_build_object('speaks_on', p_speaks_on, 'name_public', coalesce(p_name_public, false)));
  return 'saved';
end
$$;

-- A huisarts no longer goes. Returns 'withdrawn' or 'not_found'.
create function public.withdraw_meeting_attendance(p_user_id uuid, p_meeting_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
begin
  delete from public.meeting_attendance where meeting_id = p_meeting_id and user_id = p_user_id;
  if not found then
    return 'not_found';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id)
  values (p_user_id, 'meeting_attendance_withdrawn', 'meeting', p_meeting_id::text);
  return 'withdrawn';
end
$$;

-- Queues the reminders the day before, each at most once: p_items [{meeting_id, user_id, mail:
-- {to, subject, text, html}}]. A reminder already sent, a withdrawn attendance or a meeting that
-- began is skipped. Returns how many went into the outbox.
create function public.record_meeting_reminders(p_items jsonb)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  i jsonb;
  v_count integer := 0;
begin
  for i in select * from jsonb_array_elements(coalesce(p_items, '[]'::jsonb)) loop
    update public.meeting_attendance a set reminded_at = now()
    where a.meeting_id = (i ->> 'meeting_id')::uuid and a.user_id = (i ->> 'user_id')::uuid and a.reminded_at is null
      and exists (select 1 from public.meetings m where m.id = a.meeting_id and m.starts_at > now());
    if found then
      insert into public.outbox (to_address, subject, text_body, html_body)
      values (i -> 'mail' ->> 'to', i -> 'mail' ->> 'subject', i -> 'mail' ->> 'text', i -> 'mail' ->> 'html');
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

revoke all on public.agenda_item_themes, public.motion_themes, public.council_import_jobs, public.meeting_attendance
  from anon, authenticated;
grant all on public.agenda_item_themes, public.motion_themes, public.council_import_jobs, public.meeting_attendance
  to service_role;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
