package com.platepay.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The test identities (see src/test/resources/application.properties). */
public enum Users {
    ALICE("alice", "driver"), BOB("bob", "driver"), OLGA("olga", "operator"), OSCAR("oscar", "operator");

    public final String name;
    public final String role;

    Users(String name, String role) {
        this.name = name;
        this.role = role;
    }

    public RequestSpecification api() {
        return RestAssured.given().auth().preemptive().basic(name, name + "-secret").contentType(ContentType.JSON);
    }
}
