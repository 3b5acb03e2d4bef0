package org.convergence.enrolment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

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

    /** Moves a program of the territory to {@code status} from {@code effectiveOn}. */
    public record ChangeProgramStatusCommand(String territoryId, String program, DeploymentStatus status,
                                             LocalDate effectiveOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.territory(territoryId);
        }
    }

    public record ProgramStatusChangedEvent(String territoryId, String program, DeploymentStatus status,
                                            LocalDate effectiveOn) {
    }

    public record DesignateCoordinationCommand(String territoryId, String structureName, LocalDate since) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.territory(territoryId);
        }
    }

    /** The structure that carries the territory's coordination and pooled resources, from a date. */
    public record CoordinationDesignatedEvent(String territoryId, String structureName, LocalDate since) {
    }

    public record RecordSteeringCommitteeCommand(String territoryId, LocalDate heldOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.territory(territoryId);
        }
    }

    /** A COPIL met and validated the territory's organisation on that date. */
    public record SteeringCommitteeHeldEvent(String territoryId, LocalDate heldOn) {
    }
}
