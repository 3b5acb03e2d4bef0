package org.convergence.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code code} names the refused rule,
 * {@code errors} lists the offending fields or parameters of a bad request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** For answers written below the REST layer, where the framework's mapper is not at hand. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the HTTP layer's own refusals say: fixed texts, never an exception's message. */
    private static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(400, "The request is malformed"),
            Map.entry(401, "A valid bearer token is required"),
            Map.entry(403, "This resource is outside your scope"),
            Map.entry(404, "No resource here"),
            Map.entry(405, "This method is not allowed here; OPTIONS on this path lists the ones that are"),
            Map.entry(406, "This resource answers only in the formats it lists (application/json)"),
            Map.entry(408, "The request took too long to arrive"),
            Map.entry(409, "The resource already exists or was changed concurrently; reload it and try again"),
            Map.entry(413, "The request body is too large"),
            Map.entry(414, "The request target is too long"),
            Map.entry(415, "This resource does not read a body of this Content-Type"),
            Map.entry(431, "The request headers are too large"),
            Map.entry(500, "Internal error"),
            Map.entry(503, "The service is unavailable; try again later"));

    /** One offending field or parameter: its path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, null, List.of());
    }

    public static Response response(int status, String title, String detail, String code, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, code, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    /** The standard reason phrase of a status. */
    public static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }

    /** A fixed detail for a status raised by the framework. */
    public static String detailOf(int status) {
        return DETAILS.getOrDefault(status, status >= 500 ? "Internal error" : "The request cannot be served");
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
