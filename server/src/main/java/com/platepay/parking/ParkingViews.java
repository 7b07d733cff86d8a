package com.platepay.parking;

import com.platepay.protocol.parking.PlateRead;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * A stay the driver owes (or just settled): where and when, how much, why the card was declined, and how many
     * more times the app may try it.
     */
    public record ArrearsView(UUID sessionId, UUID siteId, String lotName, String plate, String plateColour, SessionStatus status,
                              Instant entryAt, Instant exitAt, Long amount, String currency, String declineReason,
                              int settleAttemptsLeft) {
        static ArrearsView of(ParkingSession s, String lotName, int maxAttempts) {
            return new ArrearsView(s.id, s.siteId, lotName, s.plate, s.plateColour, s.status, s.entryAt, s.exitAt, s.amount, s.currency,
                    s.status == SessionStatus.ARREARS ? s.reviewReason : null, Math.max(0, maxAttempts - s.settleAttempts));
        }
    }

    public record PassView(UUID id, UUID siteId, String plate, String plateColour, LocalDate validFrom, LocalDate validTo, String holder,
                           PassStatus status, Instant createdAt, Instant endedAt, String endReason) {
        static PassView of(ParkingPass p) {
            return new PassView(p.id, p.siteId, p.plate, p.plateColour, p.validFrom, p.validTo, p.holder, p.status, p.createdAt, p.endedAt,
                    p.endReason);
        }
    }

    public record SessionView(UUID id, UUID siteId, String plate, String plateColour, SessionStatus status, ParkingSession.Flag flag,
                              String reviewReason, Instant entryAt, Instant exitAt, String exitMatch, Integer exitConfidence,
                              Long amount, String currency, int debitAttempts, Instant paidAt, UUID passId) {
        static SessionView of(ParkingSession s) {
            return new SessionView(s.id, s.siteId, s.plate, s.plateColour, s.status, s.flag, s.reviewReason, s.entryAt, s.exitAt,
                    s.exitMatch, s.exitConfidence, s.amount, s.currency, s.debitAttempts, s.paidAt, s.passId);
        }
    }
}
