package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;

import java.util.Objects;
import java.util.Optional;

/**
 * An integration event as a consumer read it: the decoded envelope and where it came from.
 *
 * @param payload the envelope's payload already read as its contract's record by the consumer's decoder thread
 *                (ADR 0044), or null: then a handler binding the fact reads it from the envelope. Derived from the
 *                envelope, so it takes no part in equality.
 */
public record ConsumedEvent(String topic, int partition, long offset, EventEnvelope envelope,
                            IntegrationPayload payload) {

    /** An event whose payload is read from the envelope when a handler binds it. */
    public ConsumedEvent(String topic, int partition, long offset, EventEnvelope envelope) {
        this(topic, partition, offset, envelope, null);
    }

    /** The payload as {@code type}'s record: the one the decoder thread read, or read from the envelope now. */
    public <P extends IntegrationPayload> P payload(IntegrationEventType<P> type, IntegrationEventCodec codec) {
        return payloadOf(envelope, payload, type, codec);
    }

    /**
     * The one place that decides whether a record already read (ADR 0044) can stand for {@code envelope}'s payload:
     * only if it is {@code type}'s record; anything else (none, another type's) is read from the envelope.
     */
    static <P extends IntegrationPayload> P payloadOf(EventEnvelope envelope, IntegrationPayload decoded,
                                                      IntegrationEventType<P> type, IntegrationEventCodec codec) {
        return type.payloadType().isInstance(decoded) ? type.payloadType().cast(decoded)
                : codec.payload(envelope, type);
    }

    /**
     * The chantier whose own inbound topic this record is on ({@link Topics#chantierOf}): the one sender fact the
     * broker vouches for (ADR 0021), unlike the envelope's {@code chantierId}. Empty on any other topic.
     */
    public Optional<String> topicChantier() {
        return Topics.chantierOf(topic);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumedEvent other && topic.equals(other.topic) && partition == other.partition
                && offset == other.offset && Objects.equals(envelope, other.envelope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, envelope);
    }
}
