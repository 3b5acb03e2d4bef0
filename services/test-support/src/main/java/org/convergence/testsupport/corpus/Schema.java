package org.convergence.testsupport.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One schema of an OpenAPI document, its {@code $ref}s and {@code allOf}s resolved against the whole document. */
final class Schema {

    private final JsonNode node;
    private final JsonNode document;

    private Schema(JsonNode node, JsonNode document) {
        this.node = node;
        this.document = document;
    }

    static Schema of(JsonNode node, JsonNode document) {
        return new Schema(resolve(node, document, 0), document);
    }

    private static JsonNode resolve(JsonNode node, JsonNode document, int depth) {
        if (node == null || depth > 20) {
            return node;
        }
        if (node.has("$ref")) {
            String pointer = node.get("$ref").asText().replaceFirst("^#", "");
            JsonNode target = resolve(document.at(pointer), document, depth + 1);
            if (node.size() == 1) {
                return target;
            }
            ObjectNode merged = target.deepCopy();
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            return merged;
        }
        if (node.has("allOf")) {
            ObjectNode merged = ((ObjectNode) node).deepCopy();
            merged.remove("allOf");
            for (JsonNode part : node.get("allOf")) {
                JsonNode resolved = resolve(part, document, depth + 1);
                resolved.fields().forEachRemaining(field -> {
                    if (!merged.has(field.getKey())) {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
            }
            return merged;
        }
        return node;
    }

    /** string, integer, number, boolean, object or array. */
    String type() {
        JsonNode type = node.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (node.has("properties")) {
            return "object";
        }
        if (node.has("items")) {
            return "array";
        }
        return node.has("enum") ? "string" : "string";
    }

    String format() {
        return text("format");
    }

    String pattern() {
        return text("pattern");
    }

    List<String> enumValues() {
        List<String> values = new ArrayList<>();
        JsonNode values0 = node.get("enum");
        if (values0 != null) {
            values0.forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
        }
        return values;
    }

    Long minimum() {
        return number("minimum");
    }

    Long maximum() {
        return number("maximum");
    }

    Long maxLength() {
        return number("maxLength");
    }

    Long minItems() {
        return number("minItems");
    }

    Long maxItems() {
        return number("maxItems");
    }

    Map<String, Schema> properties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        JsonNode nodes = node.get("properties");
        if (nodes != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = nodes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                properties.put(field.getKey(), Schema.of(field.getValue(), document));
            }
        }
        return properties;
    }

    Set<String> required() {
        Set<String> required = new LinkedHashSet<>();
        JsonNode names = node.get("required");
        if (names != null) {
            names.forEach(n -> required.add(n.asText()));
        }
        return required;
    }

    Schema items() {
        return Schema.of(node.get("items"), document);
    }

    private String text(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private Long number(String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isNumber() ? null : value.asLong();
    }
}
