package com.platepay.charging;

import com.platepay.bank.DebitOutcome;
import com.platepay.enrollment.Mandate;
import com.platepay.ledger.Ledger;
import com.platepay.notifications.DriverNotice;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.Db;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.StageTimers;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.vault.Card;
import com.platepay.vault.CardVault;
import com.platepay.vault.DebitOrder;
import com.platepay.vault.SealedCard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes a validated charge to its end, exactly once per (device, charge id), in two steps:
 * {@link #admit} records the charge and reserves the caps in one committed transaction (persist before the bank);
 * {@link #complete} has the vault debit the card outside any transaction, then a second transaction records the
 * bank's answer, the ledger posting and the driver's notification, conditional on the charge still waiting for it.
 */
@ApplicationScoped
public class ChargeService {

    private static final Logger LOG = Logger.getLogger(ChargeService.class);

    private final MandateResolver mandates;
    private final RiskRules risk;
    private final DailyCaps caps;
    private final CardVault vault;
    private final ChargeTransitions transitions;
    private final Ledger ledger;
    private final DriverNotifier notifier;
    private final PlatePayConfig config;
    private final StageTimers stages;

    public ChargeService(MandateResolver mandates, RiskRules risk, DailyCaps caps, CardVault vault, ChargeTransitions transitions,
                         Ledger ledger, DriverNotifier notifier, PlatePayConfig config, StageTimers stages) {
        this.stages = stages;
        this.mandates = mandates;
        this.risk = risk;
        this.caps = caps;
        this.vault = vault;
        this.transitions = transitions;
        this.ledger = ledger;
        this.notifier = notifier;
        this.config = config;
    }

    /** What the first, committed transaction decided. */
    public sealed interface Admission {
        /** Decided without the bank (a decline, a stored answer, a conflict, or a copy still in flight). */
        record Answered(ChargeResult result) implements Admission {
        }

        /** Stored as AUTHORIZING with the caps reserved: {@link #complete} sends it to the bank. */
        record Authorizing(UUID chargeId, SealedCard card, DebitOrder debit, UUID operatorId) implements Admission {
        }
    }

    /** Records the charge (or finds it) and commits before returning; nothing has gone to the bank yet. */
    public Uni<Admission> admit(ChargeCommand command) {
        return stages.time("admit", () -> admitInTransaction(command));
    }

    private Uni<Admission> admitInTransaction(ChargeCommand command) {
        return Panache.withTransaction(() -> findExisting(command)
                        .flatMap(existing -> existing != null ? Uni.createFrom().item(replay(existing, command)) : decide(command)))
                // A concurrent copy of the same charge won the insert: everything this one did was rolled back.
                .onFailure(Db::isUniqueViolation).recoverWithUni(() -> Panache.withSession(() -> findExisting(command))
                        .map(existing -> replay(existing, command)));
    }

    /** Debits the card of an admitted charge and records the bank's answer; the result for the device. */
    public Uni<ChargeResult> complete(Admission.Authorizing authorizing) {
        return stages.time("bank", () -> vault.debit(authorizing.card(), authorizing.debit()))
                .flatMap(outcome -> stages.time("record", () -> recordBankAnswer(authorizing.chargeId(), outcome, authorizing.operatorId())));
    }

    /** The bank's answer in its own transaction (package-private so a test can deliver a late one). */
    Uni<ChargeResult> recordBankAnswer(UUID chargeId, DebitOutcome outcome, UUID operatorId) {
        return Panache.withTransaction(() -> record(chargeId, outcome, operatorId));
    }

    private static Uni<Charge> findExisting(ChargeCommand command) {
        return Charge.<Charge>find("deviceId = ?1 and chargeRef = ?2", command.deviceId(), command.chargeRef()).firstResult();
    }

    /** The same charge id again: the stored answer, never a second debit. */
    private static Admission replay(Charge existing, ChargeCommand command) {
        if (!existing.requestHash.equals(command.requestHash())) {
            return new Admission.Answered(ChargeResults.rejected(command.chargeRef(), command.amount(), command.currency(),
                    ReasonCodes.IDEMPOTENCY_CONFLICT, "this charge id was already used for a different charge"));
        }
        if (!existing.status.answered()) {
            return new Admission.Answered(ChargeResults.rejected(command.chargeRef(), command.amount(), command.currency(),
                    ReasonCodes.IN_PROGRESS, "this charge is still being processed; resend the same request in a few seconds"));
        }
        return new Admission.Answered(ChargeResults.of(existing));
    }

    private Uni<Admission> decide(ChargeCommand command) {
        Charge charge = newCharge(command);
        return mandates.resolve(command.plate(), command.colour()).flatMap(resolution -> {
            if (resolution.mandate() == null) {
                return declined(charge, resolution.declineReason());
            }
            Mandate mandate = resolution.mandate();
            charge.mandateId = mandate.id;
            charge.driverId = mandate.driverId;
            charge.cardId = mandate.cardId;
            charge.plateColour = mandate.colour;
            String refusal = risk.check(mandate, command);
            if (refusal != null) {
                return declined(charge, refusal);
            }
            return Card.<Card>findById(mandate.cardId).flatMap(card -> {
                if (card == null || !"ACTIVE".equals(card.status)) {
                    return declined(charge, ReasonCodes.CARD_DECLINED);
                }
                charge.maskedCard = card.masked();
                DailyCaps.Owners owners = new DailyCaps.Owners(card.panFingerprint, mandate.driverId);
                return caps.reserve(owners, charge.businessDay, charge.amount, mandate.dailyCap,
                        config.limits().maxDailyPerDriver()).flatMap(reserved -> {
                    if (!reserved) {
                        return declined(charge, ReasonCodes.OVER_DAILY_CAP);
                    }
                    charge.admit(ChargeStatus.AUTHORIZING, null);
                    DebitOrder debit = new DebitOrder(charge.id.toString(), charge.amount, charge.currency,
                            command.siteId().toString(), "PlatePay " + command.plate().text() + " " + command.chargeRef());
                    SealedCard sealed = vault.seal(card);
                    return charge.persist().map(ignored -> (Admission) new Admission.Authorizing(charge.id, sealed, debit,
                            command.operatorId()));
                });
            });
        });
    }

    private Uni<Admission> declined(Charge charge, String reason) {
        charge.admit(ChargeStatus.DECLINED, reason);
        return charge.persist()
                .flatMap(ignored -> charge.driverId == null ? Uni.createFrom().voidItem()
                        : notifier.tell(notice(charge, DriverNotice.Kind.CHARGE_DECLINED)))
                .map(ignored -> new Admission.Answered(ChargeResults.of(charge)));
    }

    /** The bank's answer, recorded only if the charge is still waiting for it. Must run inside a transaction. */
    private Uni<ChargeResult> record(UUID chargeId, DebitOutcome outcome, UUID operatorId) {
        if (outcome instanceof DebitOutcome.Approved approved) {
            return transitions.apply(ChargeTransitions.move(chargeId, ChargeStatus.AUTHORIZING, ChargeStatus.APPROVED)
                            .reason(ReasonCodes.APPROVED).approval(approved.approvalCode(), approved.bankReference()))
                    .flatMap(moved -> load(chargeId).flatMap(charge -> !moved ? lateAnswer(charge, outcome)
                            : ledger.postApprovedCharge(charge.id, charge.amount, charge.currency, operatorId)
                                    .flatMap(x -> notifier.tell(notice(charge, DriverNotice.Kind.CHARGE_APPROVED)))
                                    .map(x -> ChargeResults.of(charge))));
        }
        if (outcome instanceof DebitOutcome.Declined declined) {
            return transitions.apply(ChargeTransitions.move(chargeId, ChargeStatus.AUTHORIZING, ChargeStatus.DECLINED)
                            .reason(BankDeclines.reasonFor(declined.declineCode())))
                    .flatMap(moved -> load(chargeId).flatMap(charge -> !moved ? lateAnswer(charge, outcome)
                            : caps.release(charge.cardId, charge.driverId, charge.businessDay, charge.amount)
                                    .flatMap(x -> notifier.tell(notice(charge, DriverNotice.Kind.CHARGE_DECLINED)))
                                    .map(x -> ChargeResults.of(charge))));
        }
        // The money may have moved. The attendant is told "declined, take another payment", so the janitor makes
        // sure it did not (a reversal), and only then gives the caps back.
        return transitions.apply(ChargeTransitions.move(chargeId, ChargeStatus.AUTHORIZING, ChargeStatus.UNKNOWN)
                        .reason(ReasonCodes.BANK_TIMEOUT).nextCheckIn(config.charging().janitorFirstDelay()))
                .flatMap(moved -> load(chargeId).map(charge -> {
                    if (moved) {
                        LOG.warnf("charge %s is UNKNOWN after %s; the janitor will reverse it", chargeId,
                                ((DebitOutcome.Unknown) outcome).why());
                    }
                    return ChargeResults.of(charge);
                }));
    }

    /** The janitor decided first (it found the charge stuck); its decision stands and the device is told it. */
    private static Uni<ChargeResult> lateAnswer(Charge charge, DebitOutcome outcome) {
        LOG.warnf("charge %s: the bank's answer (%s) came after the charge had moved to %s; it changes nothing",
                charge.id, outcome.getClass().getSimpleName(), charge.status);
        return Uni.createFrom().item(ChargeResults.of(charge));
    }

    private static Uni<Charge> load(UUID chargeId) {
        return Charge.findById(chargeId);
    }

    static DriverNotice notice(Charge charge, DriverNotice.Kind kind) {
        return new DriverNotice(charge.driverId, charge.id, kind, charge.plate, charge.amount, charge.currency, charge.maskedCard,
                charge.reasonCode);
    }

    private Charge newCharge(ChargeCommand command) {
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
        c.businessDay = LocalDate.ofInstant(Instant.now(), config.charging().businessZone());
        c.status = ChargeStatus.RECEIVED;
        return c;
    }
}
