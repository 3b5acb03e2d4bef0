package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationPayload;

/** One integration event with its payload read as the contract's record. */
public record Fact<P extends IntegrationPayload>(EventEnvelope envelope, P payload) {

    public String eventId() {
        return envelope.eventId();
    }

    public String territoryId() {
        return envelope.territoryId();
    }

    public String chantierId() {
        return envelope.chantierId();
    }
}
