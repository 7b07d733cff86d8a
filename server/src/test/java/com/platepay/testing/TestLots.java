package com.platepay.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A parking lot of Olga's for tests outside the parking package: the demo's tariff (5.00 for the first hour, then
 * 3.00 an hour), OPEN_ARREARS (a declined exit opens and records the debt), and lanes that are real MQTT cameras.
 */
public final class TestLots {

    private TestLots() {
    }

    /** A new PARKING site of the operator with its lot settings saved; the site's id. */
    public static String lot(Scenario scenario, Users operator) {
        String site = scenario.site(operator, "PARKING");
        Map<String, Object> lot = new HashMap<>();
        lot.put("timeZone", "Asia/Harbin");
        lot.put("freeMinutes", 0);
        lot.put("firstPeriodMinutes", 60);
        lot.put("firstPeriodPrice", 500);
        lot.put("periodMinutes", 60);
        lot.put("periodPrice", 300);
        lot.put("graceMinutes", 15);
        lot.put("declinePolicy", "OPEN_ARREARS");
        lot.put("maxDebitAttempts", 3);
        lot.put("repeatWindowSeconds", 30);
        operator.api().body(lot).put("/api/v1/operator/parking/lots/" + site).then().statusCode(200);
        return site;
    }

    /** A camera lane of the lot, connected; {@code direction} is ENTRY or EXIT. */
    public static TestLane lane(Scenario scenario, Users operator, String site, String name, String direction, int mqttPort) {
        Scenario.DeviceCredentials camera = scenario.device(operator, site, "CAMERA");
        operator.api().body(Map.of("deviceId", camera.deviceId(), "name", name, "direction", direction, "confidenceThreshold", 800))
                .post("/api/v1/operator/parking/lots/" + site + "/lanes").then().statusCode(201);
        return new TestLane(camera, mqttPort);
    }
}
