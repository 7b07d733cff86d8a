package com.platepay.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details; {@code code} is the stable, machine-readable reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, null);
    }

    public static Response response(int status, String code, String detail, List<String> errors) {
        Problem problem = new Problem("https://platepay.dev/problems/" + code.toLowerCase().replace('_', '-'),
                Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error",
                status, detail, code, errors);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(problem).build();
    }
}
