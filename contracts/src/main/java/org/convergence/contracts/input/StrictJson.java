package org.convergence.contracts.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one way JSON is read at every door (REST bodies, import lines, Kafka payloads): no scalar coercion (a number
 * is not a string, a string not a number, a float not an integer, "true" not a boolean), enum values by their exact
 * name only (no ordinals, no padding), duplicate keys refused, nothing after the value, dates exactly
 * {@code YYYY-MM-DD}, instants exactly ISO-8601 in UTC, UUIDs exactly the canonical lowercase form
 * ({@link Identifiers#UUID}). Unknown properties are refused too: a closed contract that must accept more says so on
 * its type. Nesting depth and number length are bounded. {@link JsonErrors} turns a refusal into the field and a
 * message that never echoes the input.
 */
public final class StrictJson {

    /** Deeper than any contract, shallow enough that a hostile body cannot exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Digits of one number: enough for any count or amount, not for a megabyte-long number. */
    public static final int MAX_NUMBER_LENGTH = 40;

    private StrictJson() {
    }

    /** A new mapper with the strict reading rules. */
    public static ObjectMapper mapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies the strict reading rules to a mapper created elsewhere (the framework's, for REST). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH).build());
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(new SimpleModule("strict-dates")
                .addDeserializer(LocalDate.class, new StrictLocalDate())
                .addDeserializer(Instant.class, new StrictInstant())
                .addDeserializer(UUID.class, new StrictUuid())
                .setDeserializerModifier(new ExactEnumNames()));
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        for (LogicalType type : LogicalType.values()) {
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString}) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        // A string is read as a number, boolean or enum only where the type is text: "6" is not 6.
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // Integers stay integers where the type is a number (6 for a double hours figure is fine).
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean,
                CoercionAction.TryConvert);
        return mapper;
    }

    /** Whether {@code text} is a calendar date written exactly {@code YYYY-MM-DD}. */
    public static boolean isIsoDate(String text) {
        return IsoDates.dateOrNull(text) != null;
    }

    private static final class StrictLocalDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            LocalDate date = IsoDates.dateOrNull(text);
            if (date == null) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "must be a date written YYYY-MM-DD");
            }
            return date;
        }
    }

    /** Jackson trims enum text (" URBAN", "URBAN\u0000" read as URBAN): here a value is exactly a constant's name. */
    private static final class ExactEnumNames extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }
    }

    private static final class ExactEnum extends JsonDeserializer<Object> {
        private final JsonDeserializer<?> delegate;

        ExactEnum(JsonDeserializer<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
            Object value = delegate.deserialize(parser, context);
            if (text != null && value instanceof Enum<?> constant && !constant.name().equals(text)) {
                return context.handleWeirdStringValue(constant.getDeclaringClass(), text,
                        "must be exactly one of the listed values");
            }
            return value;
        }
    }

    /** Jackson reads "1-1-1-1-1"-like forms, uppercase and base64 as UUIDs: here only the canonical form is one. */
    private static final class StrictUuid extends JsonDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) context.handleUnexpectedToken(UUID.class, parser);
            }
            String text = parser.getText();
            if (!Identifiers.isUuid(text)) {
                return (UUID) context.handleWeirdStringValue(UUID.class, text, Identifiers.UUID_MESSAGE);
            }
            return UUID.fromString(text);
        }
    }

    private static final class StrictInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return IsoDates.instant(text);
            } catch (DateTimeException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "must be an instant written YYYY-MM-DDThh:mm:ss(.fff)Z");
            }
        }
    }
}
