-- #13: a hold sized to the cylinder, placed on a passed cylinder-check and completed by the charge that names it.

-- What a GAS site sells at (fen per volume unit, M3 for CNG; null: no holds there) and how long a hold may wait
-- for its charge before the janitor voids it.
alter table sites add column unit_price bigint check (unit_price > 0);
alter table sites add column hold_seconds integer not null default 1800 check (hold_seconds between 1 and 86400);

-- status moves only through holds.HoldStateMachine, each move a conditional update on the state it leaves. The
-- amount held is reserved under the card's and the driver's daily caps from PLACING on; what a completion does not
-- take goes back, all of it when the hold is declined or voided.
create table holds (
    id               uuid primary key,          -- also the bank's idempotency key for the hold, its completion and void
    check_id         uuid         not null unique references cylinder_checks (id),
    device_id        uuid         not null references devices (id),
    site_id          uuid         not null references sites (id),
    operator_id      uuid         not null references operators (id),
    mandate_id       uuid         not null references mandates (id),
    driver_id        uuid         not null references drivers (id),
    card_id          uuid         not null references cards (id),
    card_fingerprint varchar(64)  not null,
    masked_card      varchar(32),
    plate            varchar(8)   not null,
    colour           varchar(8)   not null,
    amount           bigint       not null check (amount > 0),
    currency         char(3)      not null,
    unit_price       bigint       not null check (unit_price > 0),
    business_day     date         not null,
    status           varchar(12)  not null check (status in ('PLACING', 'HELD', 'DECLINED', 'UNKNOWN', 'COMPLETING',
                                                             'COMPLETED', 'VOIDING', 'VOIDED')),
    reason_code      varchar(40),
    approval_code    varchar(32),
    bank_reference   varchar(64),
    charge_ref       varchar(36),               -- the device's charge id, once a charge names the check
    charge_hash      varchar(64),
    charge_body      text,                       -- that charge's values (JSON), to record it when the bank answers
    captured         bigint       check (captured > 0),
    charge_id        uuid         references charges (id),
    expires_at       timestamptz  not null,
    next_check_at    timestamptz,
    check_attempts   integer      not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    check (captured is null or captured <= amount)
);
create index holds_due on holds (next_check_at) where status in ('PLACING', 'HELD', 'UNKNOWN', 'COMPLETING', 'VOIDING');
create unique index holds_charge on holds (device_id, charge_ref) where charge_ref is not null;

-- A hold's postings (placed, released) name the hold; the completion's debit names its charge as before.
alter table ledger_postings add column hold_id uuid references holds (id);
