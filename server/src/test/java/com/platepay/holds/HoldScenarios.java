package com.platepay.holds;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.testing.Cylinders;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.Users;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Holds for CNG fills, end to end over MQTT against a real acquirer (each subclass picks one): a passed check holds
 * the tank's price, the charge completes it for less and exactly the rest goes back, a charge over the hold is
 * refused, a hold never completed is voided and released. The books balance after every test, and the memo accounts
 * of a hold come back to zero when it ends.
 */
abstract class HoldScenarios extends StackTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** 80 L at 20 MPa holds about 15.8 m3: at 4.20 CNY that is 66.33 CNY (rounded up to the fen). */
    static final long FULL_TANK = 6_633;

    @Inject
    HoldJanitor janitor;
    @Inject
    com.platepay.platform.ReactiveContext reactive;

    TestHandheld handheld;

    @AfterEach
    void closeAndCheckTheBooks() {
        bank.clearFaults();
        if (handheld != null) {
            handheld.close();
        }
        assertBooksBalance();
    }

    /** A handheld of a new GAS site selling at 4.20 CNY per m3, whose holds wait {@code holdSeconds}. */
    TestHandheld station(int holdSeconds) {
        String site = scenario.site(Users.OLGA, "GAS");
        Users.OLGA.api().body(Map.of("unitPrice", 420, "holdSeconds", holdSeconds)).put("/api/v1/operator/sites/" + site + "/fuel-price")
                .then().statusCode(200);
        handheld = new TestHandheld(scenario.device(Users.OLGA, site, "HANDHELD"), "127.0.0.1", mqttPort);
        return handheld;
    }

    record Filling(Scenario.Enrolled driver, String tag, CylinderCheckResult check) {
    }

    Filling checkedFill(Users who, long perCharge, long daily) {
        Scenario.Enrolled driver = scenario.enrolled(who, 500_000, perCharge, daily, List.of("GAS"));
        String tag = Cylinders.tag();
        Cylinders.confirmed(who, Cylinders.certificate(driver.vehicleId(), tag, TODAY, Map.of()));
        CylinderCheckResult check = handheld.cylinderCheck(new CylinderCheckRequest(Ids.newUuidV7(), tag, driver.plate(), "BLUE", "CNG", "3",
                "att-1"));
        assertTrue(check.mayFill() && check.mayPay(), check.toString());
        return new Filling(driver, tag, check);
    }

    static ChargeRequest completing(Filling f, long amount) {
        return new ChargeRequest(Ids.newUuidV7(), f.driver().plate(), "BLUE", amount, "CNY", 12_000L, "M3", 420L, "3",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "att-1", f.check().checkId());
    }

    @Test
    void aHoldCompletedForLessTakesTheAmountAndReleasesExactlyTheRest() {
        station(600);
        Filling f = checkedFill(Users.ALICE, 50_000, 100_000);
        assertEquals(FULL_TANK, f.check().held(), "the tank's capacity at the site's price");
        assertEquals(FULL_TANK, reserved(f), "the hold is under the caps");

        ChargeRequest charge = completing(f, 5_040);
        ChargeResult paid = handheld.charge(charge);

        assertEquals(ResultStatus.APPROVED, paid.status(), paid.toString());
        assertEquals(5_040, paid.amount());
        assertEquals(500_000 - 5_040, bank.balance(f.driver().account()));
        assertEquals(5_040, reserved(f), "what the fill did not take went back, to the fen");
        assertEquals("COMPLETED", holdStatus(f));
        assertEquals(0, memoBalance(f), "the hold's memo postings cancel out");
        assertEquals(paid, handheld.charge(charge), "a resend gets the stored answer");
        assertEquals(500_000 - 5_040, bank.balance(f.driver().account()), "and never a second debit");
        Users.ALICE.api().get("/api/v1/me/charges").then().statusCode(200)
                .body("find { it.chargeId == '" + charge.chargeId() + "' }.status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    @Test
    void aChargeOverTheHoldIsRefusedAndTheHoldStillStands() {
        station(600);
        Filling f = checkedFill(Users.BOB, 50_000, 100_000);

        ChargeResult over = handheld.charge(completing(f, FULL_TANK + 1));

        assertEquals(ResultStatus.DECLINED, over.status());
        assertEquals(ReasonCodes.OVER_HOLD, over.reasonCode());
        // (Whether a standing hold shows in the balance is the bank's business: the ISO 8583 host's does, the HTTP bank's does not.)
        assertEquals(0, Ledgers.count(pool, "select count(*) from charges where plate = $1 and status = 'APPROVED'", f.driver().plate()));
        assertEquals("HELD", holdStatus(f));
        ChargeResult exact = handheld.charge(completing(f, FULL_TANK));
        assertEquals(ResultStatus.APPROVED, exact.status(), exact.toString());
        assertEquals(500_000 - FULL_TANK, bank.balance(f.driver().account()));
        assertEquals(FULL_TANK, reserved(f));
    }

    @Test
    void aHoldNoChargeCompletesExpiresAndIsReleased() {
        station(1);
        Filling f = checkedFill(Users.CHEN, 50_000, 100_000);
        assertEquals(FULL_TANK, reserved(f));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reactive.run(janitor::resolveDue).toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
            return "VOIDED".equals(holdStatus(f));
        });

        assertEquals(0, reserved(f), "the caps are given back");
        assertEquals(0, memoBalance(f));
        assertEquals(500_000, bank.balance(f.driver().account()));
        ChargeResult late = handheld.charge(completing(f, 1_000));
        assertEquals(ReasonCodes.HOLD_NOT_FOUND, late.reasonCode(), "an expired hold takes no charge");
        assertEquals(500_000, bank.balance(f.driver().account()));
    }

    @Test
    void theHoldStaysWithinTheCapsLeft() {
        station(600);
        Filling f = checkedFill(Users.ALICE, 3_000, 100_000);
        assertEquals(3_000, f.check().held(), "the per-charge cap is smaller than the tank");
    }

    @Test
    void aSiteWithoutAPriceHoldsNothingAndAChargeNamingTheCheckIsRefused() {
        handheld = newHandheld();
        Filling f = checkedFill(Users.BOB, 50_000, 100_000);
        assertNull(f.check().held());
        ChargeResult refused = handheld.charge(completing(f, 1_000));
        assertEquals(ReasonCodes.HOLD_NOT_FOUND, refused.reasonCode());
        assertEquals(500_000, bank.balance(f.driver().account()));
    }

    /** What the card's daily counter holds today (each test's driver has a new card; a driver's counter spans tests). */
    long reserved(Filling f) {
        return Ledgers.count(pool, "select coalesce(sum(u.reserved), 0) from daily_usage u join cylinder_checks c on c.id = $1::uuid "
                + "join holds h on h.check_id = c.id where u.scope = 'CARD' and u.owner = h.card_fingerprint and u.day = h.business_day",
                f.check().checkId());
    }

    String holdStatus(Filling f) {
        return Ledgers.strings(pool, "select status from holds where check_id = $1::uuid", f.check().checkId()).get(0);
    }

    long memoBalance(Filling f) {
        return Ledgers.count(pool, "select coalesce(sum(e.amount), 0) from ledger_entries e join ledger_postings p on p.id = e.posting_id "
                + "join holds h on h.id = p.hold_id where h.check_id = $1::uuid and e.account = 'holds:held-at-bank'", f.check().checkId());
    }
}
