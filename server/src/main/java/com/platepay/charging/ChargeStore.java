package com.platepay.charging;

import com.platepay.ledger.Ledger;
import com.platepay.notifications.DriverNotifier;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The charge path's writes, each one statement on the plain reactive client: one round trip and one durable commit,
 * with no ORM session in between. {@link #admit} stores a charge with its caps reserved (the function
 * {@code admit_charge}, V8); {@link #approve}, {@link #decline} and {@link #unknown} record the bank's answer, each a
 * conditional update on AUTHORIZING (moves of {@link ChargeStateMachine}) together with what must commit with it: the
 * ledger posting, the caps given back, the driver's notification. A writer that lost the race changes nothing and
 * gets {@link Optional#empty()}.
 */
@ApplicationScoped
public class ChargeStore {

    private static final String ADMIT = """
            select admit_charge($1::uuid, $2::uuid, $3::varchar, $4::uuid, $5::varchar, $6::varchar, $7::varchar, $8::bigint,
                                $9::char(3), $10::bigint, $11::varchar, $12::bigint, $13::varchar, $14::varchar, $15::timestamptz,
                                $16::date, $17::uuid, $18::uuid, $19::uuid, $20::varchar, $21::varchar, $22::bigint, $23::bigint,
                                $24::varchar, $25::text) as status""";

    private static final String STORE_DECLINED = """
            with stored as (
                insert into charges (id, device_id, charge_ref, site_id, request_hash, plate, plate_colour, amount, currency,
                                     volume_milli, volume_unit, unit_price, pump, attendant, captured_at, business_day,
                                     mandate_id, driver_id, card_id, masked_card, status, reason_code)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 'DECLINED', $21)
                returning id, driver_id)
            insert into notifications (id, driver_id, charge_id, kind, title, body)
            select gen_random_uuid(), driver_id, id, $22, $23, $24 from stored where driver_id is not null""";

    private static final String APPROVE = """
            with moved as (
                update charges set status = 'APPROVED', reason_code = 'APPROVED', approval_code = $2, bank_reference = $3,
                                   updated_at = now()
                where id = $1 and status = 'AUTHORIZING' returning *),
            posting as (
                insert into ledger_postings (id, charge_id, kind) select gen_random_uuid(), id, 'CHARGE_APPROVED' from moved
                returning id),
            entries as (
                insert into ledger_entries (posting_id, account, amount, currency)
                select posting.id, e.account, e.amount * moved.amount, moved.currency
                from posting, moved, (values ($4::varchar, 1), ($5::varchar, -1)) as e (account, amount)),
            told as (
                insert into notifications (id, driver_id, charge_id, kind, title, body)
                select gen_random_uuid(), driver_id, id, $6, $7, $8 from moved)
            select * from moved""";

    private static final String DECLINE = """
            with moved as (
                update charges set status = 'DECLINED', reason_code = $2, updated_at = now()
                where id = $1 and status = 'AUTHORIZING' returning *),
            card as (
                update daily_usage u set reserved = u.reserved - moved.amount
                from moved join cards k on k.id = moved.card_id
                where u.scope = 'CARD' and u.owner = k.pan_fingerprint and u.day = moved.business_day
                  and u.reserved >= moved.amount),
            driver as (
                update daily_usage u set reserved = u.reserved - moved.amount from moved
                where u.scope = 'DRIVER' and u.owner = moved.driver_id::text and u.day = moved.business_day
                  and u.reserved >= moved.amount),
            told as (
                insert into notifications (id, driver_id, charge_id, kind, title, body)
                select gen_random_uuid(), driver_id, id, $3, $4, $5 from moved)
            select * from moved""";

    private static final String UNKNOWN = """
            update charges set status = 'UNKNOWN', reason_code = 'BANK_TIMEOUT', updated_at = now(),
                               next_check_at = now() + interval '1 millisecond' * $2::bigint
            where id = $1 and status = 'AUTHORIZING' returning *""";

    private static final String FIND = "select * from charges where device_id = $1 and charge_ref = $2";
    private static final String LOAD = "select * from charges where id = $1";

    static {
        ChargeStateMachine.require(ChargeStatus.RECEIVED, ChargeStatus.AUTHORIZING);
        ChargeStateMachine.require(ChargeStatus.RECEIVED, ChargeStatus.DECLINED);
        ChargeStateMachine.require(ChargeStatus.AUTHORIZING, ChargeStatus.APPROVED);
        ChargeStateMachine.require(ChargeStatus.AUTHORIZING, ChargeStatus.DECLINED);
        ChargeStateMachine.require(ChargeStatus.AUTHORIZING, ChargeStatus.UNKNOWN);
    }

    private final Pool pool;

    public ChargeStore(@ReactiveDataSource("charging") Pool pool) {
        this.pool = pool;
    }

    /** The caps a charge is admitted against. */
    record Caps(String cardFingerprint, long cardDailyCap, long driverDailyCap) {
    }

    /**
     * Reserves the caps and stores the charge: AUTHORIZING, or DECLINED (OVER_DAILY_CAP, with the driver told
     * {@code declined}) when a cap has no room. Fails with a unique violation when the (device, charge id) is stored.
     */
    Uni<ChargeStatus> admit(Charge c, Caps caps, DriverNotifier.Text declined) {
        Tuple params = Tuple.from(Arrays.asList(c.id, c.deviceId, c.chargeRef, c.siteId, c.requestHash, c.plate, c.plateColour,
                c.amount, c.currency, c.volumeMilli, c.volumeUnit, c.unitPrice, c.pump, c.attendant, utc(c), c.businessDay,
                c.mandateId, c.driverId, c.cardId, c.maskedCard, caps.cardFingerprint(), caps.cardDailyCap(), caps.driverDailyCap(),
                declined.title(), declined.body()));
        return pool.preparedQuery(ADMIT).execute(params)
                .map(rows -> ChargeStatus.valueOf(rows.iterator().next().getString("status")));
    }

    /** Stores a charge declined before any cap was touched, with the driver's notification when there is a driver. */
    Uni<Void> storeDeclined(Charge c, DriverNotifier.Text notice) {
        Tuple params = Tuple.from(Arrays.asList(c.id, c.deviceId, c.chargeRef, c.siteId, c.requestHash, c.plate, c.plateColour,
                c.amount, c.currency, c.volumeMilli, c.volumeUnit, c.unitPrice, c.pump, c.attendant, utc(c), c.businessDay,
                c.mandateId, c.driverId, c.cardId, c.maskedCard, c.reasonCode, notice.kind(), notice.title(), notice.body()));
        return pool.preparedQuery(STORE_DECLINED).execute(params).replaceWithVoid();
    }

    /** AUTHORIZING to APPROVED, with the ledger posting (acquirer owes us, we owe the operator) and the driver told. */
    Uni<Optional<Charge>> approve(UUID chargeId, String approvalCode, String bankReference, UUID operatorId, DriverNotifier.Text told) {
        return moved(APPROVE, Tuple.from(Arrays.asList(chargeId, approvalCode, bankReference, Ledger.ACQUIRER_RECEIVABLE,
                Ledger.operatorPayable(operatorId), told.kind(), told.title(), told.body())));
    }

    /** AUTHORIZING to DECLINED by the bank, with both caps given back and the driver told. */
    Uni<Optional<Charge>> decline(UUID chargeId, String reasonCode, DriverNotifier.Text told) {
        return moved(DECLINE, Tuple.of(chargeId, reasonCode, told.kind(), told.title(), told.body()));
    }

    /** AUTHORIZING to UNKNOWN: the janitor looks at it after {@code firstCheck}. */
    Uni<Optional<Charge>> unknown(UUID chargeId, Duration firstCheck) {
        return moved(UNKNOWN, Tuple.of(chargeId, firstCheck.toMillis()));
    }

    Uni<Optional<Charge>> find(UUID deviceId, String chargeRef) {
        return pool.preparedQuery(FIND).execute(Tuple.of(deviceId, chargeRef)).map(ChargeStore::first);
    }

    Uni<Charge> load(UUID chargeId) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(chargeId)).map(rows -> first(rows).orElseThrow());
    }

    private Uni<Optional<Charge>> moved(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(ChargeStore::first);
    }

    private static OffsetDateTime utc(Charge c) {
        return c.capturedAt.atOffset(ZoneOffset.UTC);
    }

    private static Optional<Charge> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(toCharge(it.next())) : Optional.empty();
    }

    private static Charge toCharge(Row r) {
        Charge c = new Charge();
        c.id = r.getUUID("id");
        c.deviceId = r.getUUID("device_id");
        c.chargeRef = r.getString("charge_ref");
        c.siteId = r.getUUID("site_id");
        c.requestHash = r.getString("request_hash");
        c.plate = r.getString("plate");
        c.plateColour = r.getString("plate_colour");
        c.amount = r.getLong("amount");
        c.currency = r.getString("currency");
        c.volumeMilli = r.getLong("volume_milli");
        c.volumeUnit = r.getString("volume_unit");
        c.unitPrice = r.getLong("unit_price");
        c.pump = r.getString("pump");
        c.attendant = r.getString("attendant");
        c.capturedAt = instant(r.getOffsetDateTime("captured_at"));
        c.businessDay = r.getLocalDate("business_day");
        c.mandateId = r.getUUID("mandate_id");
        c.driverId = r.getUUID("driver_id");
        c.cardId = r.getUUID("card_id");
        c.maskedCard = r.getString("masked_card");
        c.status = ChargeStatus.valueOf(r.getString("status"));
        c.reasonCode = r.getString("reason_code");
        c.approvalCode = r.getString("approval_code");
        c.bankReference = r.getString("bank_reference");
        c.checkAttempts = r.getInteger("check_attempts");
        c.nextCheckAt = instant(r.getOffsetDateTime("next_check_at"));
        c.createdAt = instant(r.getOffsetDateTime("created_at"));
        c.updatedAt = instant(r.getOffsetDateTime("updated_at"));
        return c;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
