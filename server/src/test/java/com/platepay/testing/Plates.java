package com.platepay.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid plates, so tests never share a mandate by accident. */
public final class Plates {
    private static final String SERIAL = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private Plates() {
    }

    public static String random() {
        StringBuilder plate = new StringBuilder("黑E");
        for (int i = 0; i < 5; i++) {
            plate.append(SERIAL.charAt(ThreadLocalRandom.current().nextInt(SERIAL.length())));
        }
        return plate.toString();
    }

    /** A green new-energy plate (8 characters): its text alone proves its colour. */
    public static String newEnergy() {
        StringBuilder plate = new StringBuilder("黑ED");
        for (int i = 0; i < 5; i++) {
            plate.append(ThreadLocalRandom.current().nextInt(10));
        }
        return plate.toString();
    }
}
