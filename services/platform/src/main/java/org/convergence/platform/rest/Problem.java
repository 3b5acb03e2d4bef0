package org.convergence.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code code} names the refused rule,
 * {@code errors} lists the offending fields of a bad request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its JSON path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, null, List.of());
    }

    public static Response response(int status, String title, String detail, String code, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, code, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
