package com.platepay.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.notifications.DriverNotice;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import com.platepay.platform.Db;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Opening, following and deciding disputes. A driver disputes a charge that took money (APPROVED, or
 * REVERSAL_FAILED while the bank has not confirmed the reversal); one live dispute per charge, and a decided one is
 * not reopened. Every move is a conditional update on the state it leaves, is audited, and tells the driver.
 */
@ApplicationScoped
public class Disputes {

    static final Set<String> DISPUTABLE = Set.of("APPROVED", "REVERSAL_FAILED");

    private final EvidenceCollector evidence;
    private final DriverNotifier notifier;
    private final AuditLog audit;
    private final CurrentUser user;
    private final ObjectMapper json;

    public Disputes(EvidenceCollector evidence, DriverNotifier notifier, AuditLog audit, CurrentUser user, ObjectMapper json) {
        this.evidence = evidence;
        this.notifier = notifier;
        this.audit = audit;
        this.user = user;
        this.json = json;
    }

    public record Opening(UUID chargeId, Dispute.Reason reason, String description) {
    }

    /** Reads the evidence (outside a transaction), then records the dispute in its own transaction. */
    public Uni<Dispute> open(java.util.function.Supplier<Uni<UUID>> currentDriver, Opening opening) {
        return Panache.withTransaction(currentDriver).flatMap(driverId -> evidence.forDriver(opening.chargeId(), driverId)
                .flatMap(found -> {
                    if (found == null) {
                        throw ApiException.notFound("charge");
                    }
                    if (!DISPUTABLE.contains(found.evidence().status())) {
                        throw ApiException.conflict("CHARGE_NOT_DISPUTABLE", "only a charge that took money can be disputed; this one is "
                                + found.evidence().status());
                    }
                    return Panache.withTransaction(() -> record(driverId, opening, found));
                }));
    }

    private Uni<Dispute> record(UUID driverId, Opening opening, EvidenceCollector.Found found) {
        return Dispute.count("chargeId = ?1 and status in (?2, ?3)", opening.chargeId(), DisputeStatus.UPHELD, DisputeStatus.REJECTED)
                .flatMap(decided -> {
                    if (decided > 0) {
                        throw ApiException.conflict("DISPUTE_ALREADY_DECIDED", "a dispute of this charge was already decided");
                    }
                    Dispute d = new Dispute();
                    d.id = UUID.randomUUID();
                    d.chargeId = opening.chargeId();
                    d.driverId = driverId;
                    d.operatorId = found.operatorId();
                    d.siteId = found.evidence().siteId();
                    d.reason = opening.reason();
                    d.description = opening.description() == null || opening.description().isBlank() ? null : opening.description().strip();
                    d.status = DisputeStatus.OPEN;
                    d.evidence = toJson(found.evidence());
                    return d.<Dispute>persistAndFlush();
                })
                .onFailure(Db::isUniqueViolation).transform(e -> ApiException.conflict("DISPUTE_EXISTS",
                        "this charge is already disputed; follow that dispute"))
                .call(d -> audit.record(AuditAction.DISPUTE_OPENED, AuditedResource.DISPUTE, d.id,
                        "charge " + d.chargeId + ": " + d.reason))
                .call(d -> tell(d, found.evidence(), DisputeStatus.OPEN))
                .flatMap(d -> reload(d.id));
    }

    /** The driver takes it back. Must run inside a transaction. */
    public Uni<Dispute> withdraw(UUID driverId, UUID disputeId) {
        return Dispute.<Dispute>find("id = ?1 and driverId = ?2", disputeId, driverId).firstResult()
                .flatMap(d -> move(d, DisputeStatus.WITHDRAWN, null, AuditAction.DISPUTE_WITHDRAWN));
    }

    /** The operator takes it up. Must run inside a transaction. */
    public Uni<Dispute> startReview(UUID operatorId, UUID disputeId) {
        return operators(operatorId, disputeId).flatMap(d -> move(d, DisputeStatus.UNDER_REVIEW, null, AuditAction.DISPUTE_REVIEW_STARTED));
    }

