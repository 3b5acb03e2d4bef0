package org.convergence.platform.support;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.platform.messaging.ConsumedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Enrolment facts as a consumer receives them, without a broker: for projection tests. */
public final class Facts {

    public static final IntegrationEventCodec CODEC = new IntegrationEventCodec(IntegrationEvents.all());
    private static long offset;

    private Facts() {
    }

    public static <P extends IntegrationPayload> ConsumedEvent enrolmentFact(IntegrationEventType<P> type, P payload,
                                                                            String key, String territoryId,
                                                                            String chantierId) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(),
                LocalDate.of(2020, 1, 1), Instant.now(), key, territoryId, chantierId, CODEC.toJson(payload));
        return again(envelope);
    }

    /** The same envelope delivered again (a redelivery), at a later offset. */
    public static synchronized ConsumedEvent again(EventEnvelope envelope) {
        return new ConsumedEvent(Topics.ENROLMENT, 0, offset++, envelope);
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
