package com.platepay.protocol;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Message and charge ids: UUIDv7 (made here) or ULID (accepted). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Crockford base32 (no I, L, O, U), either case; the first character is at most 7 (128 bits). */
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Regular expression (JSON Schema dialect) matching {@link #isValidMessageId}. */
    public static final String PATTERN = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25})$";

    private Ids() {
    }

    /** A new RFC 9562 version 7 UUID (48-bit Unix milliseconds, then 74 random bits), lower case. */
    public static String newUuidV7() {
        long millis = System.currentTimeMillis();
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (millis >>> (8 * (5 - i)));
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x70);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        StringBuilder s = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(HEX[(b[i] >> 4) & 0xf]).append(HEX[b[i] & 0xf]);
        }
        return s.toString();
    }

    /** A canonical UUID (36 chars, lower or upper hex) or a ULID (26 chars Crockford base32). */
    public static boolean isValidMessageId(String s) {
        return s != null && (UUID.matcher(s).matches() || ULID.matcher(s).matches());
    }

    /**
     * The one spelling of an id that every lookup, hash and unique key uses: a UUID in lower case, a ULID in upper
     * case (Crockford's canonical form), anything else unchanged. Two spellings of one id are one id: without this,
     * the same charge id resent in upper case was a second charge and a second debit.
     */
    public static String canonical(String id) {
        if (id == null) {
            return null;
        }
        if (UUID.matcher(id).matches()) {
            return id.toLowerCase(java.util.Locale.ROOT);
        }
        if (ULID.matcher(id).matches()) {
            return id.toUpperCase(java.util.Locale.ROOT);
        }
        return id;
    }
}
