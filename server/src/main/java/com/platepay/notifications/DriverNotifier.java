package com.platepay.notifications;

import com.platepay.protocol.charge.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells the driver about every debit at once (and about declines, so a refused fill is never a surprise).
 * The notification is written in the same transaction as the outcome it reports, so none is lost.
 */
@ApplicationScoped
public class DriverNotifier {

    /** A notification's words, for writers that store it in their own statement (the charge path). */
    public record Text(String kind, String title, String body) {
    }

    /** Must run inside a transaction. */
    public Uni<Void> tell(DriverNotice notice) {
        Text text = text(notice);
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.driverId = notice.driverId();
        n.chargeId = notice.chargeId();
        n.createdAt = Instant.now();
        n.kind = text.kind();
        n.title = text.title();
        n.body = text.body();
        n.plate = notice.plate();
        n.detail = notice.reasonCode() == null ? null
                : notice.reasonCode().length() > 200 ? notice.reasonCode().substring(0, 200) : notice.reasonCode();
        return n.persist().replaceWithVoid();
    }

    /** What the driver is told, in words. */
    public static Text text(DriverNotice notice) {
        String title;
        String body;
        String amount = notice.currency() == null ? "" : notice.currency() + " " + Money.format(notice.amount());
        switch (notice.kind()) {
            case CHARGE_APPROVED -> {
                title = "Paid " + amount;
                body = amount + " was debited from card " + notice.maskedCard() + " for " + notice.plate() + ".";
            }
            case CHARGE_REVERSED -> {
                title = "Payment cancelled";
                body = "A payment of " + amount + " for " + notice.plate() + " could not be confirmed in time and was cancelled.";
            }
            case CHARGE_DECLINED -> {
                title = "Payment declined";
                body = "A charge of " + amount + " for " + notice.plate() + " was declined (" + notice.reasonCode() + ").";
            }
            case CHARGE_NEEDS_ATTENTION -> {
                title = "Payment under review";
                body = "A payment of " + amount + " for " + notice.plate() + " was cancelled at the station, but your bank has not"
                        + " yet confirmed that the money was returned. Our staff are on it; if you see a debit, it will be returned.";
            }
            case CHARGE_REFUNDED -> {
                title = "Refunded " + amount;
                body = amount + " of a payment for " + notice.plate() + " was refunded to card " + notice.maskedCard() + ".";
            }
            case VEHICLE_APPROVED -> {
                title = "Vehicle approved";
                body = notice.plate() + " is verified: plate payment works for it once a mandate is active.";
            }
            case VEHICLE_REJECTED -> {
                title = "Vehicle proof rejected";
                body = "The proof for " + notice.plate() + " was not accepted (" + notice.reasonCode() + "). Upload a new photo"
                        + " of the vehicle licence.";
            }
            case DISPUTE_UPDATED -> {
                title = "Dispute " + notice.reasonCode().toLowerCase().replace('_', ' ');
                body = "Your dispute of " + amount + " for " + notice.plate() + " is now " + notice.reasonCode() + ".";
            }
            default -> throw new IllegalArgumentException("unknown notice " + notice.kind());
        }
        return new Text(notice.kind().name(), title, body);
    }
}
