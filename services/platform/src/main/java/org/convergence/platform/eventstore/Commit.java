package org.convergence.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/** The events one unit of work appended to one aggregate, as stored together in one document. */
public record Commit(String aggregateId, String aggregateType, long firstSequence, long lastSequence,
                     List<DomainEventMessage<?>> events) {

    public long nextSequence() {
        return lastSequence + 1;
    }
}
