package org.convergence.testsupport.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Well-formed values for a schema, from which each malformed case changes one thing. They need not pass the
 * service's rules (an unknown chantier is fine): a case is refused for the one thing it breaks.
 */
final class Samples {

    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, String> byName = new HashMap<>();

    Samples() {
        byName.put("program", "CONVERGENCE");
        byName.put("birthDate", "1980-05-15");
    }

    void put(String name, String value) {
        byName.put(name, value);
    }

    /** A well-formed value for a field or parameter of this name and schema. */
    JsonNode of(String name, Schema schema) {
        if (name != null && byName.containsKey(name)) {
            return JSON.textNode(byName.get(name));
        }
        if (!schema.enumValues().isEmpty()) {
            return JSON.textNode(schema.enumValues().get(0));
        }
        return switch (schema.type()) {
            case "integer" -> JSON.numberNode(schema.minimum() != null ? schema.minimum()
                    : schema.maximum() != null ? Math.min(1, schema.maximum()) : 1);
            case "number" -> JSON.numberNode(1.0);
            case "boolean" -> JSON.booleanNode(true);
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(of(null, schema.items()));
                yield array;
            }
            case "object" -> object(schema);
            default -> JSON.textNode(text(schema));
        };
    }

    /** An object with a well-formed value for each required property. */
    ObjectNode object(Schema schema) {
        ObjectNode object = JSON.objectNode();
        Map<String, Schema> properties = schema.properties();
        for (String required : schema.required()) {
            if (properties.containsKey(required)) {
                object.set(required, of(required, properties.get(required)));
            }
        }
        return object;
    }

    String text(String name, Schema schema) {
        return name != null && byName.containsKey(name) ? byName.get(name) : of(name, schema).asText();
    }

    private static String text(Schema schema) {
        if ("date".equals(schema.format())) {
            return "2020-01-15";
        }
        if ("date-time".equals(schema.format())) {
            return "2020-01-15T10:00:00Z";
        }
        if ("uuid".equals(schema.format()) || UUID_PATTERN.equals(schema.pattern())) {
            return UUID.randomUUID().toString();
        }
        if (schema.pattern() != null) {
            return schema.pattern().contains("A-Z") && !schema.pattern().contains("a-z") ? "CORPUS_SAMPLE"
                    : "corpus-sample";
        }
        return "Corpus sample";
    }
}
