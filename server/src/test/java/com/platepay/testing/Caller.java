package com.platepay.testing;

import io.restassured.specification.RequestSpecification;

/** Someone who calls the REST API with their own token: a fixed test account ({@link Users}) or an {@link ExtraDriver}. */
public interface Caller {
    RequestSpecification api();
}
