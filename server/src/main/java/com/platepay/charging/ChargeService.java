package com.platepay.charging;

import com.platepay.bank.DebitOutcome;
import com.platepay.enrollment.Mandate;
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
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes a validated charge to its end, exactly once per (device, canonical charge id), in two steps:
 * {@link #admit} records the charge and reserves the caps in one committed statement (persist before the bank);
 * {@link #complete} has the vault debit the card outside any transaction, then one more statement records the bank's
 * answer, the ledger posting and the driver's notification, conditional on the charge still waiting for it. Together
 * with the mandate lookup that is three round trips to the database per charge ({@link ChargeStore}).
 */
@ApplicationScoped
public class ChargeService {

    private static final Logger LOG = Logger.getLogger(ChargeService.class);

    private final MandateResolver mandates;
    private final RiskRules risk;
    private final CardVault vault;
    private final ChargeStore store;
    private final PlatePayConfig config;
    private final StageTimers stages;
    private final MeterRegistry metrics;

    public ChargeService(MandateResolver mandates, RiskRules risk, CardVault vault, ChargeStore store, PlatePayConfig config,
                         StageTimers stages, MeterRegistry metrics) {
        this.metrics = metrics;
        this.mandates = mandates;
        this.risk = risk;
        this.vault = vault;
        this.store = store;
        this.config = config;
        this.stages = stages;
    }

    /** What the first, committed statement decided. */
    public sealed interface Admission {
        /** Decided without the bank (a decline, a stored answer, a conflict, or a copy still in flight). */
        record Answered(ChargeResult result) implements Admission {
        }

        /** Stored as AUTHORIZING with the caps reserved: {@link #complete} sends it to the bank. */
        record Authorizing(Charge charge, SealedCard card, DebitOrder debit, UUID operatorId) implements Admission {
            public UUID chargeId() {
                return charge.id;
            }
        }
    }

    /** Records the charge (or finds it) and commits before returning; nothing has gone to the bank yet. */
    public Uni<Admission> admit(ChargeCommand command) {
        return stages.time("admit", () -> decide(command)
                // The charge id is stored already (a resend, or a concurrent copy that won): nothing this one did stays.
                .onFailure(Db::isUniqueViolation).recoverWithUni(() -> store.find(command.deviceId(), command.chargeRef())
                        .map(existing -> replay(existing.orElseThrow(), command))));
    }

    /** Debits the card of an admitted charge and records the bank's answer; the result for the device. */
    public Uni<ChargeResult> complete(Admission.Authorizing authorizing) {
        return stages.time("bank", () -> vault.debit(authorizing.card(), authorizing.debit()))
                .flatMap(outcome -> stages.time("record", () -> record(authorizing.charge(), outcome, authorizing.operatorId())));
    }

    /** The driver whose card a charge was tried on, when the charge got as far as a mandate. */
    public Uni<Optional<UUID>> driverOf(UUID deviceId, String chargeRef) {
        return store.find(deviceId, chargeRef).map(c -> c.map(charge -> charge.driverId));
    }

    /** The bank's answer for a stored charge (package-private so a test can deliver a late one). */
    Uni<ChargeResult> recordBankAnswer(UUID chargeId, DebitOutcome outcome, UUID operatorId) {
        return store.load(chargeId).flatMap(charge -> record(charge, outcome, operatorId));
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
            Card card = resolution.card();
            charge.mandateId = mandate.id;
            charge.driverId = mandate.driverId;
            charge.cardId = mandate.cardId;
            charge.plateColour = mandate.colour;
            String refusal = risk.check(mandate, command);
            if (refusal != null) {
                return declined(charge, refusal);
            }
            if (!"ACTIVE".equals(card.status)) {
                return declined(charge, ReasonCodes.CARD_DECLINED);
            }
            charge.maskedCard = card.masked();
            SealedCard sealed = vault.seal(card);
            ChargeStore.Caps caps = new ChargeStore.Caps(card.panFingerprint, mandate.dailyCap, config.limits().maxDailyPerDriver());
            DriverNotifier.Text overCap = DriverNotifier.text(notice(charge, DriverNotice.Kind.CHARGE_DECLINED, ReasonCodes.OVER_DAILY_CAP));
            return store.admit(charge, caps, overCap).map(status -> {
                if (status != ChargeStatus.AUTHORIZING) {
                    charge.admit(ChargeStatus.DECLINED, ReasonCodes.OVER_DAILY_CAP);
                    return new Admission.Answered(ChargeResults.of(counted(charge)));
                }
                charge.admit(ChargeStatus.AUTHORIZING, null);
                DebitOrder debit = new DebitOrder(charge.id.toString(), charge.amount, charge.currency,
                        command.siteId().toString(), "PlatePay " + command.plate().text() + " " + command.chargeRef());
                return new Admission.Authorizing(charge, sealed, debit, command.operatorId());
            });
        });
    }

    private Uni<Admission> declined(Charge charge, String reason) {
        charge.admit(ChargeStatus.DECLINED, reason);
        return store.storeDeclined(charge, DriverNotifier.text(notice(charge, DriverNotice.Kind.CHARGE_DECLINED)))
                .map(ignored -> new Admission.Answered(ChargeResults.of(counted(charge))));
    }

    /** platepay_charges_total{status, reason}: every charge this server took to a status the device is told. */
    private Charge counted(Charge charge) {
        metrics.counter("platepay.charges", "status", charge.status.name(), "reason", String.valueOf(charge.reasonCode)).increment();
        return charge;
    }

    /** The bank's answer, recorded only if the charge is still waiting for it. */
    private Uni<ChargeResult> record(Charge charge, DebitOutcome outcome, UUID operatorId) {
        if (outcome instanceof DebitOutcome.Approved approved) {
            DriverNotifier.Text paid = DriverNotifier.text(notice(charge, DriverNotice.Kind.CHARGE_APPROVED, ReasonCodes.APPROVED));
            return store.approve(charge.id, approved.approvalCode(), approved.bankReference(), operatorId, paid)
                    .flatMap(moved -> answer(charge.id, moved, outcome));
        }
        if (outcome instanceof DebitOutcome.Declined declined) {
            String reason = BankDeclines.reasonFor(declined.declineCode());
            DriverNotifier.Text told = DriverNotifier.text(notice(charge, DriverNotice.Kind.CHARGE_DECLINED, reason));
            return store.decline(charge.id, reason, told).flatMap(moved -> answer(charge.id, moved, outcome));
        }
        // The money may have moved. The attendant is told "declined, take another payment", so the janitor makes
        // sure it did not (a reversal), and only then gives the caps back.
        return store.unknown(charge.id, config.charging().janitorFirstDelay()).flatMap(moved -> {
            moved.ifPresent(c -> LOG.warnf("charge %s is UNKNOWN after %s; the janitor will reverse it", c.id,
                    ((DebitOutcome.Unknown) outcome).why()));
            return answer(charge.id, moved, outcome);
        });
    }

    /** The charge as this answer left it; or, when another writer moved it first, as that writer left it. */
    private Uni<ChargeResult> answer(UUID chargeId, Optional<Charge> moved, DebitOutcome outcome) {
        if (moved.isPresent()) {
            return Uni.createFrom().item(ChargeResults.of(counted(moved.get())));
        }
        return store.load(chargeId).map(charge -> lateAnswer(charge, outcome));
    }

    /** The janitor decided first (it found the charge stuck); its decision stands and the device is told it. */
    private static ChargeResult lateAnswer(Charge charge, DebitOutcome outcome) {
        LOG.warnf("charge %s: the bank's answer (%s) came after the charge had moved to %s; it changes nothing",
                charge.id, outcome.getClass().getSimpleName(), charge.status);
        return ChargeResults.of(charge);
    }

    private static DriverNotice notice(Charge charge, DriverNotice.Kind kind, String reason) {
        return new DriverNotice(charge.driverId, charge.id, kind, charge.plate, charge.amount, charge.currency, charge.maskedCard, reason);
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
