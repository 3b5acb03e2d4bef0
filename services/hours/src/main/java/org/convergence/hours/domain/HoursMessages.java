package org.convergence.hours.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands and events of the hours context: a pathway's contracted weekly hours, and the hours of each week. */
public final class HoursMessages {

    private HoursMessages() {
    }

    /**
     * Contracted weekly hours from {@code effectiveOn} on, until the next decision; a decision with the same date as
     * an earlier one replaces it. {@code decidedBy} is who recorded it (the token's pseudonymous subject).
     */
    public record DecideContractedHoursCommand(PathwayTerms pathway, LocalDate effectiveOn, int weeklyHours,
                                               DecisionReason reason, String decidedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.contract(pathway.pathwayId());
        }
    }

    /**
     * The time worked and absent in one week, as reported for {@code reportingChantierId}. {@code sourceId}
     * identifies the report when its door gives it one (a Kafka record's event id), so a report delivered again is
     * recognised even after a correction; null for REST, where the same figures sent again are the same fact.
     */
    public record RecordWeekHoursCommand(PathwayTerms pathway, IsoWeek week, String reportingChantierId,
                                         int minutesWorked, AbsenceMinutes absences, String sourceId) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.week(pathway.pathwayId(), week);
        }
    }

    /** What a week's report became. */
    public enum WeekOutcome {
        RECORDED, CORRECTED, UNCHANGED
    }

    public record ContractedHoursDecidedEvent(String pathwayId, String participantId, String program,
                                              String territoryId, String chantierId, LocalDate effectiveOn,
                                              int weeklyHours, Integer previousWeeklyHours, DecisionReason reason,
                                              String decidedBy) {
    }

    public record WeekHoursRecordedEvent(String pathwayId, String participantId, String program, String territoryId,
                                         String chantierId, String week, int minutesWorked, AbsenceMinutes absences,
                                         String sourceId) {
    }

    public record WeekHoursCorrectedEvent(String pathwayId, String participantId, String program,
                                          String territoryId, String chantierId, String week, int minutesWorked,
                                          AbsenceMinutes absences, String sourceId) {
    }
}
