package com.platepay.disputes;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Gathers the evidence for one charge, read-only and outside any transaction, for its driver only (a charge of
 * someone else is not found). Parking charges are matched to their stay by the session's charge device and the
 * attempt's chargeRef (parking.ChargeRefs), which the session keeps for its current attempt.
 */
@ApplicationScoped
public class EvidenceCollector {

    static final String CHARGE = """
            select c.id, c.charge_ref, s.category, s.id as site_id, s.name as site_name, d.id as device_id, d.name as device_name,
                   c.pump, c.attendant, c.plate, c.plate_colour, c.amount, c.currency, c.volume_milli, c.volume_unit,
                   c.unit_price, c.captured_at, c.created_at, c.status, c.reason_code, c.approval_code, c.masked_card,
                   c.driver_id, s.operator_id
            from charges c join sites s on s.id = c.site_id join devices d on d.id = c.device_id
            where c.id = $1""";

    private static final String STAY = """
            select p.id, p.entry_at, p.exit_at, p.exit_confidence, p.exit_match,
                   (select r.crop_sha256 from plate_reads r where r.session_id = p.id and r.direction = 'ENTRY'
                     order by r.received_at limit 1) as entry_crop,
                   (select r.crop_sha256 from plate_reads r where r.session_id = p.id and r.direction = 'EXIT'
                     order by r.received_at desc limit 1) as exit_crop
            from parking_sessions p where p.charge_device_id = $1 and p.charge_ref = $2""";

    /** The evidence and who the charge belongs to. */
    public record Found(Evidence evidence, UUID driverId, UUID operatorId) {
    }

    private final Pool pool;

    public EvidenceCollector(Pool pool) {
        this.pool = pool;
    }

    /** The charge's evidence if it is the driver's; null otherwise. */
    public Uni<Found> forDriver(UUID chargeId, UUID driverId) {
        return find(chargeId).map(found -> found != null && driverId.equals(found.driverId()) ? found : null);
    }

    public Uni<Found> find(UUID chargeId) {
        return pool.preparedQuery(CHARGE).execute(Tuple.of(chargeId)).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().nullItem();
            }
            Row c = rows.iterator().next();
            Uni<Evidence.Parking> stay = "PARKING".equals(c.getString("category"))
                    ? pool.preparedQuery(STAY).execute(Tuple.of(c.getUUID("device_id"), c.getString("charge_ref")))
                            .map(s -> s.iterator().hasNext() ? stay(s.iterator().next()) : null)
                    : Uni.createFrom().nullItem();
            return stay.map(parking -> new Found(evidence(c, parking), c.getUUID("driver_id"), c.getUUID("operator_id")));
        });
    }

    private static Evidence evidence(Row c, Evidence.Parking parking) {
        return new Evidence(c.getUUID("id"), c.getString("charge_ref"), c.getString("category"), c.getUUID("site_id"),
                c.getString("site_name"), c.getUUID("device_id"), c.getString("device_name"), c.getString("pump"),
                c.getString("attendant"), c.getString("plate"), c.getString("plate_colour"), c.getLong("amount"),
                c.getString("currency"), c.getLong("volume_milli"), c.getString("volume_unit"), c.getLong("unit_price"),
                instant(c, "captured_at"), instant(c, "created_at"), c.getString("status"), c.getString("reason_code"),
                c.getString("approval_code"), c.getString("masked_card"), parking);
    }

    private static Evidence.Parking stay(Row s) {
        return new Evidence.Parking(s.getUUID("id"), instant(s, "entry_at"), instant(s, "exit_at"), s.getString("entry_crop"),
                s.getString("exit_crop"), s.getInteger("exit_confidence"), s.getString("exit_match"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
