package org.convergence.platform.relay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** Builds envelopes from stored domain events, reusing the stored event id so a re-relay keeps its identity. */
public final class Envelopes {

    private final IntegrationEventCodec codec;

    public Envelopes(IntegrationEventCodec codec) {
        this.codec = codec;
    }

    public <P extends IntegrationPayload> EventEnvelope of(DomainEventMessage<?> source, IntegrationEventType<P> type,
                                                         P payload, LocalDate occurredOn, String key,
                                                         String territoryId, String chantierId) {
        return new EventEnvelope(source.getIdentifier(), type.name(), type.version(), occurredOn,
                source.getTimestamp(), key, territoryId, chantierId, codec.toJson(payload));
    }
}
