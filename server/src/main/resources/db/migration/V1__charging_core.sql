-- PlatePay charging core. Money is bigint minor units (fen) + ISO 4217 currency everywhere.

create table drivers (
    id           uuid primary key,
    subject      varchar(200) not null unique,   -- the identity provider's subject
    display_name varchar(200),
    created_at   timestamptz  not null
);

create table vehicles (
    id         uuid primary key,
    driver_id  uuid        not null references drivers (id),
    plate      varchar(8)  not null,             -- normalised, grammar-checked
    colour     varchar(8)  not null,
    created_at timestamptz not null,
    unique (driver_id, plate, colour)
);

-- The vault: the only place a card number exists, and only encrypted (AES-GCM).
create table cards (
    id              uuid primary key,            -- the token everything else sees
    driver_id       uuid         not null references drivers (id),
    pan_ciphertext  bytea        not null,       -- key id || nonce || ciphertext+tag
    pan_fingerprint varchar(64)  not null,       -- HMAC-SHA256 of the PAN: duplicate check without decrypting
    bin             varchar(8)   not null,
    last4           char(4)      not null,
    bank_name       varchar(100),
    card_type       varchar(10)  not null check (card_type = 'DEBIT'),
    expiry_month    int          not null check (expiry_month between 1 and 12),
    expiry_year     int          not null,
    holder_name     varchar(200),
    status          varchar(12)  not null check (status in ('ACTIVE', 'REMOVED')),
    created_at      timestamptz  not null,
    unique (driver_id, pan_fingerprint)
);

create table mandates (
    id             uuid primary key,
    driver_id      uuid         not null references drivers (id),
    vehicle_id     uuid         not null references vehicles (id),
    card_id        uuid         not null references cards (id),
    plate          varchar(8)   not null,
    colour         varchar(8)   not null,
    allow_gas      boolean      not null,
    allow_parking  boolean      not null,
    per_charge_cap bigint       not null check (per_charge_cap > 0),
    daily_cap      bigint       not null,
    currency       char(3)      not null,
    status         varchar(10)  not null check (status in ('ACTIVE', 'PAUSED', 'REVOKED')),
    consent_text   text         not null,
    consented_at   timestamptz  not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    revoked_at     timestamptz,
    check (daily_cap >= per_charge_cap),
    check (allow_gas or allow_parking)
);
-- One live (active or paused) mandate per plate + colour: a plate never resolves to two cards.
create unique index mandates_one_live_per_plate on mandates (plate, colour) where status <> 'REVOKED';
create index mandates_driver on mandates (driver_id);

-- Daily cap reservations, updated only by a conditional upsert so concurrent charges cannot overrun the cap.
create table mandate_daily_usage (
    mandate_id uuid   not null references mandates (id),
    day        date   not null,
    reserved   bigint not null check (reserved >= 0),
    primary key (mandate_id, day)
);

create table operators (
    id            uuid primary key,
    owner_subject varchar(200) not null unique,
    name          varchar(200) not null,
    created_at    timestamptz  not null
);

create table sites (
    id          uuid primary key,
    operator_id uuid         not null references operators (id),
    name        varchar(200) not null,
    category    varchar(10)  not null check (category in ('GAS', 'PARKING')),
    currency    char(3)      not null,
    created_at  timestamptz  not null
);

create table devices (
    id                 uuid primary key,         -- also the MQTT username and client id
    site_id            uuid         not null references sites (id),
    type               varchar(10)  not null check (type in ('HANDHELD', 'CAMERA', 'BARRIER')),
    name               varchar(200) not null,
    status             varchar(10)  not null check (status in ('ACTIVE', 'DISABLED')),
    mqtt_password_hash varchar(100) not null,    -- SHA-256 of a random 256-bit secret
    public_key         text         not null,    -- Ed25519, base64 X.509; the private key is never stored
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index devices_site on devices (site_id);

create table charges (
    id             uuid primary key,             -- our id; also the bank idempotency key
    device_id      uuid         not null references devices (id),
    charge_ref     varchar(40)  not null,        -- the device's charge id
    site_id        uuid         not null references sites (id),
    request_hash   varchar(64)  not null,        -- same charge id with another body is refused
    plate          varchar(8)   not null,
    plate_colour   varchar(8),
    amount         bigint       not null check (amount > 0),
    currency       char(3)      not null,
    volume_milli   bigint,
    volume_unit    varchar(4),
    unit_price     bigint,
    pump           varchar(32),
    attendant      varchar(64),
    captured_at    timestamptz  not null,
    business_day   date         not null,
    mandate_id     uuid references mandates (id),
    driver_id      uuid references drivers (id),
    card_id        uuid references cards (id),
    masked_card    varchar(32),
    status         varchar(12)  not null check (status in ('RECEIVED', 'AUTHORIZING', 'APPROVED', 'DECLINED', 'UNKNOWN', 'REVERSED')),
    reason_code    varchar(40),
    approval_code  varchar(12),
    bank_reference varchar(64),
    check_attempts int          not null default 0,
    next_check_at  timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    unique (device_id, charge_ref)
);
create index charges_driver on charges (driver_id, created_at desc);
create index charges_site on charges (site_id, created_at desc);
create index charges_to_resolve on charges (next_check_at) where status in ('UNKNOWN', 'AUTHORIZING');

-- Double-entry ledger: append-only, and every posting sums to zero (checked by the database at commit).
create table ledger_postings (
    id         uuid primary key,
    charge_id  uuid references charges (id),
    kind       varchar(20) not null,
    created_at timestamptz not null
);
create table ledger_entries (
    id         bigserial primary key,
    posting_id uuid         not null references ledger_postings (id),
    account    varchar(100) not null,
    amount     bigint       not null check (amount <> 0),
    currency   char(3)      not null
);
create index ledger_entries_posting on ledger_entries (posting_id);

create function ledger_posting_must_balance() returns trigger language plpgsql as $$
begin
    if exists (select 1 from ledger_entries where posting_id = new.posting_id
               group by currency having sum(amount) <> 0) then
        raise exception 'ledger posting % does not balance', new.posting_id;
    end if;
    return null;
end $$;
create constraint trigger ledger_entries_balanced after insert on ledger_entries
    deferrable initially deferred for each row execute function ledger_posting_must_balance();

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only';
end $$;
create trigger ledger_entries_append_only before update or delete on ledger_entries
    for each row execute function ledger_is_append_only();
create trigger ledger_postings_append_only before update or delete on ledger_postings
    for each row execute function ledger_is_append_only();

create table notifications (
    id         uuid primary key,
    driver_id  uuid         not null references drivers (id),
    charge_id  uuid references charges (id),
    kind       varchar(30)  not null,
    title      varchar(200) not null,
    body       text         not null,
    created_at timestamptz  not null
);
create index notifications_driver on notifications (driver_id, created_at desc);
