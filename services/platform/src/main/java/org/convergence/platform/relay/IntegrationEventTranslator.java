package org.convergence.platform.relay;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.Set;

/**
 * Each service tells the relay what its domain events mean on the wire. Domain event classes never cross
 * Kafka: only the contract types do. An event with no public meaning translates to an empty list.
 */
public interface IntegrationEventTranslator {

    List<OutgoingEvent> translate(DomainEventMessage<?> event);

    /** The topics this service publishes on; created at start-up if absent. */
    Set<String> topics();
}
