package com.platepay.protocol.parking;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Body of a {@code plate-read} message: one read per passing vehicle at a lane, voted over its frames.
 *
 * <p>The envelope's {@code seq} is the read's journal sequence number on the box: the server stores each
 * (device, seq) once, so a resend after a crash or an outage is never a second passage. confidence and scores are
 * per mille (0..1000): the protocol signs integers only. openedOffline is set when the box opened the barrier
 * itself from its allow-list while it could not reach the server.
 */
public record PlateRead(
        @JsonProperty(value = "lane", required = true) String lane,
        @JsonProperty(value = "direction", required = true) Direction direction,
        @JsonProperty(value = "plate", required = true) String plate,
        String plateColour,
        @JsonProperty(value = "confidence", required = true) int confidence,
        List<Candidate> candidates,
        @JsonProperty(value = "capturedAt", required = true) Instant capturedAt,
        @JsonProperty(value = "cropSha256", required = true) String cropSha256,
        Boolean openedOffline,
        Long allowListVersion) {

    public enum Direction { ENTRY, EXIT }

    /** Another reading the recogniser considered, with its score. */
    public record Candidate(@JsonProperty(value = "plate", required = true) String plate,
                            @JsonProperty(value = "score", required = true) int score) {
    }

    public List<Candidate> candidatesOrEmpty() {
        return candidates == null ? List.of() : candidates;
    }

    public PlateRead withCapturedAt(Instant at) {
        return new PlateRead(lane, direction, plate, plateColour, confidence, candidates, at, cropSha256, openedOffline, allowListVersion);
    }

    public boolean wasOpenedOffline() {
        return Boolean.TRUE.equals(openedOffline);
    }
}
