package org.convergence.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error a service returns, as problem+json, without leaking internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.response(400, "Bad Request", "The request has invalid fields", null, errors);
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e) {
        return Problem.response(400, "Bad Request", e.getMessage(), null, e.errors());
    }

    /** Named apart so it wins over the framework's own mapper for these exceptions. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class, JsonParseException.class})
    public Response mismatchedInput(JsonProcessingException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return Problem.response(400, "Bad Request", "The body is not well-formed JSON", null, List.of());
        }
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message = "has an unreadable value";
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        return Problem.response(400, "Bad Request", "The body does not match the expected schema", null,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e) {
        return Problem.response(422, "Unprocessable Content", e.getMessage(), e.code(), List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyException e) {
        return Problem.response(409, "Conflict",
                "The resource already exists or was changed concurrently; reload it and try again", null, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "This resource is outside your scope");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            LOG.error("Server error", e);
            return Problem.response(original.getStatus(), original.getStatusInfo().getReasonPhrase(),
                    "Internal error", null, List.of());
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return Problem.response(original.getStatus(), original.getStatusInfo().getReasonPhrase(),
                e.getMessage(), null, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return Problem.response(500, "Internal Server Error", "Internal error", null, List.of());
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "enrol.request.entryDate" -> "entryDate": the method and parameter names mean nothing to a client.
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
        }
        return names.size() > 2 ? String.join(".", names.subList(2, names.size())) : String.join(".", names);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
