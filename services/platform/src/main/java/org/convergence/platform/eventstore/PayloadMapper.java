package org.convergence.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Turns domain event records into readable BSON and back, through Jackson. Stored payloads stay plain JSON
 * (dates as ISO strings) so an operator can read the event store and a future upcaster can rewrite it.
 */
public final class PayloadMapper {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Document toDocument(Object payload) {
        try {
            return Document.parse(mapper.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store payload of type " + payload.getClass().getName(), e);
        }
    }

    public Object fromDocument(Document document, String payloadType) {
        try {
            Class<?> type = Class.forName(payloadType, true, Thread.currentThread().getContextClassLoader());
            return mapper.readValue(document.toJson(RELAXED), type);
        } catch (ClassNotFoundException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored payload of type " + payloadType, e);
        }
    }
}
