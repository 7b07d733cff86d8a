package com.platepay.iso8583;

import java.util.Currency;

/** Field 49 carries the ISO 4217 numeric code (156 for CNY); PlatePay keeps the alphabetic one. */
public final class Currencies {
    private Currencies() {
    }

    public static String numeric(String alphabetic) {
        return Currency.getInstance(alphabetic).getNumericCodeAsString();
    }

    /** Null when no currency has that number. */
    public static String alphabetic(String numeric) {
        for (Currency c : Currency.getAvailableCurrencies()) {
            if (c.getNumericCodeAsString().equals(numeric)) {
                return c.getCurrencyCode();
            }
        }
        return null;
    }
}
