-- Themes and asks become rows. The care themes were a list in TypeScript; a letter's numbered
-- asks were re-read from its Markdown on every request, and answers pointed at them by list
-- position ({"1": "ja"}) without any check. Now: `themes` (seeded from DOMAIN.md), the themes a
-- letter is about (`campaign_themes`), the asks fixed when a letter opens for signing
-- (`letter_asks`), and one row per answered ask (`response_answers`) that references the ask by
-- id with a check on the allowed values. Existing letters and answers are migrated.

-- A care theme: what a letter paragraph, a party position or a council motion is about. Keys are
-- stable; admins rename (label) and retire themes without losing what refers to them.
create table public.themes (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text not null unique check (length(label) between 2 and 120),
  -- What good local policy on this theme looks like, in plain Dutch (shown to editors).
  description text not null check (length(description) between 10 and 2000),
  -- Dutch words that find passages about the theme (full-text search, positions and council).
  search_words text[] not null default '{}',
  -- The starter letter's paragraph ("what we see") and numbered ask for this theme.
  letter_paragraph text check (letter_paragraph is null or length(letter_paragraph) <= 2000),
  letter_ask text check (letter_ask is null or length(letter_ask) <= 1000),
  position integer not null default 0,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.themes enable row level security;

insert into public.themes (key, position, label, description, search_words, letter_paragraph, letter_ask) values
  ('wmo', 10, 'Wmo-voorzieningen en hulpmiddelen',
   'De gemeente beslist snel over hulpmiddelen, huishoudelijke hulp en woningaanpassingen, houdt de wachttijd bij en geeft huisartsen één vast aanspreekpunt bij het Wmo-loket.',
   array['wmo', 'maatschappelijke ondersteuning', 'hulpmiddel', 'rolstoel', 'traplift', 'huishoudelijke hulp', 'woningaanpassing', 'wmo-loket', 'keukentafelgesprek', 'scootmobiel'],
   'Patiënten wachten weken op een rolstoel, een traplift of hulp in huis. Intussen komen ze bij ons terug, vallen ze of worden ze onnodig opgenomen.',
   'Beslis binnen vier weken over een Wmo-aanvraag en geef huisartsen één vast aanspreekpunt bij het Wmo-loket.'),
  ('jeugdzorg', 20, 'Jeugdzorg',
   'Jeugdhulp start snel na een verwijzing, wachtlijsten zijn openbaar en kort, en de verwijzende huisarts hoort wat er met de verwijzing gebeurt. Een praktijkondersteuner jeugd is structureel gefinancierd.',
   array['jeugdzorg', 'jeugdhulp', 'jeugd', 'kinderen', 'gezin', 'jongeren', 'wachtlijst', 'praktijkondersteuner jeugd', 'poh jeugd', 'jeugdwet', 'wijkteam'],
   'Kinderen en gezinnen staan maanden op een wachtlijst voor jeugdhulp. Wij verwijzen, maar kunnen niet zien of en wanneer er hulp komt.',
   'Zorg dat jeugdhulp binnen zes weken start en dat de verwijzende huisarts hoort wat er met de verwijzing gebeurt.'),
  ('ouderenzorg', 30, 'Ouderenzorg',
   'Ouderen kunnen veilig thuis wonen doordat wijkteams, thuiszorg en huisartsen vaste afspraken hebben over wie wat doet, met aandacht voor eenzaamheid, valpreventie en dementie.',
   array['ouderen', 'ouderenzorg', 'senioren', 'thuiszorg', 'dementie', 'valpreventie', 'eenzaamheid', 'langer thuis', 'mantelzorg', 'wijkverpleging'],
   'Steeds meer ouderen wonen thuis met complexe zorgvragen. Zonder goede afspraken met wijkteams en thuiszorg komt dat bij de huisarts terecht.',
   'Investeer in wijkteams voor ouderen en maak met de huisartsen afspraken over wie wat doet.'),
  ('respijtzorg', 40, 'Respijtzorg en mantelzorg',
   'Mantelzorgers vinden makkelijk respijtzorg en ondersteuning, er is een mantelzorgconsulent die huisartsen direct kunnen inschakelen, en overbelasting wordt vroeg gezien.',
   array['mantelzorg', 'mantelzorger', 'respijtzorg', 'dagbesteding', 'logeeropvang', 'overbelasting', 'mantelzorgconsulent', 'mantelzorgwaardering'],
   'Mantelzorgers raken overbelast en worden zelf patiënt. Respijtzorg is er te weinig en is moeilijk te vinden.',
   'Zorg voor voldoende en makkelijk vindbare respijtzorg, en een mantelzorgconsulent die huisartsen direct kunnen inschakelen.'),
  ('preventie', 50, 'GGD, preventie en welzijn op recept',
   'Preventie en welzijn op recept zijn structureel gefinancierd, niet per project; de GGD werkt samen met de huisartsen aan gezondheid in de wijk, schulden en eenzaamheid.',
   array['preventie', 'ggd', 'welzijn op recept', 'gezondheid', 'leefstijl', 'roken', 'overgewicht', 'schulden', 'eenzaamheid', 'sport', 'gezondheidsachterstanden', 'welzijnswerk'],
   'Veel klachten hebben een oorzaak buiten de spreekkamer: eenzaamheid, schulden, slechte huisvesting. Welzijn op recept helpt, maar is afhankelijk van losse subsidies.',
   'Financier welzijn op recept en preventie structureel, niet per project.'),
  ('ggz', 60, 'Ggz en wachtlijsten',
   'Mensen op een ggz-wachtlijst krijgen laagdrempelige steun in de wijk; gemeente, ggz en huisartsen overleggen geregeld en er is een plek voor mensen met verward gedrag.',
   array['ggz', 'geestelijke gezondheidszorg', 'psychische', 'wachtlijst', 'verward gedrag', 'depressie', 'psychiatrie', 'mentale gezondheid', 'crisisopvang', 'beschermd wonen'],
   'Wie psychische hulp nodig heeft, wacht lang. Tot die tijd vangen wij patiënten op zonder passend aanbod achter ons.',
   'Zorg voor laagdrempelige steun voor mensen op de wachtlijst en voor één overleg per jaar tussen gemeente, ggz en huisartsen.'),
  ('huisvesting', 70, 'Huisvesting van huisartsenpraktijken',
   'Elk nieuw bouwplan reserveert ruimte voor huisartsenzorg, en de gemeente helpt praktijken aan betaalbare, passende huisvesting (bestemmingsplan, grond, huur).',
   array['huisvesting', 'praktijkruimte', 'huisartsenpraktijk', 'gezondheidscentrum', 'nieuwbouw', 'woningbouw', 'bouwplan', 'bestemmingsplan', 'omgevingsplan', 'maatschappelijk vastgoed', 'huur'],
   'Nieuwe wijken worden gebouwd zonder ruimte voor een huisartsenpraktijk. Betaalbare praktijkruimte is in onze gemeente nauwelijks te vinden.',
   'Reserveer ruimte voor huisartsenzorg in elk nieuw bouwplan en help praktijken aan betaalbare huisvesting.'),
  ('woonzorg', 80, 'Woonzorgvoorzieningen',
   'Een woonzorgvoorziening krijgt pas een vergunning als de medische zorg met de huisartsen is afgesproken; de gemeente stuurt op spreiding van zorgintensieve woonvormen.',
   array['woonzorg', 'woonzorgvoorziening', 'zorgwoning', 'wooncomplex', 'kleinschalig wonen', 'beschermd wonen', 'zorgvastgoed', 'vergunning', 'woonvorm'],
   'Er komen woonvormen voor mensen met een zorgvraag zonder dat de zorg geregeld is. De huisarts hoort het pas als de bewoners er wonen.',
   'Geef pas een bouwvergunning voor een woonzorgvoorziening als de medische zorg met de huisartsen is afgesproken.'),
  ('sociaal_domein', 90, 'Samenwerking in het sociaal domein',
   'Huisartsen hebben een vaste contactpersoon bij de gemeente, er is regelmatig overleg, en sociaal wijkteam en huisarts weten elkaar snel te vinden.',
   array['sociaal domein', 'samenwerking', 'wijkteam', 'sociaal wijkteam', 'contactpersoon', 'overleg', 'huisartsen', 'eerstelijn', 'zorgverzekeraar', 'integraal'],
   'Wij weten vaak niet wie bij de gemeente over een patiënt kan meedenken. Goede samenwerking hangt nu af van toevallige contacten.',
   'Geef de huisartsen een vaste contactpersoon in het sociaal domein en overleg minstens twee keer per jaar.'),
  ('vluchtelingen', 100, 'Zorg voor vluchtelingen en arbeidsmigranten',
   'Bij elke opvanglocatie en huisvesting voor arbeidsmigranten zijn vooraf afspraken gemaakt over huisartsenzorg, tolken en vergoeding.',
   array['vluchtelingen', 'asielzoekers', 'statushouders', 'opvang', 'azc', 'arbeidsmigranten', 'oekraïne', 'tolk', 'inburgering', 'nieuwkomers'],
   'Vluchtelingen en arbeidsmigranten komen bij ons zonder dat hun zorg geregeld is. Dat vraagt extra tijd en tolken die er niet altijd zijn.',
   'Maak bij elke opvanglocatie en huisvesting voor arbeidsmigranten afspraken over huisartsenzorg, tolken en vergoeding.');

-- The themes a letter is about, in the order the coordinator chose them.
create table public.campaign_themes (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  theme_key text not null references public.themes (key) on update cascade,
  position integer not null,
  primary key (campaign_id, theme_key)
);
alter table public.campaign_themes enable row level security;
create index campaign_themes_theme_idx on public.campaign_themes (theme_key);

insert into public.campaign_themes (campaign_id, theme_key, position)
select c.id, t.key, t.ord
from public.campaigns c
cross join lateral unnest(c.themes) with ordinality as t(key, ord)
where exists (select 1 from public.themes where key = t.key)
on conflict do nothing;

-- A numbered ask of a letter, fixed when its text opens for signing: what parties answer per ask.
-- A revision's asks never change (its text never does); a reopened letter with a new text gets
-- the new revision's asks.
create table public.letter_asks (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  revision_id uuid not null references public.letter_revisions (id) on delete cascade,
  number integer not null check (number between 1 and 100),
  body text not null check (length(body) <= 2000),
  theme_key text references public.themes (key) on update cascade,
  created_at timestamptz not null default now(),
  unique (revision_id, number),
  unique (campaign_id, id)
);
alter table public.letter_asks enable row level security;
create index letter_asks_campaign_idx on public.letter_asks (campaign_id);

alter table public.responses add constraint responses_campaign_id_id_key unique (campaign_id, id);

-- One party's stance on one ask, as part of one answer: the ask by id (of the same campaign),
-- the stance from a fixed list, and the party's explanation for this ask.
create table public.response_answers (
  response_id uuid not null,
  campaign_id uuid not null,
  ask_id uuid not null,
  answer text not null check (answer in ('ja', 'deels', 'nee', 'geen_standpunt')),
  explanation text check (explanation is null or length(explanation) <= 5000),
  primary key (response_id, ask_id),
  foreign key (campaign_id, response_id) references public.responses (campaign_id, id) on delete cascade,
  foreign key (campaign_id, ask_id) references public.letter_asks (campaign_id, id) on delete cascade
);
alter table public.response_answers enable row level security;
create index response_answers_ask_idx on public.response_answers (ask_id);

revoke all on public.themes, public.campaign_themes, public.letter_asks, public.response_answers
  from anon, authenticated;
grant all on public.themes, public.campaign_themes, public.letter_asks, public.response_answers
  to service_role;
-- Theme names and descriptions are public by design (they label every public page).
grant select on public.themes to anon, authenticated;
create policy "themes are public" on public.themes for select to anon, authenticated using (true);

-- Migrating existing letters: the asks of every revision that was opened for signing, read from
-- its Markdown the way the app reads them (the first ordered list under a heading that names the
-- asks, else the first ordered list), as plain text. Used once, here, then dropped.
create function public.migration_extract_asks(p_md text)
returns table (number integer, body text)
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_line text;
  v_in_section boolean := false;
  v_section_depth integer;
  v_depth integer;
  v_list text[] := '{}';
  v_current text := null;
  v_in_list boolean := false;
  v_section_list text[] := null;
  v_first_list text[] := null;
  v_item text[];
  v_blank boolean := false;
begin
  foreach v_line in array string_to_array(replace(coalesce(p_md, ''), E'\r', ''), E'\n') || array['']::text[] loop
    v_item := regexp_match(v_line, '^\s{0,3}[0-9]+[.)]\s+(.*)$');
    if v_item is not null then
      if v_current is not null then v_list := v_list || v_current; end if;
      v_current := v_item[1];
      v_in_list := true;
      v_blank := false;
      continue;
    end if;
    if v_in_list and v_line ~ '^\s+\S' and not v_line ~ '^\s{0,3}#' then
      v_current := v_current || ' ' || btrim(v_line);
      v_blank := false;
      continue;
    end if;
    if v_in_list and btrim(v_line) = '' and not v_blank then
      v_blank := true;
      continue;
    end if;
    if v_in_list then
      v_list := v_list || v_current;
      v_current := null;
      v_in_list := false;
      v_blank := false;
      if v_in_section and v_section_list is null then v_section_list := v_list; end if;
      if v_first_list is null then v_first_list := v_list; end if;
      v_list := '{}';
    end if;
    if v_line ~ '^\s{0,3}#{1,6}\s' then
      v_depth := length(substring(btrim(v_line) from '^#+'));
      if v_line ~* '(vraag|vragen|verzoek)' then
        v_in_section := true;
        v_section_depth := v_depth;
      elsif v_in_section and v_depth <= v_section_depth then
        v_in_section := false;
      end if;
    end if;
  end loop;
  v_list := coalesce(v_section_list, v_first_list, '{}');
  for i in 1 .. coalesce(array_length(v_list, 1), 0) loop
    number := i;
    -- Markdown marks off: links to their text, emphasis and code marks, raw HTML tags.
    body := btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
      v_list[i], '!?\[([^\]]*)\]\([^)]*\)', '\1', 'g'),
      '<[^>]+>', '', 'g'),
      '(\*\*|__|\*|`)', '', 'g'),
      '\s+', ' ', 'g'));
    return next;
  end loop;
