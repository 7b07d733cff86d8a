package com.platepay.cylinders;

import com.platepay.charging.MandateResolver;
import com.platepay.enrollment.Mandate;
import com.platepay.holds.HoldService;
import com.platepay.holds.HoldSizing;
import com.platepay.holds.HoldStatus;
import com.platepay.platform.Db;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.cylinder.FillCodes;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Answers a handheld's cylinder-check: may this cylinder be filled (a safety answer from the registry, see
 * {@link FillRules}, with the refusal codes of {@link FillCodes}), and may this vehicle pay frictionlessly here (the
 * mandate the plate resolves to, its vehicle's proof, the site's category, and what is left of the per-charge and
 * daily caps). The answer is stored under a
 * check id, once per (device, request id): a resend gets the same check, the same id with another body is refused.
 * Reads the caps without reserving them; the hold (or the charge) reserves.
 */
@ApplicationScoped
public class CylinderCheckService {

    /** A stored check with the amount held for it (null: no hold), or the refusal of a request that reused an id. */
    public record Outcome(CylinderCheck check, String conflict, Long held) {
        Outcome withHeld(Long amount) {
            return new Outcome(check, conflict, amount);
        }
    }

    /** A check just decided, with the cylinders it checked (what a hold is sized to). */
    private record Decided(CylinderCheck check, List<Cylinder> cylinders) {
    }

    private static final String USAGE = """
            select coalesce((select reserved from daily_usage where scope = 'CARD' and owner = ?1 and day = cast(?3 as date)), 0),
                   coalesce((select reserved from daily_usage where scope = 'DRIVER' and owner = ?2 and day = cast(?3 as date)), 0)""";

    private final MandateResolver mandates;
    private final PlatePayConfig config;
    private final HoldService holds;

    public CylinderCheckService(MandateResolver mandates, PlatePayConfig config, HoldService holds) {
        this.mandates = mandates;
        this.config = config;
        this.holds = holds;
    }

    /**
     * The stored check for this request, deciding and storing it first if it is new. A new check that passed both ways
     * gets a hold (after the check is committed: persist before the bank); a resend reports the hold that stands.
     */
    public Uni<Outcome> check(CylinderCheckCommand command) {
        String hash = command.requestHash();
        return Panache.withTransaction(() -> stored(command, hash)
                        .flatMap(found -> found != null ? Uni.createFrom().item((Object) found)
                                : decideAndStore(command, hash).map(d -> (Object) d)))
                // A concurrent copy of the same request stored first: its answer is this one's.
                .onFailure(Db::isUniqueViolation).recoverWithUni(() -> Panache.withTransaction(() -> stored(command, hash).map(o -> (Object) o)))
                .flatMap(result -> result instanceof Decided d ? hold(d) : standingHold((Outcome) result));
    }

    private Uni<Outcome> hold(Decided d) {
        CylinderCheck c = d.check();
        Outcome outcome = new Outcome(c, null, null);
        if (!FillCodes.FILL_ALLOWED.equals(c.fillCode) || !ReasonCodes.APPROVED.equals(c.paymentCode)) {
            return Uni.createFrom().item(outcome);
        }
        List<Cylinder> tanks = d.cylinders();
        return holds.place(c.id, c.deviceId, c.siteId, c.plate, c.colour, c.remaining,
                        price -> tanks.stream().mapToLong(t -> HoldSizing.fullTank(t.waterCapacityMl, t.workingPressureKpa, price)).sum())
                .map(h -> outcome.withHeld(h != null && h.status == HoldStatus.HELD ? h.amount : null));
    }

    private Uni<Outcome> standingHold(Outcome stored) {
        if (stored.check() == null) {
            return Uni.createFrom().item(stored);
        }
        return holds.ofCheck(stored.check().id).map(h -> stored.withHeld(h != null && h.status == HoldStatus.HELD ? h.amount : null));
    }

    private static Uni<Outcome> stored(CylinderCheckCommand command, String hash) {
        return CylinderCheck.<CylinderCheck>find("deviceId = ?1 and requestRef = ?2", command.deviceId(), command.requestRef())
                .firstResult().map(c -> c == null ? null : c.requestHash.equals(hash) ? new Outcome(c, null, null)
                        : new Outcome(null, ReasonCodes.IDEMPOTENCY_CONFLICT, null));
    }

