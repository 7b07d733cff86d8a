package com.platepay.testing;

import com.platepay.keycloak.KeycloakAdmin;
import com.platepay.keycloak.KeycloakProcess;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test run's accounts in the real Keycloak: one per {@link Users} constant, with a random password, and a
 * password-grant client that exists only in tests (the realm's own public clients allow browser sign-in only).
 */
public final class TestIdentities {

    public static final String TEST_CLIENT = "platepay-tests";
    /** Tokens live 300 s in the realm; a cached one is reused well inside that. */
    private static final Duration REUSE = Duration.ofSeconds(60);
    private static volatile TestIdentities current;

    private record CachedToken(String value, Instant fetchedAt) {
    }

    private final KeycloakProcess keycloak;
    private final Map<Users, String> passwords = new EnumMap<>(Users.class);
    private final Map<Users, String> subjects = new EnumMap<>(Users.class);
    private final Map<Users, CachedToken> tokens = new ConcurrentHashMap<>();

    private TestIdentities(KeycloakProcess keycloak) {
        this.keycloak = keycloak;
    }

    static TestIdentities create(KeycloakProcess keycloak) {
        TestIdentities identities = new TestIdentities(keycloak);
        KeycloakAdmin admin = keycloak.admin();
        admin.createPasswordGrantClient(TEST_CLIENT);
        for (Users user : Users.values()) {
            String password = randomPassword();
            identities.passwords.put(user, password);
            identities.subjects.put(user, admin.createUser(user.name, password, user.name + "@platepay.test",
                    capitalised(user.name), "Tester", user.role));
        }
        current = identities;
        return identities;
    }

    /**
     * Runs {@code action} while Keycloak is frozen (SIGSTOP to its whole process tree): it still accepts connections
     * but answers nothing, as under a long pause or an overloaded host. It is thawed (SIGCONT) whatever happens.
     */
    public void whileKeycloakIsFrozen(Runnable action) {
        signalKeycloak("-STOP");
        try {
            action.run();
        } finally {
            signalKeycloak("-CONT");
        }
    }

    private void signalKeycloak(String signal) {
        for (ProcessHandle handle : keycloak.processTree()) {
            try {
                new ProcessBuilder("kill", signal, String.valueOf(handle.pid())).inheritIO().start().waitFor();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static TestIdentities get() {
        if (current == null) {
            throw new IllegalStateException("the test stack (TestStack) has not started Keycloak");
        }
        return current;
    }

    public String token(Users user) {
        CachedToken cached = tokens.get(user);
        if (cached == null || cached.fetchedAt().plus(REUSE).isBefore(Instant.now())) {
            cached = new CachedToken(keycloak.admin().passwordGrant(TEST_CLIENT, user.name, passwords.get(user)), Instant.now());
            tokens.put(user, cached);
        }
        return cached.value();
    }

    /** For signing in through Keycloak's login form, as a person would. */
    public String password(Users user) {
        return passwords.get(user);
    }

    /** The Keycloak user id: what the server records as the owner of everything the user creates. */
    public String subject(Users user) {
        return subjects.get(user);
    }

    public KeycloakAdmin admin() {
        return keycloak.admin();
    }

    public String realmUrl() {
        return keycloak.realmUrl();
    }

    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
