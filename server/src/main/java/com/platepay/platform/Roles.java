package com.platepay.platform;

/** The roles REST endpoints are guarded with. */
public final class Roles {
    public static final String DRIVER = "driver";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
