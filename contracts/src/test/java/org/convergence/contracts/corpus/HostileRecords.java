package org.convergence.contracts.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.WireFormats;
import org.convergence.contracts.input.Identifiers;
import org.convergence.contracts.validation.ContractSchemas;
import org.convergence.contracts.validation.FactRules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Kafka door's malformed-input corpus, generated from the contracts' JSON schemas: for every registered type, a
 * valid sample ({@link ContractSamples}) broken one way at a time, on every field of the envelope and of the
 * payload, as the field's schema suggests (wrong JSON types, nulls, missing required fields, enum ordinals and
 * padded names, loose and implausible dates, huge, empty and control-character strings, ids of the wrong format,
 * duplicate keys, unknown fields), plus envelope/payload mismatches and records that are not envelopes at all. A new
 * contract joins the corpus by being registered: nothing here names a type or a field of a contract.
 */
public final class HostileRecords {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    private static final String HUGE = "a".repeat(100_000);
    private static final String OTHER_TERRITORY = "elsewhere-t";
    private static final String OTHER_CHANTIER = "elsewhere-c";

    private final ContractSamples samples;
    private final ObjectNode envelopeSchema = ContractSamples.readSchema(ContractSchemas.ENVELOPE_RESOURCE);
    private final List<HostileRecord> records = new ArrayList<>();
    private long seed = 1;

    public HostileRecords(ContractSamples samples) {
        this.samples = samples;
    }

    /** The whole corpus for {@code types}: several thousand records, each to be refused naming its field. */
    public List<HostileRecord> generate(List<IntegrationEventType<?>> types) {
        records.clear();
        for (IntegrationEventType<?> type : types) {
            ObjectNode valid = samples.envelope(type, seed++);
            Iterator<Map.Entry<String, JsonNode>> fields = envelopeSchema.path("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean required = isRequired(envelopeSchema, field.getKey());
                if (valid.has(field.getKey()) || required) {
                    fieldCases(type, valid, List.of(field.getKey()), field.getValue(), required);
                }
            }
            payloadCases(type, valid, ContractSamples.schemaOf(type), List.of("payload"));
            crossFieldCases(type, valid);
        }
        wholeRecordCases(samples.envelope(types.get(0), seed++));
        return List.copyOf(records);
    }

    /** A sample of {@code size} records spread over every kind of case, always the same for the same corpus. */
    public static List<HostileRecord> sample(List<HostileRecord> corpus, int size) {
        List<HostileRecord> sample = new ArrayList<>(size);
        Random random = new Random(42);
        double step = (double) corpus.size() / size;
        for (int i = 0; i < size && i < corpus.size(); i++) {
            int from = (int) (i * step);
            int to = Math.max(from + 1, (int) ((i + 1) * step));
            sample.add(corpus.get(from + random.nextInt(Math.min(to, corpus.size()) - from)));
        }
        return sample;
    }

