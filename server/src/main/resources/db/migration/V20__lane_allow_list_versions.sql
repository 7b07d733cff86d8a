-- A lot's lane allow-list version comes from the database, as the handhelds' does (V15): a conditional upsert takes a
-- new one only when the list's digest changed, so replicas that build the same list publish the same version, and a
-- replica whose clock is behind cannot publish a changed list under a version the lanes already passed (they keep
-- only a higher one). The first version of a lot is the epoch milliseconds of its first publish, above the versions
-- lanes were given before this table (the publishing replica's clock in milliseconds).
create table lane_allow_lists (
    site_id    uuid        primary key references sites (id),
    version    bigint      not null check (version >= 1),
    digest     char(64)    not null,               -- SHA-256 of the canonical JSON of the plates
    updated_at timestamptz not null
);
