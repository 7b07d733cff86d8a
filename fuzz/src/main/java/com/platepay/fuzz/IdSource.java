package com.platepay.fuzz;

import java.util.Random;

/**
 * UUIDv7 and ULID ids from the run's seeded random, stamped with the run's start so ids never repeat across runs
 * against the same server (a repeat would be a replay, not a new case).
 */
final class IdSource {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Random random;
    private final long epochMillis;

    IdSource(Random random, long epochMillis) {
        this.random = random;
        this.epochMillis = epochMillis;
    }

    String uuidV7() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (epochMillis >>> (8 * (5 - i)));
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

    String ulid() {
        StringBuilder s = new StringBuilder(26);
        long t = epochMillis;
        char[] time = new char[10];
        for (int i = 9; i >= 0; i--) {
            time[i] = CROCKFORD[(int) (t & 31)];
            t >>>= 5;
        }
        s.append(time);
        for (int i = 0; i < 16; i++) {
            s.append(CROCKFORD[random.nextInt(32)]);
        }
        return s.toString();
    }
}
