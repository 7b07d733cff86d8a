-- Daily settlement per site (#14). A site's business day is its local day: time_zone is an IANA zone (null: the
-- platform's platepay.charging.business-zone). A day is closed once, only when the ledger and the bank's settlement
-- file reconcile: the row is inserted on conflict do nothing, so two closers cannot both close it.
alter table sites add column time_zone varchar(40);

create table settlement_days (
    id                uuid primary key,
    site_id           uuid         not null references sites (id),
    business_day      date         not null,
    time_zone         varchar(40)  not null,
    status            varchar(8)   not null check (status in ('CLOSED')),
    currency          char(3)      not null,
    approved          bigint       not null,
    refunded          bigint       not null,
    reversed          bigint       not null,
    fees              bigint       not null,
    net               bigint       not null,
    matched_lines     int          not null,
    closed_by_subject varchar(200) not null,
    closed_by_name    varchar(200),
    closed_at         timestamptz  not null default now(),
    unique (site_id, business_day)
);
