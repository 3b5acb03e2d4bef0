package org.convergence.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes integration events, checking each payload against the {@code required} list of its
 * JSON schema, so that the schemas in {@code contracts/} stay the single description of the wire format.
 */
public final class IntegrationEventCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final Map<String, IntegrationEventType<?>> typesByNameAndVersion = new HashMap<>();
    private final Map<IntegrationEventType<?>, List<String>> requiredFields = new HashMap<>();

    public IntegrationEventCodec(List<IntegrationEventType<?>> knownTypes) {
        for (IntegrationEventType<?> type : knownTypes) {
            typesByNameAndVersion.put(type.name() + "#" + type.version(), type);
            requiredFields.put(type, readRequiredFields(type.schemaResource()));
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode event " + envelope.eventId(), e);
        }
    }

    public JsonNode toJson(IntegrationPayload payload) {
        return mapper.valueToTree(payload);
    }

    /** Decodes an envelope and checks that its type is known and its payload complete. */
    public EventEnvelope decode(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidIntegrationEventException("record has no value");
        }
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(bytes, EventEnvelope.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidIntegrationEventException("not a valid event envelope: " + rootMessage(e), e);
        }
        IntegrationEventType<?> type = typeOf(envelope);
        List<String> missing = new ArrayList<>();
        for (String field : requiredFields.get(type)) {
            JsonNode value = envelope.payload().get(field);
            if (value == null || value.isNull()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidIntegrationEventException(
                    type.name() + " v" + type.version() + " payload misses required fields " + missing);
        }
        return envelope;
    }

    public IntegrationEventType<?> typeOf(EventEnvelope envelope) {
        IntegrationEventType<?> type = typesByNameAndVersion.get(envelope.type() + "#" + envelope.schemaVersion());
        if (type == null) {
            throw new InvalidIntegrationEventException(
                    "unknown event type " + envelope.type() + " v" + envelope.schemaVersion());
        }
        return type;
    }

    public <P extends IntegrationPayload> P payload(EventEnvelope envelope, IntegrationEventType<P> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidIntegrationEventException(
                    "payload of " + envelope.eventId() + " is not a valid " + type.name() + ": " + rootMessage(e), e);
        }
    }

    private List<String> readRequiredFields(String schemaResource) {
        try (InputStream in = IntegrationEventCodec.class.getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + schemaResource);
            }
            List<String> required = new ArrayList<>();
            mapper.readTree(in).path("required").forEach(node -> required.add(node.asText()));
            return List.copyOf(required);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
