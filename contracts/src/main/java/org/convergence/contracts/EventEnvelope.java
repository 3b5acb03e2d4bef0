package org.convergence.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The common envelope of every integration event (schema {@code schemas/envelope.v1.json}).
 *
 * @param eventId       unique id of the fact; consumers deduplicate on it
 * @param type          event type, e.g. {@code pathway.enrolled}
 * @param schemaVersion version of the payload schema of that type
 * @param occurredOn    business date of the fact (may be years before it was recorded)
 * @param recordedAt    when the producing service stored the fact
 * @param key           the Kafka key, repeated: the id of the fact's subject, equal to the payload field its type
 *                      names ({@link IntegrationEventType#keyField()}): a participant for pathway facts, a territory
 *                      for structure facts, the subject's own id (an employer, a partner, a store) for facts
 *                      outside any territory
 * @param territoryId   territory the fact belongs to; absent for facts of {@link IntegrationEventType.Scope#NONE}
 * @param chantierId    chantier the fact belongs to; present for facts of {@link IntegrationEventType.Scope#CHANTIER}
 * @param payload       the type-specific body, never identity data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String eventId,
        String type,
        int schemaVersion,
        LocalDate occurredOn,
        Instant recordedAt,
        String key,
        String territoryId,
        String chantierId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
