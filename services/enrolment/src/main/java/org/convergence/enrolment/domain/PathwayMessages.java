package org.convergence.enrolment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands and events of the pathway aggregate: one stint of a participant in one program at one chantier. */
public final class PathwayMessages {

    private PathwayMessages() {
    }

    /**
     * Entry dates may lie years back: a territory joins with the people it already accompanies.
     * {@code promotedFrom} is the Premières Heures pathway a Convergence pathway continues, or null.
     */
    public record EnrolParticipantCommand(String pathwayId, String participantId, String program,
                                          EnrolmentSite site, LocalDate entryDate, String promotedFrom) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    /**
     * A pathway that already ended, from a territory's history: its enrolment and its exit are recorded together,
     * in one commit, or not at all. The exit category may be unknown in old records.
     */
    public record RecordPastPathwayCommand(String pathwayId, String participantId, String program,
                                           EnrolmentSite site, LocalDate entryDate, LocalDate exitDate,
                                           ExitCategory category, HousingSituation housingAtExit) {
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

    /**
     * Ends a Premières Heures pathway by promotion to a Convergence CDDI, which continues as another pathway at
     * {@code target}, which must carry Convergence.
     */
    public record PromoteToConvergenceCommand(String pathwayId, String convergencePathwayId,
                                              LocalDate promotionDate, EnrolmentSite target) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    /**
     * Withdraws a pathway id whose enrolment never completed (its request died between claiming the participant's
     * slot and storing the enrolment), so that the enrolment can never be stored afterwards. See docs/adr/0015.
     */
    public record AbandonEnrolmentCommand(String pathwayId, String participantId, String program) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    /** A wrong entry date is corrected by a new fact; the first one stays in the history. */
    public record CorrectEntryDateCommand(String pathwayId, LocalDate entryDate) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    /** A wrong exit (date, category or housing) is corrected by a new fact replacing the three together. */
    public record CorrectExitCommand(String pathwayId, LocalDate exitDate, ExitCategory category,
                                     HousingSituation housingAtExit) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    /** A post-exit follow-up check-in at one of the milestones (months after the exit). */
    public record RecordCheckInCommand(String pathwayId, int milestoneMonths, LocalDate checkInDate,
                                       ExitCategory employmentStatus, HousingSituation housingSituation) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.pathway(pathwayId);
        }
    }

    public record ParticipantEnrolledEvent(String pathwayId, String participantId, String program,
                                           String territoryId, String chantierId, LocalDate entryDate,
                                           String promotedFrom) {
    }

    /**
     * The enrolment under this pathway id was abandoned before it was stored: the id names no pathway, and the
     * participant's slot for the program went to another enrolment. Internal to enrolment: never published.
     */
    public record EnrolmentAbandonedEvent(String pathwayId, String participantId, String program) {
    }

    public record PromotedToConvergenceEvent(String pathwayId, String participantId, String territoryId,
                                             String chantierId, String convergencePathwayId,
                                             LocalDate promotionDate) {
    }

    public record PathwayExitRecordedEvent(String pathwayId, String participantId, String program,
                                           String territoryId, String chantierId, LocalDate exitDate,
                                           ExitCategory category, HousingSituation housingAtExit) {
    }

    public record EntryDateCorrectedEvent(String pathwayId, String participantId, String territoryId,
                                          String chantierId, LocalDate previousEntryDate, LocalDate entryDate) {
    }

    public record ExitCorrectedEvent(String pathwayId, String participantId, String program, String territoryId,
                                     String chantierId, LocalDate exitDate, ExitCategory category,
                                     HousingSituation housingAtExit) {
    }

    public record CheckInRecordedEvent(String pathwayId, String participantId, String territoryId, String chantierId,
                                       int milestoneMonths, LocalDate checkInDate, ExitCategory employmentStatus,
                                       HousingSituation housingSituation) {
    }
}
