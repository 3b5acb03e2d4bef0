package org.convergence.testsupport.corpus;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.testsupport.RawHttp;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The malformed-input corpus of a running service, generated from its own OpenAPI document
 * ({@code GET /q/openapi?format=json}): for every operation, every body field is sent with each malformed value its
 * schema allows one to think of ({@link BadValues}), every body with broken syntax, repeated and unknown keys, wrong
 * or missing content types and encodings, and oversized declared and chunked; every path and query parameter with
 * malformed values, alone and in seeded random combinations; every path with a method and an Accept it does not
 * serve. Each case must answer problem+json with its expected status, name the fields or parameters it broke, say
 * nothing of the server's internals, and leave the store as it was. A new endpoint joins without a line of test code.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> everyMalformedRequestIsRefusedAndStoresNothing() {
 *     return MalformedInputCorpus.of(new RawHttp("localhost", RestAssured.port), "Bearer " + Tokens.national())
 *             .storeUnchanged(StoreSnapshot.of(database))
 *             .atLeast(1_000)
 *             .tests();
 * }
 * }</pre>
 */
public final class MalformedInputCorpus {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final int DEFAULT_BODY_LIMIT = 1024 * 1024;
    private static final String PROBLEM = "application/problem+json";

    private final RawHttp http;
    private final String authorization;
    private final Samples samples = new Samples();
    private Supplier<?> store = () -> "";
    private int bodyLimit = DEFAULT_BODY_LIMIT;
    private int combinationsPerOperation = 40;
    private int atLeast;
    private long seed = 20_261_130L;
    private java.util.function.Predicate<String> paths = path -> true;

    private MalformedInputCorpus(RawHttp http, String authorization) {
        this.http = http;
        this.authorization = authorization;
    }

    /** The corpus of the service {@code http} reaches, each request authorised with {@code authorization}. */
    public static MalformedInputCorpus of(RawHttp http, String authorization) {
        return new MalformedInputCorpus(http, authorization);
    }

    /** What must not change: read before and after each case (a count of stored events, a read model's digest). */
    public MalformedInputCorpus storeUnchanged(Supplier<?> snapshot) {
        this.store = snapshot;
        return this;
    }

    /** A well-formed value for fields and parameters of this name (e.g. a program code the service knows). */
    public MalformedInputCorpus sample(String name, String value) {
        samples.put(name, value);
        return this;
    }

    /** The body size limit the service enforces ({@code convergence.http.max-body-bytes}). */
    public MalformedInputCorpus bodyLimit(int bytes) {
        this.bodyLimit = bytes;
        return this;
    }

    /** How many random combinations of several malformed parameters each operation gets. */
    public MalformedInputCorpus combinations(int perOperation, long seed) {
        this.combinationsPerOperation = perOperation;
        this.seed = seed;
        return this;
    }

    /**
     * Only the operations whose path passes: for a service whose roles exclude each other (a partner's endpoints and
     * the chantier's), one corpus per role, each with a token of that role.
     */
    public MalformedInputCorpus paths(java.util.function.Predicate<String> which) {
        this.paths = which;
        return this;
    }

    /** Fails the corpus if it holds fewer cases: it must not shrink unnoticed. */
    public MalformedInputCorpus atLeast(int cases) {
        this.atLeast = cases;
        return this;
    }

