package com.platepay.holds;

import com.platepay.protocol.charge.ReasonCodes;

/** The bank's decline codes for holds and completions as device reason codes, and the attendant's line for each. */
final class HoldDeclines {

    /** Stored on a hold the acquirer port cannot place (the HTTP bank before it learnt holds). */
    static final String NOT_SUPPORTED = "HOLDS_NOT_SUPPORTED";

    private HoldDeclines() {
    }

    static String reasonFor(String bankCode) {
        if (bankCode == null) {
            return ReasonCodes.CARD_DECLINED;
        }
        return switch (bankCode) {
            case "INSUFFICIENT_FUNDS" -> ReasonCodes.INSUFFICIENT_FUNDS;
            case "EXPIRED_CARD" -> ReasonCodes.CARD_EXPIRED;
            case "CURRENCY_MISMATCH" -> ReasonCodes.CURRENCY_MISMATCH;
            case "AMOUNT_ABOVE_HOLD" -> ReasonCodes.OVER_HOLD;
            case "ORIGINAL_NOT_FOUND" -> ReasonCodes.HOLD_NOT_FOUND;
            default -> ReasonCodes.CARD_DECLINED;
        };
    }

    static String message(String reason) {
        return switch (reason) {
            case ReasonCodes.OVER_HOLD -> "Amount is over what was held for this fill: take another payment for it";
            case ReasonCodes.HOLD_NOT_FOUND -> "No hold stands for this check (expired, or for another vehicle): take another payment";
            case ReasonCodes.CURRENCY_MISMATCH -> "Currency not accepted for this driver: take another payment";
            case ReasonCodes.INSUFFICIENT_FUNDS -> "Card declined (insufficient funds): take another payment";
            default -> "Card declined: take another payment";
        };
    }
}
