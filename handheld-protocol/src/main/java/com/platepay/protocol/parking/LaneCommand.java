package com.platepay.protocol.parking;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Body of a {@code command} message, signed by the server.
 *
 * <p>{@code OPEN_BARRIER} opens the lane's barrier and shows {@code text}; {@code DISPLAY} only shows it. The
 * answer to a plate read carries that read's {@code ackSeq} (the box may then drop it from its journal) and the
 * {@code decision} code. A box acts on an OPEN_BARRIER only before {@code expiresAt}, so a command kept by the
 * broker during an outage never opens the barrier for the next car.
 */
public record LaneCommand(
        @JsonProperty(value = "commandId", required = true) String commandId,
        @JsonProperty(value = "action", required = true) Action action,
        @JsonProperty(value = "expiresAt", required = true) Instant expiresAt,
        String text,
        Long ackSeq,
        String decision,
        String sessionId,
        Long amount,
        String currency) {

    public enum Action { OPEN_BARRIER, DISPLAY }
}
