-- #13: the cylinder registry and the checks handhelds make before filling.

-- A cylinder fitted to a vehicle, registered by its driver from the inspection certificate and confirmed by an
-- operator or admin. status moves only through cylinders.CylinderStateMachine, each move a conditional update.
create table cylinders (
    id                   uuid primary key,
    driver_id            uuid         not null references drivers (id),
    vehicle_id           uuid         not null references vehicles (id),
    plate                varchar(8)   not null,
    colour               varchar(8)   not null,
    tag_id               varchar(64)  not null,
    serial               varchar(64)  not null,
    medium               varchar(4)   not null check (medium in ('CNG', 'LNG', 'HCNG')),
    working_pressure_kpa integer      not null check (working_pressure_kpa between 100 and 100000),
    water_capacity_ml    bigint       not null check (water_capacity_ml between 1000 and 2000000),
    manufactured_on      date         not null,
    last_inspected_on    date         not null,
    next_inspection_due  date         not null,
    design_life_years    integer      not null check (design_life_years between 1 and 50),
    status               varchar(10)  not null check (status in ('PENDING', 'ACTIVE', 'FLAGGED', 'RETIRED')),
    status_reason        varchar(200),
    confirmed_by         varchar(200),
    confirmed_at         timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    check (last_inspected_on >= manufactured_on),
    check (next_inspection_due > last_inspected_on)
);
-- A tag names one cylinder in service: a retired cylinder's tag may be fitted again.
create unique index cylinders_one_live_per_tag on cylinders (tag_id) where status <> 'RETIRED';
create index cylinders_plate on cylinders (plate) where status <> 'RETIRED';
create index cylinders_driver on cylinders (driver_id, created_at);
create index cylinders_status on cylinders (status, created_at);

-- One answer to a handheld's cylinder-check, stored so a resend (same device, same request id) gets the same check
-- and a later charge (or hold) can name it.
create table cylinder_checks (
    id                  uuid primary key,
    device_id           uuid         not null references devices (id),
    site_id             uuid         not null references sites (id),
    request_ref         varchar(36)  not null,
    request_hash        varchar(64)  not null,
    plate               varchar(8),
    colour              varchar(8),
    tag_id              varchar(64),
    cylinder_id         uuid references cylinders (id),
    medium              varchar(4)   not null,
    pump                varchar(32),
    attendant           varchar(64),
    fill_code           varchar(40)  not null,
    payment_code        varchar(40)  not null,
    remaining           bigint       check (remaining >= 0),
    currency            char(3),
    next_inspection_due date,
    created_at          timestamptz  not null default now(),
    unique (device_id, request_ref)
);
create index cylinder_checks_cylinder on cylinder_checks (cylinder_id);
