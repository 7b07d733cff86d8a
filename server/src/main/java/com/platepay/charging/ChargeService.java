package com.platepay.charging;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.DebitOutcome;
import com.platepay.bank.DebitRequest;
import com.platepay.enrollment.Mandate;
import com.platepay.ledger.Ledger;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.Db;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.vault.Card;
import com.platepay.vault.CardVault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes a validated charge to its end, exactly once per (device, charge id):
 * one transaction records the charge and reserves the daily cap, the bank is called outside any transaction,
 * and a second transaction records the bank's answer, the ledger posting and the driver's notification.
 */
@ApplicationScoped
public class ChargeService {

    private static final Logger LOG = Logger.getLogger(ChargeService.class);

    private final MandateResolver mandates;
    private final RiskRules risk;
    private final DailyCaps caps;
    private final CardVault vault;
    private final AcquirerPort acquirer;
    private final Ledger ledger;
    private final DriverNotifier notifier;
    private final PlatePayConfig config;

    public ChargeService(MandateResolver mandates, RiskRules risk, DailyCaps caps, CardVault vault, AcquirerPort acquirer,
                         Ledger ledger, DriverNotifier notifier, PlatePayConfig config) {
        this.mandates = mandates;
        this.risk = risk;
        this.caps = caps;
        this.vault = vault;
        this.acquirer = acquirer;
        this.ledger = ledger;
        this.notifier = notifier;
        this.config = config;
    }

    /** What happened in the first transaction. */
    private sealed interface Step {
        record Answered(ChargeResult result) implements Step {
        }

        record StillInFlight() implements Step {
        }

        record GoToBank(UUID chargeId, UUID operatorId, DebitRequest debit) implements Step {
        }
    }

    /** The result to send to the device; empty while an earlier copy of the same charge is still being processed. */
    public Uni<Optional<ChargeResult>> charge(ChargeCommand command) {
        return Panache.withTransaction(() -> findExisting(command)
                        .flatMap(existing -> existing != null ? Uni.createFrom().item(replay(existing, command)) : decide(command)))
                // A concurrent copy of the same charge won the insert: everything this one did was rolled back.
                .onFailure(Db::isUniqueViolation).recoverWithUni(() -> Panache.withSession(() -> findExisting(command))
                        .map(existing -> replay(existing, command)))
                .flatMap(this::finish);
    }

    private Uni<Optional<ChargeResult>> finish(Step step) {
        if (step instanceof Step.Answered answered) {
            return Uni.createFrom().item(Optional.of(answered.result()));
        }
        if (step instanceof Step.GoToBank go) {
            return acquirer.debit(go.debit())
                    .flatMap(outcome -> Panache.withTransaction(() -> record(go.chargeId(), outcome, go.operatorId())))
                    .map(Optional::of);
        }
        return Uni.createFrom().item(Optional.empty());
    }

    private static Uni<Charge> findExisting(ChargeCommand command) {
        return Charge.<Charge>find("deviceId = ?1 and chargeRef = ?2", command.deviceId(), command.chargeRef()).firstResult();
    }

    /** The same charge id again: the stored answer, never a second debit. */
    private static Step replay(Charge existing, ChargeCommand command) {
        if (!existing.requestHash.equals(command.requestHash())) {
            return new Step.Answered(ChargeResults.rejected(command.chargeRef(), command.amount(), command.currency(),
                    ReasonCodes.IDEMPOTENCY_CONFLICT, "this charge id was already used for a different charge"));
        }
        if (!existing.status.answered()) {
            return new Step.StillInFlight();
        }
        return new Step.Answered(ChargeResults.of(existing));
    }

