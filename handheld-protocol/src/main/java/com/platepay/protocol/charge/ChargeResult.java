package com.platepay.protocol.charge;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a {@code charge.result} message. APPROVED results carry reasonCode "APPROVED", an approvalCode and the
 * masked card; DECLINED and REJECTED results carry the reason code ({@link ReasonCodes}) and a short message for the
 * attendant. amount/currency echo the request exactly (both absent on a REJECTED result whose request had no valid amount or currency: a result never states an amount the device did not send);
 * chargeId is absent only when the request was REJECTED before its chargeId could be read (MQTT 5 devices then match
 * the result by correlation data).
 */
public record ChargeResult(
        String chargeId,
        @JsonProperty(value = "status", required = true) ResultStatus status,
        @JsonProperty(value = "reasonCode", required = true) String reasonCode,
        String approvalCode,
        String maskedCard,
        Long amount,
        String currency,
        String message) {
}
