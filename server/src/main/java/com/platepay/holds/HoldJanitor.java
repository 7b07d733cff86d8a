package com.platepay.holds;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.CompletionRequest;
import com.platepay.bank.VoidOutcome;
import com.platepay.platform.PlatePayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ends the holds nobody else will: a HELD hold past its site's limit is voided at the bank and released under the
 * caps; one whose placement got no answer (UNKNOWN, or PLACING left by a server that died) is voided too; a void the
 * bank did not confirm is tried again, and so is a completion it did not acknowledge or whose server died asking. Claims are leased with
 * {@code for update skip locked}, so replicas share the work, and every move is conditional on the state it leaves,
 * so a charge completing a hold at the same moment as its expiry leaves exactly one of them standing.
 */
@ApplicationScoped
public class HoldJanitor {

    private static final Logger LOG = Logger.getLogger(HoldJanitor.class);
    private static final int BATCH = 20;

    private static final String CLAIM = """
            update holds set check_attempts = check_attempts + 1, updated_at = now(),
                   next_check_at = now() + interval '1 millisecond' * cast(?1 as bigint)
            where id in (select id from holds
                         where (status in ('HELD', 'UNKNOWN', 'VOIDING', 'COMPLETING') and next_check_at <= now())
                            or (status = 'PLACING' and updated_at < now() - interval '1 millisecond' * cast(?2 as bigint))
                         order by next_check_at nulls first
                         limit cast(?3 as integer)
                         for update skip locked)
            returning id""";

    private final AcquirerPort acquirer;
    private final HoldStore store;
    private final HoldService holds;
    private final PlatePayConfig config;

    public HoldJanitor(AcquirerPort acquirer, HoldStore store, HoldService holds, PlatePayConfig config) {
        this.acquirer = acquirer;
        this.store = store;
        this.holds = holds;
        this.config = config;
    }

    @Scheduled(every = "${platepay.charging.janitor-interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return resolveDue().onFailure().invoke(e -> LOG.warn("hold janitor sweep failed; will try again", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    /** Works on every hold due now; how many it ended (VOIDED, or COMPLETED by a completion sent again). */
    public Uni<Integer> resolveDue() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(CLAIM, UUID.class)
                        .setParameter(1, lease().toMillis()).setParameter(2, stuckAfter().toMillis()).setParameter(3, BATCH)
                        .getResultList()))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Boolean>of())
                        : Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::resolve).collect().asList())
                .map(ended -> (int) ended.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> resolve(UUID holdId) {
        return Panache.withTransaction(() -> Hold.<Hold>findById(holdId).flatMap(h -> switch (h.status) {
            case PLACING -> HoldStore.move(h, HoldStatus.UNKNOWN).apply().replaceWith(HoldStatus.UNKNOWN);
            case HELD, UNKNOWN -> {
                // Leaving HELD here is what a completing charge races against: only one of the two moves happens.
                HoldStatus from = h.status;
                yield HoldStore.move(h, HoldStatus.VOIDING).apply().map(moved -> moved ? HoldStatus.VOIDING : from);
            }
            default -> Uni.createFrom().item(h.status);
        })).flatMap(status -> switch (status) {
            case UNKNOWN -> Panache.withTransaction(() -> Hold.<Hold>findById(holdId)
                    .flatMap(h -> HoldStore.move(h, HoldStatus.VOIDING).apply())).flatMap(x -> voidAtBank(holdId));
            case VOIDING -> voidAtBank(holdId);
            case COMPLETING -> Panache.withSession(() -> Hold.<Hold>findById(holdId))
                    .flatMap(h -> acquirer.complete(new CompletionRequest(h.id.toString(), h.captured)))
                    .flatMap(outcome -> holds.recordCompletion(holdId, outcome))
                    .flatMap(result -> Panache.withSession(() -> Hold.<Hold>findById(holdId)).map(h -> h.status == HoldStatus.COMPLETED));
            default -> Uni.createFrom().item(false);
        });
    }

    private Uni<Boolean> voidAtBank(UUID holdId) {
        return acquirer.voidHold(holdId.toString()).flatMap(outcome -> Panache.withTransaction(() -> Hold.<Hold>findById(holdId).flatMap(h -> {
            if (h.status != HoldStatus.VOIDING) {
                return Uni.createFrom().item(false);
            }
            if (outcome == VoidOutcome.VOIDED || outcome == VoidOutcome.NOTHING_TO_VOID) {
                return HoldStore.move(h, HoldStatus.VOIDED).setExpression("next_check_at", "null").apply().flatMap(moved -> {
                    if (!moved) {
                        return Uni.createFrom().item(false);
                    }
                    // Only a hold the bank approved was posted as placed.
                    Uni<Void> posted = h.approvalCode != null ? store.postHold(h, "HOLD_RELEASED", -1) : Uni.createFrom().voidItem();
                    return posted.flatMap(x -> store.release(h, h.amount)).replaceWith(true);
                });
            }
            LOG.infof("hold %s: the void is not confirmed (%s, attempt %d); trying again later", holdId, outcome, h.checkAttempts);
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "update holds set next_check_at = now() + interval '1 millisecond' * cast(?1 as bigint) where id = ?2 and status = 'VOIDING'")
                    .setParameter(1, backoff(h.checkAttempts).toMillis()).setParameter(2, holdId).executeUpdate()).replaceWith(false);
        })));
    }

    private Duration backoff(int attempt) {
        Duration first = config.charging().janitorFirstDelay();
        Duration max = config.charging().janitorMaxBackoff();
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 30));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** A hold PLACING this long was left by a server that died before the bank answered. */
    private Duration stuckAfter() {
        return config.bank().timeout().multipliedBy(4).plusSeconds(10);
    }

    /** Longer than one bank call can take, so a claim never lapses mid-work. */
    private Duration lease() {
        return config.bank().timeout().multipliedBy(4).plusSeconds(30);
    }
}
