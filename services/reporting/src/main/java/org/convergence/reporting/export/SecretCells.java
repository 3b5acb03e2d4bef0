package org.convergence.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.reporting.dashboard.FigureValue;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures an evaluator may not read, by place and figure key: one decision per year for every figure set of
 * that year (live, each published edition), applied alike by every output (ADR 0037). What a hidden figure looks
 * like is one word everywhere: {@value #SECRET} in a CSV cell and on a page; in JSON the figure is {@code null} and
 * its key is listed under {@value #SECRET} beside it.
 */
public final class SecretCells {

    /** The one word for a hidden figure, in every output. */
    public static final String SECRET = "secret";

    public static final SecretCells NONE = new SecretCells(Map.of());

    private final Map<String, Set<String>> byPlace;

    SecretCells(Map<String, Set<String>> byPlace) {
        Map<String, Set<String>> copy = new HashMap<>();
        byPlace.forEach((place, keys) -> copy.put(place, Collections.unmodifiableSet(new TreeSet<>(keys))));
        this.byPlace = Collections.unmodifiableMap(copy);
    }

    public boolean secret(String place, String key) {
        return keysOf(place).contains(key);
    }

    /** The secret figure keys of a place, sorted. */
    public Set<String> keysOf(String place) {
        return byPlace.getOrDefault(place, Set.of());
    }

    /** A place's figures as an evaluator reads them: each secret one replaced by {@link FigureValue.Secret}. */
    public Map<String, FigureValue> mask(String place, Map<String, FigureValue> figures) {
        Map<String, FigureValue> masked = new LinkedHashMap<>();
        figures.forEach((key, value) -> masked.put(key, secret(place, key) ? FigureValue.SECRET : value));
        return masked;
    }

    /**
     * A place's figures as JSON for an evaluator: a copy where each secret figure (a dotted key into nested groups)
     * is {@code null}, with the secret keys listed under {@value #SECRET} (empty when none is).
     */
    public ObjectNode maskJson(String place, JsonNode figures) {
        ObjectNode copy = figures.deepCopy();
        ArrayNode listed = copy.putArray(SECRET);
        for (String key : keysOf(place)) {
            String[] path = key.split("\\.");
            JsonNode parent = copy;
            for (int i = 0; i < path.length - 1 && parent != null; i++) {
                parent = parent.get(path[i]);
            }
            if (parent instanceof ObjectNode group && group.has(path[path.length - 1])) {
                group.putNull(path[path.length - 1]);
                listed.add(key);
            }
        }
        return copy;
    }

    Map<String, Set<String>> byPlace() {
        return byPlace;
    }
}
