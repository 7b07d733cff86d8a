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

    public record NewMandate(UUID vehicleId, UUID cardId, long perChargeCap, long dailyCap, Set<String> categories) {
    }

    /** Must run inside a transaction. */
    public Uni<Mandate> create(Driver driver, NewMandate request) {
        checkCaps(request.perChargeCap(), request.dailyCap());
        boolean gas = request.categories().contains("GAS");
        boolean parking = request.categories().contains("PARKING");
        if (!gas && !parking || request.categories().size() != (gas ? 1 : 0) + (parking ? 1 : 0)) {
            throw ApiException.badRequest("INVALID_CATEGORIES", "categories must be GAS and/or PARKING");
        }
        return VehicleResource.owned(driver, request.vehicleId())
                .flatMap(vehicle -> Card.<Card>find("id = ?1 and driverId = ?2 and status = 'ACTIVE'", request.cardId(), driver.id)
                        .firstResult()
                        .flatMap(card -> {
                            if (card == null) {
                                throw ApiException.notFound("card");
                            }
                            return Mandate.count("plate = ?1 and colour = ?2 and status <> ?3",
                                            vehicle.plate, vehicle.colour, Mandate.Status.REVOKED)
                                    .flatMap(live -> {
                                        if (live > 0) {
                                            throw ApiException.conflict("PLATE_ALREADY_BOUND",
                                                    "this plate already has a mandate; revoke it first");
                                        }
                                        return newMandate(driver, vehicle, card, request, gas, parking).<Mandate>persist();
                                    });
                        }));
    }

    private Mandate newMandate(Driver driver, Vehicle vehicle, Card card, NewMandate request, boolean gas, boolean parking) {
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
        m.consentText = consentText(vehicle, card, request, gas, parking);
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

    static String consentText(Vehicle vehicle, Card card, NewMandate r, boolean gas, boolean parking) {
        return "I allow PlatePay to debit my " + (card.bankName == null ? "" : card.bankName + " ") + "debit card ending "
                + card.last4 + " without asking me each time, for vehicle " + vehicle.plate + " (" + vehicle.colour.toLowerCase()
                + " plate), at " + (gas && parking ? "gas stations and parking lots" : gas ? "gas stations" : "parking lots")
                + ", up to " + r.perChargeCap() + " fen per charge and " + r.dailyCap() + " fen per day. "
                + "I can pause or revoke this at any time.";
    }

    public Mandate transition(Mandate mandate, Mandate.Status target) {
        boolean allowed = switch (target) {
            case PAUSED -> mandate.status == Mandate.Status.ACTIVE;
            case ACTIVE -> mandate.status == Mandate.Status.PAUSED;
            case REVOKED -> mandate.status != Mandate.Status.REVOKED;
        };
        if (!allowed) {
            throw ApiException.conflict("INVALID_MANDATE_STATE", "a " + mandate.status + " mandate cannot become " + target);
        }
        Instant now = Instant.now();
        mandate.status = target;
        mandate.updatedAt = now;
        if (target == Mandate.Status.REVOKED) {
            mandate.revokedAt = now;
        }
        return mandate;
    }
}
