package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fleet-accounts: a benchmark's fleet card gets its account on its first debit, and only a fleet card does. */
class FleetAccountsTest {

    @TempDir
    Path dir;

    @Test
    void aFleetCardIsOpenedOnItsFirstDebitAndKeptAcrossARestart() throws Exception {
        String pan = TestBank.randomPan("6222029");
        try (TestBank bank = new TestBank(dir.resolve("state.json"), "6222029", 100_000)) {
            Card card = new Card(null, pan);
            Response first = bank.debit(TestBank.newKey(), card, 2_500);
            assertEquals("APPROVED", first.text("status"), String.valueOf(first.body()));
            Response again = bank.debit(TestBank.newKey(), card, 500);
            assertEquals("APPROVED", again.text("status"));
            Response looked = bank.post("/v1/accounts/lookup", Map.of("pan", pan));
            assertEquals(200, looked.status());
            assertEquals(97_000, looked.number("balance"));
        }
        try (TestBank restarted = new TestBank(dir.resolve("state.json"), "6222029", 100_000)) {
            assertEquals(97_000, restarted.post("/v1/accounts/lookup", Map.of("pan", pan)).number("balance"));
        }
    }

    @Test
    void aCardOutsideThePrefixStaysUnknown() throws Exception {
        try (TestBank bank = new TestBank(null, "6222029", 100_000)) {
            Response r = bank.debit(TestBank.newKey(), new Card(null, TestBank.randomPan("6222021")), 100);
            assertEquals("DECLINED", r.text("status"));
            assertEquals("CARD_NOT_FOUND", r.text("declineCode"));
        }
    }
}
