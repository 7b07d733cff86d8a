-- Refunds (#14): their own rows with their own small state machine (refunds.RefundStateMachine), never states of the
-- charge. What stops over-refunding is one column on the charge, moved by one conditional update:
--   update charges set refunded = refunded + :x where id = ? and status = 'APPROVED' and refunded + :x <= amount
-- so two operators refunding the same charge at once cannot both pass; the check constraint is a second net.
alter table charges add column refunded bigint not null default 0;
alter table charges add constraint charges_refunded_within check (refunded >= 0 and refunded <= amount);

create table refunds (
    id                   uuid primary key,             -- also the bank's idempotency key for this refund
    charge_id            uuid         not null references charges (id),
    site_id              uuid         not null references sites (id),
    operator_id          uuid         not null references operators (id),
    amount               bigint       not null check (amount > 0),
    currency             char(3)      not null,
    reason               varchar(500) not null,
    status               varchar(10)  not null check (status in ('REQUESTED', 'SENT', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    failure_code         varchar(40),
    bank_reference       varchar(64),
    attempts             int          not null default 0,
    requested_by_subject varchar(200) not null,
    requested_by_name    varchar(200),
    requested_by_role    varchar(20)  not null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index refunds_charge on refunds (charge_id, created_at);
create index refunds_site on refunds (site_id, created_at desc);
create index refunds_unsettled on refunds (updated_at) where status in ('REQUESTED', 'SENT', 'UNKNOWN');

-- A refund's ledger posting names it, so settlement matches it to the bank's refund line by the refund's own key.
alter table ledger_postings add column refund_id uuid references refunds (id);
create index ledger_postings_created on ledger_postings (created_at);
