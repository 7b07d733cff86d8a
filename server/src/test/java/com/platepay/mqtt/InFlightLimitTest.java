package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void acknowledgementsWaitWhileOverTheLimitAndGoOutInOrderAsAnswersLeave() {
        InFlightLimit limit = new InFlightLimit(2);
        List<Integer> acked = new ArrayList<>();
        limit.enter();
        limit.enter();
        limit.whenBelowLimit(() -> acked.add(1));
        assertEquals(List.of(1), acked, "at the limit: acknowledged at once");
        limit.enter();
        limit.whenBelowLimit(() -> acked.add(2));
        limit.enter();
        limit.whenBelowLimit(() -> acked.add(3));
        assertEquals(List.of(1), acked, "over the limit: the broker is not asked for more");
        limit.leave();
        assertEquals(List.of(1), acked, "still over");
        limit.leave();
        assertEquals(List.of(1, 2, 3), acked);
        assertEquals(2, limit.current());
    }
}
