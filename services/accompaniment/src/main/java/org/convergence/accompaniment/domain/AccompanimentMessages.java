package org.convergence.accompaniment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Commands and events of a pathway's accompaniment. Health is special-category data: every message carries
 * categories, statuses and dates, never a description.
 */
public final class AccompanimentMessages {

    private AccompanimentMessages() {
    }

    public record RecordAssessmentCommand(AccompaniedPathway pathway, LocalDate assessedOn,
                                          HousingSituation housingAtEntry, Set<BarrierCategory> barriers) {
        public RecordAssessmentCommand {
            barriers = Set.copyOf(barriers);
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.accompaniment(pathway.pathwayId());
        }
    }

    public record ChangeBarrierStatusCommand(AccompaniedPathway pathway, BarrierCategory category,
                                             BarrierStatus status, LocalDate changedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.accompaniment(pathway.pathwayId());
        }
    }

    public record RecordHealthRightsOpeningCommand(AccompaniedPathway pathway, HealthRightsKind kind,
                                                   LocalDate openedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.accompaniment(pathway.pathwayId());
        }
    }

    /**
     * A referral for this pathway's barrier was completed by its partner on {@code completedOn}: the barrier
     * moves to {@code RESOLVED} if the referral's category is one a completion resolves (sent by the referral
     * follow-up, once per referral).
     */
    public record ResolveBarrierAfterReferralCommand(AccompaniedPathway pathway, String referralId,
                                                     BarrierCategory category, LocalDate completedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.accompaniment(pathway.pathwayId());
        }
    }

    /** The barriers are listed in category order, each {@code IDENTIFIED} from {@code assessedOn}. */
    public record AssessmentRecordedEvent(String pathwayId, String participantId, String program, String territoryId,
                                          String chantierId, LocalDate assessedOn, HousingSituation housingAtEntry,
                                          List<BarrierCategory> barriers) {
    }

    public record BarrierStatusChangedEvent(String pathwayId, String participantId, String territoryId,
                                            String chantierId, BarrierCategory category, BarrierStatus status,
                                            LocalDate changedOn) {
    }

    public record HealthRightsOpenedEvent(String pathwayId, String participantId, String territoryId,
                                          String chantierId, HealthRightsKind kind, LocalDate openedOn) {
    }

    /**
     * A barrier became {@code RESOLVED} on {@code changedOn} because referral {@code referralId} was completed: a
     * status change like any other (published as {@code barrier.status-changed}), which the chantier corrects by
     * recording the barrier's real status, dated the same day or later.
     */
    public record BarrierResolvedByReferralEvent(String pathwayId, String participantId, String territoryId,
                                                 String chantierId, BarrierCategory category, String referralId,
                                                 LocalDate changedOn) {
    }
}
