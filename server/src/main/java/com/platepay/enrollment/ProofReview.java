package com.platepay.enrollment;

import com.platepay.audit.Actor;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Db;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reviewer's side of vehicle proofs (operators and admins). A reviewer sees a proof while it waits for a
 * decision, and afterwards only if they decided it (admins see every one); every look at an image is audited.
 * Approving moves the vehicle PENDING -> APPROVED conditional on the proof being still its current one, and the
 * database refuses a second approved claim on the same plate + colour. Must run inside a transaction.
 */
@ApplicationScoped
public class ProofReview {

    public static final int MAX_LIST = 200;

    /** A proof as a reviewer sees it: enough to compare with the licence in the photo, nothing about cards. */
    public record ProofForReview(UUID id, UUID vehicleId, String plate, String colour, String driverName, String contentType,
                                 int sizeBytes, String sha256, Instant uploadedAt, String status, Instant decidedAt,
                                 String reviewerName, String rejectionReason) {
    }

    public enum Status { PENDING, APPROVED, REJECTED, REPLACED }

    private final AuditLog audit;
    private final VerificationNotices notices;
    private final VehicleProofs proofs;

    public ProofReview(AuditLog audit, VerificationNotices notices, VehicleProofs proofs) {
        this.audit = audit;
        this.notices = notices;
        this.proofs = proofs;
    }

    public Uni<List<ProofForReview>> list(Status status, Actor reviewer) {
        String decision = status == Status.PENDING ? "p.decision is null" : "p.decision = '" + status.name() + "'";
        boolean everyone = Roles.ADMIN.equals(reviewer.role()) || status == Status.PENDING;
        String sql = SELECT + " where " + decision + (everyone ? "" : " and p.reviewer_subject = ?1")
                + " order by p.uploaded_at " + (status == Status.PENDING ? "asc" : "desc") + " limit " + MAX_LIST;
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            if (!everyone) {
                query.setParameter(1, reviewer.subject());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(ProofReview::view).toList());
    }

    public Uni<ProofForReview> get(UUID proofId, Actor reviewer) {
        return visible(proofId, reviewer).map(ProofReview::view);
    }

    /** The image, after recording who looked at it. */
    public Uni<VehicleProofs.StoredImage> image(UUID proofId, Actor reviewer) {
        return visible(proofId, reviewer)
                .call(row -> audit.recordAs(reviewer, AuditAction.VEHICLE_PROOF_VIEWED, AuditedResource.VEHICLE_PROOF, proofId,
                        view(row).plate()))
                .flatMap(row -> VehicleProof.<VehicleProof>findById(proofId))
                .flatMap(proofs::image);
    }

    public Uni<ProofForReview> approve(UUID proofId, Actor reviewer) {
        return pending(proofId, reviewer).flatMap(pending -> {
                    ProofForReview p = pending.proof();
                    return moveVehicle(p, "APPROVED", null)
                            .flatMap(x -> decide(p, VehicleProof.Decision.APPROVED, null, reviewer))
                            .flatMap(x -> revokeOtherClaims(p))
                            .flatMap(revoked -> audit.recordAs(reviewer, AuditAction.VEHICLE_PROOF_APPROVED,
                                    AuditedResource.VEHICLE_PROOF, proofId, p.plate() + " " + p.colour()
                                            + (revoked > 0 ? "; " + revoked + " mandate(s) of other claims revoked" : "")))
                            .flatMap(x -> notices.decided(pending.driverId(), p.vehicleId(), p.plate(), true, null));
                })
                .flatMap(x -> visible(proofId, reviewer)).map(ProofReview::view);
    }

    public Uni<ProofForReview> reject(UUID proofId, String reason, Actor reviewer) {
        return pending(proofId, reviewer).flatMap(pending -> {
                    ProofForReview p = pending.proof();
                    return moveVehicle(p, "REJECTED", reason)
                            .flatMap(x -> decide(p, VehicleProof.Decision.REJECTED, reason, reviewer))
                            .flatMap(x -> audit.recordAs(reviewer, AuditAction.VEHICLE_PROOF_REJECTED, AuditedResource.VEHICLE_PROOF,
                                    proofId, p.plate() + " " + p.colour() + ": " + reason))
                            .flatMap(x -> notices.decided(pending.driverId(), p.vehicleId(), p.plate(), false, reason));
                })
                .flatMap(x -> visible(proofId, reviewer)).map(ProofReview::view);
    }

