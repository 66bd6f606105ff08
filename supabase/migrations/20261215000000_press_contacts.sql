-- The public page as a journalist reads it: a press contact per letter (one of its coordinators,
-- public only with that person's consent), and one list of the letters under way and sent, for
-- the home page and /brieven. Both are read by public pages, so writes bump the public version.

-- Who the press may contact about a letter: one of its coordinators, chosen by a coordinator.
-- The name, e-mail and phone are written by that person when they consent; until then
-- (consented_at null) nothing of this row is public.
create table public.press_contacts (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  name text check (name is null or length(name) between 2 and 200),
  email text check (email is null or (length(email) <= 254 and position('@' in email) > 1)),
  phone text check (phone is null or length(phone) between 6 and 40),
  chosen_by uuid references public.users (id) on delete set null,
  chosen_at timestamptz not null default now(),
  consented_at timestamptz,
  check (consented_at is null or (name is not null and email is not null))
);
alter table public.press_contacts enable row level security;
-- One per letter. An index rather than a constraint: PostgREST then embeds the contact as a list
-- (of at most one), which is what the generated types say.
create unique index press_contacts_campaign_idx on public.press_contacts (campaign_id);
create index press_contacts_user_idx on public.press_contacts (user_id);
create index press_contacts_chosen_by_idx on public.press_contacts (chosen_by);
revoke all on public.press_contacts from anon, authenticated;
grant select, insert, update, delete on public.press_contacts to service_role;

create trigger public_page after insert or update or delete on public.press_contacts
  for each row execute function public.touch_public_page('campaign_id');

-- Whether a user coordinates a campaign (a coordinator membership).
create function public.is_campaign_coordinator(p_campaign_id uuid, p_user_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.campaign_id = p_campaign_id and m.user_id = p_user_id and m.role = 'campaign_coordinator'
  )
$$;

-- A coordinator (or an admin) asks a fellow coordinator to be the press contact: the row waits
-- for that person's consent (nothing public yet), the chosen one gets p_mail, and the history
-- names who asked. Returns 'chosen', 'forbidden' (the actor may not coordinate) or
-- 'not_coordinator' (the chosen one is no coordinator of this letter).
create function public.choose_press_contact(p_campaign_id uuid, p_actor_id uuid, p_user_id uuid, p_mail jsonb default null)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_email text;
begin
  if not (
    public.is_campaign_coordinator(p_campaign_id, p_actor_id)
    or exists (select 1 from public.memberships m where m.user_id = p_actor_id and m.role = 'admin')
  ) then
    return 'forbidden';
  end if;
  if not public.is_campaign_coordinator(p_campaign_id, p_user_id) then
    return 'not_coordinator';
  end if;
  select u.email into v_email from public.users u where u.id = p_user_id;
  insert into public.press_contacts (campaign_id, user_id, chosen_by, chosen_at)
  values (p_campaign_id, p_user_id, p_actor_id, now())
  on conflict (campaign_id) do update
    set user_id = excluded.user_id, name = null, email = null, phone = null,
        chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at, consented_at = null;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'press_contact_chosen', 'campaign', p_campaign_id::text,
          jsonb_build_object('user_id', p_user_id, 'email', v_email));
  if p_mail is not null and p_actor_id <> p_user_id then
    insert into public.outbox (to_address, subject, text_body)
    values (v_email, p_mail ->> 'subject', p_mail ->> 'text');
  end if;
  return 'chosen';
end
$$;

