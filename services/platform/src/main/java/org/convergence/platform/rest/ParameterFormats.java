package org.convergence.platform.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.convergence.contracts.input.Excerpt;
import org.convergence.contracts.input.Identifiers;
import org.convergence.contracts.input.StrictJson;
import org.convergence.contracts.input.TextRules;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Path and query parameters are read as strictly as bodies, for every resource of every service, before the framework
 * converts them: by the parameter's Java type (an integer is digits, no sign {@code +}, no leading zero; a date is
 * exactly {@code YYYY-MM-DD}; an enum is exactly a constant's name; a boolean is {@code true} or {@code false}) and, for
 * a string, by its name ({@link Identifiers#kindOf}: {@code pathwayId} is a UUID wherever it appears; any other string
 * is text without control or invisible characters, at most {@value #MAX_TEXT} characters). A query parameter the method
 * does not declare, or one given twice, is refused too. Each refusal is a 400 naming the parameter; every malformed
 * parameter of the request is named at once. A well-formed value is then checked by the method's own constraints
 * ({@code @Min}, {@code @Max}...), as a body's syntax is checked before its fields.
 */
@Provider
public class ParameterFormats implements ContainerRequestFilter {

    static final int MAX_TEXT = 200;
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        MultivaluedMap<String, String> pathValues = request.getUriInfo().getPathParameters(true);
        MultivaluedMap<String, String> queryValues = request.getUriInfo().getQueryParameters(true);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> declaredQuery = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            String path = pathName(parameter);
            String query = queryName(parameter);
            if (path != null) {
                check(path, parameter.getType(), pathValues.get(path), errors);
            } else if (query != null) {
                declaredQuery.add(query);
                List<String> values = queryValues.get(query);
                if (values != null && values.size() > 1 && !isMultiValued(parameter.getType())) {
                    errors.add(new Problem.FieldError(query, "is given more than once"));
                } else {
                    check(query, parameter.getType(), values, errors);
                }
            }
        }
        for (String name : queryValues.keySet()) {
            if (!declaredQuery.contains(name)) {
                errors.add(new Problem.FieldError(Excerpt.of(name), "is not a parameter of this resource"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("The request has invalid parameters", errors);
        }
    }

    /** The URL name of a path parameter ({@code @PathParam}, or RESTEasy Reactive's {@code @RestPath}), or null. */
    static String pathName(Parameter parameter) {
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            return path.value();
        }
        RestPath rest = parameter.getAnnotation(RestPath.class);
        return rest == null ? null : rest.value().isEmpty() ? parameter.getName() : rest.value();
    }

    /** The URL name of a query parameter ({@code @QueryParam}, or {@code @RestQuery}), or null. */
    static String queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery rest = parameter.getAnnotation(RestQuery.class);
        return rest == null ? null : rest.value().isEmpty() ? parameter.getName() : rest.value();
    }

    private static boolean isMultiValued(Class<?> type) {
        return java.util.Collection.class.isAssignableFrom(type) || type.isArray();
    }

    private static void check(String name, Class<?> type, List<String> values, List<Problem.FieldError> errors) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            problem(name, type, value).ifPresent(message -> errors.add(new Problem.FieldError(name, message)));
        }
    }

    /** Why a parameter's value is refused, or empty. */
    static Optional<String> problem(String name, Class<?> type, String value) {
        if (type == int.class || type == Integer.class) {
            return isInteger(value, Integer.MIN_VALUE, Integer.MAX_VALUE) ? Optional.empty()
                    : Optional.of("must be an integer written in digits");
        }
        if (type == long.class || type == Long.class) {
            return isInteger(value, Long.MIN_VALUE, Long.MAX_VALUE) ? Optional.empty()
                    : Optional.of("must be an integer written in digits");
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of("must be true or false");
        }
        if (type == LocalDate.class) {
            return StrictJson.isIsoDate(value) ? Optional.empty()
                    : Optional.of("must be a date written YYYY-MM-DD");
        }
        if (type == UUID.class) {
            return Identifiers.isUuid(value) ? Optional.empty() : Optional.of(Identifiers.UUID_MESSAGE);
        }
        if (type.isEnum()) {
            boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            return known ? Optional.empty() : Optional.of("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        if (type == String.class) {
            Optional<Identifiers.Kind> kind = Identifiers.kindOf(name);
            if (kind.isPresent()) {
                return kind.get().matches(value) ? Optional.empty() : Optional.of(kind.get().message());
            }
            if (value.codePointCount(0, value.length()) > MAX_TEXT) {
                return Optional.of("must be at most " + MAX_TEXT + " characters");
            }
            return TextRules.problem(value);
        }
        return Optional.empty();
    }

    private static boolean isInteger(String value, long min, long max) {
        if (!INTEGER.matcher(value).matches()) {
            return false;
        }
        long parsed = Long.parseLong(value);
        return parsed >= min && parsed <= max;
    }
}
