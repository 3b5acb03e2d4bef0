package org.convergence.reporting.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a figures record (live, or a published snapshot's stored JSON) into its figures by dotted key, in the
 * record's order: a number is a count, {@code {numerator, denominator, value}} a share, {@code {total, count,
 * value}} a mean, any other object a group whose figures are prefixed by its name. A new figure added to the
 * figure records therefore appears in every page and export with no code here: only its French label
 * ({@code figure-labels.properties}).
 */
public final class FigureTree {

    /** What identifies figures rather than being one. */
    private static final Set<String> NOT_FIGURES = Set.of("territoryId", "chantierId", "year", "asOf", "territories",
            "chantiers", "name");

    private final ObjectMapper mapper;

    public FigureTree(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Map<String, FigureValue> of(Object figures) {
        return of(figures instanceof JsonNode node ? node : mapper.valueToTree(figures));
    }

    public static Map<String, FigureValue> of(JsonNode node) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        if (node != null) {
            collect("", node, figures);
        }
        return figures;
    }

    private static void collect(String prefix, JsonNode node, Map<String, FigureValue> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (prefix.isEmpty() && NOT_FIGURES.contains(name)) {
                continue;
            }
            String key = prefix + name;
            if (value.isIntegralNumber()) {
                into.put(key, new FigureValue.Count(value.longValue()));
            } else if (value.isObject() && value.has("numerator") && value.has("denominator")) {
                into.put(key, new FigureValue.Share(value.get("numerator").longValue(),
                        value.get("denominator").longValue(), doubleOrNull(value.get("value"))));
            } else if (value.isObject() && value.has("total") && value.has("count")) {
                into.put(key, new FigureValue.Average(value.get("total").doubleValue(), value.get("count").longValue(),
                        doubleOrNull(value.get("value"))));
            } else if (value.isObject()) {
                collect(key + ".", value, into);
            }
        }
    }

    private static Double doubleOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.doubleValue();
    }
}
