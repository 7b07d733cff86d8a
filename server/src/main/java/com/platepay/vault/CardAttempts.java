package com.platepay.vault;

import com.platepay.platform.ApiException;
import com.platepay.platform.PlatePayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Limits on adding cards, so the form cannot be used to find out which stolen numbers work: per account and per
 * card number (its fingerprint, so many accounts trying one number count together), per day. Every attempt that
 * would ask the bank counts, whatever the bank says, and is taken before the bank is asked, with one conditional
 * upsert per counter, so parallel attempts cannot get past a limit. The account's counter is taken first: an
 * attempt refused for the card still counts against the account.
 */
@ApplicationScoped
public class CardAttempts {

    static final String ACCOUNT = "ACCOUNT";
    static final String CARD = "CARD";

    private static final String TAKE = """
            insert into card_attempts (scope, owner, day, attempts) values (?1, ?2, cast(?3 as date), 1)
            on conflict (scope, owner, day) do update set attempts = card_attempts.attempts + 1
                where card_attempts.attempts < cast(?4 as int)
            returning attempts""";

    private final PlatePayConfig config;

    public CardAttempts(PlatePayConfig config) {
        this.config = config;
    }

    /** Counts one attempt, or refuses it (429) when the account or the card has had its attempts today. */
    public Uni<Void> take(UUID driverId, String panFingerprint) {
        LocalDate today = ZonedDateTime.now(config.charging().businessZone()).toLocalDate();
        return take(ACCOUNT, driverId.toString(), today, config.cards().maxAttemptsPerAccount())
                .flatMap(account -> account ? take(CARD, panFingerprint, today, config.cards().maxAttemptsPerCard())
                        : Uni.createFrom().item(false))
                .map(allowed -> {
                    if (!allowed) {
                        throw new ApiException(429, "TOO_MANY_CARD_ATTEMPTS",
                                "too many attempts to add a card today; try again tomorrow or call your bank");
                    }
                    return null;
                });
    }

    /** One counter; true when the attempt fitted under the limit and is now counted. Must run inside a transaction. */
    Uni<Boolean> take(String scope, String owner, LocalDate day, int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(TAKE)
                        .setParameter(1, scope).setParameter(2, owner).setParameter(3, day).setParameter(4, limit)
                        .getResultList())
                .map(rows -> !rows.isEmpty());
    }
}
