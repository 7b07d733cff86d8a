package com.platepay.charging;

import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;

/** What the device is told about a charge, with a short line the attendant can act on. */
public final class ChargeResults {
    private ChargeResults() {
    }

    public static ChargeResult of(Charge c) {
        return switch (c.status) {
            case APPROVED -> new ChargeResult(c.chargeRef, ResultStatus.APPROVED, ReasonCodes.APPROVED, c.approvalCode, c.maskedCard,
                    c.amount, c.currency, "Paid by card ending " + c.maskedCard.substring(c.maskedCard.length() - 4));
            case DECLINED, UNKNOWN, REVERSED, REVERSAL_FAILED -> new ChargeResult(c.chargeRef, ResultStatus.DECLINED, c.reasonCode, null,
                    c.maskedCard, c.amount, c.currency, messageFor(c.reasonCode));
            case RECEIVED, AUTHORIZING -> throw new IllegalStateException("charge " + c.id + " has no answer yet");
        };
    }

    public static ChargeResult rejected(String chargeRef, Long amount, String currency, String reason, String message) {
        String text = message == null || message.length() <= 200 ? message : message.substring(0, 197) + "...";
        return new ChargeResult(chargeRef, ResultStatus.REJECTED, reason, null, null, amount, currency, text);
    }

    static String messageFor(String reason) {
        return switch (reason) {
            case ReasonCodes.NOT_ENROLLED -> "Plate not enrolled for PlatePay: take another payment";
            case ReasonCodes.VEHICLE_NOT_VERIFIED -> "Vehicle not yet verified for PlatePay: take another payment";
            case ReasonCodes.PLATE_COLOUR_REQUIRED -> "Plate colour needed (this plate text exists in several colours): send as a new charge with the colour, or take another payment";
            case ReasonCodes.MANDATE_PAUSED -> "Driver has paused PlatePay: take another payment";
            case ReasonCodes.MANDATE_REVOKED -> "Driver has revoked PlatePay: take another payment";
            case ReasonCodes.CATEGORY_NOT_ALLOWED -> "Driver does not use PlatePay at this kind of site: take another payment";
            case ReasonCodes.OVER_CHARGE_CAP -> "Amount is over the driver's per-charge limit: take another payment";
            case ReasonCodes.OVER_DAILY_CAP -> "Driver's daily limit reached: take another payment";
            case ReasonCodes.INSUFFICIENT_FUNDS -> "Card declined (insufficient funds): take another payment";
            case ReasonCodes.BANK_TIMEOUT -> "Bank did not answer in time; nothing will be charged: take another payment";
            case ReasonCodes.CURRENCY_MISMATCH -> "Currency not accepted for this driver: take another payment";
            default -> "Card declined: take another payment";
        };
    }
}
