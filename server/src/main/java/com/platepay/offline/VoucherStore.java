package com.platepay.offline;

import com.platepay.platform.ConditionalUpdate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The database side of vouchers, every statement on the current Panache session (so inside a transaction). The
 * unique (device, counter) makes an upload again find the voucher already stored instead of storing a second one.
 */
@ApplicationScoped
public class VoucherStore {

    private static final String INSERT = """
            insert into vouchers (id, device_id, counter, site_id, operator_id, plate, colour, tag_id, amount, currency, pump,
                                  attendant, captured_at, allow_list_version, voucher_hash, signature, charge_ref, status)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 'RECEIVED')
            on conflict (device_id, counter) do nothing""";
    private static final String FIND = """
            select id, counter, status, reason_code, amount, currency, voucher_hash, charge_ref from vouchers
            where device_id = ?1 and counter = ?2""";
    /** Whose card the charge tried, else whoever holds the approved plate: the driver who sees the arrears. */
    private static final String CHARGE_OF = "(select c.id from charges c where c.device_id = vouchers.device_id and c.charge_ref = vouchers.charge_ref)";
    private static final String DRIVER_OF = """
            coalesce((select c.driver_id from charges c where c.device_id = vouchers.device_id and c.charge_ref = vouchers.charge_ref),
                     (select v.driver_id from vehicles v where v.plate = vouchers.plate and v.colour = vouchers.colour
                      and v.verification = 'APPROVED' limit 1))""";

    /** A new voucher as it arrived, with the charge id it is debited under. */
    record NewVoucher(UUID deviceId, long counter, UUID siteId, UUID operatorId, String plate, String colour, String tagId, long amount,
                      String currency, String pump, String attendant, Instant capturedAt, long allowListVersion, String hash,
                      String signature, String chargeRef) {
    }

    /** Stores it unless (device, counter) is stored already; either way, the stored one. */
    Uni<StoredVoucher> insertOrFind(NewVoucher v) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(INSERT)
                        .setParameter(1, UUID.randomUUID()).setParameter(2, v.deviceId()).setParameter(3, v.counter())
                        .setParameter(4, v.siteId()).setParameter(5, v.operatorId()).setParameter(6, v.plate()).setParameter(7, v.colour())
                        .setParameter(8, v.tagId()).setParameter(9, v.amount()).setParameter(10, v.currency()).setParameter(11, v.pump())
                        .setParameter(12, v.attendant()).setParameter(13, OffsetDateTime.ofInstant(v.capturedAt(), ZoneOffset.UTC))
                        .setParameter(14, v.allowListVersion()).setParameter(15, v.hash()).setParameter(16, v.signature())
                        .setParameter(17, v.chargeRef()).executeUpdate())
                .flatMap(ignored -> find(v.deviceId(), v.counter()));
    }

    Uni<StoredVoucher> find(UUID deviceId, long counter) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(FIND, Object[].class).setParameter(1, deviceId).setParameter(2, counter)
                .getSingleResult()).map(StoredVoucher::of);
    }

    /** RECEIVED -> PAID or ARREARS with the charge and the driver; false when another writer moved it first. */
    Uni<Boolean> settle(StoredVoucher v, VoucherStatus to, String reasonCode) {
        VoucherStateMachine.require(v.status(), to);
        return ConditionalUpdate.of("vouchers", v.id(), v.status(), to).set("reason_code", reasonCode)
                .setExpression("charge_id", CHARGE_OF).setExpression("driver_id", DRIVER_OF).apply();
    }
}
