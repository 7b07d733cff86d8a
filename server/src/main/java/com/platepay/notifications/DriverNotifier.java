package com.platepay.notifications;

import com.platepay.charging.Charge;
import com.platepay.charging.ChargeStatus;
import com.platepay.protocol.charge.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells the driver about every debit at once (and about declines, so a refused fill is never a surprise).
 * The notification is written in the same transaction as the charge's outcome, so none is lost.
 */
@ApplicationScoped
public class DriverNotifier {

    /** Must run inside a transaction. */
    public Uni<Void> chargeDecided(Charge charge) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.driverId = charge.driverId;
        n.chargeId = charge.id;
        n.createdAt = Instant.now();
        String amount = charge.currency + " " + Money.format(charge.amount);
        switch (charge.status) {
            case APPROVED -> {
                n.kind = "CHARGE_APPROVED";
                n.title = "Paid " + amount;
                n.body = amount + " was debited from card " + charge.maskedCard + " for " + charge.plate + ".";
            }
            case REVERSED -> {
                n.kind = "CHARGE_REVERSED";
                n.title = "Payment cancelled";
                n.body = "A payment of " + amount + " for " + charge.plate + " could not be confirmed in time and was cancelled.";
            }
            default -> {
                n.kind = "CHARGE_DECLINED";
                n.title = "Payment declined";
                n.body = "A charge of " + amount + " for " + charge.plate + " was declined (" + charge.reasonCode + ").";
            }
        }
        if (charge.status == ChargeStatus.RECEIVED || charge.status == ChargeStatus.AUTHORIZING) {
            throw new IllegalStateException("no notification for a charge in flight");
        }
        return n.persist().replaceWithVoid();
    }
}
