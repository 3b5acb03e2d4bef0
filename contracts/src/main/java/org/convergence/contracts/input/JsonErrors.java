package org.convergence.contracts.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a refusal of {@link StrictJson} into what a client is told: the field (a dotted path with indexes,
 * {@code programs[0].since}; empty for the whole document) and what it must be. Never Jackson's own message, which
 * names Java classes and repeats the input; a name taken from the input is shown only as an {@link Excerpt}.
 */
public final class JsonErrors {

    /** One refusal: the field concerned ({@code ""} for the whole document) and why. */
    public record Refusal(String field, String message) {
    }

    private JsonErrors() {
    }

    public static Refusal describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return new Refusal(pathOf((JsonMappingException) e), "is not a field of this document");
        }
        if (e instanceof InvalidNullException) {
            return new Refusal(pathOf((JsonMappingException) e), "must not be null");
        }
        if (e instanceof InvalidFormatException format) {
            String given = format.getValue() instanceof String text ? ", not '" + Excerpt.of(text) + "'" : "";
            return new Refusal(pathOf(format), expectation(format.getTargetType()) + given);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return new Refusal("", "must hold one JSON value and nothing after it");
            }
            if (original.startsWith("No content to map")) {
                return new Refusal("", "must not be empty");
            }
            return new Refusal(pathOf(mismatch), expectation(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonProcessingException cause) {
            return describe(cause);
        }
        if (e instanceof JsonMappingException mapping) {
            return new Refusal(pathOf(mapping), "has an unreadable value");
        }
        if (e instanceof InputCoercionException coercion) {
            return new Refusal(pathOf(coercion.getProcessor()), "is out of range for "
                    + expectation(coercion.getTargetType()).replaceFirst("^must be ", ""));
        }
        if (e instanceof StreamConstraintsException) {
            return new Refusal("", "is nested too deeply or holds a number too long");
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field '")) {
            return new Refusal(duplicatePath(e), "is given more than once");
        }
        JsonLocation location = e.getLocation();
        return new Refusal("", "is not well-formed JSON" + (location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
    }

    /** What a value of this Java type must look like, in the client's words. */
    public static String expectation(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date written YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an instant written YYYY-MM-DDThh:mm:ss(.fff)Z";
        }
        if (type == UUID.class) {
            return Identifiers.UUID_MESSAGE;
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type == Object.class || type.isRecord() || !type.isPrimitive()) {
            return "must be an object";
        }
        return "has a value of the wrong type";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(Excerpt.of(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String pathOf(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push("." + Excerpt.of(context.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** The parser stopped on the object holding the repeated name, with that name as its current one. */
    private static String duplicatePath(JsonProcessingException e) {
        String path = pathOf(e.getProcessor());
        if (!path.isEmpty()) {
            return path;
        }
        String original = e.getOriginalMessage();
        int end = original.indexOf('\'', "Duplicate field '".length());
        return end < 0 ? "" : Excerpt.of(original.substring("Duplicate field '".length(), end));
    }
}
