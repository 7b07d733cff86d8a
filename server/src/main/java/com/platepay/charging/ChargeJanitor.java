package com.platepay.charging;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.ReversalOutcome;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.PlatePayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ends every charge whose bank answer never came. The device was told "declined", so the janitor makes sure no
 * money moved: it sends a reversal (which also stops a debit that is still on its way to the bank), and only
 * then gives the daily cap back. It claims work with SKIP LOCKED, so any number of server replicas can run it.
 */
@ApplicationScoped
public class ChargeJanitor {

    private static final Logger LOG = Logger.getLogger(ChargeJanitor.class);
    private static final int BATCH = 20;

    /** Claims due charges and pushes their next check out (exponential backoff, at most an hour). */
    private static final String CLAIM = """
            update charges set check_attempts = check_attempts + 1,
                   status = 'UNKNOWN', reason_code = 'BANK_TIMEOUT',
                   next_check_at = now() + least(interval '1 millisecond' * cast(?1 as double precision) * power(2, check_attempts), interval '1 hour')
            where id in (select id from charges
                         where (status = 'UNKNOWN' and next_check_at <= now())
                            or (status = 'AUTHORIZING' and updated_at < now() - interval '1 millisecond' * cast(?2 as double precision))
                         order by next_check_at nulls first
                         limit cast(?3 as integer)
                         for update skip locked)
            returning id""";

    private final AcquirerPort acquirer;
    private final DailyCaps caps;
    private final DriverNotifier notifier;
    private final PlatePayConfig config;

    public ChargeJanitor(AcquirerPort acquirer, DailyCaps caps, DriverNotifier notifier, PlatePayConfig config) {
        this.acquirer = acquirer;
        this.caps = caps;
        this.notifier = notifier;
        this.config = config;
    }

    @Scheduled(every = "${platepay.charging.janitor-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return resolveDue().onFailure().invoke(e -> LOG.warn("janitor sweep failed; will try again", e)).onFailure()
                .recoverWithItem(0).replaceWithVoid();
    }

    /** Resolves what is due now; returns how many charges it ended. */
    public Uni<Integer> resolveDue() {
        long stuckMillis = config.bank().timeout().toMillis() * 4 + 10_000;
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(CLAIM)
                        .setParameter(1, config.charging().janitorFirstDelay().toMillis())
                        .setParameter(2, stuckMillis)
                        .setParameter(3, BATCH)
                        .getResultList()))
                .flatMap(ids -> Multi.createFrom().iterable((List<?>) ids)
                        .onItem().transformToUniAndConcatenate(id -> resolve((UUID) id))
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> resolve(UUID chargeId) {
        return acquirer.reverse(chargeId.toString()).flatMap(outcome -> {
            if (outcome == ReversalOutcome.FAILED) {
                LOG.infof("charge %s: reversal not confirmed yet; will retry", chargeId);
                return Uni.createFrom().item(false);
            }
            return Panache.withTransaction(() -> Charge.<Charge>findById(chargeId).flatMap(charge -> {
                if (charge.status != ChargeStatus.UNKNOWN) {
                    return Uni.createFrom().item(false);
                }
                charge.status = ChargeStatus.REVERSED;
                charge.nextCheckAt = null;
                charge.updatedAt = Instant.now();
                LOG.infof("charge %s ended as REVERSED (bank: %s)", chargeId, outcome);
                Uni<Void> notify = outcome == ReversalOutcome.REVERSED && charge.driverId != null
                        ? notifier.chargeDecided(charge) : Uni.createFrom().voidItem();
                return caps.release(charge.mandateId, charge.businessDay, charge.amount).flatMap(x -> notify).map(x -> true);
            }));
        });
    }
}
