package com.platepay.edge.recognition.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevSplitTest {

    @Test
    void theSplitIsAFixedFunctionOfTheFileName() {
        // SHA-256("gdts-001.jpg") starts 0x.. : recomputed here so a change of the rule fails this test
        for (String name : new String[] {"gdts-001.jpg", "gdts-002.jpg", "a.png", "东.jpg"}) {
            assertEquals(DevSplit.of(name), DevSplit.of(new String(name.toCharArray())));
            assertEquals(expected(name), DevSplit.of(name), name);
        }
    }

    @Test
    void splitsManyNamesRoughlyInHalf() {
        int tuning = 0;
        for (int i = 0; i < 2000; i++) if (DevSplit.of("photo-" + i + ".jpg") == DevSplit.TUNING) tuning++;
        assertTrue(tuning > 900 && tuning < 1100, tuning + " of 2000 in the tuning half");
    }

    private static DevSplit expected(String name) {
        try {
            byte first = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))[0];
            return (first & 1) == 0 ? DevSplit.TUNING : DevSplit.VALIDATION;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
