-- Exactly once, proven: a terminal state for reversals that never succeed, canonical charge ids, the database's
-- clock for every time the janitor compares, and daily caps per card and per driver instead of per mandate.

alter table charges drop constraint charges_status_check;
alter table charges alter column status type varchar(16);
alter table charges add constraint charges_status_check check (status in
    ('RECEIVED', 'AUTHORIZING', 'APPROVED', 'DECLINED', 'UNKNOWN', 'REVERSED', 'REVERSAL_FAILED'));

-- One spelling per charge id (protocol Ids.canonical): a UUID in lower case, a ULID in upper case. NOT VALID keeps
-- rows written before the rule as they were; every new row must follow it.
alter table charges add constraint charges_ref_canonical check (
    (length(charge_ref) = 36 and charge_ref = lower(charge_ref))
    or (length(charge_ref) = 26 and charge_ref = upper(charge_ref))) not valid;

-- The janitor decides "stuck" and "due" against these; only the database writes them.
alter table charges alter column created_at set default now();
alter table charges alter column updated_at set default now();

create index charges_needing_attention on charges (updated_at) where status = 'REVERSAL_FAILED';

-- Daily caps protect a card and a person, so they are kept per card (the vault's fingerprint, the same for the
-- same card in any account) and per driver, never per mandate: revoking and re-creating a mandate, a second vehicle
-- on the same card or the same card in a second account all count against the same totals.
create table daily_usage (
    scope    varchar(8)  not null check (scope in ('CARD', 'DRIVER')),
    owner    varchar(64) not null,   -- CARD: cards.pan_fingerprint; DRIVER: drivers.id
    day      date        not null,
    reserved bigint      not null check (reserved >= 0),
    primary key (scope, owner, day)
);

insert into daily_usage (scope, owner, day, reserved)
select 'CARD', c.pan_fingerprint, u.day, sum(u.reserved)
from mandate_daily_usage u join mandates m on m.id = u.mandate_id join cards c on c.id = m.card_id
group by c.pan_fingerprint, u.day;

insert into daily_usage (scope, owner, day, reserved)
select 'DRIVER', m.driver_id::text, u.day, sum(u.reserved)
from mandate_daily_usage u join mandates m on m.id = u.mandate_id
group by m.driver_id, u.day;

drop table mandate_daily_usage;
