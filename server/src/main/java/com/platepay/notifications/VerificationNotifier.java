package com.platepay.notifications;

import com.platepay.enrollment.VerificationNotices;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Tells drivers how their vehicle's review ended, in the decision's transaction. */
@ApplicationScoped
public class VerificationNotifier implements VerificationNotices {

    private final DriverNotifier notifier;

    public VerificationNotifier(DriverNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public Uni<Void> decided(UUID driverId, UUID vehicleId, String plate, boolean approved, String rejectionReason) {
        return notifier.tell(DriverNotice.vehicle(driverId, plate, approved, rejectionReason));
    }
}
