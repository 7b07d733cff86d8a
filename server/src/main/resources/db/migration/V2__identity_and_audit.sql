-- Sign-in moved to Keycloak: subjects are now the token's `sub` (a Keycloak user id).

-- Attendants are Keycloak users an operator created; they see only the sites listed here.
create table attendants (
    id          uuid primary key,
    operator_id uuid         not null references operators (id),
    subject     varchar(200) not null unique,
    username    varchar(100) not null,
    status      varchar(10)  not null check (status in ('ACTIVE', 'DISABLED')),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index attendants_operator on attendants (operator_id);

create table attendant_sites (
    attendant_id uuid not null references attendants (id),
    site_id      uuid not null references sites (id),
    primary key (attendant_id, site_id)
);
create index attendant_sites_site on attendant_sites (site_id);

-- Who did what to which resource. Written in the same transaction as the change; never updated or deleted.
create table audit_events (
    id            bigserial primary key,
    at            timestamptz  not null,
    actor_subject varchar(200) not null,
    actor_name    varchar(200),
    actor_role    varchar(20)  not null,
    action        varchar(50)  not null,
    resource_type varchar(20)  not null,
    resource_id   uuid         not null,
    detail        text
);
create index audit_events_resource on audit_events (resource_type, resource_id, id);
create index audit_events_actor on audit_events (actor_subject, id);

create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end $$;
create trigger audit_events_append_only before update or delete or truncate on audit_events
    for each statement execute function audit_is_append_only();