    private Uni<Step> decide(ChargeCommand command) {
        Charge charge = newCharge(command);
        return mandates.resolve(command.plate(), command.colour()).flatMap(resolution -> {
            if (resolution.mandate() == null) {
                return declined(charge, resolution.declineReason());
            }
            Mandate mandate = resolution.mandate();
            charge.mandateId = mandate.id;
            charge.driverId = mandate.driverId;
            charge.cardId = mandate.cardId;
            String refusal = risk.check(mandate, command);
            if (refusal != null) {
                return declined(charge, refusal);
            }
            return Card.<Card>findById(mandate.cardId).flatMap(card -> {
                if (card == null || !"ACTIVE".equals(card.status)) {
                    return declined(charge, ReasonCodes.CARD_DECLINED);
                }
                charge.maskedCard = card.masked();
                return caps.reserve(mandate.id, charge.businessDay, charge.amount, mandate.dailyCap).flatMap(reserved -> {
                    if (!reserved) {
                        return declined(charge, ReasonCodes.OVER_DAILY_CAP);
                    }
                    charge.status = ChargeStatus.AUTHORIZING;
                    DebitRequest debit = new DebitRequest(charge.id.toString(), vault.reveal(card), card.expiryMonth,
                            card.expiryYear, charge.amount, charge.currency, command.siteId().toString(),
                            "PlatePay " + command.plate().text() + " " + command.chargeRef());
                    return charge.persist().map(ignored -> (Step) new Step.GoToBank(charge.id, command.operatorId(), debit));
                });
            });
        });
    }

    private Uni<Step> declined(Charge charge, String reason) {
        charge.decline(reason);
        return charge.persist().flatMap(ignored -> charge.driverId == null
                        ? Uni.createFrom().voidItem()
                        : notifier.chargeDecided(charge))
                .map(ignored -> new Step.Answered(ChargeResults.of(charge)));
    }

    /** The bank's answer, recorded once. Must run inside a transaction. */
    private Uni<ChargeResult> record(UUID chargeId, DebitOutcome outcome, UUID operatorId) {
        return Charge.<Charge>findById(chargeId).flatMap(charge -> {
            if (charge.status != ChargeStatus.AUTHORIZING) {
                // The janitor got here first (only after a crash left the charge in flight for long).
                return Uni.createFrom().item(ChargeResults.of(charge));
            }
            charge.updatedAt = Instant.now();
            Uni<Void> effects;
            if (outcome instanceof DebitOutcome.Approved approved) {
                charge.status = ChargeStatus.APPROVED;
                charge.reasonCode = ReasonCodes.APPROVED;
                charge.approvalCode = approved.approvalCode();
                charge.bankReference = approved.bankReference();
                effects = ledger.postApprovedCharge(charge, operatorId).flatMap(x -> notifier.chargeDecided(charge));
            } else if (outcome instanceof DebitOutcome.Declined declined) {
                charge.decline(BankDeclines.reasonFor(declined.declineCode()));
                effects = caps.release(charge.mandateId, charge.businessDay, charge.amount)
                        .flatMap(x -> notifier.chargeDecided(charge));
            } else {
                // The money may have moved. The attendant is told "declined, take another payment", so the
                // janitor will make sure it did not (reversal), and only then give the cap back.
                charge.status = ChargeStatus.UNKNOWN;
                charge.reasonCode = ReasonCodes.BANK_TIMEOUT;
                charge.nextCheckAt = Instant.now().plus(config.charging().janitorFirstDelay());
                LOG.warnf("charge %s is UNKNOWN after %s; the janitor will reverse it", charge.id, ((DebitOutcome.Unknown) outcome).why());
                effects = Uni.createFrom().voidItem();
            }
            return effects.map(ignored -> ChargeResults.of(charge));
        });
    }

    private Charge newCharge(ChargeCommand command) {
        Instant now = Instant.now();
        Charge c = new Charge();
        c.id = UUID.randomUUID();
        c.deviceId = command.deviceId();
        c.chargeRef = command.chargeRef();
        c.siteId = command.siteId();
        c.requestHash = command.requestHash();
        c.plate = command.plate().text();
        c.plateColour = command.colour() == null ? null : command.colour().name();
        c.amount = command.amount();
        c.currency = command.currency();
        c.volumeMilli = command.volumeMilli();
        c.volumeUnit = command.volumeUnit();
        c.unitPrice = command.unitPrice();
        c.pump = command.pump();
        c.attendant = command.attendant();
        c.capturedAt = command.capturedAt();
        // The server's clock decides the day: a device clock must not be able to dodge a daily cap.
        c.businessDay = LocalDate.ofInstant(now, config.charging().businessZone());
        c.status = ChargeStatus.RECEIVED;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }
}