    /** The cases, grouped by operation, as dynamic tests. */
    public Stream<DynamicNode> tests() {
        Map<String, List<CorpusCase>> byOperation = cases();
        int total = byOperation.values().stream().mapToInt(List::size).sum();
        assertTrue(total >= atLeast, "the corpus holds " + total + " cases, fewer than " + atLeast);
        System.out.printf("Malformed-input corpus: %d cases over %d operations%n", total, byOperation.size());
        return byOperation.entrySet().stream().map(entry -> DynamicContainer.dynamicContainer(
                entry.getKey() + " (" + entry.getValue().size() + " cases)",
                entry.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)))));
    }

    /** The cases by operation, generated from the service's OpenAPI document. */
    public Map<String, List<CorpusCase>> cases() {
        RawHttp.Answer answer = http.request("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"),
                null);
        assertEquals(200, answer.status(), "the OpenAPI document: " + answer);
        JsonNode document;
        try {
            document = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<CorpusCase>> cases = new LinkedHashMap<>();
        Random random = new Random(seed);
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        for (Operation operation : Operation.all(document)) {
            if (!paths.test(operation.path())) {
                continue;
            }
            methodsByPath.computeIfAbsent(operation.path(), p -> new TreeSet<>()).add(operation.method());
            List<CorpusCase> list = new ArrayList<>();
            parameterCases(operation, random, list);
            if (operation.takesJson()) {
                fieldCases(operation, list);
                bodyCases(operation, list);
            }
            if (operation.takesBody()) {
                headerCases(operation, list);
            }
            list.add(request(operation, "an Accept it does not serve", target(operation, Map.of(), Map.of()),
                    Map.of("Accept", "application/xml"), baseBody(operation), 406, List.of()));
            cases.put(operation.name(), list);
        }
        methodsByPath.forEach((path, methods) -> {
            String unserved = Stream.of("PUT", "DELETE", "PATCH", "POST", "GET").filter(m -> !methods.contains(m))
                    .findFirst().orElseThrow();
            Operation any = Operation.all(document).stream().filter(o -> o.path().equals(path)).findFirst()
                    .orElseThrow();
            cases.get(any.name()).add(new CorpusCase(unserved + " " + path + ": a method it does not serve",
                    unserved, target(any, Map.of(), Map.of()), authorized(Map.of()), null, 0, 405, List.of()));
        });
        return cases;
    }

    private void parameterCases(Operation operation, Random random, List<CorpusCase> cases) {
        List<Operation.Parameter> parameters = operation.parameters();
        Map<String, List<BadValues.BadParameter>> badByName = new LinkedHashMap<>();
        for (Operation.Parameter parameter : parameters) {
            String sample = samples.text(parameter.name(), parameter.schema());
            List<BadValues.BadParameter> bad = BadValues.forParameter(parameter.schema(), sample,
                    parameter.in().equals("path"));
            badByName.put(parameter.name(), bad);
            for (BadValues.BadParameter value : bad) {
                cases.add(request(operation, parameter.in() + " " + parameter.name() + " " + value.label(),
                        target(operation, Map.of(parameter.name(), value.encoded()), Map.of()), Map.of(),
                        baseBody(operation), 400, List.of(parameter.name())));
            }
            if (parameter.in().equals("query")) {
                String encoded = BadValues.encode(sample);
                cases.add(request(operation, "query " + parameter.name() + " given twice",
                        target(operation, Map.of(), Map.of()) + separator(operation) + parameter.name() + "="
                                + encoded + "&" + parameter.name() + "=" + encoded, Map.of(), baseBody(operation),
                        400, List.of(parameter.name())));
            }
        }
        cases.add(request(operation, "a query parameter it does not declare",
                target(operation, Map.of(), Map.of()) + separator(operation) + "surprise=1", Map.of(),
                baseBody(operation), 400, List.of("surprise")));
        if (parameters.size() < 2) {
            return;
        }
        for (int i = 0; i < combinationsPerOperation; i++) {
            Map<String, String> broken = new LinkedHashMap<>();
            List<String> malformed = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            int count = 2 + random.nextInt(Math.min(2, parameters.size() - 1));
            List<Operation.Parameter> shuffled = new ArrayList<>(parameters);
            java.util.Collections.shuffle(shuffled, random);
            for (Operation.Parameter parameter : shuffled.subList(0, count)) {
                List<BadValues.BadParameter> bad = badByName.get(parameter.name());
                BadValues.BadParameter value = bad.get(random.nextInt(bad.size()));
                broken.put(parameter.name(), value.encoded());
                labels.add(parameter.name() + "=" + value.label());
                if (!value.wellFormed()) {
                    malformed.add(parameter.name());
                }
            }
            // Formats are checked before ranges: the malformed ones are named first, every one of them.
            cases.add(request(operation, "together " + String.join(", ", labels), target(operation, broken,
                    Map.of()), Map.of(), baseBody(operation), 400,
                    malformed.isEmpty() ? List.copyOf(broken.keySet()) : List.copyOf(malformed)));
        }
    }

    private void fieldCases(Operation operation, List<CorpusCase> cases) {
        walk(operation, operation.body(), new ArrayList<>(), cases);
    }

    /** Every field of the body, nested objects and first array items included, with each of its bad values. */
    private void walk(Operation operation, Schema schema, List<Object> parent, List<CorpusCase> cases) {
        Set<String> required = schema.required();
        for (Map.Entry<String, Schema> property : schema.properties().entrySet()) {
            List<Object> path = new ArrayList<>(parent);
            path.add(property.getKey());
            Schema field = property.getValue();
            JsonNode sample = samples.of(property.getKey(), field);
            for (BadValues.Bad bad : BadValues.forField(field, required.contains(property.getKey()), sample)) {
                ObjectNode body = baseBody(operation, path);
                set(body, path, bad.value());
                cases.add(request(operation, "field " + display(path) + " " + bad.label(),
                        target(operation, Map.of(), Map.of()), Map.of(), bytes(body), 400,
                        List.of(expectedField(path, bad))));
            }
            if (field.type().equals("object") && parent.size() < 4) {
                walk(operation, field, path, cases);
            } else if (field.type().equals("array") && field.items().type().equals("object") && parent.size() < 4) {
                List<Object> item = new ArrayList<>(path);
                item.add(0);
                walk(operation, field.items(), item, cases);
            }
        }
    }

    private static String expectedField(List<Object> path, BadValues.Bad bad) {
        String field = display(path);
        return bad.label().equals("a null item") ? field + "[0]" : field;
    }

    private void bodyCases(Operation operation, List<CorpusCase> cases) {
        ObjectNode base = baseBody(operation, List.of());
        String json = new String(bytes(base), StandardCharsets.UTF_8);
        String first = base.fieldNames().hasNext() ? base.fieldNames().next() : null;
        if (first != null) {
            String repeatedBad = json.substring(0, json.length() - 1) + ",\"" + first + "\":\"x\"}";
            String repeatedSame = json.substring(0, json.length() - 1) + ",\"" + first + "\":"
                    + base.get(first) + "}";
            cases.add(body(operation, "a repeated key with a bad last value", repeatedBad, 400, first));
            cases.add(body(operation, "a repeated key with the same value", repeatedSame, 400, first));
        }
        String withUnknown = json.length() > 2 ? json.substring(0, json.length() - 1) + ",\"surprise\":1}"
                : "{\"surprise\":1}";
        cases.add(body(operation, "a field it does not declare", withUnknown, 400, "surprise"));
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("not JSON", "{\"a\":");
        broken.put("XML", "<body/>");
        broken.put("single quotes", "{'a':1}");
        broken.put("a trailing comma", "{\"a\":1,}");
        broken.put("a comment", "/* c */" + json);
        broken.put("NaN", "{\"a\":NaN}");
        broken.put("JSON null", "null");
        broken.put("an array", "[" + json + "]");
        broken.put("a string", "\"text\"");
        broken.put("a number", "12");
        broken.put("true", "true");
        broken.put("a second document after it", json + " {}");
        broken.put("garbage after it", json + "x");
        broken.put("nesting 64 levels deep", "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}");
        broken.put("an empty body", "");
        broken.forEach((label, text) -> cases.add(body(operation, label, text, 400, null)));
        byte[] invalidUtf8 = json.replaceFirst("\"[^\"]*\"", "\"\u0001\"").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[json.indexOf('"') + 1] = (byte) 0xC3;
        cases.add(request(operation, "bytes that are not UTF-8", target(operation, Map.of(), Map.of()), Map.of(),
                invalidUtf8, 400, List.of()));
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16);
        cases.add(request(operation, "a UTF-16 body declared UTF-8", target(operation, Map.of(), Map.of()),
                Map.of("Content-Type", "application/json; charset=UTF-8"), utf16, 400, List.of()));
    }

    private void headerCases(Operation operation, List<CorpusCase> cases) {
        byte[] body = baseBody(operation);
        String target = target(operation, Map.of(), Map.of());
        String type = operation.mediaTypes().get(0);
        Map<String, Map<String, String>> headers = new LinkedHashMap<>();
        headers.put("no Content-Type", Map.of());
        headers.put("Content-Type */*", Map.of("Content-Type", "*/*"));
        headers.put("Content-Type application/*", Map.of("Content-Type", "application/*"));
        headers.put("Content-Type text/plain", Map.of("Content-Type", "text/plain"));
        headers.put("Content-Type application/xml", Map.of("Content-Type", "application/xml"));
        headers.put("Content-Type application/octet-stream", Map.of("Content-Type", "application/octet-stream"));
        headers.put("Content-Type without a subtype", Map.of("Content-Type", "application"));
        headers.put("charset UTF-16 on UTF-8 bytes", Map.of("Content-Type", type + "; charset=UTF-16"));
        headers.put("charset EBCDIC", Map.of("Content-Type", type + "; charset=IBM037"));
        headers.put("Content-Encoding gzip, not compressed", Map.of("Content-Type", type, "Content-Encoding", "gzip"));
        headers.put("Content-Encoding br", Map.of("Content-Type", type, "Content-Encoding", "br"));
        headers.forEach((label, h) -> cases.add(new CorpusCase(operation.name() + ": " + label, operation.method(),
                target, authorized(h), body, 0, 415, List.of())));
        cases.add(new CorpusCase(operation.name() + ": Content-Encoding gzip, compressed", operation.method(), target,
                authorized(Map.of("Content-Type", type, "Content-Encoding", "gzip")), gzip(body), 0, 415, List.of()));
        byte[] nonAscii = ("{\"name\":\"Emma\u00fcs\"}").getBytes(StandardCharsets.UTF_8);
        cases.add(new CorpusCase(operation.name() + ": charset ISO-8859-1 on non-ASCII UTF-8 bytes",
                operation.method(), target, authorized(Map.of("Content-Type", type + "; charset=ISO-8859-1")),
                nonAscii, 0, 415, List.of()));
        Map<String, String> typed = authorized(Map.of("Content-Type", type));
        cases.add(new CorpusCase(operation.name() + ": a body one byte over the limit", operation.method(), target,
                typed, oversized(bodyLimit + 1), 0, 413, List.of()));
        cases.add(new CorpusCase(operation.name() + ": a declared body of 3 MiB", operation.method(), target,
                typed, oversized(3 * 1024 * 1024), 0, 413, List.of()));
        cases.add(new CorpusCase(operation.name() + ": a chunked body of 1.65 MB", operation.method(), target,
                typed, oversized(1_650_000), 8192, 413, List.of()));
        cases.add(new CorpusCase(operation.name() + ": a chunked body of 3 MiB", operation.method(), target, typed,
                oversized(3 * 1024 * 1024), 65536, 413, List.of()));
    }

    private CorpusCase body(Operation operation, String label, String text, int status, String field) {
        return request(operation, "body: " + label, target(operation, Map.of(), Map.of()), Map.of(),
                text.getBytes(StandardCharsets.UTF_8), status, field == null ? List.of() : List.of(field));
    }

    private CorpusCase request(Operation operation, String label, String target, Map<String, String> headers,
                               byte[] body, int status, List<String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null && operation.takesBody()) {
            all.put("Content-Type", operation.takesJson() ? "application/json" : operation.mediaTypes().get(0));
        }
        all.putAll(headers);
        return new CorpusCase(operation.name() + ": " + label, operation.method(), target, authorized(all),
                operation.takesBody() ? body : null, 0, status, fields);
    }

    private Map<String, String> authorized(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", authorization);
        all.putAll(headers);
        return all;
    }

    /** The path with well-formed samples, except the parameters given (already encoded); query as given. */
    private String target(Operation operation, Map<String, String> pathOrQuery, Map<String, String> extraQuery) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Operation.Parameter parameter : operation.parameters()) {
            String value = pathOrQuery.get(parameter.name());
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", value != null ? value
                        : BadValues.encode(samples.text(parameter.name(), parameter.schema())));
            } else if (value != null || parameter.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=')
                        .append(value != null ? value : BadValues.encode(samples.text(parameter.name(),
                                parameter.schema())));
            }
        }
        extraQuery.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(value));
        return path + query;
    }

    private String separator(Operation operation) {
        return target(operation, Map.of(), Map.of()).contains("?") ? "&" : "?";
    }

    private byte[] baseBody(Operation operation) {
        if (!operation.takesBody()) {
            return null;
        }
        return operation.takesJson() ? bytes(baseBody(operation, List.of())) : "x\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The required fields, and the parents of {@code path} so that a nested field can be set. */
    private ObjectNode baseBody(Operation operation, List<Object> path) {
        ObjectNode body = samples.object(operation.body());
        Schema schema = operation.body();
        JsonNode node = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            if (step instanceof String name) {
                schema = schema.properties().get(name);
                if (!node.has(name)) {
                    ((ObjectNode) node).set(name, samples.of(name, schema));
                }
                node = node.get(name);
            } else {
                schema = schema.items();
                node = node.get((Integer) step);
            }
        }
        return body;
    }

    private static void set(ObjectNode body, List<Object> path, JsonNode value) {
        JsonNode node = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (node instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (node instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }

    private static String display(List<Object> path) {
        StringBuilder display = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                display.append('[').append(index).append(']');
            } else {
                display.append(display.isEmpty() ? "" : ".").append(step);
            }
        }
        return display.toString();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] oversized(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'x');
        byte[] start = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void check(CorpusCase c) {
        Object before = store.get();
        RawHttp.Answer answer = c.chunkSize() > 0
                ? http.sendChunked(http.head(c.method(), c.target(), c.headers()), c.body(), c.chunkSize())
                : http.request(c.method(), c.target(), c.headers(), c.body());
        assertEquals(c.status(), answer.status(), () -> "status of " + c.name() + ": " + answer);
        assertTrue(answer.contentType().toLowerCase(Locale.ROOT).startsWith(PROBLEM), () -> "problem+json: "
                + answer);
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
        assertEquals(c.status(), problem.path("status").asInt(), () -> "status in the problem: " + answer);
        assertTrue(answer.body().length() < 4_000, () -> "a bounded answer: " + answer.body().length());
        for (String leak : List.of("org.convergence", "java.", "jakarta.", "Exception", "\tat ", "<script")) {
            assertFalse(answer.body().contains(leak), () -> "'" + leak + "' told: " + answer);
        }
        if (!c.fields().isEmpty()) {
            Set<String> named = new TreeSet<>();
            problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
            for (String field : c.fields()) {
                assertTrue(named.contains(field), () -> "names " + field + ", not only " + named + ": " + answer);
            }
        }
        Object after = store.get();
        assertEquals(before, after, () -> "nothing stored or moved by " + c.name());
    }

    /** For the closing note and the docs: cases per operation. */
    public static String summary(Map<String, List<CorpusCase>> cases) {
        return cases.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size())
                .collect(Collectors.joining("\n"));
    }
}
