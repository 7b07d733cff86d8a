-- The driver's app (issue #12): vehicle proofs and their review, limits on adding cards, disputes, and a database
-- notice for every driver notification, which the live stream (server-sent events) forwards.

-- A vehicle pays frictionlessly only after a person approved its proof (a photo of the vehicle licence, 行驶证).
-- Its state machine is enrollment.VerificationStateMachine; every move is a conditional update on the state it leaves.
-- Vehicles from before this migration have no proof: UNVERIFIED, and their plates are refused until one is approved.
alter table vehicles add column verification varchar(12) not null default 'UNVERIFIED'
    check (verification in ('UNVERIFIED', 'PENDING', 'APPROVED', 'REJECTED'));
alter table vehicles add column proof_id uuid;
alter table vehicles add column verified_at timestamptz;
alter table vehicles add column rejection_reason varchar(200);
-- One driver at most holds an approved claim on a plate + colour.
create unique index vehicles_one_approved_plate on vehicles (plate, colour) where verification = 'APPROVED';
create index vehicles_awaiting_review on vehicles (proof_id) where verification = 'PENDING';

-- Every upload. The image itself is a file (platepay.proofs.dir, mode 0600) named by the proof's id, never a row.
create table vehicle_proofs (
    id               uuid primary key,
    vehicle_id       uuid         not null references vehicles (id),
    driver_id        uuid         not null references drivers (id),
    content_type     varchar(20)  not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes       int          not null check (size_bytes > 0),
    sha256           char(64)     not null,
    uploaded_at      timestamptz  not null default now(),
    decision         varchar(10)  check (decision in ('APPROVED', 'REJECTED', 'REPLACED')),
    decided_at       timestamptz,
    reviewer_subject varchar(200),
    reviewer_name    varchar(200),
    reviewer_role    varchar(20),
    rejection_reason varchar(200)
);
create index vehicle_proofs_vehicle on vehicle_proofs (vehicle_id, uploaded_at desc);
alter table vehicles add constraint vehicles_current_proof foreign key (proof_id) references vehicle_proofs (id);

-- Attempts to add a card, per account and per card number (the vault's fingerprint, never the number), per day.
-- Taken with one conditional upsert each before the bank is asked, so parallel attempts cannot get past a limit.
create table card_attempts (
    scope    varchar(8)  not null check (scope in ('ACCOUNT', 'CARD')),
    owner    varchar(64) not null,   -- ACCOUNT: drivers.id; CARD: cards.pan_fingerprint
    day      date        not null,
    attempts int         not null check (attempts > 0),
    primary key (scope, owner, day)
);

-- A driver's dispute of a charge, resolved by the operator of the site that charged (disputes.DisputeStateMachine).
create table disputes (
    id                 uuid primary key,
    charge_id          uuid          not null references charges (id),
    driver_id          uuid          not null references drivers (id),
    operator_id        uuid          not null references operators (id),
    site_id            uuid          not null references sites (id),
    reason             varchar(20)   not null check (reason in
                           ('NOT_MY_VEHICLE', 'WRONG_AMOUNT', 'DUPLICATE', 'NOT_RECEIVED', 'OTHER')),
    description        varchar(1000),
    status             varchar(12)   not null check (status in ('OPEN', 'UNDER_REVIEW', 'UPHELD', 'REJECTED', 'WITHDRAWN')),
    evidence           text          not null,   -- JSON: what the system held about the charge when it was disputed
    resolution_note    varchar(1000),
    handled_by_subject varchar(200),
    handled_by_name    varchar(200),
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    resolved_at        timestamptz
);
-- One live dispute per charge.
create unique index disputes_one_live_per_charge on disputes (charge_id) where status in ('OPEN', 'UNDER_REVIEW');
create index disputes_driver on disputes (driver_id, created_at desc);
create index disputes_operator on disputes (operator_id, status, created_at desc);

-- What a notification is about, as values, so the app can word it in the driver's language (title and body stay
-- the stored English text): the plate, and the reason code, the reviewer's reason or the dispute's state.
alter table notifications add column plate varchar(8);
alter table notifications add column detail varchar(200);

-- Each notification is announced on commit (NOTIFY is delivered only if the transaction that wrote the row commits),
-- so every server replica can push it to the driver's open streams, whichever replica wrote it.
create function notifications_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('platepay_driver_events',
                      json_build_object('driverId', new.driver_id, 'notificationId', new.id)::text);
    return null;
end $$;
create trigger notifications_announce after insert on notifications
    for each row execute function notifications_announce();