    private Uni<Decided> decideAndStore(CylinderCheckCommand command, String hash) {
        LocalDate today = LocalDate.now(config.charging().businessZone());
        CylinderCheck check = new CylinderCheck();
        check.id = UUID.randomUUID();
        check.deviceId = command.deviceId();
        check.siteId = command.siteId();
        check.requestRef = command.requestRef();
        check.requestHash = hash;
        check.tagId = command.tagId();
        check.medium = command.medium();
        check.pump = command.pump();
        check.attendant = command.attendant();
        String plate = command.plate() == null ? null : command.plate().text();
        List<Cylinder> checked = new java.util.ArrayList<>();
        return fitted(command).flatMap(cylinders -> {
            Cylinder tagged = command.tagId() == null ? null : cylinders.stream().findFirst().orElse(null);
            if (command.tagId() != null) {
                check.fillCode = FillRules.forTag(tagged, plate, command.medium(), today);
                check.cylinderId = tagged == null ? null : tagged.id;
                if (tagged != null) {
                    checked.add(tagged);
                }
                check.nextInspectionDue = tagged == null ? null : tagged.nextInspectionDue;
            } else {
                check.fillCode = FillRules.forPlate(cylinders, command.medium(), today);
                check.nextInspectionDue = cylinders.stream().map(c -> c.nextInspectionDue).min(LocalDate::compareTo).orElse(null);
                check.cylinderId = cylinders.size() == 1 ? cylinders.get(0).id : null;
                checked.addAll(cylinders);
            }
            // With only a tag, the vehicle is the one the registry fits the tag's cylinder to.
            check.plate = plate != null ? plate : tagged == null ? null : tagged.plate;
            check.colour = command.colour() != null ? command.colour().name()
                    : plate == null && tagged != null ? tagged.colour : null;
            return payment(command, check);
        }).flatMap(x -> check.<CylinderCheck>persistAndFlush()).map(c -> new Decided(c, checked));
    }

    /** The tag's cylinder in service (a list of at most one), or every cylinder in service fitted to the plate. */
    private static Uni<List<Cylinder>> fitted(CylinderCheckCommand command) {
        if (command.tagId() != null) {
            return Cylinder.<Cylinder>list("tagId = ?1 and status <> ?2", command.tagId(), CylinderStatus.RETIRED);
        }
        if (command.colour() != null) {
            return Cylinder.<Cylinder>list("plate = ?1 and colour = ?2 and status <> ?3 order by createdAt",
                    command.plate().text(), command.colour().name(), CylinderStatus.RETIRED);
        }
        return Cylinder.<Cylinder>list("plate = ?1 and status <> ?2 order by createdAt", command.plate().text(), CylinderStatus.RETIRED);
    }

    private Uni<Void> payment(CylinderCheckCommand command, CylinderCheck check) {
        if (check.plate == null) {
            check.paymentCode = ReasonCodes.NOT_ENROLLED;
            return Uni.createFrom().voidItem();
        }
        var plate = PlateNumber.parse(check.plate);
        var colour = check.colour == null ? null : PlateColour.valueOf(check.colour);
        return mandates.resolve(plate, colour).flatMap(resolution -> {
            Mandate m = resolution.mandate();
            if (m == null) {
                check.paymentCode = resolution.declineReason();
                return Uni.createFrom().voidItem();
            }
            if (check.colour == null) {
                check.colour = m.colour;
            }
            String refusal = m.status == Mandate.Status.PAUSED ? ReasonCodes.MANDATE_PAUSED
                    : !m.allows(command.siteCategory()) ? ReasonCodes.CATEGORY_NOT_ALLOWED
                    : !"ACTIVE".equals(resolution.card().status) ? ReasonCodes.CARD_DECLINED : null;
            if (refusal != null) {
                check.paymentCode = refusal;
                return Uni.createFrom().voidItem();
            }
            LocalDate day = LocalDate.now(config.charging().businessZone());
            return Panache.getSession().flatMap(s -> s.createNativeQuery(USAGE, Object[].class)
                    .setParameter(1, resolution.card().panFingerprint).setParameter(2, m.driverId.toString()).setParameter(3, day)
                    .getSingleResult()).map(row -> {
                        long card = ((Number) row[0]).longValue();
                        long driver = ((Number) row[1]).longValue();
                        long remaining = Math.max(0, Math.min(m.perChargeCap,
                                Math.min(m.dailyCap - card, config.limits().maxDailyPerDriver() - driver)));
                        check.paymentCode = remaining > 0 ? ReasonCodes.APPROVED : ReasonCodes.OVER_DAILY_CAP;
                        check.remaining = remaining > 0 ? remaining : null;
                        check.currency = remaining > 0 ? m.currency : null;
                        return null;
                    });
        });
    }
}
