package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.banksim.TestBank.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsTest {
    private TestBank bank;

    @BeforeEach
    void start() throws IOException {
        bank = new TestBank();
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void opensAnAccountAndShowsOnlyTheMaskedNumber() throws IOException {
        Response created = bank.post("/v1/accounts",
                TestBank.account("6222020000012345674", "DEBIT", 50_000, "CNY", 12, 2030));
        assertEquals(201, created.status());
        assertTrue(created.text("accountId").startsWith("acc_"));
        assertEquals("622202*********5674", created.text("panMasked"));
        assertEquals("DEBIT", created.text("cardType"));
        assertEquals("Test Bank", created.text("bankName"));
        assertEquals(50_000, created.number("balance"));
        assertEquals("CNY", created.text("currency"));
        assertFalse(created.body().toString().contains("6222020000012345674"));

        Response read = bank.get("/v1/accounts/" + created.text("accountId"));
        assertEquals(200, read.status());
        assertEquals(50_000, read.number("balance"));

        Response lookedUp = bank.post("/v1/accounts/lookup", Map.of("pan", "6222020000012345674"));
        assertEquals(200, lookedUp.status());
        assertEquals(created.text("accountId"), lookedUp.text("accountId"));
    }

    @Test
    void refusesANumberWithABadCheckDigitOrShape() throws IOException {
        for (String pan : new String[] {"6222020000012345675", "622202000001", "62220200000123456741234", "62220200000abcde74"}) {
            Response r = bank.post("/v1/accounts", TestBank.account(pan, "DEBIT", 1, "CNY", 12, 2030));
            assertEquals(400, r.status(), pan);
            assertEquals("INVALID_PAN", r.text("code"));
            assertEquals(400, r.number("status"));
            assertTrue(r.text("type") != null && r.text("title") != null && r.text("detail") != null);
        }
    }

    @Test
    void aCardNumberBelongsToOneAccountAndErrorsNeverShowIt() throws IOException {
        String pan = TestBank.randomPan();
        assertEquals(201, bank.post("/v1/accounts", TestBank.account(pan, "DEBIT", 1, "CNY", 12, 2030)).status());
        Response again = bank.post("/v1/accounts", TestBank.account(pan, "CREDIT", 5, "CNY", 12, 2030));
        assertEquals(409, again.status());
        assertEquals("ACCOUNT_EXISTS", again.text("code"));
        assertFalse(again.body().toString().contains(pan));
        assertTrue(again.text("detail").contains(pan.substring(0, 6)));

        bank.get("/v1/accounts/" + pan); // a client mistake: a PAN in a URL must not reach the log either
        assertFalse(bank.log().contains(pan), bank.log());
        assertTrue(bank.log().contains("POST /v1/accounts 409"), bank.log());
    }

    @Test
    void validatesMoneyAndCurrency() throws IOException {
        Response negative = bank.post("/v1/accounts", TestBank.account(TestBank.randomPan(), "DEBIT", -1, "CNY", 12, 2030));
        assertEquals("INVALID_AMOUNT", negative.text("code"));
        Map<String, Object> floatBalance = new HashMap<>(TestBank.account(TestBank.randomPan(), "DEBIT", 1, "CNY", 12, 2030));
        floatBalance.put("balance", 10.5);
        assertEquals("INVALID_AMOUNT", bank.post("/v1/accounts", floatBalance).text("code"));
        assertEquals("INVALID_CURRENCY",
                bank.post("/v1/accounts", TestBank.account(TestBank.randomPan(), "DEBIT", 1, "cny", 12, 2030)).text("code"));
        assertEquals("VALIDATION_FAILED",
                bank.post("/v1/accounts", TestBank.account(TestBank.randomPan(), "PREPAID", 1, "CNY", 12, 2030)).text("code"));
        assertEquals("INVALID_JSON", bank.post("/v1/accounts", "{\"pan\": 6222").text("code"));
    }

    @Test
    void unknownAccountsAndPathsAreProblems() throws IOException {
        Response missing = bank.get("/v1/accounts/acc_nope");
        assertEquals(404, missing.status());
        assertEquals("ACCOUNT_NOT_FOUND", missing.text("code"));
        assertEquals(404, bank.post("/v1/accounts/lookup", Map.of("pan", TestBank.randomPan())).status());
        assertEquals("NOT_FOUND", bank.get("/v1/nothing").text("code"));
        assertEquals(405, bank.delete("/v1/accounts").status());
        assertEquals("UP", bank.get("/health").text("status"));
    }

    @Test
    void verifiesCardsWithoutMovingMoney() throws IOException {
        TestBank.Card card = bank.openAccount("DEBIT", 700);
        Response ok = bank.post("/v1/card-verifications", Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031));
        assertEquals(200, ok.status());
        assertEquals("VERIFIED", ok.text("result"));
        assertEquals("DEBIT", ok.text("cardType"));
        assertEquals("Test Bank", ok.text("bankName"));
        assertEquals(card.pan().substring(0, 6), ok.text("bin"));
        assertEquals(card.pan().substring(card.pan().length() - 4), ok.text("last4"));
        assertEquals(700, bank.balance(card));

        Response wrongExpiry = bank.post("/v1/card-verifications", Map.of("pan", card.pan(), "expiryMonth", 11, "expiryYear", 2031));
        assertEquals("EXPIRED", wrongExpiry.text("result"));

        TestBank.Card old = bank.openAccount("DEBIT", 1, "CNY", 1, 2020);
        assertEquals("EXPIRED",
                bank.post("/v1/card-verifications", Map.of("pan", old.pan(), "expiryMonth", 1, "expiryYear", 2020)).text("result"));

        Response unknown = bank.post("/v1/card-verifications", Map.of("pan", TestBank.randomPan(), "expiryMonth", 12, "expiryYear", 2031));
        assertEquals("CARD_NOT_FOUND", unknown.text("result"));
        assertNull(unknown.text("bankName"));
        assertNull(unknown.text("last4"));

        TestBank.Card credit = bank.openAccount("CREDIT", 1);
        assertEquals("CREDIT",
                bank.post("/v1/card-verifications", Map.of("pan", credit.pan(), "expiryMonth", 12, "expiryYear", 2031)).text("cardType"));
    }
}
