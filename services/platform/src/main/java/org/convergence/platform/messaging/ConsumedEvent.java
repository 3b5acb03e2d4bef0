package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;

/** An integration event as a consumer read it: the decoded envelope and where it came from. */
public record ConsumedEvent(String topic, int partition, long offset, EventEnvelope envelope) {
}
