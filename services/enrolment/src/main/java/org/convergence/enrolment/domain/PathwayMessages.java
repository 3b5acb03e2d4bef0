package org.convergence.enrolment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands and events of the pathway aggregate: one stint of a participant in one program at one chantier. */
public final class PathwayMessages {

    private PathwayMessages() {
    }

    /** Entry dates may lie years back: a territory joins with the people it already accompanies. */
    public record EnrolParticipantCommand(String pathwayId, String participantId, String program,
                                          String territoryId, String chantierId, LocalDate entryDate) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    public record RecordExitCommand(String pathwayId, LocalDate exitDate, ExitCategory category,
                                    HousingSituation housingAtExit) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    public record ParticipantEnrolledEvent(String pathwayId, String participantId, String program,
                                           String territoryId, String chantierId, LocalDate entryDate) {
    }

    public record PathwayExitRecordedEvent(String pathwayId, String participantId, String program,
                                           String territoryId, String chantierId, LocalDate exitDate,
                                           ExitCategory category, HousingSituation housingAtExit) {
    }
}
