package com.platepay.identity;

/** Keycloak refused or failed a user-management call; surfaced as 502 so callers can retry. */
public class IdentityProviderException extends RuntimeException {
    public IdentityProviderException(String message) {
        super(message);
    }
}
