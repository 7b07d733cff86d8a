package com.platepay.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.platepay.protocol.plate.InvalidPlateException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the refusals every part shares into problem+json (a part with refusals of its own maps them itself, e.g.
 * identity.IdentityProviderMapper). Details never echo request bodies: a body may hold a card
 * number, and parser messages quote the offending input.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        LOG.debugf("refused: %s %s", e.code(), e.getMessage());
        return Problem.response(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response plate(InvalidPlateException e) {
        return Problem.response(400, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<String> errors = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .toList();
        return Problem.response(400, "VALIDATION_FAILED", "the request is not valid", errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problem.response(400, "MALFORMED_JSON", "the request body is not valid JSON for this operation");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException) {
            return json((JsonProcessingException) e.getCause());
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        return Problem.response(status, code, Response.Status.fromStatusCode(status) == null
                ? "request refused" : Response.Status.fromStatusCode(status).getReasonPhrase());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
