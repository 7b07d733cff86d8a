-- Parking: lots (a PARKING site's tariff and policies), lanes (a camera device at an entry or exit), the reads
-- the lane boxes send, and one session per stay.

create table parking_lots (
    site_id              uuid primary key references sites (id),
    time_zone            varchar(40)  not null,       -- the tariff's days and night band are the lot's local time
    currency             char(3)      not null,
    free_minutes         int          not null check (free_minutes >= 0),
    first_period_minutes int          not null check (first_period_minutes >= 0),
    first_period_price   bigint       not null check (first_period_price >= 0),
    period_minutes       int          not null check (period_minutes > 0),
    period_price         bigint       not null check (period_price >= 0),
    daily_cap            bigint       check (daily_cap > 0),
    night_start          time,
    night_end            time,
    night_price          bigint       check (night_price >= 0),
    grace_minutes        int          not null check (grace_minutes >= 0),
    lost_ticket_price    bigint       check (lost_ticket_price > 0),   -- null: a stay without an entry read goes to review
    decline_policy       varchar(16)  not null check (decline_policy in ('OPEN_ARREARS', 'KEEP_CLOSED')),
    max_debit_attempts   int          not null check (max_debit_attempts between 1 and 10),
    repeat_window_secs   int          not null check (repeat_window_secs >= 0),
    updated_at           timestamptz  not null default now(),
    check ((night_start is null) = (night_end is null) and (night_start is null) = (night_price is null))
);

create table parking_lanes (
    device_id            uuid primary key references devices (id),
    site_id              uuid         not null references parking_lots (site_id),
    name                 varchar(64)  not null,
    direction            varchar(5)   not null check (direction in ('ENTRY', 'EXIT')),
    confidence_threshold int          not null check (confidence_threshold between 0 and 1000),
    created_at           timestamptz  not null default now(),
    unique (site_id, name)
);

create table parking_sessions (
    id              uuid primary key,
    site_id         uuid         not null references parking_lots (site_id),
    plate           varchar(8)   not null,
    plate_colour    varchar(8)   not null,
    status          varchar(10)  not null check (status in
                        ('OPEN', 'CHARGING', 'PAID', 'ARREARS', 'UNPAID', 'REVIEW', 'WAIVED')),
    flag            varchar(10)  check (flag in ('PASSBACK', 'CLONE', 'LOST_ENTRY')),
    review_reason   varchar(40),
    entry_at        timestamptz,                      -- null: no entry read (a lost ticket)
    entry_device_id uuid references devices (id),
    exit_at         timestamptz,
    exit_device_id  uuid references devices (id),
    exit_confidence int,
    exit_match      varchar(10),
    amount          bigint       check (amount >= 0), -- fixed by the first exit read, so a resend asks the same
    currency        char(3)      not null,
    charge_device_id uuid references devices (id),    -- every debit attempt of this session is keyed by this device
    debit_attempts  int          not null default 0,
    charge_ref      varchar(36),                      -- the current attempt's canonical chargeRef
    paid_at         timestamptz,
    resolved_by     varchar(200),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
-- One car inside per plate + colour per lot; a second entry while it is open is flagged, never a second session.
create unique index parking_sessions_one_open on parking_sessions (site_id, plate, plate_colour) where status = 'OPEN';
create index parking_sessions_plate on parking_sessions (plate, status);
create index parking_sessions_site_status on parking_sessions (site_id, status, created_at desc);

create table plate_reads (
    id            uuid primary key,
    device_id     uuid         not null references devices (id),
    seq           bigint       not null,
    site_id       uuid         not null references sites (id),
    direction     varchar(5)   not null,
    plate         varchar(32)  not null,
    plate_colour  varchar(8),
    confidence    int          not null,
    candidates    text,
    captured_at   timestamptz  not null,
    crop_sha256   char(64)     not null,
    opened_offline boolean     not null,
    session_id    uuid references parking_sessions (id),
    decision      varchar(40),
    received_at   timestamptz  not null default now(),
    unique (device_id, seq)                             -- the box's journal sequence: a resend is the same read
);
create index plate_reads_lane_plate on plate_reads (device_id, plate, captured_at desc);
