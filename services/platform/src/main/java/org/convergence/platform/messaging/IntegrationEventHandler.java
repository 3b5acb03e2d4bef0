package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;

/**
 * Applies one integration event to a read model. Must be idempotent by {@code eventId}: the loop delivers at
 * least once. Throw {@link RejectedEventException} for an event that can never be applied (it goes to the
 * dead-letter topic); any other exception is taken as transient and the event is retried.
 */
@FunctionalInterface
public interface IntegrationEventHandler {

    void handle(EventEnvelope event);
}
