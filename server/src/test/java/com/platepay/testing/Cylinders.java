package com.platepay.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Cylinders registered through the public API as drivers do, and confirmed by an operator. */
public final class Cylinders {

    private Cylinders() {
    }

    /** A fresh tag id. */
    public static String tag() {
        return "TAG-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
    }

    /** A CNG cylinder in date (inspected a year ago, due in a year, made five years ago, 15 years' life), with overrides. */
    public static Map<String, Object> certificate(String vehicleId, String tag, LocalDate today, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("vehicleId", vehicleId, "tagId", tag, "serial", "SN-" + tag, "medium", "CNG",
                "workingPressureKpa", 20_000, "waterCapacityMl", 80_000, "manufacturedOn", today.minusYears(5).toString(),
                "lastInspectedOn", today.minusYears(1).toString(), "nextInspectionDue", today.plusYears(1).toString(),
                "designLifeYears", 15));
        body.putAll(overrides);
        return body;
    }

    /** Registered by the driver; the cylinder's id. */
    public static String register(Users driver, Map<String, Object> certificate) {
        return driver.api().body(certificate).post("/api/v1/me/cylinders").then().statusCode(201).extract().path("id");
    }

    /** Registered and confirmed by Olga (an operator); the cylinder's id. */
    public static String confirmed(Users driver, Map<String, Object> certificate) {
        String id = register(driver, certificate);
        Users.OLGA.api().post("/api/v1/operator/cylinders/" + id + "/confirm").then().statusCode(200);
        return id;
    }
}
