package org.convergence.contracts.validation;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.WireFormats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON schemas of {@code schemas/}, compiled once with a maintained validator (networknt, draft 2020-12) with
 * formats asserted, and turned into {@link Violation}s that name the field and never repeat the value.
 */
public final class ContractSchemas {

    public static final String ENVELOPE_RESOURCE = "/schemas/envelope.v1.json";

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .typeLoose(false)
            .pathType(PathType.JSON_POINTER)
            .build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(CONFIG));
    private final Schema envelope;
    private final Map<IntegrationEventType<?>, Schema> payloads = new HashMap<>();

    public ContractSchemas(List<IntegrationEventType<?>> types) {
        this.envelope = load(ENVELOPE_RESOURCE);
        for (IntegrationEventType<?> type : types) {
            payloads.put(type, load(type.schemaResource()));
        }
    }

    /** What is wrong with an envelope, written as JSON text (its payload only checked to be an object). */
    public List<Violation> validateEnvelope(String json) {
        return violations(envelope.validate(json, InputFormat.JSON), "");
    }

    /** What is wrong with the payload of a record of {@code type}, written as JSON text. */
    public List<Violation> validatePayload(IntegrationEventType<?> type, String json) {
        Schema schema = payloads.get(type);
        if (schema == null) {
            throw new IllegalArgumentException(type + " has no compiled schema");
        }
        return violations(schema.validate(json, InputFormat.JSON), "payload");
    }

    /**
     * As {@link #validateEnvelope(String)}, on a tree already read ({@link ValidatorTrees#of}): the validator does
     * not read the record again (ADR 0038).
     */
    public List<Violation> validateEnvelope(tools.jackson.databind.JsonNode envelopeTree) {
        return violations(envelope.validate(envelopeTree), "");
    }

    /** As {@link #validatePayload(IntegrationEventType, String)}, on the payload's tree already read. */
    public List<Violation> validatePayload(IntegrationEventType<?> type, tools.jackson.databind.JsonNode payload) {
        Schema schema = payloads.get(type);
        if (schema == null) {
            throw new IllegalArgumentException(type + " has no compiled schema");
        }
        return violations(schema.validate(payload), "payload");
    }

    private Schema load(String resource) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + resource);
            }
            Schema schema = registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Violation> violations(List<Error> errors, String root) {
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String field = path(root, error.getInstanceLocation());
            String keyword = String.valueOf(error.getKeyword());
            if (("required".equals(keyword) || "additionalProperties".equals(keyword))
                    && error.getProperty() != null) {
                field = join(field, excerpt(error.getProperty()));
            }
            violations.add(new Violation(field, problem(keyword, error)));
        }
        return violations;
    }

    private static String problem(String keyword, Error error) {
        var schema = error.getSchemaNode();
        return switch (keyword) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field of this contract (contracts are closed)";
            case "type" -> "must be a JSON " + schema.asString("a value of another type");
            case "enum" -> "must be exactly one of " + values(schema);
            case "const" -> "must be exactly " + schema;
            case "pattern" -> WireFormats.PATTERNS.getOrDefault(schema.asString(""), "has the wrong format");
            case "format" -> switch (schema.asString("")) {
                case "date" -> "must be a calendar date written YYYY-MM-DD";
                case "date-time" -> WireFormats.PATTERNS.get(WireFormats.INSTANT);
                default -> "must be a " + schema.asString("value") + " of the right format";
            };
            case "maxLength" -> "must be at most " + schema.asString() + " characters long";
            case "minLength" -> "must not be empty";
            case "maxItems" -> "must have at most " + schema.asString() + " items";
            case "minItems" -> "must have at least " + schema.asString() + " item(s)";
            case "minimum" -> "must be at least " + schema.asString();
            case "maximum" -> "must be at most " + schema.asString();
            case "anyOf", "oneOf" -> "matches none of the allowed formats";
            case "false" -> "is not allowed";
            default -> "breaks the schema rule '" + keyword + "'";
        };
    }

    private static String values(tools.jackson.databind.JsonNode enumNode) {
        List<String> values = new ArrayList<>();
        enumNode.forEach(value -> values.add(value.isString() ? value.asString() : value.toString()));
        return values.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String path(String root, NodePath location) {
        StringBuilder path = new StringBuilder(root);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(excerpt(String.valueOf(element)));
            }
        }
        return path.toString();
    }

    /** A field name as sent, which may be hostile: at most 40 characters of it. */
    private static String excerpt(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static String join(String parent, String property) {
        return parent.isEmpty() ? property : parent + "." + property;
    }
}
