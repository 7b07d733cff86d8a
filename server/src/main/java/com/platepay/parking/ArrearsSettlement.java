package com.platepay.parking;

import com.platepay.charging.MandateResolver;
import com.platepay.enrollment.Mandate;
import com.platepay.platform.ApiException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.Site;
import com.platepay.sites.SiteCategory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A driver settles a stay the lot let out in arrears: the card bound to the plate is debited through the charging
 * core like an exit (category PARKING, chargeRef = the session and the attempt), and the session moves ARREARS ->
 * CHARGING -> PAID, or back to ARREARS when the bank declines again.
 *
 * <p>A second click while the first is at the bank finds the session CHARGING and asks for the same attempt, so
 * it gets that charge's answer and never a second debit. Each click that starts an attempt counts; the lot's
 * {@code maxDebitAttempts} bounds them, because every decline costs the lot a fee and a card that is tried again
 * and again looks like card testing to its bank. After that the lot's staff decide.
 */
@ApplicationScoped
public class ArrearsSettlement {

    private final SessionTransitions transitions;
    private final ExitPayment payment;
    private final MandateResolver mandates;

    public ArrearsSettlement(SessionTransitions transitions, ExitPayment payment, MandateResolver mandates) {
        this.transitions = transitions;
        this.payment = payment;
        this.mandates = mandates;
    }

    /** The driver's stays in arrears, newest first. Must run in a session. */
    Uni<List<ParkingSession>> owed(UUID driverId) {
        return ParkingSession.<ParkingSession>find("driverId = ?1 and status = ?2 order by exitAt desc", driverId, SessionStatus.ARREARS)
                .page(0, 200).list();
    }

    /** Tries the debit once (or joins the attempt in flight) and returns the session as it then is. */
    Uni<ParkingSession> settle(UUID driverId, UUID sessionId) {
        return Panache.withTransaction(() -> owned(driverId, sessionId).flatMap(s -> start(driverId, s)))
                .flatMap(debit -> debit == null ? Uni.createFrom().voidItem() : payment.pay(debit).replaceWithVoid())
                .flatMap(x -> Panache.withSession(() -> owned(driverId, sessionId)));
    }

    /** The debit to make now, or null when there is nothing to do (settled already). */
    private Uni<Step.Debit> start(UUID driverId, ParkingSession s) {
        return switch (s.status) {
            case PAID -> Uni.createFrom().nullItem();
            case CHARGING -> debitOf(s);
            case ARREARS -> begin(driverId, s);
            default -> throw notInArrears(s);
        };
    }

    private Uni<Step.Debit> begin(UUID driverId, ParkingSession s) {
        return ParkingLot.<ParkingLot>findById(s.siteId).flatMap(lot -> {
            if (s.settleAttempts >= lot.maxDebitAttempts) {
                throw ApiException.conflict("SETTLE_ATTEMPTS_USED", "the card was tried " + s.settleAttempts
                        + " times for this stay; please settle it with the lot");
            }
            return usableMandate(driverId, s).flatMap(ok -> {
                int attempt = s.debitAttempts + 1;
                var move = SessionTransitions.move(s.id, SessionStatus.ARREARS, SessionStatus.CHARGING)
                        .set("debit_attempts", attempt).set("charge_ref", ChargeRefs.ref(s.id, attempt))
                        .set("settle_attempts", s.settleAttempts + 1);
                // Moved or not, what the session is now decides: a concurrent click that moved it first is the same attempt.
                return transitions.apply(move).flatMap(moved -> reload(s.id)).flatMap(fresh -> switch (fresh.status) {
                    case CHARGING -> debitOf(fresh);
                    case PAID -> Uni.createFrom().<Step.Debit>nullItem();
                    default -> throw notInArrears(fresh);
                });
            });
        });
    }

    /** Only a card the driver still binds to this plate for parking is debited: never someone else's. */
    private Uni<Void> usableMandate(UUID driverId, ParkingSession s) {
        return mandates.resolve(new PlateNumber(s.plate), PlateColour.valueOf(s.plateColour)).map(r -> {
            Mandate m = r.mandate();
            if (m == null || !m.driverId.equals(driverId)) {
                throw ApiException.conflict("NO_USABLE_MANDATE", "no mandate of yours pays for this plate any more; settle it with the lot");
            }
            if (m.status != Mandate.Status.ACTIVE) {
                throw ApiException.conflict("NO_USABLE_MANDATE", "your mandate for this plate is " + m.status + "; resume it to settle");
            }
            if (!m.allows(SiteCategory.PARKING)) {
                throw ApiException.conflict("NO_USABLE_MANDATE", "your mandate for this plate does not allow parking");
            }
            return null;
        });
    }

    private static Uni<Step.Debit> debitOf(ParkingSession s) {
        return ParkingLot.<ParkingLot>findById(s.siteId).flatMap(lot -> Site.<Site>findById(s.siteId)
                .flatMap(site -> ChargeRefs.debit(s, site.operatorId, lot.declinePolicy, true)));
    }

    private static Uni<ParkingSession> owned(UUID driverId, UUID sessionId) {
        return ParkingSession.<ParkingSession>find("id = ?1 and driverId = ?2", sessionId, driverId).firstResult().map(s -> {
            if (s == null) {
                throw ApiException.notFound("parking session");
            }
            return s;
        });
    }

    private static Uni<ParkingSession> reload(UUID id) {
        return ParkingSession.<ParkingSession>findById(id).call(s -> Panache.getSession().flatMap(session -> session.refresh(s)));
    }

    private static ApiException notInArrears(ParkingSession s) {
        return ApiException.conflict("NOT_IN_ARREARS", "this stay is " + s.status + ", not in arrears");
    }
}
