package com.platepay.refunds;

import com.platepay.audit.Actor;
import com.platepay.platform.PlatePayConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends refunds whose answer is not known again, under their own key, so the bank answers each once: UNKNOWN ones
 * (the bank did not answer), ones left REQUESTED, and ones left SENT when the server stopped mid-call. Each waits
 * {@code platepay.refunds.retry-after} first (a person may press retry sooner); after
 * {@code platepay.refunds.max-attempts} sends a refund stays UNKNOWN for a person (GET /api/v1/admin/refunds?status=UNKNOWN).
 */
@ApplicationScoped
public class RefundJanitor {

    private static final Logger LOG = Logger.getLogger(RefundJanitor.class);
    static final Actor JANITOR = Actor.system("refund-janitor");

    private final RefundStore store;
    private final Refunds refunds;
    private final long retryAfterSeconds;
    private final int maxAttempts;

    public RefundJanitor(RefundStore store, Refunds refunds, PlatePayConfig config) {
        this.store = store;
        this.refunds = refunds;
        this.retryAfterSeconds = Math.max(1, config.refunds().retryAfter().toSeconds());
        this.maxAttempts = config.refunds().maxAttempts();
    }

    @Scheduled(every = "${platepay.refunds.janitor-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return store.abandoned(retryAfterSeconds)
                .flatMap(x -> store.due(retryAfterSeconds, maxAttempts, 20))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(r -> refunds.retry(null, r.id(), JANITOR)
                                .onFailure().recoverWithItem(e -> {
                                    LOG.debugf("refund %s not sent again: %s", r.id(), e.getMessage());
                                    return null;
                                }))
                        .collect().asList())
                .onFailure().invoke(e -> LOG.warn("refund janitor sweep failed; will try again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
