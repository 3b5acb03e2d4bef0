package org.convergence.contracts.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.WireFormats;
import org.convergence.contracts.input.Identifiers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Valid envelopes of any contract, built from its JSON schema alone (every property, optional ones included, with a
 * value of its declared format), so that a new contract gets samples, and hostile variants of them, without a line
 * written for it. Ids are the context's: the territory and chantier given, one participant per sample.
 */
public final class ContractSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String territoryId;
    private final String chantierId;
    private final Instant recordedAt;

    /**
     * @param territoryId the territory every sample belongs to
     * @param chantierId  the chantier every sample belongs to
     * @param recordedAt  the recording instant of every sample (dates are chosen in 2020, before it)
     */
    public ContractSamples(String territoryId, String chantierId, Instant recordedAt) {
        this.territoryId = territoryId;
        this.chantierId = chantierId;
        this.recordedAt = recordedAt;
    }

    /** The JSON schema of a type's payload, from the class path. */
    public static ObjectNode schemaOf(IntegrationEventType<?> type) {
        return readSchema(type.schemaResource());
    }

    public static ObjectNode readSchema(String resource) {
        try (InputStream in = ContractSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No schema " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid envelope of {@code type} with every payload property set, its ids drawn from {@code seed}. */
    public ObjectNode envelope(IntegrationEventType<?> type, long seed) {
        ObjectNode payload = (ObjectNode) sample(schemaOf(type), "payload", seed);
        ObjectNode envelope = NODES.objectNode();
        envelope.put("eventId", uuid("event", seed));
        envelope.put("type", type.name());
        envelope.put("schemaVersion", type.version());
        envelope.put("occurredOn", "2020-01-06");
        envelope.put("recordedAt", recordedAt.toString());
        envelope.put("key", payload.path(type.keyField()).asText(territoryId));
        if (type.scope() != IntegrationEventType.Scope.NONE) {
            envelope.put("territoryId", territoryId);
        }
        if (type.scope() == IntegrationEventType.Scope.CHANTIER) {
            envelope.put("chantierId", chantierId);
        }
        envelope.set("payload", payload);
        return envelope;
    }

    public static byte[] bytes(JsonNode envelope) {
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode sample(JsonNode schema, String name, long seed) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), sample(property.getValue(), property.getKey(), seed));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(schema.get("items"), name, seed));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            }
            case "string" -> {
                return NODES.textNode(text(schema, name, seed));
            }
            default -> throw new IllegalStateException("No sample for a schema of type '" + type + "' (" + name
                    + "): extend ContractSamples");
        }
    }

    private String text(JsonNode schema, String name, long seed) {
        String pattern = schema.path("pattern").asText("");
        if (pattern.equals(Identifiers.SLUG)) {
            return switch (name) {
                case "territoryId" -> territoryId;
                case "chantierId" -> chantierId;
                default -> name.toLowerCase().replace("id", "") + "-" + seed;
            };
        }
        if (pattern.equals(Identifiers.UUID)) {
            return uuid(name, seed);
        }
        if (pattern.equals(WireFormats.PROGRAM_CODE)) {
            return "CONVERGENCE";
        }
        if (pattern.equals(WireFormats.DATE)) {
            return "2020-01-06";
        }
        if (pattern.equals(WireFormats.ISO_WEEK)) {
            return "2020-W02";
        }
        if (pattern.equals(WireFormats.TEXT) || pattern.isEmpty()) {
            return "Emmaüs Défi " + seed;
        }
        throw new IllegalStateException("No sample for the pattern of " + name + ": extend ContractSamples");
    }

    /** A lowercase UUID that depends only on the field and the seed: a sample's participant is its key. */
    public static String uuid(String field, long seed) {
        return UUID.nameUUIDFromBytes((field + "#" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
