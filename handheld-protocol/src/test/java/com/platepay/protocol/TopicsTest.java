package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void builds() {
        assertEquals("platepay/v1/sites/dq-01/devices/hh_7/charge", Topics.device("dq-01", "hh_7", Topics.CHARGE));
        assertEquals("platepay/v1/sites/dq-01/devices/hh_7/charge/result", Topics.device("dq-01", "hh_7", Topics.CHARGE_RESULT));
        assertEquals("platepay/v1/sites/dq-01/devices/hh_7/#", Topics.deviceFilter("dq-01", "hh_7"));
        assertEquals("$share/platepay/platepay/v1/sites/+/devices/+/charge", Topics.sharedFilter(Topics.CHARGE));
        assertEquals("platepay/v1/sites/+/devices/+/status", Topics.everyDeviceFilter(Topics.STATUS));
        assertEquals("$share/platepay/platepay/v1/sites/+/devices/+/cylinder-check", Topics.sharedFilter(Topics.CYLINDER_CHECK));
    }

    @Test
    void parsesEveryChannelBack() {
        for (String channel : Topics.CHANNELS) {
            String t = Topics.device("S1", "D-2", channel);
            assertEquals(Optional.of(new Topics.DeviceTopic("S1", "D-2", channel)), Topics.parse(t));
            assertEquals(t, Topics.parse(t).orElseThrow().topic());
        }
        assertEquals(64, Topics.parse(Topics.device("s".repeat(64), "d", Topics.STATUS)).orElseThrow().siteId().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "#", "a/b", "", "a b", "$SYS", "黑", "x+", "a#"})
    void refusesBadIds(String id) {
        assertThrows(IllegalArgumentException.class, () -> Topics.device(id, "d1", Topics.CHARGE));
        assertThrows(IllegalArgumentException.class, () -> Topics.device("s1", id, Topics.CHARGE));
        assertThrows(IllegalArgumentException.class, () -> Topics.deviceFilter(id, "d1"));
    }

    @Test
    void refusesLongIdsNullsAndUnknownChannels() {
        assertThrows(IllegalArgumentException.class, () -> Topics.device("s".repeat(65), "d1", Topics.CHARGE));
        assertThrows(IllegalArgumentException.class, () -> Topics.device(null, "d1", Topics.CHARGE));
        assertThrows(IllegalArgumentException.class, () -> Topics.device("s1", "d1", "#"));
        assertThrows(IllegalArgumentException.class, () -> Topics.device("s1", "d1", "refund"));
        assertThrows(IllegalArgumentException.class, () -> Topics.sharedFilter("+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "platepay/v1/sites/+/devices/d1/charge",
            "platepay/v1/sites/s1/devices/#",
            "platepay/v1/sites/s1/devices/d1/#",
            "platepay/v1/sites/s1/devices/+/charge",
            "platepay/v1/sites/s1/devices/d1/charge/+",
            "platepay/v1/sites/s1/devices/d1/charge/",
            "platepay/v1/sites/s1/devices/d1/charge/result/x",
            "platepay/v1/sites/s1/devices/d1/refund",
            "platepay/v1/sites/s1/devices/d1",
            "platepay/v1/sites/s1/lanes/d1/charge",
            "platepay/v1/sites//devices/d1/charge",
            "platepay/v2/sites/s1/devices/d1/charge",
            "/platepay/v1/sites/s1/devices/d1/charge",
            "$share/platepay/platepay/v1/sites/s1/devices/d1/charge",
            "platepay/v1/sites/s1/devices/d1/status/result",
            ""})
    void parseIsEmptyForAnythingElse(String topic) {
        assertTrue(Topics.parse(topic).isEmpty(), topic);
    }

    @Test
    void parseOfNullIsEmpty() {
        assertTrue(Topics.parse(null).isEmpty());
    }
}
