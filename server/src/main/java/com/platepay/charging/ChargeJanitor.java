package com.platepay.charging;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.ReversalOutcome;
import com.platepay.notifications.DriverNotice;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.PlatePayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Ends every charge whose bank answer never came. The device was told "declined", so the janitor makes sure no
 * money moved: it sends a reversal (which also stops a debit that is still on its way to the bank), and only
 * then gives the caps back. A reversal the bank keeps refusing is retried with backoff a bounded number of times;
 * then the charge goes to REVERSAL_FAILED, where a person sees it (the admin list, a metric, a notice to the driver).
 * It claims work with SKIP LOCKED under a lease, so any number of server replicas can run it.
 */
@ApplicationScoped
public class ChargeJanitor {

    private static final Logger LOG = Logger.getLogger(ChargeJanitor.class);
    private static final int BATCH = 20;

    private final AcquirerPort acquirer;
    private final ChargeTransitions transitions;
    private final DailyCaps caps;
    private final DriverNotifier notifier;
    private final PlatePayConfig config;
    private final Counter reversalsFailed;
    private final AtomicLong needingAttention = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();

    public ChargeJanitor(AcquirerPort acquirer, ChargeTransitions transitions, DailyCaps caps, DriverNotifier notifier,
                         PlatePayConfig config, MeterRegistry metrics) {
        this.acquirer = acquirer;
        this.transitions = transitions;
        this.caps = caps;
        this.notifier = notifier;
        this.config = config;
        this.reversalsFailed = Counter.builder("platepay.charges.reversal.failed")
                .description("Charges moved to REVERSAL_FAILED: the bank never confirmed their reversal").register(metrics);
        metrics.gauge("platepay.charges.needing.attention", needingAttention);
        metrics.gauge("platepay.janitor.backlog", backlog);
    }

    @Scheduled(every = "${platepay.charging.janitor-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return resolveDue().flatMap(x -> countNeedingAttention()).flatMap(x -> countBacklog())
                .onFailure().invoke(e -> LOG.warn("janitor sweep failed; will try again", e))
                .onFailure().recoverWithItem(0L).replaceWithVoid();
    }

    /** Resolves what is due now; returns how many charges it ended (REVERSED or REVERSAL_FAILED). */
    public Uni<Integer> resolveDue() {
        return Panache.withTransaction(() -> transitions.claimDue(stuckAfter(), lease(), BATCH))
                .flatMap(claims -> Multi.createFrom().iterable(claims)
                        .onItem().transformToUniAndConcatenate(this::resolve)
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    /** How many charges wait for a person; also kept as the gauge platepay.charges.needing.attention. */
    public Uni<Long> countNeedingAttention() {
        return Panache.withSession(() -> Charge.count("status", ChargeStatus.REVERSAL_FAILED))
                .invoke(needingAttention::set);
    }

    /** UNKNOWN charges the janitor still has to reverse; kept as the gauge platepay.janitor.backlog. */
    private Uni<Long> countBacklog() {
        return Panache.withSession(() -> Charge.count("status", ChargeStatus.UNKNOWN)).invoke(backlog::set);
    }

    private Uni<Boolean> resolve(ChargeTransitions.Claim claim) {
        return acquirer.reverse(claim.chargeId().toString()).flatMap(outcome -> Panache.withTransaction(() -> {
            if (outcome != ReversalOutcome.FAILED) {
                return reversed(claim.chargeId(), outcome);
            }
            if (claim.attempt() >= config.charging().reversalMaxAttempts()) {
                return giveUp(claim);
            }
            Duration wait = backoff(claim.attempt());
            LOG.infof("charge %s: reversal not confirmed (attempt %d of %d); next in %s", claim.chargeId(), claim.attempt(),
                    config.charging().reversalMaxAttempts(), wait);
            return transitions.retryLater(claim.chargeId(), wait).replaceWith(false);
        }));
    }

    private Uni<Boolean> reversed(UUID chargeId, ReversalOutcome outcome) {
        return transitions.apply(ChargeTransitions.move(chargeId, ChargeStatus.UNKNOWN, ChargeStatus.REVERSED).noMoreChecks())
                .flatMap(moved -> !moved ? Uni.createFrom().item(false) : Charge.<Charge>findById(chargeId).flatMap(charge -> {
                    LOG.infof("charge %s ended as REVERSED (bank: %s)", chargeId, outcome);
                    Uni<Void> notify = outcome == ReversalOutcome.REVERSED && charge.driverId != null
                            ? notifier.tell(ChargeService.notice(charge, DriverNotice.Kind.CHARGE_REVERSED)) : Uni.createFrom().voidItem();
                    return caps.release(charge.cardId, charge.driverId, charge.businessDay, charge.amount)
                            .flatMap(x -> notify).replaceWith(true);
                }));
    }

    /** The bound is reached: the money may be held at the bank, so the caps stay reserved and a person takes over. */
    private Uni<Boolean> giveUp(ChargeTransitions.Claim claim) {
        return transitions.apply(ChargeTransitions.move(claim.chargeId(), ChargeStatus.UNKNOWN, ChargeStatus.REVERSAL_FAILED)
                        .noMoreChecks())
                .flatMap(moved -> !moved ? Uni.createFrom().item(false) : Charge.<Charge>findById(claim.chargeId()).flatMap(charge -> {
                    LOG.errorf("charge %s: the bank did not confirm its reversal after %d attempts; it is REVERSAL_FAILED and"
                            + " needs a person (GET /api/v1/admin/charges?status=REVERSAL_FAILED)", charge.id, claim.attempt());
                    reversalsFailed.increment();
                    return charge.driverId == null ? Uni.createFrom().item(true)
                            : notifier.tell(ChargeService.notice(charge, DriverNotice.Kind.CHARGE_NEEDS_ATTENTION)).replaceWith(true);
                }));
    }

    /** An admin asks for the reversal again: the charge is due now, with a fresh set of attempts. */
    public Uni<Boolean> retryReversal(UUID chargeId) {
        return Panache.withTransaction(() -> transitions.apply(
                ChargeTransitions.move(chargeId, ChargeStatus.REVERSAL_FAILED, ChargeStatus.UNKNOWN).resetAttempts()
                        .nextCheckIn(Duration.ZERO)));
    }

    private Duration backoff(int attempt) {
        Duration first = config.charging().janitorFirstDelay();
        Duration max = config.charging().janitorMaxBackoff();
        int doublings = Math.min(attempt - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** A charge AUTHORIZING this long was left by a server that died before the bank answered. */
    private Duration stuckAfter() {
        return config.bank().timeout().multipliedBy(4).plusSeconds(10);
    }

    /** Longer than one reversal can take (the bank call gives up after twice the bank timeout), so a claim never lapses mid-work. */
    private Duration lease() {
        return config.bank().timeout().multipliedBy(4).plusSeconds(30);
    }
}
