package org.convergence.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One record a chantier's software sends: a pathway fact or a weekly timesheet, as the chantier recorded it.
 *
 * @param topic       the inbound topic it goes to: its chantier's own (ADR 0021)
 * @param eventId     the id the sender chose, the same on every re-send
 * @param key         the pathway it is about (the Kafka key)
 * @param territoryId the sending chantier's territory
 * @param chantierId  the sending chantier
 * @param occurredOn  the business date of the fact
 * @param flaw        what is wrong with it on purpose, or null for a valid record
 */
public record SimulatedRecord(String topic, String eventId, String key, String territoryId, String chantierId,
                              IntegrationEventType<?> type, IntegrationPayload payload, LocalDate occurredOn,
                              Flaw flaw) {

    public boolean valid() {
        return flaw == null;
    }

    /** A pathway fact, for the enrolment service's door (else a weekly timesheet, for the hours service's). */
    public boolean pathwayFact() {
        return Topics.CHANTIER_PATHWAYS_PATTERN.matcher(topic).matches();
    }

    public EventEnvelope envelope(IntegrationEventCodec codec, Instant recordedAt) {
        ObjectNode payloadJson = (ObjectNode) codec.toJson(payload);
        if (flaw == Flaw.PATHWAY_MALFORMED) {
            payloadJson.put("firstName", "Ernestine");
        }
        return new EventEnvelope(eventId, type.name(), type.version(), occurredOn, recordedAt, key, territoryId,
                chantierId, payloadJson);
    }

    /** The record's value as its software writes it. */
    public byte[] value(IntegrationEventCodec codec, Instant recordedAt) {
        return codec.encode(envelope(codec, recordedAt));
    }
}
