-- The operator console's live feed (#14): each charge announces its site when it is stored and when its status or
-- refunded total moves, and each plate read when it is stored, on commit (NOTIFY is delivered only if the
-- transaction commits). The console's stream (console.ConsoleEvents) forwards them to the site's operator.
-- Cost on the charge path: one pg_notify per charge insert and per status change, like the notifications trigger.
create function site_events_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('platepay_site_events',
                      json_build_object('siteId', new.site_id, 'kind', tg_argv[0], 'id', new.id)::text);
    return null;
end $$;
create trigger charges_announce after insert or update of status, refunded on charges
    for each row execute function site_events_announce('charge');
create trigger plate_reads_announce after insert on plate_reads
    for each row execute function site_events_announce('read');
create index plate_reads_site on plate_reads (site_id, received_at desc);
