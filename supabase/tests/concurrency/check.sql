-- After the pgbench runs: exactly one live signature and one audit entry per huisarts.
\set ON_ERROR_STOP on
\o /dev/null
set client_min_messages = notice;
do $$
declare
  v_expect record;
  v_signatures integer;
  v_audit integer;
begin
  for v_expect in select * from (values ('Tweehonderd tegelijk', 200), ('Vijftig keer tien', 50)) e(title, signers) loop
    select count(*) into v_signatures
    from public.signatures s join public.campaigns c on c.id = s.campaign_id
    where c.title = v_expect.title and s.withdrawn_at is null;
    select count(*) into v_audit
    from public.audit_log a join public.campaigns c on a.entity_id = c.id::text
    where c.title = v_expect.title and a.action = 'letter_signed';
    if v_signatures <> v_expect.signers or v_audit <> v_expect.signers then
      raise exception 'FAIL: "%": % signatures and % audit entries, expected %',
        v_expect.title, v_signatures, v_audit, v_expect.signers;
    end if;
    raise notice 'ok: concurrency: "%" has % signatures and % audit entries', v_expect.title, v_signatures, v_audit;
  end loop;
end
$$;
