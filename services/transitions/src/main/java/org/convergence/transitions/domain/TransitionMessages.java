package org.convergence.transitions.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Commands and events of a pathway's transitions. A command that changes the weekly schedule carries the key under
 * which the hours service accepted that schedule (ADR 0020): it is sent only after hours said yes.
 */
public final class TransitionMessages {

    private TransitionMessages() {
    }

    public record StartTransitionCommand(PathwayFacts pathway, String transitionId, String employerId,
                                         String storeId, LocalDate startedOn, int storeHours, int chantierHours,
                                         String scheduleKey) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.transitions(pathway.pathwayId());
        }
    }

    public record StepTransitionCommand(String pathwayId, String transitionId, LocalDate steppedOn, int storeHours,
                                        int chantierHours, String scheduleKey) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.transitions(pathwayId);
        }
    }

    public record HoldMeetingCommand(String pathwayId, String transitionId, LocalDate heldOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.transitions(pathwayId);
        }
    }

    public record CompleteTransitionCommand(String pathwayId, String transitionId, LocalDate completedOn,
                                            int fullTimeHours) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.transitions(pathwayId);
        }
    }

    /** Interrupted or abandoned: back to the chantier's hours, which hours accepted under {@code scheduleKey}. */
    public record EndTransitionCommand(String pathwayId, String transitionId, Outcome outcome, LocalDate on,
                                       int chantierHours, String scheduleKey) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.transitions(pathwayId);
        }
    }

    public record TransitionStartedEvent(String transitionId, String pathwayId, String participantId,
                                         String territoryId, String chantierId, String employerId, String storeId,
                                         LocalDate startedOn, int storeHours, int chantierHours,
                                         String scheduleKey) {
    }

    public record TransitionSteppedEvent(String transitionId, String pathwayId, String participantId,
                                         String territoryId, String chantierId, LocalDate steppedOn, int storeHours,
                                         int chantierHours, String scheduleKey) {
    }

    public record MeetingHeldEvent(String transitionId, String pathwayId, String territoryId, String chantierId,
                                   LocalDate heldOn) {
    }

    public record TransitionCompletedEvent(String transitionId, String pathwayId, String participantId,
                                           String territoryId, String chantierId, String employerId,
                                           String storeId, LocalDate completedOn) {
    }

    /** An interruption or an abandonment: no store hours from then on, the chantier's hours back. */
    public record TransitionEndedEvent(String transitionId, String pathwayId, String territoryId, String chantierId,
                                       Outcome outcome, LocalDate endedOn, int chantierHours, String scheduleKey) {
    }
}
