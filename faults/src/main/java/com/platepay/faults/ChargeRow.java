package com.platepay.faults;

/**
 * A row of the server's {@code charges} table, with the physical card (cards.pan_fingerprint) and the mandate's
 * daily cap beside it. Statuses are kept as text so a status this suite does not know yet still shows up.
 */
record ChargeRow(String id, String deviceId, String chargeRef, String status, String reasonCode, long amount,
                 String businessDay, String mandateId, String driverId, String cardId, String panFingerprint, Long dailyCap) {

    static final java.util.Set<String> UNSETTLED = java.util.Set.of("RECEIVED", "AUTHORIZING", "UNKNOWN");
    static final String REVERSAL_FAILED = "REVERSAL_FAILED";

    /** The device's charge id in its canonical (lower-case) form: two spellings of one id are one charge. */
    String key() {
        return key(deviceId, chargeRef);
    }

    static String key(String deviceId, String chargeRef) {
        return deviceId + "/" + chargeRef.toLowerCase(java.util.Locale.ROOT);
    }

    boolean approved() {
        return "APPROVED".equals(status);
    }
}
