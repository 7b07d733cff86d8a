package com.platepay.parking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionStateMachineTest {

    @Test
    void aStayIsDebitedOnlyFromCharging() {
        assertTrue(SessionStateMachine.allows(SessionStatus.CHARGING, SessionStatus.PAID));
        assertFalse(SessionStateMachine.allows(SessionStatus.REVIEW, SessionStatus.ARREARS));
        assertFalse(SessionStateMachine.allows(SessionStatus.OPEN, SessionStatus.ARREARS));
    }

    @Test
    void aWaivedStayNeverMovesAgain() {
        for (SessionStatus to : SessionStatus.values()) {
            assertFalse(SessionStateMachine.allows(SessionStatus.WAIVED, to), "WAIVED -> " + to);
        }
    }

    @Test
    void aPaidStayMayOnlyBeChargedForAnOverstay() {
        for (SessionStatus to : SessionStatus.values()) {
            assertTrue(to == SessionStatus.CHARGING ^ !SessionStateMachine.allows(SessionStatus.PAID, to), "PAID -> " + to);
        }
        assertThrows(IllegalStateException.class, () -> SessionTransitions.move(java.util.UUID.randomUUID(), SessionStatus.PAID,
                SessionStatus.WAIVED));
    }
}
