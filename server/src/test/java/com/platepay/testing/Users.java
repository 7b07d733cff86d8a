package com.platepay.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The test accounts, each with exactly one realm role, signed in with real Keycloak tokens (see TestIdentities). */
public enum Users implements Caller {
    ALICE("alice", "driver"), BOB("bob", "driver"), CHEN("chen", "driver"), OLGA("olga", "operator"), OSCAR("oscar", "operator"),
    OTTO("otto", "operator"), ADA("ada", "admin");

    public final String name;
    public final String role;

    Users(String name, String role) {
        this.name = name;
        this.role = role;
    }

    @Override
    public RequestSpecification api() {
        return RestAssured.given().auth().oauth2(token()).contentType(ContentType.JSON);
    }

    public String token() {
        return TestIdentities.get().token(this);
    }
}