-- A coordinator agrees to be the press contact, with the name, e-mail and phone (may be null)
-- the public page then shows. A coordinator may always step forward: the row becomes theirs,
-- also when a colleague was asked or was the contact before. Returns 'consented' or
-- 'not_coordinator'.
create function public.consent_press_contact(
  p_campaign_id uuid, p_user_id uuid, p_name text, p_email text, p_phone text default null
)
returns text
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_campaign_coordinator(p_campaign_id, p_user_id) then
    return 'not_coordinator';
  end if;
  insert into public.press_contacts (campaign_id, user_id, name, email, phone, chosen_by, chosen_at, consented_at)
  values (p_campaign_id, p_user_id, p_name, p_email, p_phone, p_user_id, now(), now())
  on conflict (campaign_id) do update
    set name = excluded.name, email = excluded.email, phone = excluded.phone,
        consented_at = excluded.consented_at,
        -- Who asked stays recorded when the one asked agrees; stepping forward oneself is one's own choice.
        chosen_by = case when public.press_contacts.user_id = excluded.user_id then public.press_contacts.chosen_by else excluded.chosen_by end,
        chosen_at = case when public.press_contacts.user_id = excluded.user_id then public.press_contacts.chosen_at else excluded.chosen_at end,
        user_id = excluded.user_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'press_contact_consented', 'campaign', p_campaign_id::text,
          jsonb_build_object('name', p_name, 'phone_shown', p_phone is not null));
  return 'consented';
end
$$;

-- Takes the press contact off the letter (a coordinator, an admin, or the contact withdrawing
-- consent). Returns 'removed', 'none' (there was none) or 'forbidden'.
create function public.remove_press_contact(p_campaign_id uuid, p_actor_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_user uuid;
begin
  if not (
    public.is_campaign_coordinator(p_campaign_id, p_actor_id)
    or exists (select 1 from public.memberships m where m.user_id = p_actor_id and m.role = 'admin')
  ) then
    return 'forbidden';
  end if;
  delete from public.press_contacts where campaign_id = p_campaign_id returning user_id into v_user;
  if v_user is null then
    return 'none';
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'press_contact_removed', 'campaign', p_campaign_id::text, jsonb_build_object('user_id', v_user));
  return 'removed';
end
$$;

-- The letters the public may see, newest first (sent ones by their send date, the others by when
-- they began): being signed or sent (a draft only once someone signed it), with the gemeente,
-- status and counts. { total, gemeenten, letters: [...] }: how many letters in how many
-- gemeenten, and at most p_limit of them (null: all). One call.
create function public.public_letter_index(p_limit integer default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with counted as (
    select
      c.id, c.title, c.status, c.created_at, c.sent_at,
      c.gemeente_code, g.name as gemeente_name, g.slug as gemeente_slug,
      (select count(*) from public.signatures s where s.campaign_id = c.id and s.withdrawn_at is null) as signers,
      (select count(distinct s.practice_id) from public.signatures s
        where s.campaign_id = c.id and s.withdrawn_at is null and s.practice_id is not null) as practices_signed,
      (select count(*) from public.practices p where p.gemeente_code = c.gemeente_code) as practices_total,
      (select count(*) from public.deliveries d where d.campaign_id = c.id) as parties,
      (select count(distinct r.party_id) from public.responses r
        join public.deliveries d on d.campaign_id = r.campaign_id and d.party_id = r.party_id
        where r.campaign_id = c.id and r.disowned_at is null) as answered
    from public.campaigns c
    join public.gemeenten g on g.code = c.gemeente_code
  ),
  visible as (
    select * from counted
    where status in ('ter_ondertekening', 'verstuurd', 'afgerond') or signers > 0
  ),
  shown as (
    select * from visible
    order by coalesce(sent_at, created_at) desc, id
    limit p_limit
  )
  select jsonb_build_object(
    'total', (select count(*) from visible),
    'gemeenten', (select count(distinct gemeente_code) from visible),
    'letters', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', id, 'title', title, 'status', status, 'created_at', created_at, 'sent_at', sent_at,
        'gemeente_code', gemeente_code, 'gemeente_name', gemeente_name, 'gemeente_slug', gemeente_slug,
        'signers', signers, 'practices_signed', practices_signed, 'practices_total', practices_total,
        'parties', parties, 'answered', answered
      ) order by coalesce(sent_at, created_at) desc, id)
      from shown
    ), '[]'::jsonb)
  )
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
