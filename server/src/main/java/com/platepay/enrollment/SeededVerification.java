package com.platepay.enrollment;

import com.platepay.audit.Actor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * How the demo and fleet seeders get their own vehicles approved: through the same path as a driver and a reviewer
 * (the proof is stored as a file, reviewed, audited under the seeder's name), never by writing the state. Call
 * outside a transaction; it runs its own.
 */
@ApplicationScoped
public class SeededVerification {

    private static final String DEMO_IMAGE = "demo/vehicle-licence-demo.png";

    private final VehicleProofs proofs;
    private final ProofReview review;

    public SeededVerification(VehicleProofs proofs, ProofReview review) {
        this.proofs = proofs;
        this.review = review;
    }

    /** Uploads a placeholder licence photo for the vehicle and approves it as {@code seeder}; a no-op if approved. */
    public Uni<Vehicle> approve(UUID driverId, UUID vehicleId, Actor seeder) {
        return Panache.withSession(() -> Vehicle.<Vehicle>findById(vehicleId)).flatMap(vehicle -> {
            if (vehicle.verification == Vehicle.Verification.APPROVED) {
                return Uni.createFrom().item(vehicle);
            }
            return proofs.submit(() -> Driver.<Driver>findById(driverId), vehicleId, proofs.check(demoImage()), seeder)
                    .flatMap(pending -> Panache.withTransaction(() -> review.approve(pending.proofId, seeder)))
                    .flatMap(x -> Panache.withSession(() -> Vehicle.<Vehicle>findById(vehicleId)));
        });
    }

    static byte[] demoImage() {
        try (InputStream in = SeededVerification.class.getClassLoader().getResourceAsStream(DEMO_IMAGE)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_IMAGE + " is missing from the server's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
