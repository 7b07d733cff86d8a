package com.platepay.parking;

import com.platepay.protocol.parking.PlateRead;
import java.time.Instant;
import java.util.UUID;

/** What the operator API shows. */
public final class ParkingViews {

    private ParkingViews() {
    }

    public record LotView(UUID siteId, String currency, LotSettings settings) {
        static LotView of(ParkingLot l) {
            return new LotView(l.siteId, l.currency, LotSettings.of(l));
        }
    }

    public record LaneView(UUID deviceId, UUID siteId, String name, PlateRead.Direction direction, int confidenceThreshold) {
        static LaneView of(ParkingLane l) {
            return new LaneView(l.deviceId, l.siteId, l.name, l.direction, l.confidenceThreshold);
        }
    }

    public record SessionView(UUID id, UUID siteId, String plate, String plateColour, SessionStatus status, ParkingSession.Flag flag,
                              String reviewReason, Instant entryAt, Instant exitAt, String exitMatch, Integer exitConfidence,
                              Long amount, String currency, int debitAttempts, Instant paidAt) {
        static SessionView of(ParkingSession s) {
            return new SessionView(s.id, s.siteId, s.plate, s.plateColour, s.status, s.flag, s.reviewReason, s.entryAt, s.exitAt,
                    s.exitMatch, s.exitConfidence, s.amount, s.currency, s.debitAttempts, s.paidAt);
        }
    }
}
