package com.platepay.mqtt;

import com.platepay.parking.LaneDecision;
import com.platepay.protocol.Ids;
import com.platepay.protocol.parking.LaneCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Turns a lane decision into the signed {@code command} body a lane box acts on. */
final class LaneCommandBodies {

    /** A box acts on an OPEN_BARRIER only this long: one the broker kept through an outage must not open for the next car. */
    static final Duration VALID_FOR = Duration.ofSeconds(30);

    private LaneCommandBodies() {
    }

    static LaneCommand of(LaneDecision d, Long ackSeq) {
        return new LaneCommand(Ids.newUuidV7(), d.open() ? LaneCommand.Action.OPEN_BARRIER : LaneCommand.Action.DISPLAY,
                Instant.now().plus(VALID_FOR).truncatedTo(ChronoUnit.MILLIS), d.text(), ackSeq, d.decision(),
                d.sessionId() == null ? null : d.sessionId().toString(), d.amount(), d.currency());
    }
}
