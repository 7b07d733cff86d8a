package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the server will see in tokens: exactly the user's role, and its own client id in the audience. */
class TokenClaimsTest {
    private final KeycloakAdmin admin = TestKeycloak.get().admin();

    @Test
    void anOperatorIsNotAlsoADriverAndTheTokenIsMeantForTheApi() {
        admin.createPasswordGrantClient("claims-test-cli");
        admin.createUser("op-claims", "operator-password-1", "op-claims@example.org", "Olga", "Operator", "operator");

        String token = admin.passwordGrant("claims-test-cli", "op-claims", "operator-password-1");

        List<String> roles = Jwt.realmRoles(token);
        assertTrue(roles.contains("operator"), roles.toString());
        assertFalse(roles.contains("driver"), roles.toString());
        assertTrue(Jwt.audience(token).contains("platepay-server"), Jwt.audience(token).toString());
        assertEquals("op-claims", Jwt.claims(token).path("preferred_username").asText());
    }

    @Test
    void aClientCreatedAfterTheImportAlsoIssuesTokensForTheApi() {
        admin.createPasswordGrantClient("late-client");
        admin.createPasswordGrantClient("late-client");   // idempotent
        admin.createUser("late-driver", "driver-password-1", "late-driver@example.org", "Dora", "Driver", "driver");

        String token = admin.passwordGrant("late-client", "late-driver", "driver-password-1");

        assertTrue(Jwt.audience(token).contains("platepay-server"), Jwt.audience(token).toString());
        assertEquals(List.of("driver"), Jwt.realmRoles(token));
    }

    @Test
    void createUserOnAnExistingNameResetsThePasswordAndRole() {
        admin.createPasswordGrantClient("claims-test-cli");
        String first = admin.createUser("twice", "first-password-1", "twice@example.org", "Tw", "Ice", "driver");
        String second = admin.createUser("twice", "second-password-2", "twice@example.org", "Tw", "Ice", "attendant");

        assertEquals(first, second);
        String token = admin.passwordGrant("claims-test-cli", "twice", "second-password-2");
        assertEquals(List.of("attendant"), Jwt.realmRoles(token));
    }

    @Test
    void aClientCanBeGivenShortLivedTokens() {
        admin.createPasswordGrantClient("short-lived-cli");
        admin.setAccessTokenLifespan("short-lived-cli", 7);
        admin.createUser("short", "short-password-1", "short@example.org", "Sh", "Ort", "driver");

        JsonNode claims = Jwt.claims(admin.passwordGrant("short-lived-cli", "short", "short-password-1"));

        assertEquals(7, claims.path("exp").asLong() - claims.path("iat").asLong());
    }

    @Test
    void aDisabledUserCannotSignIn() {
        admin.createPasswordGrantClient("claims-test-cli");
        admin.createUser("leaver", "leaver-password-1", "leaver@example.org", "Le", "Aver", "driver");
        admin.disableUser("leaver");

        KeycloakException refused = org.junit.jupiter.api.Assertions.assertThrows(KeycloakException.class,
                () -> admin.passwordGrant("claims-test-cli", "leaver", "leaver-password-1"));
        assertEquals(400, refused.status());
    }
}
