package com.platepay.iso8583;

import java.time.ZoneId;

/**
 * Who PlatePay is at the acquirer: the card acceptor terminal (field 41, 8 characters), the card acceptor
 * (merchant) id (field 42, 15 characters), and the acquiring institution (field 32); local date and time (12, 13)
 * are taken in {@code zone}.
 */
public record Terminal(String terminalId, String merchantId, String acquirerId, ZoneId zone) {
    public Terminal {
        if (terminalId.length() != 8) {
            throw new IllegalArgumentException("a terminal id has 8 characters: " + terminalId);
        }
        if (merchantId.length() > 15) {
            throw new IllegalArgumentException("a merchant id has at most 15 characters: " + merchantId);
        }
        if (!acquirerId.matches("\\d{1,11}")) {
            throw new IllegalArgumentException("an acquiring institution id is 1 to 11 digits: " + acquirerId);
        }
    }

    /** Field 42 is fixed-length: padded with spaces. */
    public String paddedMerchantId() {
        return String.format("%-15s", merchantId);
    }
}
