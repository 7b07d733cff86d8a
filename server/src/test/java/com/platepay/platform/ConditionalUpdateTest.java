package com.platepay.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConditionalUpdateTest {

    enum S { A, B }

    @Test
    void theStatementIsConditionalOnTheStateItLeavesAndBindsEveryValue() {
        UUID id = UUID.randomUUID();
        ConditionalUpdate u = ConditionalUpdate.of("charges", id, S.A, S.B)
                .set("reason_code", "X").setFromNow("next_check_at", Duration.ofSeconds(2)).setExpression("check_attempts", "0");
        assertEquals("update charges set status = ?1, updated_at = now(), reason_code = ?2,"
                + " next_check_at = now() + interval '1 millisecond' * cast(?3 as bigint), check_attempts = 0"
                + " where id = ?4 and status = ?5", u.sql());
        assertEquals(List.of("B", "X", 2000L, id, "A"), u.parameters());
    }

    @Test
    void aMoveWithoutValuesSetsOnlyTheStatus() {
        UUID id = UUID.randomUUID();
        ConditionalUpdate u = ConditionalUpdate.of("parking_sessions", id, S.B, S.A);
        assertEquals("update parking_sessions set status = ?1, updated_at = now() where id = ?2 and status = ?3", u.sql());
        assertEquals(List.of("A", id, "B"), u.parameters());
    }
}
