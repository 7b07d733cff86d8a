package com.platepay.vault;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.testing.Bank;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Adding cards cannot be used to test stolen numbers: a number is tried at most 5 times a day over all accounts,
 * an account at most platepay.cards.max-attempts-per-account times (10 as shipped; raised in the test stack, whose
 * few accounts add hundreds of cards), and parallel attempts cannot get past either limit.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class CardAttemptLimitTest extends StackTest {

    @Inject
    CardAttempts attempts;

    @Test
    void oneCardNumberIsTriedAtMostFiveTimesADayOverAllAccounts() {
        String unknown = Bank.randomPan("622202");
        for (int expiryMonth = 1; expiryMonth <= 4; expiryMonth++) {
            Users.ALICE.api().body(card(unknown, expiryMonth)).post("/api/v1/me/cards").then().statusCode(422)
                    .body("code", equalTo("CARD_NOT_VERIFIED"));
        }
        Users.BOB.api().body(card(unknown, 5)).post("/api/v1/me/cards").then().statusCode(422);
        // The sixth try, from any account, never reaches the bank.
        Users.CHEN.api().body(card(unknown, 6)).post("/api/v1/me/cards").then().statusCode(429)
                .body("code", equalTo("TOO_MANY_CARD_ATTEMPTS"));
        Users.ALICE.api().body(card(unknown, 7)).post("/api/v1/me/cards").then().statusCode(429);
        // Another number is unaffected, and a number refused by its form never counts.
        Users.ALICE.api().body(card(bank.openAccount("DEBIT", 1).pan(), 12)).post("/api/v1/me/cards").then().statusCode(201);
    }

    @Test
    void parallelAttemptsCannotGetPastALimit() throws Exception {
        UUID account = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tries.add(threads.submit(() -> take(account, today)));
            }
            int allowed = 0;
            for (Future<Boolean> t : tries) {
                allowed += t.get() ? 1 : 0;
            }
            assertEquals(3, allowed, "exactly the limit gets through");
        } finally {
            threads.shutdownNow();
        }
        Boolean fourth = take(account, today);
        assertEquals(false, fourth, "and after it, nothing");
    }

    private Boolean take(UUID account, LocalDate today) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> attempts.take(CardAttempts.ACCOUNT, account.toString(), today, 3)));
        } catch (Throwable t) {
            throw new Exception(t);
        }
    }

    private static Map<String, Object> card(String pan, int expiryMonth) {
        return Map.of("cardNumber", pan, "expiryMonth", expiryMonth, "expiryYear", 2031);
    }
}