end
$$;

insert into public.letter_asks (campaign_id, revision_id, number, body)
select c.id, c.signing_revision_id, a.number, left(a.body, 2000)
from public.campaigns c
join public.letter_revisions r on r.id = c.signing_revision_id
cross join lateral public.migration_extract_asks(r.body_md) a
on conflict do nothing;

-- Existing answers ({"1": "ja", ...}) become rows pointing at the ask with that number.
insert into public.response_answers (response_id, campaign_id, ask_id, answer)
select resp.id, resp.campaign_id, a.id, e.value
from public.responses resp
join public.campaigns c on c.id = resp.campaign_id
cross join lateral jsonb_each_text(resp.ask_answers) e
join public.letter_asks a
  on a.revision_id = c.signing_revision_id and e.key ~ '^[0-9]+$' and a.number = e.key::integer
where e.value in ('ja', 'deels', 'nee', 'geen_standpunt')
on conflict do nothing;

drop function public.migration_extract_asks(text);

-- Starting a letter records its themes as rows (the array column goes below).
create or replace function public.start_campaign(
  p_user_id uuid, p_gemeente_code text, p_occasion text, p_title text, p_occasion_key text,
  p_themes text[], p_body_md text, p_body_html text
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_campaign uuid;
begin
  if not public.may_start_campaign(p_user_id, p_gemeente_code) then
    raise exception 'user may not start a campaign in %', p_gemeente_code using errcode = '42501';
  end if;
  insert into public.campaigns (gemeente_code, occasion, title, occasion_key, created_by)
  values (p_gemeente_code, p_occasion, p_title, p_occasion_key, p_user_id)
  returning id into v_campaign;
  insert into public.campaign_themes (campaign_id, theme_key, position)
  select v_campaign, t.key, t.ord from unnest(p_themes) with ordinality as t(key, ord);
  insert into public.letter_revisions (campaign_id, number, body_md, body_html, author_id)
  values (v_campaign, 1, p_body_md, p_body_html, p_user_id);
  insert into public.memberships (user_id, role, campaign_id)
  values (p_user_id, 'campaign_coordinator', v_campaign);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_user_id, 'campaign_started', 'campaign', v_campaign::text,
          jsonb_build_object('gemeente', p_gemeente_code, 'occasion', p_occasion, 'title', p_title));
  return v_campaign;
