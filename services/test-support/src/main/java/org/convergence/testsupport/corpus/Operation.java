package org.convergence.testsupport.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One operation of an OpenAPI document: method, path template, parameters, and its body's schema and media types. */
record Operation(String method, String path, List<Parameter> parameters, Schema body, List<String> mediaTypes) {

    /** A path or query parameter. */
    record Parameter(String name, String in, boolean required, Schema schema) {
    }

    String name() {
        return method + " " + path;
    }

    boolean takesJson() {
        return body != null && mediaTypes.stream().anyMatch(t -> t.equals("application/json") || t.endsWith("+json"));
    }

    boolean takesBody() {
        return !mediaTypes.isEmpty();
    }

    /** Every operation of the document, in its order. */
    static List<Operation> all(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations.add(of(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue(),
                        path.getValue(), document));
            }
        }
        return operations;
    }

    private static Operation of(String method, String path, JsonNode operation, JsonNode pathItem,
                                JsonNode document) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : new JsonNode[]{pathItem.path("parameters"), operation.path("parameters")}) {
            for (JsonNode raw : list) {
                JsonNode parameter = raw.has("$ref") ? document.at(raw.get("$ref").asText().replaceFirst("^#", ""))
                        : raw;
                String in = parameter.path("in").asText();
                if (in.equals("path") || in.equals("query")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), in,
                            parameter.path("required").asBoolean(in.equals("path")),
                            Schema.of(parameter.path("schema"), document)));
                }
            }
        }
        Schema body = null;
        List<String> mediaTypes = new ArrayList<>();
        JsonNode content = operation.path("requestBody").path("content");
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            mediaTypes.add(type.getKey());
            if (body == null && (type.getKey().equals("application/json") || type.getKey().endsWith("+json"))) {
                body = Schema.of(type.getValue().path("schema"), document);
            }
        }
        return new Operation(method, path, parameters, body, mediaTypes);
    }
}
