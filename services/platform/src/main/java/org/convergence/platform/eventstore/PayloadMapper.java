package org.convergence.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns domain event records into readable BSON and back, through Jackson. Stored payloads stay plain JSON
 * (dates as ISO strings) so an operator can read the event store and a future upcaster can rewrite it.
 *
 * <p>Both ways skip the JSON text when the payload holds only plain JSON values (strings, whole numbers, finite
 * doubles, booleans, nulls, objects, arrays), which is every domain event here: the tree Jackson builds is copied to
 * the document, and the document's values are handed to Jackson, giving exactly what the text would have given
 * (ADR 0052; a whole number becomes an int32 when it fits, as {@link Document#parse} reads it). Anything else (a
 * float, a big decimal, a BSON date or id read from an old document, a field named like an extended-JSON operator)
 * goes through the text as before, so the stored form never depends on which way was taken.
 */
public final class PayloadMapper {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Payloads stored or read through the JSON text (not plain JSON values): tests check the usual way skips it. */
    private final LongAdder throughText = new LongAdder();

    public Document toDocument(Object payload) {
        JsonNode tree = mapper.valueToTree(payload);
        if (tree != null && tree.isObject()) {
            Document document = new Document();
            if (copyFields(tree, document)) {
                return document;
            }
        }
        throughText.increment();
        return toDocumentThroughText(payload);
    }

    public Object fromDocument(Document document, String payloadType) {
        Class<?> type;
        try {
            type = Class.forName(payloadType, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read stored payload of type " + payloadType, e);
        }
        if (plainValues(document)) {
            try {
                return mapper.convertValue(document, type);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read stored payload of type " + payloadType, e);
            }
        }
        throughText.increment();
        return fromDocumentThroughText(document, payloadType, type);
    }

    long throughTextCount() {
        return throughText.sum();
    }

    /** The former way, kept for payloads holding anything but plain JSON values (and to compare in tests). */
    Document toDocumentThroughText(Object payload) {
        try {
            return Document.parse(mapper.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store payload of type " + payload.getClass().getName(), e);
        }
    }

    /** The former way, kept for documents holding anything but plain JSON values (and to compare in tests). */
    Object fromDocumentThroughText(Document document, String payloadType, Class<?> type) {
        try {
            return mapper.readValue(document.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored payload of type " + payloadType, e);
        }
    }

    /** What {@link #plainValue(JsonNode)} answers for a node that is not plain JSON. */
    private static final Object NOT_PLAIN = new Object();

    /** Copies an object node's fields into {@code into}; false if some value is not plain JSON. */
    private static boolean copyFields(JsonNode object, Map<String, Object> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith("$")) {
                return false; // the text way would read it as extended JSON
            }
            Object value = plainValue(field.getValue());
            if (value == NOT_PLAIN) {
                return false;
            }
            into.put(field.getKey(), value);
        }
        return true;
    }

    /** The value {@link Document#parse} would read for this node, or {@link #NOT_PLAIN}. */
    private static Object plainValue(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NULL -> null;
            case NUMBER -> plainNumber(node);
            case OBJECT -> {
                Document nested = new Document();
                yield copyFields(node, nested) ? nested : NOT_PLAIN;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    Object value = plainValue(item);
                    if (value == NOT_PLAIN) {
                        yield NOT_PLAIN;
                    }
                    items.add(value);
                }
                yield items;
            }
            default -> NOT_PLAIN; // binary, embedded objects, missing
        };
    }

    private static Object plainNumber(JsonNode node) {
        if (node.isInt() || node.isShort()) {
            return node.intValue();
        }
        if (node.isLong()) {
            long value = node.longValue();
            return value == (int) value ? (Object) (int) value : (Object) value;
        }
        if (node.isDouble() && Double.isFinite(node.doubleValue())) {
            return node.doubleValue();
        }
        return NOT_PLAIN; // floats, big integers and decimals: their text is what the store has read
    }

    /** True if every value is one the relaxed JSON text would write as plain JSON. */
    private static boolean plainValues(Map<?, ?> document) {
        for (Map.Entry<?, ?> entry : document.entrySet()) {
            if (!(entry.getKey() instanceof String key) || key.startsWith("$") || !plainValue(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainValue(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Map<?, ?> nested) {
            return plainValues(nested);
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (!plainValue(item)) {
                    return false;
                }
            }
            return true;
        }
        return false; // dates, ids, decimals, binaries... as read back from the database
    }
}
