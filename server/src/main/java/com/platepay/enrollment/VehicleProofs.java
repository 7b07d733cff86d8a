package com.platepay.enrollment;

import com.platepay.audit.Actor;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Hashes;
import com.platepay.platform.PlatePayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The driver's side of a vehicle's proof: uploading it (first time, after a rejection, or replacing one still
 * waiting) and reading it back. The image is written to its file first, outside any transaction; the transaction then
 * moves the vehicle to PENDING, conditional on the state it leaves and the proof it replaces. If that fails, the new
 * file is removed; if it commits, the replaced file is.
 */
@ApplicationScoped
public class VehicleProofs {

    private final ProofFiles files;
    private final AuditLog audit;
    private final Vertx vertx;
    private final PlatePayConfig config;

    public VehicleProofs(ProofFiles files, AuditLog audit, Vertx vertx, PlatePayConfig config) {
        this.files = files;
        this.audit = audit;
        this.vertx = vertx;
        this.config = config;
    }

    /** A checked upload, ready to be submitted. */
    public ProofImage check(byte[] body) {
        return ProofImage.check(body, config.proofs().maxBytes());
    }

    /**
     * Stores the image and submits it for review. The driver is looked up inside the transaction and must own the
     * vehicle, else 404. Runs its own transaction.
     */
    public Uni<Vehicle> submit(java.util.function.Supplier<Uni<Driver>> currentDriver, UUID vehicleId, ProofImage image, Actor actor) {
        UUID proofId = UUID.randomUUID();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    files.write(proofId, image.bytes());
                    return proofId;
                }))
                .flatMap(written -> Panache.withTransaction(() -> currentDriver.get()
                        .flatMap(driver -> VehicleResource.owned(driver, vehicleId))
                        .flatMap(vehicle -> record(vehicle, proofId, image, actor))))
                .onFailure().call(() -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                    files.delete(proofId);
                    return proofId;
                })))
                .call(submitted -> submitted.replaced == null ? Uni.createFrom().voidItem()
                        : vertx.executeBlocking(Uni.createFrom().item(() -> {
                            files.delete(submitted.replaced);
                            return submitted.replaced;
                        })).replaceWithVoid())
                .flatMap(submitted -> Panache.withSession(() -> Vehicle.<Vehicle>findById(vehicleId)));
    }

    private record Submitted(UUID replaced) {
    }

    private Uni<Submitted> record(Vehicle vehicle, UUID proofId, ProofImage image, Actor actor) {
        Vehicle.Verification from = vehicle.verification;
        if (!VerificationStateMachine.allowed(from, Vehicle.Verification.PENDING)) {
            throw ApiException.conflict("VEHICLE_ALREADY_VERIFIED", "this vehicle is already approved");
        }
        VehicleProof proof = new VehicleProof();
        proof.id = proofId;
        proof.vehicleId = vehicle.id;
        proof.driverId = vehicle.driverId;
        proof.contentType = image.contentType();
        proof.sizeBytes = image.bytes().length;
        proof.sha256 = Hashes.sha256Hex(image.bytes());
        proof.uploadedAt = Instant.now();
        UUID replaced = from == Vehicle.Verification.PENDING ? vehicle.proofId : null;
        return proof.persistAndFlush()
                .flatMap(x -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "update vehicles set verification = 'PENDING', proof_id = ?1, rejection_reason = null "
                                        + "where id = ?2 and verification = ?3 and proof_id is not distinct from ?4")
                        .setParameter(1, proofId).setParameter(2, vehicle.id).setParameter(3, from.name())
                        .setParameter(4, vehicle.proofId).executeUpdate()))
                .flatMap(moved -> {
                    if (moved != 1) {
                        throw ApiException.conflict("VEHICLE_CHANGED", "the vehicle changed meanwhile; look at it again");
                    }
                    return replaced == null ? Uni.createFrom().item(0) : Panache.getSession().flatMap(s -> s.createNativeQuery(
                                    "update vehicle_proofs set decision = 'REPLACED', decided_at = now() where id = ?1 and decision is null")
                            .setParameter(1, replaced).executeUpdate());
                })
                .call(x -> audit.recordAs(actor, AuditAction.VEHICLE_PROOF_UPLOADED, AuditedResource.VEHICLE_PROOF, proofId,
                        vehicle.plate + " " + vehicle.colour + ": " + image.contentType() + ", " + image.bytes().length + " bytes"
                                + (replaced != null ? ", replacing " + replaced : "")))
                .map(x -> new Submitted(replaced));
    }

    /** The current proof's image of one of the caller's vehicles. Must run inside a session. */
    public Uni<StoredImage> currentImage(Driver driver, UUID vehicleId) {
        return VehicleResource.owned(driver, vehicleId).flatMap(vehicle -> {
            if (vehicle.proofId == null) {
                throw ApiException.notFound("proof");
            }
            return VehicleProof.<VehicleProof>findById(vehicle.proofId);
        }).flatMap(this::image);
    }

    /** An image and the type it was found to be. */
    public record StoredImage(String contentType, byte[] bytes) {
    }

    Uni<StoredImage> image(VehicleProof proof) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> new StoredImage(proof.contentType, files.read(proof.id))));
    }
}
