package org.convergence.testsupport;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Contract envelopes as a producing service would write them, for tests that feed a handler or a topic. */
public final class TestEnvelopes {

    public static final IntegrationEventCodec CODEC = new IntegrationEventCodec(IntegrationEvents.all());

    private TestEnvelopes() {
    }

    /** An envelope with a fresh event id, recorded now. */
    public static <P extends IntegrationPayload> EventEnvelope envelope(IntegrationEventType<P> type, P payload,
                                                                       LocalDate occurredOn, String key,
                                                                       String territoryId, String chantierId) {
        return new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(), occurredOn,
                Instant.now(), key, territoryId, chantierId, CODEC.toJson(payload));
    }
}