end
$$;

alter table public.campaigns drop column themes;

-- Opens the draft for signing (as before) and fixes its asks: p_asks [{number, body, theme_key?}]
-- as read from the revision's text by the app. A revision opened before keeps its asks.
drop function public.open_for_signing(uuid, uuid, uuid, jsonb);
create function public.open_for_signing(
  p_campaign_id uuid, p_actor_id uuid, p_revision_id uuid, p_mails jsonb, p_asks jsonb
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.campaigns set status = 'ter_ondertekening', signing_revision_id = p_revision_id
  where id = p_campaign_id and status = 'concept'
    and p_revision_id = (
      select r.id from public.letter_revisions r
      where r.campaign_id = p_campaign_id order by r.number desc limit 1
    );
  if not found then
    return null;
  end if;
  if not exists (select 1 from public.letter_asks where revision_id = p_revision_id) then
    insert into public.letter_asks (campaign_id, revision_id, number, body, theme_key)
    select p_campaign_id, p_revision_id, (a ->> 'number')::integer, a ->> 'body',
           (select t.key from public.themes t where t.key = a ->> 'theme_key')
    from jsonb_array_elements(coalesce(p_asks, '[]'::jsonb)) a;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'status_changed', 'campaign', p_campaign_id::text,
          jsonb_build_object('from', 'concept', 'to', 'ter_ondertekening'));
  insert into public.outbox (to_address, subject, text_body)
  select m ->> 'to', m ->> 'subject', m ->> 'text'
  from jsonb_array_elements(p_mails) m
  join public.signatures s on s.id = (m ->> 'signature_id')::uuid
  where s.campaign_id = p_campaign_id and s.withdrawn_at is null and s.revision_id <> p_revision_id;
  get diagnostics v_count = row_count;
  if v_count > 0 then
    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values (p_actor_id, 'reconfirmation_requested', 'campaign', p_campaign_id::text,
            jsonb_build_object('count', v_count,
              'revision', (select number from public.letter_revisions where id = p_revision_id)));
  end if;
  return v_count;