    private static final String SELECT = "select p.id, p.vehicle_id, v.plate, v.colour, d.display_name, p.content_type, "
            + "p.size_bytes, p.sha256, p.uploaded_at, coalesce(p.decision, 'PENDING'), p.decided_at, p.reviewer_name, "
            + "p.rejection_reason, p.reviewer_subject, p.driver_id from vehicle_proofs p join vehicles v on v.id = p.vehicle_id "
            + "join drivers d on d.id = p.driver_id";

    /** The proof if this reviewer may see it, else 404 (never "forbidden": that would say it exists). */
    private Uni<Object[]> visible(UUID proofId, Actor reviewer) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(SELECT + " where p.id = ?1", Object[].class)
                        .setParameter(1, proofId).getResultList())
                .map(rows -> {
                    Object[] row = rows.isEmpty() ? null : rows.get(0);
                    boolean allowed = row != null && (Roles.ADMIN.equals(reviewer.role())
                            || "PENDING".equals(row[9]) || reviewer.subject().equals(row[13]));
                    if (!allowed) {
                        throw ApiException.notFound("proof");
                    }
                    return row;
                });
    }

    /** A proof still waiting for a decision, with its driver (for the notice; reviewers are not shown the id). */
    private record Pending(ProofForReview proof, UUID driverId) {
    }

    private Uni<Pending> pending(UUID proofId, Actor reviewer) {
        return visible(proofId, reviewer).map(row -> {
            ProofForReview p = view(row);
            if (!"PENDING".equals(p.status())) {
                throw ApiException.conflict("PROOF_NOT_PENDING", "this proof was already " + p.status().toLowerCase());
            }
            return new Pending(p, (UUID) row[14]);
        });
    }

    private static Uni<Integer> moveVehicle(ProofForReview p, String to, String reason) {
        String verifiedAt = "APPROVED".equals(to) ? "now()" : "null";
        return Panache.getSession().flatMap(s -> s.createNativeQuery("update vehicles set verification = ?1, rejection_reason = ?2, "
                                + "verified_at = " + verifiedAt + " where id = ?3 and verification = 'PENDING' and proof_id = ?4")
                        .setParameter(1, to).setParameter(2, reason).setParameter(3, p.vehicleId()).setParameter(4, p.id())
                        .executeUpdate())
                .onFailure(Db::isUniqueViolation).transform(e -> ApiException.conflict("PLATE_ALREADY_VERIFIED",
                        "this plate is already verified for another account"))
                .map(moved -> {
                    if (moved != 1) {
                        throw ApiException.conflict("PROOF_NOT_PENDING", "the driver replaced this proof meanwhile");
                    }
                    return moved;
                });
    }

    private static Uni<Integer> decide(ProofForReview p, VehicleProof.Decision decision, String reason, Actor reviewer) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("update vehicle_proofs set decision = ?1, decided_at = now(), "
                                + "reviewer_subject = ?2, reviewer_name = ?3, reviewer_role = ?4, rejection_reason = ?5 "
                                + "where id = ?6 and decision is null")
                        .setParameter(1, decision.name()).setParameter(2, reviewer.subject()).setParameter(3, reviewer.name())
                        .setParameter(4, reviewer.role()).setParameter(5, reason).setParameter(6, p.id())
                        .executeUpdate())
                .map(moved -> {
                    if (moved != 1) {
                        throw ApiException.conflict("PROOF_NOT_PENDING", "this proof was decided meanwhile");
                    }
                    return moved;
                });
    }

    /**
     * Mandates other drivers made on the same plate + colour before proofs were required: only the approved owner's
     * claim may pay, so theirs end (new mandates need an approved vehicle, so none can appear after this).
     */
    private static Uni<Integer> revokeOtherClaims(ProofForReview p) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("update mandates set status = 'REVOKED', revoked_at = now(), "
                        + "updated_at = now() where plate = ?1 and colour = ?2 and status <> 'REVOKED' "
                        + "and vehicle_id <> ?3").setParameter(1, p.plate()).setParameter(2, p.colour())
                .setParameter(3, p.vehicleId()).executeUpdate());
    }

    private static ProofForReview view(Object[] r) {
        return new ProofForReview((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).intValue(), (String) r[7], instant(r[8]), (String) r[9], instant(r[10]), (String) r[11],
                (String) r[12]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
