-- Occasions follow the gemeente's year: a letter is for the kadernota, the begroting, the
-- coalitieakkoord or an election (each with its year in occasion_key, e.g. 'kadernota_2027'), or has
-- a title of its own. 'verkiezingen_2026' stays valid for letters started before.
alter table public.campaigns drop constraint campaigns_occasion_check;
alter table public.campaigns add constraint campaigns_occasion_check
  check (occasion in ('kadernota', 'begroting', 'coalitieakkoord', 'verkiezingen', 'verkiezingen_2026', 'anders'));
