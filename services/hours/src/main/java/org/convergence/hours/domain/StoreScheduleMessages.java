package org.convergence.hours.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The store side of a pathway's weekly schedule (ADR 0020), held by the same aggregate as its contracted chantier
 * hours ({@link WeeklyContract}) so that one stream, hence one optimistic lock, orders every change of either side.
 * Asked for by the employer transitions service, each change with a key it chooses: the same key and request give
 * the same answer, the same key with another request is refused.
 */
public final class StoreScheduleMessages {

    private StoreScheduleMessages() {
    }

    /** What a transition asks of the schedule. */
    public enum Change {
        /** The transition starts: store hours begin, chantier hours go down. */
        START,
        /** A step: hours move from the chantier to the store. */
        STEP,
        /** Interrupted or abandoned: no store hours, the chantier hours of the contract before the transition. */
        BACK_TO_CHANTIER
    }

    /**
     * The request as sent, the fingerprint of its key. {@code storeHours} and {@code chantierHours} are null for
     * {@link Change#BACK_TO_CHANTIER}, whose hours the aggregate knows. The change applies from the ISO week of
     * {@code on} (from its Monday, or the pathway's entry if later).
     */
    public record ScheduleRequest(String transitionId, Change change, LocalDate on, Integer storeHours,
                                  Integer chantierHours) {
        public ScheduleRequest {
            Objects.requireNonNull(transitionId, "transitionId");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(on, "on");
        }
    }

    public record ScheduleStoreHoursCommand(PathwayTerms pathway, String key, ScheduleRequest request,
                                            String decidedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.contract(pathway.pathwayId());
        }
    }

    /** The accepted change: from {@code effectiveOn} on, the week is {@code storeHours} + {@code chantierHours}. */
    public record StoreHoursScheduledEvent(String pathwayId, String participantId, String territoryId,
                                           String chantierId, String key, ScheduleRequest request,
                                           LocalDate effectiveOn, int storeHours, int chantierHours,
                                           int previousChantierHours, String decidedBy) {
    }

    /** The answer to a key, the same every time it is asked again with the same request. */
    public record Accepted(String key, String pathwayId, ScheduleRequest request, LocalDate effectiveOn,
                           int storeHours, int chantierHours) {
    }
}