end
$$;

-- Status changes other than opening for signing and sending (each has its own function): back to
-- concept to change the text, and verstuurd → afgerond. Opening goes through open_for_signing
-- only, because that is where the asks are fixed.
create or replace function public.change_campaign_status(p_campaign_id uuid, p_actor_id uuid, p_from text, p_to text)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if not ((p_from = 'ter_ondertekening' and p_to = 'concept')
       or (p_from = 'verstuurd' and p_to = 'afgerond')) then
    raise exception 'status change % -> % is not allowed', p_from, p_to using errcode = '22023';
  end if;
  update public.campaigns set
    status = p_to,
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

-- Writes the per-ask stances of one answer: p_answers [{ask_id, answer, explanation?}]. Each ask
-- must be one of the asks of the text that was sent (else 22023, nothing is written).
create function public.record_response_answers(p_campaign_id uuid, p_response_id uuid, p_answers jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_revision uuid;
begin
  select signing_revision_id into v_revision from public.campaigns where id = p_campaign_id;
  if exists (
    select 1 from jsonb_array_elements(coalesce(p_answers, '[]'::jsonb)) x
    where not exists (
      select 1 from public.letter_asks a
      where a.id::text = x ->> 'ask_id' and a.campaign_id = p_campaign_id and a.revision_id = v_revision
    )
  ) then
    raise exception 'answer refers to an ask that is not in the letter sent' using errcode = '22023';
  end if;
  insert into public.response_answers (response_id, campaign_id, ask_id, answer, explanation)
  select p_response_id, p_campaign_id, (x ->> 'ask_id')::uuid, x ->> 'answer',
         nullif(btrim(coalesce(x ->> 'explanation', '')), '')
  from jsonb_array_elements(coalesce(p_answers, '[]'::jsonb)) x;
end
$$;

-- A party's answer through its private link, as before, with the stances as rows.
drop function public.submit_party_response(text, text, text, text, text, jsonb);
create function public.submit_party_response(
  p_token_hash text, p_responder_name text, p_responder_role text, p_body_md text,
  p_body_html text, p_answers jsonb
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_link public.response_links%rowtype;
  v_response uuid;
begin
  select * into v_link from public.response_links where token_hash = decode(p_token_hash, 'hex');
  if v_link.id is null then
    return 'unknown';
  elsif v_link.revoked_at is not null then
    return 'revoked';
  elsif v_link.expires_at <= now() then
    return 'expired';
  end if;
  perform 1 from public.campaigns
  where id = v_link.campaign_id and status in ('verstuurd', 'afgerond');
  if not found then
    return 'closed';
  end if;
  insert into public.responses (campaign_id, party_id, channel, responder_name, responder_role,
                                body_md, body_html)
  values (v_link.campaign_id, v_link.party_id, 'link', p_responder_name, nullif(p_responder_role, ''),
          p_body_md, p_body_html)
  returning id into v_response;
  perform public.record_response_answers(v_link.campaign_id, v_response, p_answers);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (null, 'response_received', 'campaign', v_link.campaign_id::text,
          jsonb_build_object('party', v_link.party_id, 'response', v_response, 'channel', 'link'));
  return 'saved';
end
$$;

-- An answer entered by a coordinator, as before, with the stances as rows.
drop function public.enter_party_response(uuid, uuid, uuid, text, text, text, text, text, jsonb);
create function public.enter_party_response(
  p_campaign_id uuid, p_party_id uuid, p_actor_id uuid, p_channel text, p_responder_name text,
  p_responder_role text, p_body_md text, p_body_html text, p_answers jsonb
)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_response uuid;
begin
  if p_channel not in ('email', 'telefoon', 'anders') then
    raise exception 'channel % cannot be entered by hand', p_channel using errcode = '22023';
  end if;
  perform 1 from public.deliveries d join public.campaigns c on c.id = d.campaign_id
  where d.campaign_id = p_campaign_id and d.party_id = p_party_id and c.status in ('verstuurd', 'afgerond');
  if not found then
    return false;
  end if;
  insert into public.responses (campaign_id, party_id, channel, responder_name, responder_role,
                                body_md, body_html, entered_by)
  values (p_campaign_id, p_party_id, p_channel, p_responder_name, nullif(p_responder_role, ''),
          p_body_md, p_body_html, p_actor_id)
  returning id into v_response;
  perform public.record_response_answers(p_campaign_id, v_response, p_answers);
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (p_actor_id, 'response_entered', 'campaign', p_campaign_id::text,
          jsonb_build_object('party', p_party_id, 'response', v_response, 'channel', p_channel));
  return true;
end
$$;

alter table public.responses drop column ask_answers;

-- Every function here is for the server (service role) only, as in the earlier migrations.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
