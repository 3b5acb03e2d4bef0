package org.convergence.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.contracts.input.JsonErrors;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Every error a service returns, as problem+json, without leaking internals: texts are ours (fixed, or built from
 * validated values), never an exception's message, a class name or more than a short escaped excerpt of the input.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(ViolationPaths.of(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return Problem.response(400, "Bad Request", "The request has invalid fields", null, errors);
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e) {
        return Problem.response(400, "Bad Request", e.getMessage(), null, e.errors());
    }

    /** Named one by one so they win over the framework's own mappers for these exceptions. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class, JsonParseException.class,
            UnrecognizedPropertyException.class, InvalidNullException.class, StreamReadException.class,
            InputCoercionException.class, StreamConstraintsException.class, JsonMappingException.class})
    public Response unreadableBody(JsonProcessingException e) {
        JsonErrors.Refusal refusal = JsonErrors.describe(e);
        String field = refusal.field().isEmpty() ? ViolationPaths.BODY : refusal.field();
        String detail = refusal.field().isEmpty() && refusal.message().startsWith("is not well-formed")
                ? "The body is not well-formed JSON" : "The body does not match the expected schema";
        return Problem.response(400, "Bad Request", detail, null, List.of(new Problem.FieldError(field,
                refusal.message())));
    }

    /** A type Jackson cannot build from what was sent: a defect to fix, answered as a refusal of that body. */
    @ServerExceptionMapper
    public Response undefinedBody(InvalidDefinitionException e) {
        LOG.warn("A request body could not be bound", e);
        return Problem.response(400, "Bad Request", "The body does not match the expected schema", null, List.of());
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e) {
        return Problem.response(422, "Unprocessable Content", e.getMessage(), e.code(), List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyException e) {
        return Problem.response(409, "Conflict", Problem.detailOf(409), null, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, Problem.detailOf(401)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, Problem.detailOf(403));
    }

    /** The framework's own refusals (404 no route, 405, 406, 415...), with fixed texts and the headers that matter. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Server error", e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof InvalidDefinitionException definition ? undefinedBody(definition)
                    : unreadableBody(json);
        }
        Response.ResponseBuilder answer = Response.fromResponse(Problem.response(status, Problem.titleOf(status),
                Problem.detailOf(status), null, List.of()));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return Problem.response(500, "Internal Server Error", Problem.detailOf(500), null, List.of());
    }
}
