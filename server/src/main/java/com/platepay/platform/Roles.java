package com.platepay.platform;

/** The realm roles (Keycloak realm `platepay`) REST endpoints are guarded with. A user holds one of them. */
public final class Roles {
    public static final String DRIVER = "driver";
    public static final String ATTENDANT = "attendant";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
