package com.platepay.enrollment;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What enrollment tells a driver about their vehicle's review, answered by notifications (which depends on
 * enrollment, never the other way round). Runs inside the decision's transaction, so the notice and the decision
 * commit together.
 */
public interface VerificationNotices {

    Uni<Void> decided(UUID driverId, UUID vehicleId, String plate, boolean approved, String rejectionReason);
}
