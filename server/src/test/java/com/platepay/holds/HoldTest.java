package com.platepay.holds;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link HoldScenarios} with the simulated HTTP bank (POST /v1/holds, its completion and void), and what its fault
 * injection does to holds: an answer that comes too late leaves nothing taken twice and nothing held for ever.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class HoldTest extends HoldScenarios {

    @Test
    void aCompletionAnsweredTooLateIsSentAgainAndTakesTheMoneyOnce() throws Exception {
        station(600);
        Filling f = checkedFill(Users.ALICE, 50_000, 100_000);
        bank.faultOn("COMPLETION", "TIMEOUT_AFTER_PROCESSING", 1, 3_000);
        ChargeRequest charge = completing(f, 4_000);

        ChargeResult first = handheld.charge(charge);

        assertEquals(ResultStatus.REJECTED, first.status(), first.toString());
        assertEquals(ReasonCodes.IN_PROGRESS, first.reasonCode(), "not a decline: the money may have moved");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reactive.run(janitor::resolveDue).toCompletableFuture().get(20, TimeUnit.SECONDS);
            return "COMPLETED".equals(holdStatus(f));
        });
        ChargeResult resent = handheld.charge(charge);
        assertEquals(ResultStatus.APPROVED, resent.status(), resent.toString());
        assertEquals(500_000 - 4_000, bank.balance(f.driver().account()), "taken once");
        assertEquals(4_000, reserved(f));
        assertEquals(0, memoBalance(f));
    }

    @Test
    void aHoldAnsweredTooLateIsVoidedAndReleased() throws Exception {
        station(600);
        bank.faultOn("HOLD", "TIMEOUT_AFTER_PROCESSING", 1, 3_000);
        Filling f = checkedFill(Users.BOB, 50_000, 100_000);
        assertNull(f.check().held(), "no answer from the bank: nothing is promised");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reactive.run(janitor::resolveDue).toCompletableFuture().get(20, TimeUnit.SECONDS);
            return "VOIDED".equals(holdStatus(f));
        });
        assertEquals(0, reserved(f));
        assertEquals(0, memoBalance(f));
        ChargeResult late = handheld.charge(completing(f, 1_000));
        assertEquals(ReasonCodes.HOLD_NOT_FOUND, late.reasonCode());
        assertEquals(500_000, bank.balance(f.driver().account()));
    }
}
