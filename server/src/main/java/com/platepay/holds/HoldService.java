package com.platepay.holds;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.CompletionOutcome;
import com.platepay.bank.CompletionRequest;
import com.platepay.bank.HoldOutcome;
import com.platepay.charging.Charge;
import com.platepay.charging.ChargeCommand;
import com.platepay.charging.ChargeResults;
import com.platepay.charging.MandateResolver;
import com.platepay.enrollment.Mandate;
import com.platepay.notifications.DriverNotice;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.vault.CardVault;
import com.platepay.vault.HoldOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Holds for CNG fills, a path of their own beside the plain charge (which they leave as it is). On a passed
 * cylinder-check, {@link #place} reserves the fill's price (the tank's capacity at the site's unit price, within the
 * caps left) under the daily caps, stores the hold, then asks the bank for it: persist before the bank. The
 * {@code charge} naming the check ({@link #charge}) completes the hold for the real amount, at most the hold, and gives
 * back the rest to the fen; the charge is recorded (APPROVED, with its ledger posting) when the bank acknowledges the
 * completion. What no charge completes, {@link HoldJanitor} voids when the site's limit has passed.
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);

    /** The site's price and limit, and whose it is. */
    record SiteTerms(Long unitPrice, int holdSeconds, UUID operatorId) {
    }

    private final HoldStore store;
    private final MandateResolver mandates;
    private final CardVault vault;
    private final AcquirerPort acquirer;
    private final PlatePayConfig config;

    public HoldService(HoldStore store, MandateResolver mandates, CardVault vault, AcquirerPort acquirer, PlatePayConfig config) {
        this.store = store;
        this.mandates = mandates;
        this.vault = vault;
        this.acquirer = acquirer;
        this.config = config;
    }

    /**
     * Places a hold for a check that passed both ways, sized {@code fullTank} fen (what the checked cylinders take at
     * the site's price; see {@link HoldSizing}) within {@code remaining}. The hold as it stands after the bank's
     * answer, or null when none was placed (the site sells at no unit price, or the caps had no room any more).
     */
    public Uni<Hold> place(UUID checkId, UUID deviceId, UUID siteId, String plate, String colour, long remaining, WaterAndPressure tank) {
        return Panache.withSession(() -> terms(siteId)).flatMap(terms -> {
            if (terms == null || terms.unitPrice() == null) {
                return Uni.createFrom().nullItem();
            }
            long amount = Math.min(remaining, tank.cost(terms.unitPrice()));
            if (amount <= 0) {
                return Uni.createFrom().nullItem();
            }
            return mandates.resolve(PlateNumber.parse(plate), PlateColour.valueOf(colour)).flatMap(resolution -> {
                Mandate m = resolution.mandate();
                if (m == null) {
                    return Uni.createFrom().nullItem();
                }
                UUID holdId = UUID.randomUUID();
                HoldStore.NewHold hold = new HoldStore.NewHold(holdId, checkId, deviceId, siteId, terms.operatorId(), m.id, m.driverId,
                        m.cardId, resolution.card().panFingerprint, resolution.card().masked(), plate, colour, amount, m.currency,
                        terms.unitPrice(), java.time.LocalDate.now(config.charging().businessZone()), terms.holdSeconds(), m.dailyCap,
                        config.limits().maxDailyPerDriver());
                var sealed = vault.seal(resolution.card());
                return Panache.withTransaction(() -> store.insert(hold)).flatMap(stored -> !stored ? Uni.createFrom().<Hold>nullItem()
                        : vault.hold(sealed, new HoldOrder(holdId.toString(), amount, m.currency, siteId.toString(), "PlatePay fill " + plate))
                                .flatMap(outcome -> Panache.withTransaction(() -> recordPlacement(holdId, outcome)))
                                .flatMap(x -> Panache.withSession(() -> Hold.<Hold>findById(holdId))));
            });
        });
    }

    /** The amount held for a check, when its hold stands (for a resent check's answer). */
    public Uni<Hold> ofCheck(UUID checkId) {
        return Panache.withSession(() -> Hold.<Hold>find("checkId", checkId).firstResult());
    }

    private Uni<Void> recordPlacement(UUID holdId, HoldOutcome outcome) {
        return Hold.<Hold>findById(holdId).flatMap(h -> {
            if (h.status != HoldStatus.PLACING) {
                return Uni.createFrom().voidItem();   // the janitor found it stuck first; its decision stands
            }
            if (outcome instanceof HoldOutcome.Held held) {
                return HoldStore.move(h, HoldStatus.HELD).set("approval_code", held.approvalCode()).set("bank_reference", held.bankReference())
                        .setExpression("next_check_at", "expires_at").apply()
                        .flatMap(moved -> !moved ? Uni.createFrom().voidItem() : store.postHold(h, "HOLD_PLACED", 1));
            }
            if (outcome instanceof HoldOutcome.Unknown unknown) {
                LOG.warnf("hold %s: no answer from the bank (%s); the janitor will void it", holdId, unknown.why());
                return HoldStore.due(HoldStore.move(h, HoldStatus.UNKNOWN).set("reason_code", ReasonCodes.BANK_TIMEOUT),
                        config.charging().janitorFirstDelay()).apply().replaceWithVoid();
            }
            String reason = outcome instanceof HoldOutcome.Declined d ? HoldDeclines.reasonFor(d.declineCode()) : HoldDeclines.NOT_SUPPORTED;
            return HoldStore.move(h, HoldStatus.DECLINED).set("reason_code", reason).setExpression("next_check_at", "null").apply()
                    .flatMap(moved -> !moved ? Uni.createFrom().voidItem() : store.release(h, h.amount));
        });
    }

    /**
     * A charge naming the check {@code checkId}: completes the check's hold for the charge's amount. A resend of the
     * same charge id gets the stored answer; a charge over the hold is DECLINED with OVER_HOLD (the hold stays); a
     * check without a standing hold, HOLD_NOT_FOUND.
     */
    public Uni<ChargeResult> charge(ChargeCommand command, String checkRef) {
        HoldCharge wanted = HoldCharge.of(command, checkRef);
        UUID checkId;
        try {
            checkId = UUID.fromString(checkRef);
        } catch (IllegalArgumentException notOurs) {
            return Uni.createFrom().item(ChargeResults.rejected(command.chargeRef(), command.amount(), command.currency(),
                    ReasonCodes.HOLD_NOT_FOUND, "no cylinder check has this id"));
        }
        return Panache.withTransaction(() -> Charge.<Charge>find("deviceId = ?1 and chargeRef = ?2", command.deviceId(), command.chargeRef())
                        .firstResult().flatMap(existing -> existing != null ? Uni.createFrom().item(Step.answered(replay(existing, wanted)))
                                : Hold.<Hold>find("checkId = ?1 and deviceId = ?2", checkId, command.deviceId()).firstResult()
                                        .flatMap(h -> begin(h, wanted))))
                .flatMap(step -> step.answer() != null ? Uni.createFrom().item(step.answer())
                        : acquirer.complete(new CompletionRequest(step.holdId().toString(), wanted.amount()))
                                .flatMap(outcome -> recordCompletion(step.holdId(), outcome)));
    }

    /** Longer than a completion's own bank call can take, so the janitor does not race a live request. */
    private Duration completionLease() {
        return config.bank().timeout().multipliedBy(4).plusSeconds(10);
    }

    /** Either the answer now, or a hold moved to COMPLETING that the bank must now complete. */
    private record Step(ChargeResult answer, UUID holdId) {
        static Step answered(ChargeResult answer) {
            return new Step(answer, null);
        }
    }

    private Uni<Step> begin(Hold h, HoldCharge c) {
        if (h == null) {
            return Uni.createFrom().item(Step.answered(ChargeResults.rejected(c.chargeRef(), c.amount(), c.currency(),
                    ReasonCodes.HOLD_NOT_FOUND, "no hold for this check on this device: send the charge without the check id")));
        }
        if (h.status == HoldStatus.COMPLETING && c.chargeRef().equals(h.chargeRef)) {
            return Uni.createFrom().item(Step.answered(inProgress(c)));
        }
        String refusal = h.status != HoldStatus.HELD ? ReasonCodes.HOLD_NOT_FOUND
                : !h.plate.equals(c.plate()) ? ReasonCodes.HOLD_NOT_FOUND
                : !h.currency.equals(c.currency()) ? ReasonCodes.CURRENCY_MISMATCH
                : c.amount() > h.amount ? ReasonCodes.OVER_HOLD : null;
        if (refusal != null) {
            UUID chargeId = UUID.randomUUID();
            return store.insertCharge(chargeId, h, c, "DECLINED", refusal, null, null)
                    .replaceWith(Step.answered(declined(c, h, refusal)));
        }
        // Due for the janitor once this request's own bank call must have ended: if its server dies before it records
        // the answer, the janitor sends the completion again (the bank answers a repeat as before).
        return HoldStore.due(HoldStore.move(h, HoldStatus.COMPLETING).set("charge_ref", c.chargeRef()).set("charge_hash", c.requestHash())
                        .set("charge_body", c.json()).set("captured", c.amount()), completionLease()).apply()
                .map(moved -> moved ? new Step(null, h.id) : Step.answered(inProgress(c)));
    }

    /**
     * The bank's answer to a completion, recorded if the hold still waits for it: the charge (APPROVED with its
     * posting, or DECLINED with the hold standing again); an unacknowledged completion stays COMPLETING and the janitor
     * sends it again. Also the janitor's way in.
     */
    Uni<ChargeResult> recordCompletion(UUID holdId, CompletionOutcome outcome) {
        return Panache.withTransaction(() -> Hold.<Hold>findById(holdId).flatMap(h -> {
            HoldCharge c = h.chargeBody == null ? null : HoldCharge.parse(h.chargeBody);
            if (h.status != HoldStatus.COMPLETING || c == null) {
                return stored(h);
            }
            if (outcome instanceof CompletionOutcome.Completed) {
                // The charge takes the hold's id, the key the bank knows the completion by, so the day's reconciliation
                // matches the bank's debit with this charge's posting (at most one completion stands per hold).
                UUID chargeId = h.id;
                long captured = h.captured;
                return store.insertCharge(chargeId, h, c, "APPROVED", ReasonCodes.APPROVED, h.approvalCode, h.bankReference)
                        .flatMap(x -> HoldStore.move(h, HoldStatus.COMPLETED).set("charge_id", chargeId)
                                .setExpression("next_check_at", "null").apply())
                        .flatMap(moved -> {
                            if (!moved) {
                                throw new IllegalStateException("hold " + holdId + " moved while its completion was recorded");
                            }
                            return store.postCaptured(h, chargeId, captured)
                                    .flatMap(x -> store.postHold(h, "HOLD_RELEASED", -1))
                                    .flatMap(x -> store.release(h, h.amount - captured))
                                    .flatMap(x -> store.notify(h, chargeId, DriverNotifier.text(new DriverNotice(h.driverId, chargeId,
                                            DriverNotice.Kind.CHARGE_APPROVED, h.plate, captured, h.currency, h.maskedCard, ReasonCodes.APPROVED))));
                        })
                        .flatMap(x -> Charge.<Charge>findById(chargeId)).map(ChargeResults::of);
            }
            if (outcome instanceof CompletionOutcome.Declined declined) {
                String reason = HoldDeclines.reasonFor(declined.declineCode());
                UUID chargeId = UUID.randomUUID();
                return HoldStore.move(h, HoldStatus.HELD).set("charge_ref", null).set("charge_hash", null).set("charge_body", null)
                        .set("captured", null).setExpression("next_check_at", "expires_at").apply()
                        .flatMap(x -> store.insertCharge(chargeId, h, c, "DECLINED", reason, null, null))
                        .map(x -> declined(c, h, reason));
            }
            // Not acknowledged yet (or an acquirer without holds): asking again is safe, and the janitor will.
            LOG.warnf("hold %s: the completion is not acknowledged yet (%s); the janitor sends it again", holdId, outcome);
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                    "update holds set next_check_at = now() + interval '1 millisecond' * cast(?1 as bigint) where id = ?2 and status = 'COMPLETING'")
                            .setParameter(1, config.charging().janitorFirstDelay().toMillis()).setParameter(2, holdId).executeUpdate())
                    .replaceWith(inProgress(c));
        }));
    }

    /** What a completed (or otherwise ended) hold's charge was answered. */
    private static Uni<ChargeResult> stored(Hold h) {
        if (h.chargeRef == null) {
            return Uni.createFrom().item(ChargeResults.rejected(null, null, null, ReasonCodes.HOLD_NOT_FOUND, "this hold has ended"));
        }
        return Charge.<Charge>find("deviceId = ?1 and chargeRef = ?2", h.deviceId, h.chargeRef).firstResult()
                .map(charge -> charge != null ? ChargeResults.of(charge)
                        : ChargeResults.rejected(h.chargeRef, h.captured, h.currency, ReasonCodes.IN_PROGRESS, "still being completed"));
    }

    private static ChargeResult replay(Charge existing, HoldCharge wanted) {
        if (!existing.requestHash.equals(wanted.requestHash())) {
            return ChargeResults.rejected(wanted.chargeRef(), wanted.amount(), wanted.currency(), ReasonCodes.IDEMPOTENCY_CONFLICT,
                    "this charge id was already used for a different charge");
        }
        if (existing.status == com.platepay.charging.ChargeStatus.DECLINED
                && (ReasonCodes.OVER_HOLD.equals(existing.reasonCode) || ReasonCodes.HOLD_NOT_FOUND.equals(existing.reasonCode))) {
            return new ChargeResult(existing.chargeRef, ResultStatus.DECLINED, existing.reasonCode, null, existing.maskedCard,
                    existing.amount, existing.currency, HoldDeclines.message(existing.reasonCode));
        }
        return ChargeResults.of(existing);
    }

    private static ChargeResult declined(HoldCharge c, Hold h, String reason) {
        return new ChargeResult(c.chargeRef(), ResultStatus.DECLINED, reason, null, h.maskedCard, c.amount(), c.currency(),
                HoldDeclines.message(reason));
    }

    private static ChargeResult inProgress(HoldCharge c) {
        return ChargeResults.rejected(c.chargeRef(), c.amount(), c.currency(), ReasonCodes.IN_PROGRESS,
                "the bank is completing this fill; resend the same request in a few seconds");
    }

    private static Uni<SiteTerms> terms(UUID siteId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select unit_price, hold_seconds, operator_id from sites where id = ?1", Object[].class)
                .setParameter(1, siteId).getResultList())
                .map(rows -> rows.isEmpty() ? null : new SiteTerms(rows.get(0)[0] == null ? null : ((Number) rows.get(0)[0]).longValue(),
                        ((Number) rows.get(0)[1]).intValue(), (UUID) rows.get(0)[2]));
    }

    /** The checked cylinders' water capacities and pressures, priced per tank. */
    public interface WaterAndPressure {
        long cost(long unitPrice);
    }

}
