package com.platepay.holds;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Ledgers;
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

    /**
     * Found by the fault suite: a server killed after it moved the hold to COMPLETING (committed before the bank is
     * asked) and before it recorded the bank's answer left the hold COMPLETING with no time to look again, so the
     * janitor never took it up: the bank had the money, PlatePay no charge, and the handheld heard IN_PROGRESS for ever.
     * The move now sets that time; here it has passed, as it has once such a server is gone.
     */
    @Test
    void aCompletionLeftByAServerThatDiedIsFinishedByTheJanitor() throws Exception {
        station(600);
        Filling f = checkedFill(Users.CHEN, 50_000, 100_000);
        ChargeRequest charge = completing(f, 3_000);
        String body = new HoldCharge(charge.chargeId(), "the dead server's request hash", f.driver().plate(), "BLUE", 3_000, "CNY",
                12_000L, "M3", 420L, "3", "att-1", charge.capturedAt()).json();
        // What the charge's first transaction commits before the bank is asked, as that server left it.
        pool.preparedQuery("update holds set status = 'COMPLETING', charge_ref = $1, charge_hash = $2, charge_body = $3, captured = 3000, "
                        + "next_check_at = now() - interval '1 second', updated_at = now() - interval '1 hour' where check_id = $4 and status = 'HELD'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(charge.chargeId(), "the dead server's request hash", body,
                        java.util.UUID.fromString(f.check().checkId())))
                .await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reactive.run(janitor::resolveDue).toCompletableFuture().get(20, TimeUnit.SECONDS);
            return "COMPLETED".equals(holdStatus(f));
        });
        assertEquals(1, Ledgers.count(pool, "select count(*) from charges where charge_ref = $1 and status = 'APPROVED' and amount = 3000",
                charge.chargeId()));
        assertEquals(500_000 - 3_000, bank.balance(f.driver().account()), "taken once");
        assertEquals(3_000, reserved(f));
        assertEquals(0, memoBalance(f));
    }
}
