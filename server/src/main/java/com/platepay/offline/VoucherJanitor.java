package com.platepay.offline;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Settles a voucher whose charge has ended while the voucher still says RECEIVED: the server stopped between the
 * charge's answer and the voucher's move, or the handheld died while its debit was at the bank and never uploaded
 * it again. Its charge's final status decides, as the upload path does: APPROVED makes it PAID, DECLINED or REVERSED
 * (a debit that timed out, reversed by the charge janitor) makes it ARREARS. Each is one conditional update on
 * RECEIVED, so it cannot overwrite an upload that settled it first; a voucher moved less than a minute ago is left
 * to its upload.
 */
@ApplicationScoped
public class VoucherJanitor {

    private static final Logger LOG = Logger.getLogger(VoucherJanitor.class);
    private static final String SETTLE = """
            update vouchers v set status = ?1, reason_code = case when cast(?1 as varchar) = 'PAID' then 'APPROVED' else c.reason_code end,
                   charge_id = c.id, driver_id = coalesce(c.driver_id, v.driver_id), updated_at = now()
            from charges c
            where v.status = 'RECEIVED' and v.updated_at < now() - interval '1 minute'
              and c.device_id = v.device_id and c.charge_ref = v.charge_ref and c.status in (%s)""";

    @Scheduled(every = "${platepay.charging.janitor-interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> settleStranded() {
        VoucherStateMachine.require(VoucherStatus.RECEIVED, VoucherStatus.PAID);
        VoucherStateMachine.require(VoucherStatus.RECEIVED, VoucherStatus.ARREARS);
        return Panache.withTransaction(() -> move(VoucherStatus.PAID, "'APPROVED'")
                        .flatMap(paid -> move(VoucherStatus.ARREARS, "'DECLINED', 'REVERSED'").map(owed -> paid + owed)))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("settled %d voucher(s) whose charge had ended", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warn("voucher janitor failed; will try again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static Uni<Integer> move(VoucherStatus to, String chargeStatuses) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(SETTLE.formatted(chargeStatuses)).setParameter(1, to.name())
                .executeUpdate());
    }
}
