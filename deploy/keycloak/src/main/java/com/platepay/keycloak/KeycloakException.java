package com.platepay.keycloak;

/** Keycloak refused a request or could not be reached. {@link #status()} is the HTTP status, or 0 if there was none. */
public class KeycloakException extends RuntimeException {
    private final int status;

    public KeycloakException(String message, int status) {
        super(message);
        this.status = status;
    }

    public KeycloakException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