    private void payloadCases(IntegrationEventType<?> type, ObjectNode valid, JsonNode schema, List<Object> path) {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<Object> fieldPath = append(path, property.getKey());
            JsonNode fieldSchema = property.getValue();
            fieldCases(type, valid, fieldPath, fieldSchema, isRequired(schema, property.getKey()));
            if ("object".equals(fieldSchema.path("type").asText())) {
                payloadCases(type, valid, fieldSchema, fieldPath);
            } else if ("array".equals(fieldSchema.path("type").asText())
                    && "object".equals(fieldSchema.path("items").path("type").asText())) {
                payloadCases(type, valid, fieldSchema.get("items"), append(fieldPath, 0));
            }
        }
        String where = render(path);
        add(type, "unknown field in " + where, where + ".unexpected", valid, root -> objectAt(root, path)
                .put("unexpected", "x"));
        add(type, "operator-like field in " + where, where + ".$where", valid, root -> objectAt(root, path)
                .put("$where", "1"));
        add(type, "field named __proto__ in " + where, where + ".__proto__", valid, root -> objectAt(root, path)
                .set("__proto__", NODES.objectNode()));
    }

    /** Every way one field can be broken, given its schema. */
    private void fieldCases(IntegrationEventType<?> type, ObjectNode valid, List<Object> path, JsonNode schema,
                            boolean required) {
        String where = render(path);
        add(type, where + " is null", where, valid, set(path, NODES.nullNode()));
        if (required) {
            add(type, where + " is missing", where, valid, root -> objectAt(root, parent(path))
                    .remove((String) last(path)));
        }
        duplicates(type, valid, path);
        String kind = schema.has("enum") && !schema.has("type") ? "string" : schema.path("type").asText("string");
        for (JsonNode wrong : wrongTypes(kind)) {
            add(type, where + " is the JSON " + wrong.getNodeType() + " " + abbreviate(wrong), where, valid,
                    set(path, wrong));
        }
        if ("string".equals(kind)) {
            stringCases(type, valid, path, schema);
        } else if ("integer".equals(kind)) {
            for (JsonNode bad : List.of(NODES.numberNode(6.0), NODES.numberNode(0), NODES.numberNode(-1),
                    NODES.numberNode(13), NODES.numberNode(Long.MAX_VALUE), NODES.textNode("6"),
                    NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")))) {
                if (!allows(schema, bad)) {
                    add(type, where + " is " + bad, where, valid, set(path, bad));
                }
            }
        } else if ("array".equals(kind)) {
            if (schema.path("minItems").asInt(1) > 0) { // an array that may be empty says so: "minItems": 0
                add(type, where + " is empty", where, valid, set(path, NODES.arrayNode()));
            }
            add(type, where + " has too many items", where, valid, root -> {
                ArrayNode items = NODES.arrayNode();
                JsonNode item = valueAt(root, path).get(0);
                for (int i = 0; i <= schema.path("maxItems").asInt(1000); i++) {
                    items.add(item.deepCopy());
                }
                setAt(root, path, items);
            });
            add(type, where + " holds a null", where + "[0]", valid, set(path, NODES.arrayNode().addNull()));
        }
    }

    private void stringCases(IntegrationEventType<?> type, ObjectNode valid, List<Object> path, JsonNode schema) {
        String where = render(path);
        List<String> bad = new ArrayList<>();
        for (String generic : List.of("", " ", HUGE, "a\u0000b", "\u202Eabc", "\u200B", "a\nb", "\u0007",
                "\uFEFFparis")) {
            if (!allows(schema, NODES.textNode(generic))) {
                bad.add(generic);
            }
        }
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asText();
            bad.addAll(List.of("0", "", " " + first, first + " ", first.toLowerCase(), first + "\u0000", "RETIRED",
                    first + "\t", "\"" + first + "\""));
            add(type, where + " is the enum ordinal 0", where, valid, set(path, NODES.numberNode(0)));
            add(type, where + " is the enum ordinal 1", where, valid, set(path, NODES.numberNode(1)));
        }
        String pattern = schema.path("pattern").asText("");
        if (pattern.equals(Identifiers.SLUG)) {
            bad.addAll(List.of("$set", "$where", "a.b", "Paris", "a", "-abc", "paris\n", "paris ", "pa ris",
                    "x".repeat(64), "paris/../lyon", "6c7d2f71-c2db-4f84-8829-8D74F07253AA"));
        } else if (pattern.equals(Identifiers.UUID)) {
            bad.addAll(List.of("1-1-1-1-1", "6C7D2F71-C2DB-4F84-8829-8D74F07253AA",
                    "{6c7d2f71-c2db-4f84-8829-8d74f07253aa}", "6c7d2f71c2db4f8488298d74f07253aa", "p-1",
                    "6c7d2f71-c2db-4f84-8829-8d74f07253aa\n", "6c7d2f71-c2db-4f84-8829-8d74f07253a",
                    "$set", "paris"));
        } else if (pattern.equals(WireFormats.PROGRAM_CODE)) {
            bad.addAll(List.of("convergence", "PETITS PAS", " CONVERGENCE", "A", "X".repeat(41), "CONVERGENCE\n",
                    "PREMIÈRES_HEURES", "1ST_PROGRAM"));
        } else if (pattern.equals(WireFormats.DATE)) {
            bad.addAll(List.of("2020-01-01T00:00:00Z", "20200203", " 2020-01-01", "2020-01-01 ", "+002020-01-01",
                    "0000-01-01", "-2020-01-01", "2020-02-30", "2020-1-1", "2020/01/01", "01/02/2020",
                    "1989-12-31", "2999-01-01", "2020-01-01\u0000", "today"));
            add(type, where + " is the number 20200203", where, valid, set(path, NODES.numberNode(20200203)));
            add(type, where + " is the array [2020,1,1]", where, valid,
                    set(path, NODES.arrayNode().add(2020).add(1).add(1)));
        } else if (pattern.equals(WireFormats.INSTANT)) {
            bad.addAll(List.of("2026-01-15T10:00:00+02:00", "2026-01-15 10:00:00Z", "2026-01-15",
                    "2099-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2026-13-15T10:00:00Z", "now"));
            add(type, where + " is epoch seconds", where, valid, set(path, NODES.numberNode(1768471200L)));
        } else if (pattern.equals(WireFormats.EVENT_TYPE)) {
            bad.addAll(List.of("pathway.teleported", "PATHWAY.ENROLLED", "pathway", "pathway.enrolled ",
                    type.name() + ".v2"));
        }
        // Past the generic values, each list is made of values its format refuses, or its window does.
        for (String value : bad) {
            add(type, where + " is " + quote(value), where, valid, set(path, NODES.textNode(value)));
        }
    }

    /** Facts the schemas alone accept, but that contradict themselves or lie outside any plausible window. */
    private void crossFieldCases(IntegrationEventType<?> type, ObjectNode valid) {
        JsonNode payload = valid.get("payload");
        if (payload.has("territoryId")) {
            add(type, "envelope territory differs from the payload's", "payload.territoryId", valid,
                    root -> root.put("territoryId", OTHER_TERRITORY));
        }
        if (payload.has("chantierId")) {
            add(type, "envelope chantier differs from the payload's", "payload.chantierId", valid,
                    root -> root.put("chantierId", OTHER_CHANTIER));
        }
        if (type.scope() != IntegrationEventType.Scope.NONE) {
            add(type, "envelope without the territory of a territory fact", "territoryId", valid,
                    root -> root.remove("territoryId"));
        }
        if (type.scope() == IntegrationEventType.Scope.CHANTIER) {
            add(type, "envelope without the chantier of a chantier fact", "chantierId", valid,
                    root -> root.remove("chantierId"));
        }
        String key = valid.get("key").asText();
        String otherKey = Identifiers.isUuid(key) ? ContractSamples.uuid("someone-else", seed) : "someone-else";
        add(type, "envelope key is not the payload's " + type.keyField(), "key", valid,
                root -> root.put("key", otherKey));
        add(type, "occurredOn before 1990", "occurredOn", valid, root -> root.put("occurredOn", "1989-12-31"));
        add(type, "occurredOn years after the recording", "occurredOn", valid,
                root -> root.put("occurredOn", "2999-01-01"));
        add(type, "schemaVersion of no known schema", "schemaVersion", valid,
                root -> root.put("schemaVersion", type.version() + 1));
        add(type, "payload of another type", null, valid, root -> root.put("type",
                type.name().startsWith("pathway.") ? "territory.registered" : "pathway.enrolled"));
        add(type, "payload is an array", "payload", valid, root -> root.set("payload", NODES.arrayNode()));
        add(type, "payload is empty", null, valid, root -> root.set("payload", NODES.objectNode()));
        for (String date : datesOf(payload, "payload")) {
            List<Object> path = parsePath(date);
            String field = (String) last(path);
            if (FactRules.PAST_DATES.contains(field) || FactRules.PLANNED_DATES.contains(field)) {
                add(type, date + " years after the recording", date, valid, set(path, NODES.textNode("2999-01-01")));
                add(type, date + " before 1990", date, valid, set(path, NODES.textNode("1989-12-31")));
            }
        }
    }

    /** Records that are not an envelope at all, or not one JSON text. */
    private void wholeRecordCases(ObjectNode valid) {
        String text = valid.toString();
        raw("no value", null);
        raw("empty value", new byte[0]);
        raw("JSON null", bytes("null"));
        raw("blank", bytes("   "));
        raw("JSON array", bytes("[" + text + "]"));
        raw("JSON string", bytes("\"" + valid.get("eventId").asText() + "\""));
        raw("JSON number", bytes("42"));
        raw("JSON true", bytes("true"));
        raw("empty object", bytes("{}"));
        raw("truncated", bytes(text.substring(0, text.length() / 2)));
        raw("trailing object", bytes(text + " {}"));
        raw("trailing garbage", bytes(text + "x"));
        raw("two envelopes", bytes(text + text));
        raw("single quotes", bytes(text.replace('"', '\'')));
        raw("comment", bytes("/* hi */" + text));
        raw("NaN", bytes("NaN"));
        raw("byte-order mark", bytes("\uFEFF" + text));
        raw("UTF-16", text.getBytes(StandardCharsets.UTF_16));
        raw("invalid UTF-8", new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        raw("binary", new Random(7).ints(512, 0, 256).collect(ByteArrayOutputStream::new,
                (out, b) -> out.write(b), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());
        raw("deeply nested arrays", bytes("[".repeat(100_000) + "]".repeat(100_000)));
        raw("deeply nested payload", bytes(text.replace("\"payload\":{", "\"payload\":{\"a\":"
                + "{\"a\":".repeat(50) + "1" + "}".repeat(50) + ",")));
        raw("value above 1 MiB", bytes("{\"eventId\":\"" + "a".repeat(1_100_000) + "\"}"));
        raw("number with 100,000 digits", bytes(text.replace("\"schemaVersion\":1", "\"schemaVersion\":1"
                + "0".repeat(100_000))));
        raw("envelope with a nul byte", bytes(text.replace("{\"eventId\"", "{\u0000\"eventId\"")));
    }

    private void duplicates(IntegrationEventType<?> type, ObjectNode valid, List<Object> path) {
        if (!(last(path) instanceof String field)) {
            return;
        }
        String where = render(path);
        records.add(new HostileRecord(type + ": " + where + " given twice, the last one bad", key(valid),
                withDuplicate(valid, path, NODES.textNode("x")), field));
        records.add(new HostileRecord(type + ": " + where + " given twice, both the same", key(valid),
                withDuplicate(valid, path, valueAt(valid, path)), field));
    }

    private void add(IntegrationEventType<?> type, String description, String field, ObjectNode valid,
                     Consumer<ObjectNode> mutation) {
        ObjectNode copy = valid.deepCopy();
        mutation.accept(copy);
        records.add(new HostileRecord(type + ": " + description, key(copy), ContractSamples.bytes(copy), field));
    }

    private void raw(String description, byte[] value) {
        records.add(new HostileRecord("record: " + description, "raw-" + records.size(), value, null));
    }

    private static String key(ObjectNode envelope) {
        JsonNode key = envelope.get("key");
        return key != null && key.isTextual() && key.asText().length() < 100 ? key.asText() : "hostile";
    }

    private static List<JsonNode> wrongTypes(String kind) {
        List<JsonNode> all = List.of(NODES.textNode("x"), NODES.numberNode(12345), NODES.numberNode(1.5),
                NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode());
        return all.stream().filter(node -> !switch (kind) {
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "array" -> node.isArray();
            case "object" -> node.isObject();
            default -> false;
        }).toList();
    }

    /** Whether the field's own schema would take {@code value} (enum, pattern and length only: enough here). */
    private static boolean allows(JsonNode schema, JsonNode value) {
        if ("integer".equals(schema.path("type").asText()) && !schema.has("enum")) { // a count within its bounds
            return value.isIntegralNumber() && value.canConvertToLong()
                    && value.asLong() >= schema.path("minimum").asLong(Long.MIN_VALUE)
                    && value.asLong() <= schema.path("maximum").asLong(Long.MAX_VALUE);
        }
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if ("integer".equals(schema.path("type").asText()) && value.isIntegralNumber()) {
            // a bounded integer (minutes, hours) allows every whole number within its bounds
            java.math.BigInteger number = value.bigIntegerValue();
            return (!schema.has("minimum") || number.compareTo(schema.get("minimum").bigIntegerValue()) >= 0)
                    && (!schema.has("maximum") || number.compareTo(schema.get("maximum").bigIntegerValue()) <= 0);
        }
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText();
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            return false;
        }
        if (text.isEmpty() && schema.path("minLength").asInt(0) > 0) {
            return false;
        }
        String pattern = schema.path("pattern").asText(null);
        return pattern == null || java.util.regex.Pattern.compile(
                pattern.replace("$", "\\z")).matcher(text).find() && !isDateOutOfCalendar(schema, text);
    }

    private static boolean isDateOutOfCalendar(JsonNode schema, String text) {
        if (!"date".equals(schema.path("format").asText())) {
            return false;
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(text);
            return date.isBefore(FactRules.EARLIEST_DATE) || date.getYear() > 2100;
        } catch (java.time.DateTimeException e) {
            return true;
        }
    }

    private static boolean isRequired(JsonNode schema, String property) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> datesOf(JsonNode node, String path) {
        List<String> dates = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                dates.addAll(datesOf(node.get(i), path + "[" + i + "]"));
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && field.getValue().asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    dates.add(path + "." + field.getKey());
                } else {
                    dates.addAll(datesOf(field.getValue(), path + "." + field.getKey()));
                }
            });
        }
        return dates;
    }

    // --- paths: a list of field names and array indexes from the envelope's root ---

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    private static List<Object> parent(List<Object> path) {
        return path.subList(0, path.size() - 1);
    }

    private static Object last(List<Object> path) {
        return path.get(path.size() - 1);
    }

    private static String render(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(element);
            }
        }
        return text.toString();
    }

    private static List<Object> parsePath(String rendered) {
        List<Object> path = new ArrayList<>();
        for (String part : rendered.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                path.add(part);
            } else {
                path.add(part.substring(0, bracket));
                path.add(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
            }
        }
        return path;
    }

    private static JsonNode valueAt(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object element : path) {
            node = element instanceof Integer index ? node.get(index) : node.get((String) element);
        }
        return node;
    }

    private static ObjectNode objectAt(JsonNode root, List<Object> path) {
        return (ObjectNode) valueAt(root, path);
    }

    private static void setAt(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = valueAt(root, parent(path));
        if (last(path) instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last(path), value);
        }
    }

    private static Consumer<ObjectNode> set(List<Object> path, JsonNode value) {
        return root -> setAt(root, path, value);
    }

    /** The envelope as text with the field at {@code path} written twice, {@code second} the second time. */
    private static byte[] withDuplicate(ObjectNode envelope, List<Object> path, JsonNode second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, envelope, path, 0, second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator generator, JsonNode node, List<Object> path, int depth, JsonNode second)
            throws IOException {
        Object target = depth < path.size() ? path.get(depth) : null;
        if (node.isObject()) {
            generator.writeStartObject();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                generator.writeFieldName(field.getKey());
                boolean onPath = field.getKey().equals(target);
                write(generator, field.getValue(), onPath ? path : List.of(), onPath ? depth + 1 : 0, second);
                if (onPath && depth == path.size() - 1) {
                    generator.writeFieldName(field.getKey());
                    generator.writeTree(second);
                }
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (int i = 0; i < node.size(); i++) {
                boolean onPath = Integer.valueOf(i).equals(target);
                write(generator, node.get(i), onPath ? path : List.of(), onPath ? depth + 1 : 0, second);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        String shown = value.length() > 30 ? value.substring(0, 30) + "…(" + value.length() + " chars)" : value;
        for (char c : shown.toCharArray()) {
            quoted.append(c < 0x20 || (c >= 0x200B && c <= 0x206F) || c == 0xFEFF
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return quoted.append('"').toString();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
