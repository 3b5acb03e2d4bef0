package org.convergence.platform.relay;

import org.convergence.contracts.EventEnvelope;

/** An integration event ready to be published on a topic, keyed by {@code envelope.key()}. */
public record OutgoingEvent(String topic, EventEnvelope envelope) {
}
