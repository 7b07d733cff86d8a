package com.platepay.iso8583;

/** Card numbers as they may be shown: first six, last four. */
public final class Pans {
    private Pans() {
    }

    public static String mask(String pan) {
        if (pan == null || pan.length() < 10) {
            return "******";
        }
        return pan.substring(0, 6) + "******" + pan.substring(pan.length() - 4);
    }
}
