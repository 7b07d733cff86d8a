package com.platepay.edge.recognition.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The one split of the dev photos into a tuning half and a validation half, by a hash of the file name: SHA-256 of
 * the name (UTF-8, no folder), tuning when the first byte of the digest is even, validation when it is odd. Fixed,
 * deterministic, independent of the order or number of files. Thresholds, rules, calibration and model choices are
 * compared on the tuning half only; the validation half is the headline.
 */
public enum DevSplit {
    TUNING, VALIDATION;

    public static DevSplit of(String fileName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 0 ? TUNING : VALIDATION;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
