-- Whether the mail worker has anything to send, asked without claiming it. The worker looks every
-- few seconds, and that look used to be claim_outbox: an update, which the app counts as a write.
-- After every idle look each public page then waited for the public data's versions to be read
-- again (a round trip to the database; with a hosted Supabase a noticeable one). This asks the
-- same question with a read (a GET to PostgREST). "Due" is claim_outbox's condition: queued and
-- due, or still sending after 10 minutes (the batch of a server that stopped without releasing it).
create function public.outbox_has_work()
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.outbox
    where (status = 'queued' and next_attempt_at <= now())
       or (status = 'sending' and next_attempt_at <= now() - interval '10 minutes')
  )
$$;

revoke all on function public.outbox_has_work() from public, anon, authenticated;
grant execute on function public.outbox_has_work() to service_role;
