-- Parking: monthly passes, and arrears the driver sees and settles in the app.

create table parking_passes (
    id           uuid primary key,
    site_id      uuid         not null references parking_lots (site_id),
    plate        varchar(8)   not null,
    plate_colour varchar(8)   not null check (plate_colour in ('BLUE', 'YELLOW', 'GREEN', 'WHITE', 'BLACK')),
    valid_from   date         not null,              -- the lot's local calendar days, both included
    valid_to     date         not null,
    holder       varchar(100),                       -- for the lot's staff; never shown to a lane
    status       varchar(8)   not null check (status in ('ACTIVE', 'ENDED')),
    created_at   timestamptz  not null default now(),
    ended_at     timestamptz,
    end_reason   varchar(500),
    check (valid_to >= valid_from),
    check ((status = 'ENDED') = (ended_at is not null))
);
-- A plate's active passes at a lot (the exit and the allow-list look them up); overlaps are refused under the
-- lot's row lock when a pass is created.
create index parking_passes_lot_plate on parking_passes (site_id, plate, plate_colour) where status = 'ACTIVE';

alter table parking_sessions
    -- Whose card the declined debit was tried on: the driver who sees the arrears and may settle them.
    add column driver_id       uuid references drivers (id),
    -- Debits the driver asked for from the app; bounded by the lot's max_debit_attempts.
    add column settle_attempts int  not null default 0 check (settle_attempts >= 0),
    -- The pass that covered the stay (its covered part was free).
    add column pass_id         uuid references parking_passes (id);
create index parking_sessions_driver on parking_sessions (driver_id, status) where driver_id is not null;
