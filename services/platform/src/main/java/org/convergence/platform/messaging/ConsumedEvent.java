package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;

import java.util.Optional;

/** An integration event as a consumer read it: the decoded envelope and where it came from. */
public record ConsumedEvent(String topic, int partition, long offset, EventEnvelope envelope) {

    /**
     * The chantier whose own inbound topic this record is on ({@link Topics#chantierOf}): the one sender fact the
     * broker vouches for (ADR 0021), unlike the envelope's {@code chantierId}. Empty on any other topic.
     */
    public Optional<String> topicChantier() {
        return Topics.chantierOf(topic);
    }
}
