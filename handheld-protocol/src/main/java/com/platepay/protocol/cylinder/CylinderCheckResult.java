package com.platepay.protocol.cylinder;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * Body of a {@code cylinder-check.result} message.
 *
 * <p>status CHECKED: the check was made and stored under checkId, which the later {@code charge} refers to. fill is
 * ALLOWED only with fillCode FILL_ALLOWED; any other fillCode ({@link FillCodes}) is a safety refusal that stands
 * whatever the payment part says. payment is ALLOWED (paymentCode APPROVED) when the vehicle may pay frictionlessly
 * here, with remaining the most one charge may take now (the per-charge cap and what is left of the daily caps);
 * otherwise paymentCode is the charge reason code a charge would get (NOT_ENROLLED, VEHICLE_NOT_VERIFIED, ...).
 * held: the amount placed on hold at the bank for this fill (the cylinder's capacity at the site's unit price, within
 * remaining), when the site holds; a charge naming checkId completes it for the real amount, at most held.
 * status REJECTED: the message itself was refused (reasonCode, as for charges); nothing was checked.
 */
public record CylinderCheckResult(
        String requestId,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "reasonCode", required = true) String reasonCode,
        String checkId,
        String fill,
        String fillCode,
        String payment,
        String paymentCode,
        Long remaining,
        String currency,
        Long held,
        String plate,
        String tagId,
        LocalDate nextInspectionDue,
        String message) {

    public static final String CHECKED = "CHECKED";
    public static final String REJECTED = "REJECTED";
    public static final String ALLOWED = "ALLOWED";
    public static final String REFUSED = "REFUSED";

    public boolean mayFill() {
        return CHECKED.equals(status) && ALLOWED.equals(fill);
    }

    public boolean mayPay() {
        return CHECKED.equals(status) && ALLOWED.equals(payment);
    }
}
