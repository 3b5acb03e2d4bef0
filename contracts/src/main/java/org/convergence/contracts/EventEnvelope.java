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
 * @param key           partitioning key (the participant's pseudonymous id for pathway facts)
 * @param territoryId   territory the fact belongs to, where relevant
 * @param chantierId    chantier the fact belongs to, where relevant
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
