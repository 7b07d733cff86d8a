package com.platepay.disputes;

import java.time.Instant;
import java.util.UUID;

/** Disputes as the driver and the site's operator see them over REST. */
public final class DisputeViews {

    private DisputeViews() {
    }

    public record DriverDisputeView(UUID id, UUID chargeId, String reason, String description, String status, Evidence evidence,
                                    String resolutionNote, Instant createdAt, Instant updatedAt, Instant resolvedAt) {
    }

    public record OperatorDisputeView(UUID id, UUID chargeId, UUID siteId, String reason, String description, String status,
                                      Evidence evidence, String resolutionNote, String handledBy, Instant createdAt,
                                      Instant updatedAt, Instant resolvedAt) {
    }

    static DriverDisputeView driver(Dispute d, Disputes disputes) {
        return new DriverDisputeView(d.id, d.chargeId, d.reason.name(), d.description, d.status.name(), disputes.fromJson(d.evidence),
                d.resolutionNote, d.createdAt, d.updatedAt, d.resolvedAt);
    }

    static OperatorDisputeView operator(Dispute d, Disputes disputes) {
        return new OperatorDisputeView(d.id, d.chargeId, d.siteId, d.reason.name(), d.description, d.status.name(),
                disputes.fromJson(d.evidence), d.resolutionNote, d.handledByName, d.createdAt, d.updatedAt, d.resolvedAt);
    }
}
