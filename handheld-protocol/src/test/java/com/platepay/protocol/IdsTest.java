package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @Test
    void uuidV7HasVersionVariantAndTime() {
        long before = System.currentTimeMillis();
        String id = Ids.newUuidV7();
        long after = System.currentTimeMillis();
        UUID u = UUID.fromString(id);
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
        assertEquals(id, u.toString());
        long millis = u.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after);
        assertTrue(Ids.isValidMessageId(id));
        assertNotEquals(id, Ids.newUuidV7());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0190f5c1-7d3a-7b2c-9a4e-2f1d3c4b5a69", "0190F5C1-7D3A-7B2C-9A4E-2F1D3C4B5A69",
            "01ARZ3NDEKTSV4RRFFQ69G5FAV", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01arz3ndektsv4rrffq69g5fav"})
    void accepts(String id) {
        assertTrue(Ids.isValidMessageId(id));
        assertTrue(id.matches(Ids.PATTERN.substring(1, Ids.PATTERN.length() - 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0190f5c17d3a7b2c9a4e2f1d3c4b5a69", "{0190f5c1-7d3a-7b2c-9a4e-2f1d3c4b5a69}",
            "0190f5c1-7d3a-7b2c-9a4e-2f1d3c4b5a6g", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01ARZ3NDEKTSV4RRFFQ69G5FAU",
            "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVX", "01ARZ3NDEKTSV4RRFFQ69G5FAI", "charge-1"})
    void refuses(String id) {
        assertFalse(Ids.isValidMessageId(id));
    }

    @Test
    void refusesNull() {
        assertFalse(Ids.isValidMessageId(null));
    }
}
