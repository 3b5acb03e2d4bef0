package org.convergence.transitions.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Employers (Franprix first) and their stores in territories, managed by the national team. */
public final class EmployerMessages {

    private EmployerMessages() {
    }

    public record RegisterEmployerCommand(String employerId, String name) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.employer(employerId);
        }
    }

    public record RegisterStoreCommand(String employerId, String storeId, String name, String territoryId) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.employer(employerId);
        }
    }

    public record EmployerRegisteredEvent(String employerId, String name) {
    }

    public record StoreRegisteredEvent(String employerId, String storeId, String name, String territoryId) {
    }
}
