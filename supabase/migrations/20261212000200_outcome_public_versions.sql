-- The outcomes' public pages (the timeline and its chains, "gezegd en gedaan", the policy cycle,
-- the commitments on /g/[gemeente], the Atom feeds) come from the public cache (public-cache.ts):
-- every write to a table they read gives the gemeente's public data a new version, whatever code
-- made the write. The letter's, the positions' and the council's tables have their triggers
-- already (the council's in 20261210000200); here the outcomes' own tables, per row: they are
-- written a row at a time.

-- The gemeenten a key of an outcome row belongs to (a commitment id), or the gemeente code itself.
create function public.outcome_public_page_gemeenten(p_kind text, p_key text)
returns setof text
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_key is null then
    return;
  end if;
  case p_kind
    when 'gemeente_code' then return next p_key;
    when 'commitment_id' then
      return query select c.gemeente_code from public.commitments c where c.id = p_key::uuid;
    else
      raise exception 'outcome_touch_public_page: unknown kind %', p_kind;
  end case;
end
$$;

-- Row trigger: bumps the version of every gemeente the old and the new row belong to; argument:
-- the column that leads to the gemeente (as touch_public_page, for the keys above). A row whose
-- parent is already gone (a cascade) is covered by the parent's own bump.
create function public.outcome_touch_public_page()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_column text := tg_argv[0];
  v_code text;
begin
  for v_code in
    select distinct touched.code from (
      select public.outcome_public_page_gemeenten(v_column, to_jsonb(old) ->> v_column) as code where tg_op <> 'INSERT'
      union all
      select public.outcome_public_page_gemeenten(v_column, to_jsonb(new) ->> v_column) where tg_op <> 'DELETE'
    ) touched
    where touched.code is not null
    order by touched.code
  loop
    if exists (select 1 from public.gemeenten g where g.code = v_code) then
      perform public.bump_public_page(v_code);
    end if;
  end loop;
  return null;
end
$$;

create trigger public_page after insert or update or delete on public.commitments
  for each row execute function public.outcome_touch_public_page('gemeente_code');
create trigger public_page after insert or update or delete on public.commitment_updates
  for each row execute function public.outcome_touch_public_page('commitment_id');
create trigger public_page after insert or update or delete on public.commitment_reactions
  for each row execute function public.outcome_touch_public_page('commitment_id');
create trigger public_page after insert or update or delete on public.policy_moments
  for each row execute function public.outcome_touch_public_page('gemeente_code');

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
