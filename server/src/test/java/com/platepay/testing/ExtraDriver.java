package com.platepay.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A driver made in Keycloak for one test, for tests that need many drivers (each with their own per-driver cap),
 * beyond the fixed {@link Users}.
 */
public final class ExtraDriver implements Caller {
    private static final Duration REUSE = Duration.ofMinutes(2);

    private final String name;
    private final String password;
    private String token;
    private Instant fetchedAt = Instant.EPOCH;

    private ExtraDriver(String name, String password) {
        this.name = name;
        this.password = password;
    }

    public static ExtraDriver create(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = TestIdentities.randomPassword();
        TestIdentities.get().admin().createUser(name, password, name + "@platepay.test", "Extra", "Driver", "driver");
        return new ExtraDriver(name, password);
    }

    @Override
    public synchronized RequestSpecification api() {
        if (fetchedAt.plus(REUSE).isBefore(Instant.now())) {
            token = TestIdentities.get().admin().passwordGrant(TestIdentities.TEST_CLIENT, name, password);
            fetchedAt = Instant.now();
        }
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
