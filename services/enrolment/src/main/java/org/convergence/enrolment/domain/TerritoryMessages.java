package org.convergence.enrolment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands and events of the territory aggregate. */
public final class TerritoryMessages {

    private TerritoryMessages() {
    }

    public record RegisterTerritoryCommand(String territoryId, String name, DensityKind densityKind) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.territory(territoryId);
        }
    }

    public record TerritoryRegisteredEvent(String territoryId, String name, DensityKind densityKind) {
    }
}
