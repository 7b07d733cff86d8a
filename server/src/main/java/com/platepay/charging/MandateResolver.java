package com.platepay.charging;

import com.platepay.enrollment.Mandate;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.vault.Card;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Finds whose card a plate charges. Only an exact plate and colour ever pick a card: a blue and a yellow 京A12345 are
 * two vehicles, so a charge without a colour is taken only when the plate's text proves its colour. The mandate and
 * its card come in one query on the plain reactive client (the charge path's only read), with its vehicle's
 * verification: a plate pays only once a person approved the vehicle's proof (VEHICLE_NOT_VERIFIED otherwise).
 */
@ApplicationScoped
public class MandateResolver {

    private static final String LIVE = """
            select m.id, m.driver_id, m.vehicle_id, m.card_id, m.plate, m.colour, m.allow_gas, m.allow_parking,
                   m.per_charge_cap, m.daily_cap, m.currency, m.status,
                   k.status as card_status, k.pan_ciphertext, k.pan_fingerprint, k.bin, k.last4, k.bank_name, k.card_type,
                   k.expiry_month, k.expiry_year, v.verification
            from mandates m join cards k on k.id = m.card_id join vehicles v on v.id = m.vehicle_id
            where m.plate = $1 and m.colour = $2 and m.status <> 'REVOKED'""";

    private static final String REVOKED = "select 1 from mandates where plate = $1 and colour = $2 and status = 'REVOKED' limit 1";

    /** Either a mandate with its card, or the reason there is none. */
    public record Resolution(Mandate mandate, Card card, String declineReason) {
        static Resolution of(Mandate m, Card c) {
            return new Resolution(m, c, null);
        }

        static Resolution declined(String reason) {
            return new Resolution(null, null, reason);
        }
    }

    private final Pool pool;

    public MandateResolver(@ReactiveDataSource("charging") Pool pool) {
        this.pool = pool;
    }

    public Uni<Resolution> resolve(PlateNumber plate, PlateColour given) {
        Optional<PlateColour> colour = given != null ? Optional.of(given) : plate.impliedColour();
        if (colour.isEmpty()) {
            return Uni.createFrom().item(Resolution.declined(ReasonCodes.PLATE_COLOUR_REQUIRED));
        }
        Tuple key = Tuple.of(plate.text(), colour.get().name());
        return pool.preparedQuery(LIVE).execute(key).flatMap(rows -> {
            var it = rows.iterator();
            if (it.hasNext()) {
                Row r = it.next();
                // A claim on a plate proves nothing: only an approved vehicle's mandate pays.
                if (!"APPROVED".equals(r.getString("verification"))) {
                    return Uni.createFrom().item(Resolution.declined(ReasonCodes.VEHICLE_NOT_VERIFIED));
                }
                return Uni.createFrom().item(Resolution.of(mandate(r), card(r)));
            }
            return pool.preparedQuery(REVOKED).execute(key)
                    .map(revoked -> Resolution.declined(revoked.size() > 0 ? ReasonCodes.MANDATE_REVOKED : ReasonCodes.NOT_ENROLLED));
        });
    }

    private static Mandate mandate(Row r) {
        Mandate m = new Mandate();
        m.id = r.getUUID("id");
        m.driverId = r.getUUID("driver_id");
        m.vehicleId = r.getUUID("vehicle_id");
        m.cardId = r.getUUID("card_id");
        m.plate = r.getString("plate");
        m.colour = r.getString("colour");
        m.allowGas = r.getBoolean("allow_gas");
        m.allowParking = r.getBoolean("allow_parking");
        m.perChargeCap = r.getLong("per_charge_cap");
        m.dailyCap = r.getLong("daily_cap");
        m.currency = r.getString("currency");
        m.status = Mandate.Status.valueOf(r.getString("status"));
        return m;
    }

    private static Card card(Row r) {
        Card c = new Card();
        c.id = r.getUUID("card_id");
        c.driverId = r.getUUID("driver_id");
        c.status = r.getString("card_status");
        var ciphertext = r.getBuffer("pan_ciphertext");
        c.panCiphertext = ciphertext == null ? null : ciphertext.getBytes();
        c.panFingerprint = r.getString("pan_fingerprint");
        c.bin = r.getString("bin");
        c.last4 = r.getString("last4");
        c.bankName = r.getString("bank_name");
        c.cardType = r.getString("card_type");
        c.expiryMonth = r.getInteger("expiry_month");
        c.expiryYear = r.getInteger("expiry_year");
        return c;
    }
}
