package com.platepay.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks find what they are there to find, and nothing in a clean run. */
class PassConditionsTest {
    private static final String ID = "01a207a2-2e98-7c4d-9b1e-5f0a3c2d4e6b";

    private static Sent sent(int index, String chargeId, long amount, boolean valid) {
        return new Sent(index, "field", "m" + index, chargeId, BigDecimal.valueOf(amount), valid, valid ? "" : "refused", true, true, 100);
    }

    private static BankDebits.Debit debit(String chargeId, long amount) {
        return new BankDebits.Debit("dbt_" + chargeId + amount, "APPROVED", amount, "123456", "PlatePay 黑E12345 " + chargeId);
    }

    private static Answer answer(String status, String code, String chargeId, long amount) {
        return new Answer(status, code, chargeId, amount, true, List.of());
    }

    @Test
    void oneDebitOfAValidChargeIsFine() {
        assertEquals(List.of(), MoneyCheck.violations(List.of(debit(ID, 5)), List.of(sent(0, ID, 5, true))));
        assertEquals(List.of(), MoneyCheck.violations(
                List.of(new BankDebits.Debit("d", "DECLINED", 5, null, "PlatePay x " + ID)), List.of(sent(0, ID, 5, false))));
    }

    @Test
    void moneyForAnInvalidChargeTwoSpellingsOrAnotherAmountIsCaught() {
        assertTrue(MoneyCheck.violations(List.of(debit(ID, 5)), List.of(sent(0, ID, 5, false))).get(0).contains("no schema-valid charge"));
        assertTrue(MoneyCheck.violations(List.of(debit(ID, 5), debit(ID.toUpperCase(), 5)), List.of(sent(0, ID, 5, true)))
                .get(0).contains("took money 2 times"));
        assertTrue(MoneyCheck.violations(List.of(debit(ID, 6)), List.of(sent(0, ID, 5, true))).get(0).contains("matches no valid charge's amount"));
    }

    @Test
    void answersMustComeSignedCodedAndWithTheAmountSent() {
        Sent s = sent(0, ID, 5, true);
        assertEquals(List.of(), AnswerCheck.violations(List.of(new Outcome(s, answer("APPROVED", "APPROVED", ID, 5), null, false))));
        assertEquals(List.of(), AnswerCheck.violations(List.of(new Outcome(s, null, "PUBACK NOT_AUTHORIZED", false))));
        assertTrue(AnswerCheck.violations(List.of(new Outcome(s, null, null, false))).get(0).startsWith("no answer"));
        assertTrue(AnswerCheck.violations(List.of(new Outcome(s, answer("REJECTED", "MALFORMED", ID, 4), null, false)))
                .get(0).contains("states amount 4"));
        assertTrue(AnswerCheck.violations(List.of(new Outcome(s, answer("REJECTED", "NO_SUCH_CODE", ID, 0), null, false)))
                .get(0).contains("known status and reason code"));
        assertTrue(AnswerCheck.violations(List.of(new Outcome(s, new Answer("APPROVED", "APPROVED", ID, 5, false, List.of()), null, false)))
                .get(0).contains("not signed"));
    }

    @Test
    void disagreementsGoBothWays() {
        Outcome acceptedInvalid = new Outcome(sent(0, ID, 5, false), answer("APPROVED", "APPROVED", ID, 5), null, false);
        Outcome refusedValid = new Outcome(sent(1, ID, 5, true), answer("REJECTED", "MALFORMED", ID, 5), null, false);
        Outcome declinedValid = new Outcome(sent(2, ID, 5, true), answer("DECLINED", "NOT_ENROLLED", ID, 5), null, false);
        List<String> found = SchemaAgreement.disagreements(List.of(acceptedInvalid, refusedValid, declinedValid), java.util.Set.of());
        assertEquals(2, found.size(), found.toString());
    }
}
