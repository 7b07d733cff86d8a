package com.platepay.iso8583;

/**
 * Field 90, what a reversal, void or completion points back to: the original's MTI, STAN and transmission
 * date-time (field 7), and the acquiring institution (the forwarding institution is zero: there is none).
 */
public record OriginalData(String mti, String stan, String transmissionDateTime, String acquirerId) {

    public String field90() {
        return mti + stan + transmissionDateTime + String.format("%011d", Long.parseLong(acquirerId)) + "0".repeat(11);
    }

    public static OriginalData parse(String field90) {
        if (field90 == null || field90.length() != 42) {
            throw new IllegalArgumentException("field 90 has 42 digits");
        }
        return new OriginalData(field90.substring(0, 4), field90.substring(4, 10), field90.substring(10, 20),
                Long.toString(Long.parseLong(field90.substring(20, 31))));
    }
}
