-- The charge path at the database's speed (README "Benchmark"): admitting a charge is one statement, so one round
-- trip and one durable commit. The business decisions (mandate, risk rules, the notice's text) stay in Java
-- (charging.ChargeService); this function only does what must be atomic: reserve the card's and the driver's daily
-- caps (card first, then driver: one lock order) and store the charge as AUTHORIZING, or store it as DECLINED with
-- OVER_DAILY_CAP and the driver's notice when a cap has no room. A second copy of the same (device, charge id) fails
-- with a unique violation, which rolls the reservation back with the rest of the statement.
create function admit_charge(
    p_id uuid, p_device uuid, p_ref varchar, p_site uuid, p_hash varchar, p_plate varchar, p_colour varchar,
    p_amount bigint, p_currency char(3), p_volume bigint, p_volume_unit varchar, p_unit_price bigint, p_pump varchar,
    p_attendant varchar, p_captured timestamptz, p_day date, p_mandate uuid, p_driver uuid, p_card uuid,
    p_masked varchar, p_card_fingerprint varchar, p_card_cap bigint, p_driver_cap bigint,
    p_declined_title varchar, p_declined_body text)
returns varchar language plpgsql as $$
declare
    v_status varchar := 'AUTHORIZING';
    v_reason varchar := null;
begin
    insert into daily_usage as u (scope, owner, day, reserved)
    select 'CARD', p_card_fingerprint, p_day, p_amount where p_amount <= p_card_cap
    on conflict (scope, owner, day) do update set reserved = u.reserved + excluded.reserved
        where u.reserved + excluded.reserved <= p_card_cap;
    if not found then
        v_status := 'DECLINED';
        v_reason := 'OVER_DAILY_CAP';
    else
        insert into daily_usage as u (scope, owner, day, reserved)
        select 'DRIVER', p_driver::text, p_day, p_amount where p_amount <= p_driver_cap
        on conflict (scope, owner, day) do update set reserved = u.reserved + excluded.reserved
            where u.reserved + excluded.reserved <= p_driver_cap;
        if not found then
            update daily_usage set reserved = reserved - p_amount
            where scope = 'CARD' and owner = p_card_fingerprint and day = p_day;
            v_status := 'DECLINED';
            v_reason := 'OVER_DAILY_CAP';
        end if;
    end if;
    insert into charges (id, device_id, charge_ref, site_id, request_hash, plate, plate_colour, amount, currency,
                         volume_milli, volume_unit, unit_price, pump, attendant, captured_at, business_day, mandate_id,
                         driver_id, card_id, masked_card, status, reason_code)
    values (p_id, p_device, p_ref, p_site, p_hash, p_plate, p_colour, p_amount, p_currency, p_volume, p_volume_unit,
            p_unit_price, p_pump, p_attendant, p_captured, p_day, p_mandate, p_driver, p_card, p_masked, v_status, v_reason);
    if v_status = 'DECLINED' then
        insert into notifications (id, driver_id, charge_id, kind, title, body, created_at)
        values (gen_random_uuid(), p_driver, p_id, 'CHARGE_DECLINED', p_declined_title, p_declined_body, now());
    end if;
    return v_status;
end $$;

-- Ledger postings and notifications get the database's clock when the hot path writes them in one statement.
alter table ledger_postings alter column created_at set default now();
alter table notifications alter column created_at set default now();
