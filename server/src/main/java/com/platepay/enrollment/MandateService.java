package com.platepay.enrollment;

import com.platepay.platform.ApiException;
import com.platepay.platform.PlatePayConfig;
import com.platepay.vault.Card;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Creating mandates and moving them through ACTIVE -> PAUSED -> ACTIVE ... -> REVOKED. */
@ApplicationScoped
public class MandateService {

    public static final String CURRENCY = "CNY";

    private final PlatePayConfig config;

    public MandateService(PlatePayConfig config) {
        this.config = config;
    }

    /** {@code language}: the language of the consent text the driver was shown ("en" or "zh"; English when null). */
    public record NewMandate(UUID vehicleId, UUID cardId, long perChargeCap, long dailyCap, Set<String> categories,
                             String language) {
        public NewMandate(UUID vehicleId, UUID cardId, long perChargeCap, long dailyCap, Set<String> categories) {
            this(vehicleId, cardId, perChargeCap, dailyCap, categories, null);
        }
    }

    /** What the driver is asked to consent to, exactly as it will be stored with the mandate. */
    public record Terms(Vehicle vehicle, Card card, String consentText) {
    }

    /**
     * The consent text for these terms, after every check {@link #create} makes about them except the plate's live
     * mandate. Must run inside a transaction.
     */
    public Uni<Terms> terms(Driver driver, NewMandate request) {
        checkCaps(request.perChargeCap(), request.dailyCap());
        boolean gas = request.categories().contains("GAS");
        boolean parking = request.categories().contains("PARKING");
        if (!gas && !parking || request.categories().size() != (gas ? 1 : 0) + (parking ? 1 : 0)) {
            throw ApiException.badRequest("INVALID_CATEGORIES", "categories must be GAS and/or PARKING");
        }
        ConsentText.Language language = ConsentText.Language.parse(request.language());
        return VehicleResource.owned(driver, request.vehicleId())
                .flatMap(vehicle -> Card.<Card>find("id = ?1 and driverId = ?2 and status = 'ACTIVE'", request.cardId(), driver.id)
                        .firstResult()
                        .map(card -> {
                            if (card == null) {
                                throw ApiException.notFound("card");
                            }
                            if (vehicle.verification != Vehicle.Verification.APPROVED) {
                                throw ApiException.conflict("VEHICLE_NOT_VERIFIED",
                                        "this vehicle's proof has not been approved yet; plate payment starts after approval");
                            }
                            return new Terms(vehicle, card, ConsentText.of(language, vehicle, card, request.perChargeCap(),
                                    request.dailyCap(), gas, parking));
                        }));
    }

    /** Must run inside a transaction. */
    public Uni<Mandate> create(Driver driver, NewMandate request) {
        return terms(driver, request).flatMap(terms -> Mandate.count("plate = ?1 and colour = ?2 and status <> ?3",
                        terms.vehicle().plate, terms.vehicle().colour, Mandate.Status.REVOKED)
                .flatMap(live -> {
                    if (live > 0) {
                        throw ApiException.conflict("PLATE_ALREADY_BOUND", "this plate already has a mandate; revoke it first");
                    }
                    return newMandate(driver, terms, request).<Mandate>persist();
                }));
    }

    private Mandate newMandate(Driver driver, Terms terms, NewMandate request) {
        Vehicle vehicle = terms.vehicle();
        Card card = terms.card();
        boolean gas = request.categories().contains("GAS");
        boolean parking = request.categories().contains("PARKING");
        Instant now = Instant.now();
        Mandate m = new Mandate();
        m.id = UUID.randomUUID();
        m.driverId = driver.id;
        m.vehicleId = vehicle.id;
        m.cardId = card.id;
        m.plate = vehicle.plate;
        m.colour = vehicle.colour;
        m.allowGas = gas;
        m.allowParking = parking;
        m.perChargeCap = request.perChargeCap();
        m.dailyCap = request.dailyCap();
        m.currency = CURRENCY;
        m.status = Mandate.Status.ACTIVE;
        m.consentText = terms.consentText();
        m.consentedAt = now;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    /** Drivers can only set caps inside the password-free band; raising them needs a step-up we do not have yet. */
    private void checkCaps(long perCharge, long daily) {
        if (perCharge <= 0 || daily <= 0) {
            throw ApiException.badRequest("INVALID_CAP", "caps are positive amounts in fen");
        }
        if (perCharge > daily) {
            throw ApiException.badRequest("INVALID_CAP", "the per-charge cap cannot exceed the daily cap");
        }
        if (perCharge > config.limits().maxPerChargeCap() || daily > config.limits().maxDailyCap()) {
            throw ApiException.badRequest("CAP_ABOVE_LIMIT", "password-free caps are at most "
                    + config.limits().maxPerChargeCap() + " fen per charge and " + config.limits().maxDailyCap() + " fen per day");
        }
    }

    /**
     * Moves a mandate, conditional on the state it was read in: a pause and a revoke racing each other cannot both
     * win, and a mandate revoked meanwhile is never paused back to life. Must run inside a transaction.
     */
    public Uni<Mandate> transition(Mandate mandate, Mandate.Status target) {
        Mandate.Status from = mandate.status;
        boolean allowed = switch (target) {
            case PAUSED -> from == Mandate.Status.ACTIVE;
            case ACTIVE -> from == Mandate.Status.PAUSED;
            case REVOKED -> from != Mandate.Status.REVOKED;
        };
        if (!allowed) {
            throw ApiException.conflict("INVALID_MANDATE_STATE", "a " + from + " mandate cannot become " + target);
        }
        Instant now = Instant.now();
        String revokedAt = target == Mandate.Status.REVOKED ? ", revokedAt = ?2" : "";
        return Mandate.update("status = ?1, updatedAt = ?2" + revokedAt + " where id = ?3 and status = ?4", target, now, mandate.id, from)
                .flatMap(moved -> {
                    if (moved != 1) {
                        throw ApiException.conflict("INVALID_MANDATE_STATE", "the mandate changed meanwhile; look at it again");
                    }
                    // The columns are not updatable through the entity, so these only bring it up to date.
                    mandate.status = target;
                    mandate.updatedAt = now;
                    if (target == Mandate.Status.REVOKED) {
                        mandate.revokedAt = now;
                    }
                    return Uni.createFrom().item(mandate);
                });
    }
}
