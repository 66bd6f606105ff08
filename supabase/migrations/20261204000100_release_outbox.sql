-- Gives back outbox messages that a stopping server claimed but never handed to the mail server:
-- due again at once, and the claim does not count as a try. (A message left in 'sending' by a
-- server that died without stopping is still due again after 10 minutes, see claim_outbox.)
create function public.release_outbox(p_ids uuid[])
returns integer
language sql
set search_path = ''
as $$
  with released as (
    update public.outbox o
    set status = 'queued', attempts = greatest(o.attempts - 1, 0), next_attempt_at = now()
    where o.id = any(p_ids) and o.status = 'sending'
    returning 1
  )
  select count(*)::integer from released
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