    /** The operator decides, with a note the driver is shown. Must run inside a transaction. */
    public Uni<Dispute> resolve(UUID operatorId, UUID disputeId, DisputeStatus outcome, String note) {
        if (outcome != DisputeStatus.UPHELD && outcome != DisputeStatus.REJECTED) {
            throw ApiException.badRequest("INVALID_OUTCOME", "outcome is UPHELD or REJECTED");
        }
        return operators(operatorId, disputeId).flatMap(d -> move(d, outcome, note, AuditAction.DISPUTE_RESOLVED));
    }

    public Uni<List<Dispute>> ofDriver(UUID driverId) {
        return Dispute.list("driverId = ?1 order by createdAt desc", driverId);
    }

    public Uni<Dispute> ofDriver(UUID driverId, UUID disputeId) {
        return Dispute.<Dispute>find("id = ?1 and driverId = ?2", disputeId, driverId).firstResult().map(Disputes::found);
    }

    public Uni<List<Dispute>> ofOperator(UUID operatorId, DisputeStatus status) {
        return status == null ? Dispute.list("operatorId = ?1 order by createdAt desc", operatorId)
                : Dispute.list("operatorId = ?1 and status = ?2 order by createdAt desc", operatorId, status);
    }

    public Uni<Dispute> operators(UUID operatorId, UUID disputeId) {
        return Dispute.<Dispute>find("id = ?1 and operatorId = ?2", disputeId, operatorId).firstResult().map(Disputes::found);
    }

    private Uni<Dispute> move(Dispute d, DisputeStatus to, String note, AuditAction action) {
        found(d);
        DisputeStatus from = d.status;
        if (!DisputeStateMachine.allowed(from, to)) {
            throw ApiException.conflict("INVALID_DISPUTE_STATE", "a " + from + " dispute cannot become " + to);
        }
        boolean decided = to == DisputeStatus.UPHELD || to == DisputeStatus.REJECTED;
        boolean byStaff = to != DisputeStatus.WITHDRAWN;
        String sql = "update disputes set status = ?1, updated_at = now()"
                + (byStaff ? ", handled_by_subject = ?4, handled_by_name = ?5" : "")
                + (decided ? ", resolution_note = ?6, resolved_at = now()" : "")
                + (to == DisputeStatus.WITHDRAWN ? ", resolved_at = now()" : "")
                + " where id = ?2 and status = ?3";
        return Panache.getSession().flatMap(s -> {
                    var q = s.createNativeQuery(sql).setParameter(1, to.name()).setParameter(2, d.id).setParameter(3, from.name());
                    if (byStaff) {
                        q.setParameter(4, user.subject()).setParameter(5, user.username());
                    }
                    if (decided) {
                        q.setParameter(6, note);
                    }
                    return q.executeUpdate();
                })
                .flatMap(moved -> {
                    if (moved != 1) {
                        throw ApiException.conflict("INVALID_DISPUTE_STATE", "the dispute changed meanwhile; look at it again");
                    }
                    return audit.record(action, AuditedResource.DISPUTE, d.id, from + " -> " + to + (note == null ? "" : ": " + note));
                })
                .flatMap(x -> tell(d, fromJson(d.evidence), to))
                .flatMap(x -> reload(d.id));
    }

    private Uni<Void> tell(Dispute d, Evidence e, DisputeStatus status) {
        return notifier.tell(new DriverNotice(d.driverId, d.chargeId, DriverNotice.Kind.DISPUTE_UPDATED, e.plate(), e.amount(),
                e.currency(), e.maskedCard(), status.name()));
    }

    private static Uni<Dispute> reload(UUID id) {
        // Its row changed by a statement, not through the entity: forget the session's copy and read it again.
        return Panache.getSession().flatMap(s -> s.find(Dispute.class, id).call(d -> d == null ? Uni.createFrom().voidItem()
                : Uni.createFrom().item(d).invoke(s::detach).replaceWithVoid())).flatMap(x -> Dispute.<Dispute>findById(id));
    }

    private static Dispute found(Dispute d) {
        if (d == null) {
            throw ApiException.notFound("dispute");
        }
        return d;
    }

    String toJson(Evidence e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("evidence does not serialise", ex);
        }
    }

    Evidence fromJson(String text) {
        try {
            return json.readValue(text, Evidence.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored evidence does not parse", ex);
        }
    }
}
