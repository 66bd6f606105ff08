-- A remark marked "verwerkt" or "niet overgenomen" by mistake can be opened again by the same
-- people who may resolve it (the letter's coordinators and admins), while the letter is still a
-- concept: after that the text is frozen and an open remark could not be worked in any more. The
-- audit log keeps both steps. Returns 'reopened', 'not_found', 'not_allowed', 'closed' (no longer
-- a concept) or 'already' (the remark is open).
create function public.reopen_draft_comment(p_campaign_id uuid, p_comment_id uuid, p_actor_id uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_status text;
  v_id uuid;
  v_resolved timestamptz;
  v_resolution text;
  v_quote text;
begin
  if not public.may_resolve_draft_comments(p_actor_id, p_campaign_id) then
    return 'not_allowed';
  end if;
  -- Locks the letter: opening it for signing waits for this step, or this step sees it closed.
  select status into v_status from public.campaigns where id = p_campaign_id for update;
  select id, resolved_at, resolution, quote into v_id, v_resolved, v_resolution, v_quote
  from public.draft_comments where id = p_comment_id and campaign_id = p_campaign_id
  for update;
  if v_id is null then
    return 'not_found';
  end if;
  if v_status <> 'concept' then
    return 'closed';
  end if;
  if v_resolved is null then
    return 'already';
  end if;
  update public.draft_comments set
    resolved_at = null, resolved_by = null, resolution = null, resolution_note = null
  where id = v_id;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'draft_comment_reopened', 'campaign', p_campaign_id::text,
          jsonb_build_object('comment', v_id, 'was', v_resolution, 'quote', left(v_quote, 80)));
  return 'reopened';
end
$$;

revoke all on function public.reopen_draft_comment(uuid, uuid, uuid) from public, anon, authenticated;
grant execute on function public.reopen_draft_comment(uuid, uuid, uuid) to service_role;
