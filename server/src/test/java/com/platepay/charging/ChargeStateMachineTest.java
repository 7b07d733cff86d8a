package com.platepay.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every legal and every illegal move of a charge, without a database. */
class ChargeStateMachineTest {

    private static final Set<String> LEGAL = Set.of(
            "RECEIVED>AUTHORIZING", "RECEIVED>DECLINED",
            "AUTHORIZING>APPROVED", "AUTHORIZING>DECLINED", "AUTHORIZING>UNKNOWN",
            "UNKNOWN>REVERSED", "UNKNOWN>REVERSAL_FAILED",
            "REVERSAL_FAILED>UNKNOWN");

    @Test
    void exactlyTheDrawnMovesAreAllowed() {
        int legal = 0;
        for (ChargeStatus from : ChargeStatus.values()) {
            for (ChargeStatus to : ChargeStatus.values()) {
                boolean expected = LEGAL.contains(from + ">" + to);
                assertEquals(expected, ChargeStateMachine.allows(from, to), from + " -> " + to);
                if (expected) {
                    legal++;
                    ChargeStateMachine.require(from, to);
                } else {
                    assertThrows(ChargeStateMachine.IllegalChargeTransition.class, () -> ChargeStateMachine.require(from, to),
                            from + " -> " + to);
                }
            }
        }
        assertEquals(LEGAL.size(), legal);
    }

    @Test
    void aLateAnswerCannotUndoADecision() {
        for (ChargeStatus decided : EnumSet.of(ChargeStatus.APPROVED, ChargeStatus.DECLINED, ChargeStatus.REVERSED)) {
            assertTrue(ChargeStateMachine.isFinal(decided), decided + " is final");
        }
        assertFalse(ChargeStateMachine.allows(ChargeStatus.UNKNOWN, ChargeStatus.APPROVED), "the bank's late approval after a timeout");
        assertFalse(ChargeStateMachine.allows(ChargeStatus.REVERSED, ChargeStatus.APPROVED));
        assertFalse(ChargeStateMachine.isFinal(ChargeStatus.REVERSAL_FAILED), "a person can send it back to the janitor");
    }

    @Test
    void onlyChargesInFlightAreUnanswered() {
        for (ChargeStatus status : ChargeStatus.values()) {
            assertEquals(status == ChargeStatus.RECEIVED || status == ChargeStatus.AUTHORIZING, !status.answered(), status.name());
        }
    }

    @Test
    void aChargeIsFirstStoredOnlyAsAuthorizingOrDeclined() {
        Charge charge = new Charge();
        charge.status = ChargeStatus.RECEIVED;
        charge.admit(ChargeStatus.AUTHORIZING, null);
        assertEquals(ChargeStatus.AUTHORIZING, charge.status);
        Charge other = new Charge();
        other.status = ChargeStatus.RECEIVED;
        assertThrows(ChargeStateMachine.IllegalChargeTransition.class, () -> other.admit(ChargeStatus.APPROVED, "APPROVED"));
    }

    @Test
    void movesAreCheckedWhenTheyAreMadeNotWhenTheyReachTheDatabase() {
        assertThrows(ChargeStateMachine.IllegalChargeTransition.class,
                () -> ChargeTransitions.move(java.util.UUID.randomUUID(), ChargeStatus.REVERSED, ChargeStatus.APPROVED));
    }
}
