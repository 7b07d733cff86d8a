-- Devices' online status (#14): the newest status each device reported on its status topic, ONLINE when it
-- connected, OFFLINE when it left cleanly or when the broker published its last will. The will is signed at connect
-- time and arrives whenever the connection is lost, so the order of arrival means nothing: the device's own seq
-- orders them, and a write lands only when its seq is above the stored one (presence.DevicePresence). Any replica
-- may take any status message; the conditional write makes duplicates and late arrivals no-ops.
create table device_presence (
    device_id    uuid        primary key references devices (id),
    site_id      uuid        not null references sites (id),
    state        varchar(8)  not null check (state in ('ONLINE', 'OFFLINE')),
    seq          bigint      not null check (seq >= 0),
    -- when the server took the current state (the database's clock, the same for every replica)
    changed_at   timestamptz not null,
    -- the last time the device was known connected: the ONLINE's arrival, or when it went OFFLINE
    last_seen_at timestamptz not null
);
-- The console's devices page is live: a presence change announces the device to its site's operator, on the
-- channel of V14 (console.ConsoleEvents), as kind 'device'.
create function device_presence_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('platepay_site_events',
                      json_build_object('siteId', new.site_id, 'kind', 'device', 'id', new.device_id)::text);
    return null;
end $$;
create trigger device_presence_announce after insert or update of state, seq on device_presence
    for each row execute function device_presence_announce();

-- The live feed shows cylinder checks too (#13 landed after V14): each stored check announces itself as kind 'check'.
create trigger cylinder_checks_announce after insert on cylinder_checks
    for each row execute function site_events_announce('check');
