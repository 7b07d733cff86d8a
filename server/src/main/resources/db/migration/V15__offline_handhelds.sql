-- #13: handhelds that work offline. A GAS site's handhelds get a signed allow-list of the vehicles they may fill
-- offline, each under a daily floor; what they fill offline comes back as vouchers, debited once each.

-- The most a plate's offline vouchers may add up to per day on one handheld (fen); lowered to the mandate's daily cap.
alter table sites add column offline_daily_floor bigint not null default 30000 check (offline_daily_floor between 1 and 10000000000);

-- The current allow-list version of each site. Any replica may rebuild the list; a new version is taken only by a
-- conditional upsert when the list's digest changed (or the list is getting old), so replicas that build the same
-- list publish the same version, and publishing it twice is harmless.
create table handheld_allow_lists (
    site_id     uuid        primary key references sites (id),
    version     bigint      not null check (version >= 1),
    digest      char(64)    not null,               -- SHA-256 of the canonical JSON of the vehicles
    issued_at   timestamptz not null,
    valid_until timestamptz not null,
    check (valid_until > issued_at)
);

-- One row per voucher a handheld uploaded: (device, counter) is unique, so an upload again is the same voucher.
-- status moves only through offline.VoucherStateMachine, each move a conditional update on the state it leaves:
-- RECEIVED (stored, the charge admitted or about to be) -> PAID | ARREARS (the debit failed; the driver owes it).
create table vouchers (
    id                 uuid primary key,
    device_id          uuid         not null references devices (id),
    counter            bigint       not null check (counter >= 1),
    site_id            uuid         not null references sites (id),
    operator_id        uuid         not null references operators (id),
    plate              varchar(8)   not null,
    colour             varchar(8)   not null,
    tag_id             varchar(64),
    amount             bigint       not null check (amount > 0),
    currency           char(3)      not null,
    pump               varchar(32),
    attendant          varchar(64),
    captured_at        timestamptz  not null,           -- the device clock's word only: never used for order
    allow_list_version bigint       not null,
    voucher_hash       char(64)     not null,           -- SHA-256 of the signed voucher's canonical JSON
    signature          varchar(86)  not null,
    charge_ref         varchar(36)  not null,           -- protocol.offline.Vouchers.chargeId(device, counter)
    charge_id          uuid references charges (id),
    driver_id          uuid references drivers (id),    -- whose card was tried, or who holds the plate
    status             varchar(10)  not null check (status in ('RECEIVED', 'PAID', 'ARREARS')),
    reason_code        varchar(40),
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    unique (device_id, counter),
    unique (device_id, charge_ref)
);
create index vouchers_driver on vouchers (driver_id, status) where driver_id is not null;
create index vouchers_site on vouchers (site_id, status, created_at);
-- The janitor's stranded vouchers (offline.VoucherJanitor).
create index vouchers_received on vouchers (updated_at) where status = 'RECEIVED';
-- The allow-list's regulars: a site's recent cylinder-checks (charges have charges_site already).
create index cylinder_checks_site on cylinder_checks (site_id, created_at);
