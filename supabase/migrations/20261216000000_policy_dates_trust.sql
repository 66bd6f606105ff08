-- Policy dates reach every follower of a gemeente by e-mail, so setting them asks the same trust as
-- changing the party list: kring editors, admins, and coordinators whose own signature is verified
-- (permissions.maySetPolicyDates says the same). And a date moved back and forth, or cleared and set
-- again, does not send the reminder again: the time a reminder went out is kept whatever happens to
-- the date, and a reminder counts for every date up to four weeks after it was sent. Only a real
-- postponement (a date later than that) gets a reminder of its own.
create or replace function public.may_set_policy_dates(p_user_id uuid, p_gemeente_code text)
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

-- Whether a reminder sent at p_sent_at is too old to count for a moment on p_on_date.
create function public.policy_reminder_stale(p_sent_at timestamptz, p_on_date date)
returns boolean
language sql
stable
set search_path = ''
as $$
  select (p_sent_at at time zone 'Europe/Amsterdam')::date < p_on_date - 28
$$;

create or replace function public.set_policy_moment(
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
               and a.details ->> 'kind' = p_kind and (a.details ->> 'year')::integer = p_year
));
  elsif (v_old.on_date, v_old.note) is not distinct from (p_on_date, v_note) then
    return 'unchanged';
  else
    update public.policy_moments set on_date = p_on_date, note = v_note, set_by = p_actor_id, set_at = now(),
      reminder_sent_at = reminder_sent_at
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
-- Claims the reminder of one moment (see above: not when a reminder went out for it within the four
-- weeks before its date) and queues its mails in one step. Returns false otherwise.
create or replace function public.record_policy_reminder(p_moment_id uuid, p_on_date date, p_now timestamptz, p_mails jsonb)
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

revoke all on function public.may_set_policy_dates(uuid, text) from public, anon, authenticated;
revoke all on function public.set_policy_moment(uuid, text, text, integer, date, text) from public, anon, authenticated;
revoke all on function public.record_policy_reminder(uuid, date, timestamptz, jsonb) from public, anon, authenticated;
revoke all on function public.policy_reminder_stale(timestamptz, date) from public, anon, authenticated;
grant execute on function public.may_set_policy_dates(uuid, text), public.set_policy_moment(uuid, text, text, integer, date, text),
  public.record_policy_reminder(uuid, date, timestamptz, jsonb), public.policy_reminder_stale(timestamptz, date) to service_role;
drop index if exists public.policy_moments_date_idx;
create index policy_moments_date_idx on public.policy_moments (on_date);
