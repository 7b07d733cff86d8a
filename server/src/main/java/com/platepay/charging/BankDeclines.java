package com.platepay.charging;

import com.platepay.protocol.charge.ReasonCodes;

/** Maps the bank's decline codes onto the device protocol's reason codes. */
final class BankDeclines {
    private BankDeclines() {
    }

    static String reasonFor(String bankCode) {
        if (bankCode == null) {
            return ReasonCodes.CARD_DECLINED;
        }
        return switch (bankCode) {
            case "INSUFFICIENT_FUNDS" -> ReasonCodes.INSUFFICIENT_FUNDS;
            case "EXPIRED_CARD" -> ReasonCodes.CARD_EXPIRED;
            case "CURRENCY_MISMATCH" -> ReasonCodes.CURRENCY_MISMATCH;
            default -> ReasonCodes.CARD_DECLINED;
        };
    }
}
